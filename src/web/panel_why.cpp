// Why it changed: the 30-day change split by component (components_d30) and the activity
// statement (posts that entered and left the window, and the calendar's share).
#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_why(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const json& ch = r.j["change"];
    const int64_t d30 = num(ch, "d30", 0);
    card_title(ICON_CALENDAR, "Why it changed: the last 30 days");
    text(f.body, c.text, d30 == 0 ? "Your score held steady over 30 days." :
         std::string("Your score ") + (d30 > 0 ? "rose " : "fell ") + fmt_int(d30 > 0 ? d30 : -d30) +
             (std::abs(d30) == 1 ? " point" : " points") + " over 30 days.", w);
    gap(10);
    int i = 0;
    for (const auto& comp : r.j["components"]) {
        const std::string id = jstr(comp, "id");
        const int64_t v = num(ch["components_d30"], id.c_str(), 0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + u.rpx(4), p.y + f.body->FontSize * 0.55f), u.rpx(4), c.comp[i % 5]);
        text_at(f.body, ImVec2(p.x + u.rpx(16), p.y), c.muted, jstr(comp, "label"));
        const std::string s = fmt_signed(v);
        const ImVec2 ss = tsize(f.strong, s);
        text_at(f.strong, ImVec2(p.x + w - ss.x, p.y), change_colour(v), s);
        ImGui::Dummy(ImVec2(w, f.body->FontSize + u.rpx(6)));
        ++i;
    }
    gap(8);
    const json& st = r.j["activity_statement"];
    auto line = [&](const char* icon, ImU32 col, const std::string& s) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_at(f.small, p, col, icon);
        ImGui::SetCursorScreenPos(ImVec2(p.x + u.rpx(22), p.y));
        text(f.small, c.muted, s, w - u.rpx(22));
        gap(2);
    };
    const int64_t ep = num(st, "entered_posts", 0), lp = num(st, "left_posts", 0);
    line(ICON_ARROW_UP, c.good, fmt_int(ep) + (ep == 1 ? " new post" : " new posts") + " entered the window: " +
                                    fmt_signed(num(st, "entered_points", 0)) + " points");
    line(ICON_ARROW_DOWN, c.bad, fmt_int(lp) + (lp == 1 ? " older post" : " older posts") + " left it: " +
                                     fmt_signed(num(st, "left_points", 0)) + " points");
    line(ICON_CALENDAR, c.faint, "Week boundaries moving: " + fmt_signed(num(st, "calendar_points", 0)) + " points");
    const json& ent = st["entered"];
    if (ent.is_array() && !ent.empty()) {
        gap(6);
        const json& best = ent[0];
        std::string t = printable(f.small, jstr(best, "text"));
        if (t.empty()) t = "(no text kept)";
        text(f.small, c.faint, "Biggest lift: " + nice_date(jstr(best, "time")) + ", " +
                                   fmt_fixed(best.value("points_exact", 0.0), 2) + " points", w);
        text(f.small, c.muted, "\xE2\x80\x9C" + elide(f.small, t, w * 2.0f) + "\xE2\x80\x9D", w);
    }
}

}  // namespace clout::web
