// Score: the integer score (big), its change over 1, 7 and 30 days, how the five
// components fill it (a stacked bar), the as-of date and the model version.
#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_score(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const clout::Report& R = r.r;
    card_title(ICON_STAR, "Influence score");
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string score = std::to_string(R.result.score);
    const ImVec2 ss = tsize(f.display, score);
    text_at(f.display, ImVec2(p.x - u.px(3), p.y - u.rpx(6)), c.text, score);
    text_at(f.heading, ImVec2(p.x + ss.x + u.rpx(6), p.y + ss.y - f.heading->FontSize - u.rpx(18)), c.faint, "/ 100");
    ImGui::Dummy(ImVec2(w, ss.y - u.rpx(12)));
    gap(6);

    // the five components stacked, out of 99
    {
        const ImVec2 b = ImGui::GetCursorScreenPos();
        const float bh = u.rpx(10);
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(b, ImVec2(b.x + w, b.y + bh), c.border, bh * 0.5f);
        float x = b.x;
        int i = 0;
        for (const auto& comp : R.result.components) {
            const float seg = w * static_cast<float>(comp.points) / 99.0f;
            if (seg > 0) {
                dl->AddRectFilled(ImVec2(x, b.y), ImVec2(x + seg, b.y + bh), c.comp[i % 5],
                                  bh * 0.5f, x == b.x ? ImDrawFlags_RoundCornersLeft : ImDrawFlags_RoundCornersNone);
                x += seg;
            }
            ++i;
        }
        ImGui::Dummy(ImVec2(w, bh));
    }
    gap(16);

    // changes: three chips
    const char* labels[3] = {"1 day", "7 days", "30 days"};
    const int changes[3] = {R.d1, R.d7, R.d30};
    const float cw = (w - u.rpx(16)) / 3.0f, chh = u.rpx(58);
    const ImVec2 cp = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (int i = 0; i < 3; ++i) {
        const int64_t v = changes[i];
        const ImVec2 a(cp.x + (cw + u.rpx(8)) * static_cast<float>(i), cp.y);
        dl->AddRectFilled(a, ImVec2(a.x + cw, a.y + chh), with_alpha(change_colour(v), 0.12f), u.rpx(10));
        const std::string vs = fmt_signed(v);
        text_at(f.number, ImVec2(a.x + u.rpx(12), a.y + u.rpx(7)), change_colour(v), vs);
        text_at(f.small, ImVec2(a.x + u.rpx(12), a.y + chh - f.small->FontSize - u.rpx(8)), c.muted, labels[i]);
    }
    ImGui::Dummy(ImVec2(w, chh));
    gap(14);
    text(f.small, c.muted, "As of " + nice_day(R.as_of_day) + " \xC2\xB7 91-day window", w);
    text(f.small, c.faint, "Model " + R.model, w);
}

}  // namespace clout::web
