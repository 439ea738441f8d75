// Trend: the daily score over the 365 days up to the as-of day, drawn with ImDrawList
// (area + line), month ticks, and markers at the two days the 30-day change compares.
// Hovering (or touching) shows the day's date, score and component split (report trend
// `points`, which add up to score - 1).
#include <algorithm>
#include <cmath>

#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_trend(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_LINE_CHART, "How it moved: the last 365 days");
    const std::vector<clout::TrendPoint>& T = r.r.trend;
    const int n = static_cast<int>(T.size());
    if (n < 2) {
        text(f.small, c.muted, "Not enough days to draw a trend.", w);
        return;
    }
    auto by_score = [](const clout::TrendPoint& a, const clout::TrendPoint& b) { return a.score < b.score; };
    const int lo_raw = std::min_element(T.begin(), T.end(), by_score)->score;
    const int hi_raw = std::max_element(T.begin(), T.end(), by_score)->score;
    int lo = std::max(0, (lo_raw - 1) / 10 * 10), hi = std::min(100, (hi_raw + 9) / 10 * 10 + (hi_raw % 10 == 0 ? 10 : 0));
    if (hi - lo < 20) {
        hi = std::min(100, lo + 20);
        lo = std::max(0, hi - 20);
    }
    const float axis_w = u.rpx(30), axis_h = u.rpx(24);
    const float plot_h = u.rpx(w / u.s < 500 ? 170 : 230);
    const ImVec2 o = ImGui::GetCursorScreenPos();
    const ImVec2 pa(o.x + axis_w, o.y + u.rpx(8)), pb(o.x + w, o.y + u.rpx(8) + plot_h);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float one = std::max(1.0f, std::round(u.s));
    auto X = [&](int i) { return pa.x + (pb.x - pa.x) * static_cast<float>(i) / static_cast<float>(n - 1); };
    auto Y = [&](double v) { return pb.y - (pb.y - pa.y) * static_cast<float>((v - lo) / (hi - lo)); };

    // grid + y labels
    const int step = (hi - lo) > 40 ? 20 : 10;
    for (int v = lo; v <= hi; v += step) {
        const float y = std::round(Y(v));
        dl->AddLine(ImVec2(pa.x, y), ImVec2(pb.x, y), v == lo ? c.border_strong : c.border, one);
        const std::string s = std::to_string(v);
        const ImVec2 ts = tsize(f.small, s);
        text_at(f.small, ImVec2(pa.x - ts.x - u.rpx(8), y - ts.y * 0.5f), c.faint, s);
    }
    // month ticks
    {
        const bool sparse = w / u.s < 560;
        int month_count = 0;
        static const char* const mn[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int i = 1; i < n; ++i) {
            const std::string& d = r.trend_dates[static_cast<size_t>(i)];
            if (d.size() < 10 || d.compare(8, 2, "01") != 0) continue;
            const int m = std::atoi(d.substr(5, 2).c_str());
            ++month_count;
            const float x = std::round(X(i));
            dl->AddLine(ImVec2(x, pb.y), ImVec2(x, pb.y + u.rpx(4)), c.border_strong, one);
            if (sparse && (m % 3) != 1) continue;
            std::string label = m >= 1 && m <= 12 ? mn[m - 1] : d.substr(5, 2);
            if (m == 1) label += " " + d.substr(0, 4);
            const ImVec2 ts = tsize(f.small, label);
            if (x + ts.x * 0.5f > pb.x) continue;
            text_at(f.small, ImVec2(x - ts.x * 0.5f, pb.y + u.rpx(6)), c.faint, label);
        }
    }
    // area + line
    {
        const ImU32 top = with_alpha(c.accent, u.dark ? 0.30f : 0.20f), bottom = with_alpha(c.accent, 0.0f);
        for (int i = 0; i + 1 < n; ++i) {
            const float x0 = X(i), x1 = X(i + 1), y0 = Y(T[static_cast<size_t>(i)].score), y1 = Y(T[static_cast<size_t>(i + 1)].score);
            // a quad per day, with a vertical gradient (line colour fading to the axis)
            dl->PrimReserve(6, 4);
            const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
            const unsigned idx = dl->_VtxCurrentIdx;
            dl->PrimWriteVtx(ImVec2(x0, y0), uv, top);
            dl->PrimWriteVtx(ImVec2(x1, y1), uv, top);
            dl->PrimWriteVtx(ImVec2(x1, pb.y), uv, bottom);
            dl->PrimWriteVtx(ImVec2(x0, pb.y), uv, bottom);
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(idx));
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(idx + 1));
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(idx + 2));
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(idx));
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(idx + 2));
            dl->PrimWriteIdx(static_cast<ImDrawIdx>(idx + 3));
        }
        std::vector<ImVec2> pts;
        pts.reserve(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) pts.emplace_back(X(i), Y(T[static_cast<size_t>(i)].score));
        dl->AddPolyline(pts.data(), n, c.accent, ImDrawFlags_None, u.px(2.2f));
    }
    // markers: the two days the 30-day change compares; their labels sit above, "now"
    // ending at the plot's right edge and "30 days ago" ending left of its marker and of
    // the "now" label (on a phone the two markers are close: the labels must not overlap).
    float now_left = pb.x, now_top = 0, now_bottom = 0;
    for (int i : {n - 1, n - 31}) {
        if (i < 0) continue;
        const ImVec2 m(X(i), Y(T[static_cast<size_t>(i)].score));
        dl->AddLine(ImVec2(m.x, pa.y), ImVec2(m.x, pb.y), with_alpha(c.accent, 0.35f), one);
        dl->AddCircleFilled(m, u.rpx(5.5f), c.surface, 20);
        dl->AddCircle(m, u.rpx(5.5f), c.accent, 20, u.px(2.2f));
        const bool now = i == n - 1;
        const std::string lab = (now ? "now " : "30 days ago ") + std::to_string(T[static_cast<size_t>(i)].score);
        const ImVec2 ts = tsize(f.small, lab);
        float lx = now ? pb.x - ts.x : m.x - ts.x - u.rpx(12);
        float ly = m.y - ts.y - u.rpx(12);
        if (ly < pa.y - u.rpx(4)) ly = m.y + u.rpx(12);
        if (now) {
            now_left = lx - u.rpx(6);
            now_top = ly - u.rpx(3);
            now_bottom = ly + ts.y + u.rpx(3);
        } else if (ly + ts.y + u.rpx(3) > now_top && ly - u.rpx(3) < now_bottom) {
            lx = std::min(lx, now_left - u.rpx(10) - ts.x - u.rpx(6));  // same line: end before "now"
        }
        dl->AddRectFilled(ImVec2(lx - u.rpx(6), ly - u.rpx(3)), ImVec2(lx + ts.x + u.rpx(6), ly + ts.y + u.rpx(3)),
                          with_alpha(c.surface, 0.92f), u.rpx(6));
        text_at(f.small, ImVec2(lx, ly), now ? c.text : c.muted, lab);
    }
    // hover
    ImGui::SetCursorScreenPos(pa);
    ImGui::InvisibleButton("##trend", ImVec2(pb.x - pa.x, pb.y - pa.y));
    if (ImGui::IsItemHovered()) {
        const float mx = ImGui::GetIO().MousePos.x;
        const int i = std::clamp(static_cast<int>(std::lround((mx - pa.x) / (pb.x - pa.x) * static_cast<float>(n - 1))), 0, n - 1);
        const ImVec2 m(X(i), Y(T[static_cast<size_t>(i)].score));
        dl->AddLine(ImVec2(m.x, pa.y), ImVec2(m.x, pb.y), c.border_strong, one);
        dl->AddCircleFilled(m, u.rpx(4.5f), c.accent, 20);
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u.rpx(12), u.rpx(10)));
        ImGui::BeginTooltip();
        text(f.small, c.muted, nice_date(r.trend_dates[static_cast<size_t>(i)]));
        text(f.strong, c.text, "Score " + std::to_string(T[static_cast<size_t>(i)].score));
        const auto& p = T[static_cast<size_t>(i)].points;
        for (int k = 0; k < 5; ++k) {
            const ImVec2 q = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(q.x + u.rpx(4), q.y + f.small->FontSize * 0.55f), u.rpx(4), c.comp[k]);
            ImGui::SetCursorScreenPos(ImVec2(q.x + u.rpx(14), q.y));
            text(f.small, c.text, std::string(clout::component_label(static_cast<clout::ComponentId>(k))) + "  " + std::to_string(p[static_cast<size_t>(k)]));
        }
        ImGui::EndTooltip();
        ImGui::PopStyleVar();
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x, pb.y + axis_h));
    ImGui::Dummy(ImVec2(w, 1));
    text(f.small, c.faint, "Each day scores the 91 days before it. Markers: the two days the 30-day change compares.", w);
}

}  // namespace clout::web
