// Topics: the hashtags and keywords of the window, as chips with their post counts.
#include <algorithm>

#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_topics(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_TAG, "Topics");
    const auto& t = r.r.topics;
    if (t.empty()) {
        text(f.small, c.muted, "No recurring topic in the window.", w);
        return;
    }
    // chips, wrapped
    const ImVec2 o = ImGui::GetCursorScreenPos();
    float x = o.x, y = o.y;
    const float ch = f.body->FontSize + u.rpx(12);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& e : t) {
        const std::string label = (e.hashtag ? "#" : "") + e.term;
        const std::string cnt = fmt_int(e.posts);
        const float lw = tsize(f.body, label).x, cw = tsize(f.small, cnt).x;
        const float bw = std::min(w, lw + cw + u.rpx(32));
        if (x > o.x && x + bw > o.x + w) {
            x = o.x;
            y += ch + u.rpx(8);
        }
        dl->AddRectFilled(ImVec2(x, y), ImVec2(x + bw, y + ch), c.accent_soft, ch * 0.5f);
        text_at(f.body, ImVec2(x + u.rpx(12), y + u.rpx(6)), c.text, elide(f.body, label, bw - cw - u.rpx(32) + u.rpx(2)));
        text_at(f.small, ImVec2(x + bw - cw - u.rpx(12), y + (ch - f.small->FontSize) * 0.5f), c.muted, cnt);
        x += bw + u.rpx(8);
    }
    ImGui::SetCursorScreenPos(o);
    ImGui::Dummy(ImVec2(w, y + ch - o.y));
    gap(8);
    text(f.small, c.faint, "The number is how many posts of the window carry the topic.", w);
}

}  // namespace clout::web
