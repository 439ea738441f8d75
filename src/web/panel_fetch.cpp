// Sources: the entry to public counts on request. Bluesky and Mastodon exports hold no
// follower count and no reactions received; a real page button (#fetch-open, placed over the
// card like the follower field) opens the consent dialog (web/fetch.js), which says exactly
// what would be sent and to whom. Nothing is fetched from here.
#include "bridge.h"
#include "dash.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void fetch_entry(float w, bool fetched_before) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    gap(14);
    text(f.small, c.text,
         fetched_before ? "Public counts were fetched for this report (host and date above; marked \"fetched\" in the breakdown). You can fetch them again:"
                        : "This export has no follower count and no reactions to your posts. The network publishes "
                          "them: you can ask for them (you will see exactly what is sent first).",
         w);
    gap(6);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float bw = std::min(w, u.rpx(300)), bh = u.rpx(38);
    const float top = ImGui::GetWindowPos().y;  // hidden under the fixed header when scrolled up
    js::place("fetch-open", p.x, p.y, bw, bh, p.y >= top);
    ImGui::Dummy(ImVec2(w, bh));
}

}  // namespace clout::web
