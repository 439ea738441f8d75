// The accounts you engage with most: replies, mentions, reposts, quotes and likes per account.
#include <algorithm>

#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_accounts(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_USERS, "Accounts you engage with most");
    const auto& a = r.r.engaged_accounts;
    if (a.empty()) {
        text(f.small, c.muted, "The exports name no account you replied to, mentioned, reposted or liked.", w);
        return;
    }
    int64_t top = 1;
    for (const auto& e : a) top = std::max(top, e.total());
    int k = 0;
    for (const auto& e : a) {
        if (k++ == 8) break;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string tot = fmt_int(e.total());
        const float tw = tsize(f.strong, tot).x;
        text_at(f.body, p, c.text, elide(f.body, e.account, w - tw - u.rpx(12)));
        text_at(f.strong, ImVec2(p.x + w - tw, p.y), c.text, tot);
        ImGui::Dummy(ImVec2(w, f.body->FontSize + u.rpx(4)));
        bar(ImGui::GetCursorScreenPos(), w, u.rpx(4), static_cast<float>(e.total()) / static_cast<float>(top), c.accent);
        ImGui::Dummy(ImVec2(w, u.rpx(4)));
        std::string parts;
        auto add = [&](int64_t v, const char* name) {
            if (v <= 0) return;
            if (!parts.empty()) parts += " \xC2\xB7 ";
            parts += fmt_int(v) + " " + name;
        };
        add(e.replies, "replies");
        add(e.mentions, "mentions");
        add(e.reposts, "reposts");
        add(e.quotes, "quotes");
        add(e.likes, "likes");
        text(f.small, c.faint, parts, w);
        gap(8);
    }
}

}  // namespace clout::web
