// What-if: sliders that change the report's window inputs (what_if.inputs) and score them
// again, live, with the engine's own apply_what_if (the pure scoring code is linked into
// the app module): post more or less, reply more, get more reactions, more followers.
#include <algorithm>
#include <cmath>

#include "dash.h"
#include "icons.h"
#include "panels.h"
#include "score/score.h"

namespace clout::web {
using namespace dash;

namespace {
struct Sliders {
    const void* report = nullptr;
    float posts = 1, replies = 1, reactions = 1;
    float followers_log = -1;  // log10 of followers; -1 = as exported
};
Sliders g;

bool slider(const char* id, const char* label, float* v, float lo, float hi, const std::string& shown, float w) {
    const Ui& u = ui();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    text_at(u.f.small, p, u.c.muted, label);
    const float sw = tsize(u.f.strong, shown).x;
    text_at(u.f.strong, ImVec2(p.x + w - sw, p.y - u.rpx(1)), u.c.text, shown);
    ImGui::Dummy(ImVec2(w, u.f.small->FontSize + u.rpx(6)));
    ImGui::SetNextItemWidth(w);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(u.rpx(6), u.rpx(7)));
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, u.rpx(18));
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ui().c.border);
    ImGui::PushStyleColor(ImGuiCol_FrameBgHovered, ui().c.border_strong);
    ImGui::PushStyleColor(ImGuiCol_FrameBgActive, ui().c.border_strong);
    const bool ch = ImGui::SliderFloat(id, v, lo, hi, "", ImGuiSliderFlags_AlwaysClamp | ImGuiSliderFlags_NoInput);
    if (ImGui::IsItemActive()) state().drag_owned = true;
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar(2);
    gap(10);
    return ch;
}
std::string factor_text(float f) {
    if (std::fabs(f - 1.0f) < 0.005f) return "as now";
    return fmt_fixed(f, f < 1 ? 2 : 1) + "\xC3\x97";
}
}  // namespace

void panel_what_if(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_SLIDERS, "What if\xE2\x80\xA6");
    if (g.report != &r) g = Sliders{&r};
    const int64_t base_followers = r.r.inputs.followers;

    clout::WhatIfParams p;
    p.posts_factor = g.posts;
    p.replies_factor = g.replies;
    p.reactions_factor = g.reactions;
    if (g.followers_log >= 0) p.followers = static_cast<int64_t>(std::llround(std::pow(10.0, g.followers_log)));
    const clout::ScoreResult now = clout::apply_what_if(r.r.inputs, clout::WhatIfParams{});
    const clout::ScoreResult res = clout::apply_what_if(r.r.inputs, p);

    // result line
    {
        const ImVec2 o = ImGui::GetCursorScreenPos();
        const std::string s = std::to_string(res.score);
        text_at(f.number, o, c.text, s);
        const float sw = tsize(f.number, s).x;
        const int d = res.score - now.score;
        const std::string ds = d == 0 ? "no change" : fmt_signed(d) + (std::abs(d) == 1 ? " point" : " points");
        text_at(f.body, ImVec2(o.x + sw + u.rpx(10), o.y + f.number->FontSize - f.body->FontSize - u.rpx(2)), change_colour(d), ds);
        ImGui::Dummy(ImVec2(w, f.number->FontSize));
        gap(14);
    }
    slider("##posts", "Posting frequency", &g.posts, 0.25f, 4.0f, factor_text(g.posts), w);
    slider("##replies", "Replies to others", &g.replies, 0.0f, 4.0f, factor_text(g.replies), w);
    slider("##reactions", "Reactions per post", &g.reactions, 0.5f, 4.0f, factor_text(g.reactions), w);
    {
        float fl = g.followers_log >= 0 ? g.followers_log
                                        : (base_followers > 0 ? static_cast<float>(std::log10(static_cast<double>(base_followers))) : 0.0f);
        const int64_t shown_f = g.followers_log >= 0 ? p.followers : base_followers;
        const std::string label = shown_f < 0 ? "unknown" : fmt_int(shown_f);
        if (slider("##followers", "Followers", &fl, 0.0f, 6.5f, label, w)) g.followers_log = fl;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(u.rpx(14), u.rpx(8)));
    ImGui::PushStyleColor(ImGuiCol_Button, c.surface_hover);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, c.border);
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, c.border_strong);
    ImGui::PushFont(f.small);
    if (ImGui::Button("Reset")) g = Sliders{&r};
    ImGui::PopFont();
    ImGui::PopStyleColor(3);
    ImGui::PopStyleVar();
    gap(4);
    text(f.small, c.faint, "Added posts get your median reactions; the engine scores the change with the published formula.", w);
}

}  // namespace clout::web
