// Tips: what would raise the score most, each scored by the engine (what_if).
#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_tips(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_LIGHTBULB, "What to do next");
    const auto& tips = r.r.tips;
    if (tips.empty()) {
        text(f.small, c.muted, "No change scored would raise your score right now.", w);
        return;
    }
    for (const auto& t : tips) {
        const int64_t pts = t.points;
        const std::string badge = fmt_signed(pts);
        const float bw = std::max(tsize(f.strong, badge).x + u.rpx(20), u.rpx(46)), bh = f.strong->FontSize + u.rpx(10);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + bw, p.y + bh), with_alpha(change_colour(pts), 0.14f), u.rpx(8));
        const float tw = tsize(f.strong, badge).x;
        text_at(f.strong, ImVec2(p.x + (bw - tw) * 0.5f, p.y + u.rpx(5)), change_colour(pts), badge);
        ImGui::SetCursorScreenPos(ImVec2(p.x + bw + u.rpx(12), p.y + u.rpx(4)));
        ImGui::BeginGroup();
        text(f.body, c.text, t.text, w - bw - u.rpx(12));
        ImGui::EndGroup();
        const float bottom = std::max(ImGui::GetItemRectMax().y, p.y + bh);
        ImGui::SetCursorScreenPos(ImVec2(p.x, bottom + u.rpx(12)));
    }
    text(f.small, c.faint, "Points: the score's change if you did it, computed by the same formula.", w);
}

}  // namespace clout::web
