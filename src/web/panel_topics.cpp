// Topics (hashtags and keywords of the window) and the accounts you engage with most.
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
    const json& t = r.j["topics"];
    if (!t.is_array() || t.empty()) {
        text(f.small, c.muted, "No recurring topic in the window.", w);
        return;
    }
    // chips, wrapped
    const ImVec2 o = ImGui::GetCursorScreenPos();
    float x = o.x, y = o.y;
    const float ch = f.body->FontSize + u.rpx(12);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const auto& e : t) {
        const std::string label = (str(e, "kind") == "hashtag" ? "#" : "") + str(e, "term");
        const std::string cnt = fmt_int(num(e, "posts", 0));
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

void panel_accounts(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_USERS, "Accounts you engage with most");
    const json& a = r.j["engaged_accounts"];
    if (!a.is_array() || a.empty()) {
        text(f.small, c.muted, "The exports name no account you replied to, mentioned, reposted or liked.", w);
        return;
    }
    int64_t top = 1;
    for (const auto& e : a) top = std::max(top, num(e, "total", 0));
    int k = 0;
    for (const auto& e : a) {
        if (k++ == 8) break;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string tot = fmt_int(num(e, "total", 0));
        const float tw = tsize(f.strong, tot).x;
        text_at(f.body, p, c.text, elide(f.body, str(e, "account"), w - tw - u.rpx(12)));
        text_at(f.strong, ImVec2(p.x + w - tw, p.y), c.text, tot);
        ImGui::Dummy(ImVec2(w, f.body->FontSize + u.rpx(4)));
        bar(ImGui::GetCursorScreenPos(), w, u.rpx(4), static_cast<float>(num(e, "total", 0)) / static_cast<float>(top), c.accent);
        ImGui::Dummy(ImVec2(w, u.rpx(4)));
        std::string parts;
        auto add = [&](const char* key, const char* name) {
            const int64_t v = num(e, key, 0);
            if (v <= 0) return;
            if (!parts.empty()) parts += " \xC2\xB7 ";
            parts += fmt_int(v) + " " + name;
        };
        add("replies", "replies");
        add("mentions", "mentions");
        add("reposts", "reposts");
        add("quotes", "quotes");
        add("likes", "likes");
        text(f.small, c.faint, parts, w);
        gap(8);
    }
}

}  // namespace clout::web
