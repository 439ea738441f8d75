// Top posts of the window, by reactions, with their counts (unknown counts are not shown
// as zero).
#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_top_posts(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_HEART, "Top posts of the window");
    const auto& tp = r.r.top_posts;
    if (tp.empty()) {
        text(f.small, c.muted, "No published post in the 91-day window.", w);
        return;
    }
    int k = 0;
    for (const auto& p : tp) {
        if (k == 5) break;
        if (k) {
            const ImVec2 q = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddLine(ImVec2(q.x, q.y), ImVec2(q.x + w, q.y), c.border, std::max(1.0f, std::round(u.s)));
            gap(10);
        }
        std::string t = printable(f.body, p.snippet);
        if (t.empty()) t = "(no text kept for this post)";
        if (t.size() > 160) t = elide(f.body, t, w * 2.2f);
        text(f.body, c.text, t, w);
        gap(4);
        std::string meta = nice_time(p.time) + " \xC2\xB7 " + network_name(p.network);
        const int64_t likes = p.likes, reposts = p.reposts, replies = p.replies;
        std::string counts;
        if (likes >= 0) counts += std::string(ICON_HEART " ") + fmt_int(likes) + "   ";
        if (reposts >= 0) counts += std::string(ICON_RETWEET " ") + fmt_int(reposts) + "   ";
        if (replies >= 0) counts += std::string(ICON_COMMENT " ") + fmt_int(replies);
        const ImVec2 q = ImGui::GetCursorScreenPos();
        text_at(f.small, q, c.faint, meta);
        const ImVec2 cs = tsize(f.small, counts);
        if (tsize(f.small, meta).x + cs.x + u.rpx(16) < w) {
            text_at(f.small, ImVec2(q.x + w - cs.x, q.y), c.muted, counts);
            ImGui::Dummy(ImVec2(w, f.small->FontSize));
        } else {
            ImGui::Dummy(ImVec2(w, f.small->FontSize));
            text(f.small, c.muted, counts);
        }
        gap(10);
        ++k;
    }
}

}  // namespace clout::web
