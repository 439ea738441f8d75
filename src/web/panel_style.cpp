// Style: the 2x2x2 matrix of docs/SCORING.md §8 (creating/conversation shares, response).
#include <algorithm>

#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_style(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const clout::Style& s = r.r.style;
    card_title(ICON_USER, "Your style");
    text(f.number, c.text, s.label, w);
    gap(4);
    text(f.body, c.muted, s.description, w);
    gap(14);
    auto share = [&](const char* label, double v, ImU32 col) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_at(f.small, p, c.muted, label);
        const std::string pc = fmt_fixed(v * 100.0, 0) + "%";
        const float pw = tsize(f.small, pc).x;
        text_at(f.small, ImVec2(p.x + w - pw, p.y), c.text, pc);
        ImGui::Dummy(ImVec2(w, f.small->FontSize + u.rpx(4)));
        bar(ImGui::GetCursorScreenPos(), w, u.rpx(6), static_cast<float>(v), col);
        ImGui::Dummy(ImVec2(w, u.rpx(6)));
        gap(8);
    };
    share("Creating (own posts rather than reposts)", s.creating_share, c.comp[0]);
    share("Conversation (replies among your posts)", s.conversation_share, c.comp[4]);
    text(f.small, c.faint, s.high_response ? "Your posts get a high response." : "Your posts get a modest response.", w);
}

}  // namespace clout::web
