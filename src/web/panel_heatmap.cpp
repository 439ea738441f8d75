// The activity heatmap: hour x weekday in the person's time zone (the browser's, with its
// daylight-saving changes; the report's activity_heatmap.label names it), the window's posts
// and reposts.
#include <algorithm>

#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_heatmap(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_CALENDAR, "When you post");
    const std::string& label = r.r.heatmap_label;
    const std::string& zone = r.r.heatmap_zone;
    text(f.small, c.muted, label, w);
    ImGui::Dummy(ImVec2(1, u.rpx(4)));
    const auto& counts = r.r.heatmap;
    int64_t top = 0;
    for (const auto& row : counts)
        for (const int64_t v : row) top = std::max(top, v);
    static const char* const days[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    const float lab = u.rpx(36);
    const float cell = std::floor((w - lab) / 24.0f);
    const float ch = std::min(cell, u.rpx(22));
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int hover_d = -1, hover_h = -1;
    const ImVec2 mp = ImGui::GetIO().MousePos;
    for (int d = 0; d < 7 && d < static_cast<int>(counts.size()); ++d) {
        const float y = o.y + static_cast<float>(d) * (ch + u.rpx(3));
        text_at(f.small, ImVec2(o.x, y + (ch - f.small->FontSize) * 0.5f), c.faint, days[d]);
        for (int h = 0; h < 24; ++h) {
            const int64_t v = counts[static_cast<size_t>(d)][static_cast<size_t>(h)];
            const ImVec2 a(o.x + lab + static_cast<float>(h) * cell, y), b(a.x + cell - u.rpx(2), y + ch);
            const float t = top > 0 ? static_cast<float>(v) / static_cast<float>(top) : 0.0f;
            dl->AddRectFilled(a, b, v == 0 ? c.border : with_alpha(c.accent, 0.18f + 0.82f * t), u.rpx(3));
            if (mp.x >= a.x && mp.x < b.x && mp.y >= a.y && mp.y < b.y) {
                hover_d = d;
                hover_h = h;
            }
        }
    }
    const float gh = 7 * (ch + u.rpx(3));
    for (int h = 0; h < 24; h += 6) {
        const std::string s = std::to_string(h) + ":00";
        text_at(f.small, ImVec2(o.x + lab + static_cast<float>(h) * cell, o.y + gh + u.rpx(2)), c.faint, s);
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x + lab, o.y));
    ImGui::InvisibleButton("##heat", ImVec2(cell * 24, gh));
    if (ImGui::IsItemHovered() && hover_d >= 0) {
        const int64_t v = counts[static_cast<size_t>(hover_d)][static_cast<size_t>(hover_h)];
        ImGui::SetTooltip("%s %02d:00\xE2\x80\x93%02d:59 (%s): %lld post%s", days[hover_d], hover_h, hover_h, zone.c_str(),
                          static_cast<long long>(v), v == 1 ? "" : "s");
    }
    ImGui::SetCursorScreenPos(ImVec2(o.x, o.y + gh + f.small->FontSize + u.rpx(8)));
    ImGui::Dummy(ImVec2(w, 1));
}

}  // namespace clout::web
