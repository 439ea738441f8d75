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
    const clout::Report& R = r.r;
    const int64_t d30 = R.d30;
    card_title(ICON_CALENDAR, "Why it changed: the last 30 days");
    text(f.body, c.text, d30 == 0 ? "Your score held steady over 30 days." :
         std::string("Your score ") + (d30 > 0 ? "rose " : "fell ") + fmt_int(d30 > 0 ? d30 : -d30) +
             (std::abs(d30) == 1 ? " point" : " points") + " over 30 days.", w);
    gap(10);
    int i = 0;
    for (const auto& comp : R.result.components) {
        const int64_t v = R.components_d30[static_cast<size_t>(comp.id)];
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(p.x + u.rpx(4), p.y + f.body->FontSize * 0.55f), u.rpx(4), c.comp[i % 5]);
        text_at(f.body, ImVec2(p.x + u.rpx(16), p.y), c.muted, clout::component_label(comp.id));
        const std::string s = fmt_signed(v);
        const ImVec2 ss = tsize(f.strong, s);
        text_at(f.strong, ImVec2(p.x + w - ss.x, p.y), change_colour(v), s);
        ImGui::Dummy(ImVec2(w, f.body->FontSize + u.rpx(6)));
        ++i;
    }
    gap(8);
    const clout::ActivityStatement& st = R.statement;
    auto line = [&](const char* icon, ImU32 col, const std::string& s) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_at(f.small, p, col, icon);
        ImGui::SetCursorScreenPos(ImVec2(p.x + u.rpx(22), p.y));
        text(f.small, c.muted, s, w - u.rpx(22));
        gap(2);
    };
    const int64_t ep = st.entered_count, lp = st.left_count;
    line(ICON_ARROW_UP, c.good, fmt_int(ep) + (ep == 1 ? " new post" : " new posts") + " entered the window: " +
                                    fmt_signed(st.entered_points) + " points");
    line(ICON_ARROW_DOWN, c.bad, fmt_int(lp) + (lp == 1 ? " older post" : " older posts") + " left it: " +
                                     fmt_signed(st.left_points) + " points");
    line(ICON_CALENDAR, c.faint, "Week boundaries moving: " + fmt_signed(st.calendar_points) + " points");
    if (!st.entered.empty()) {
        gap(6);
        const clout::StatementPost& best = st.entered[0];
        std::string t = printable(f.small, best.snippet);
        if (t.empty()) t = "(no text kept)";
        text(f.small, c.faint, "Biggest lift: " + nice_time(best.time) + ", " +
                                   fmt_fixed(static_cast<double>(best.points_q) / 1e4, 2) + " points", w);
        text(f.small, c.muted, "\xE2\x80\x9C" + elide(f.small, t, w * 2.0f) + "\xE2\x80\x9D", w);
    }
}

}  // namespace clout::web
