// Breakdown: each component's points of its maximum, its value, what it was computed from,
// and its formula in one line (hover for the full one, docs/SCORING.md §3). The rows add up:
// a Base row (1 point) plus the known components' points = the score. A component the
// exports lack is unknown: its maximum shown, no points (never a zero), and the points it
// leaves unmeasured are named; a filled-in input says where it came from (typed, insights).
#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

namespace {
struct Formula { const char* id; const char* line; const char* full; };
const Formula kFormulas[] = {
    {"reach", "L(followers; 1,000,000)",
     "Reach = L(F; 1,000,000), where F = followers (the sum over the exports that have a count; a count you type in "
     "replaces the export's) and L(x; c) = min(1, ln(1+x) / ln(1+c)). Max 25 points."},
    {"amplification", "\xC2\xBD\xC2\xB7S/(P+10) + \xC2\xBD\xC2\xB7L(h_r; 30)",
     "Amplification = \xC2\xBD \xC2\xB7 S/(P_r + 10) + \xC2\xBD \xC2\xB7 L(h_r; 30), where P_r = published posts whose export "
     "records reshares, S = how many of them were reshared at least once, h_r = the h-index of their reshares. Max 20 points."},
    {"engagement", "L(h-index of reactions; 300)",
     "Engagement = L(h_e; 300), where h_e = the h-index of the reactions of the published posts whose export records "
     "reactions: the largest h such that h posts got at least h reactions each. Max 34 points."},
    {"consistency", "active weeks / 13",
     "Consistency = k / 13, where k = the number of 7-day blocks of the 91-day window with at least one qualifying post "
     "(a post that got a reaction, or whose export records none). Max 10 points."},
    {"conversation", "L(qualifying replies; 150)",
     "Conversation = L(R; 150), where R = the replies to other accounts that got a reaction (or whose export records "
     "none). Max 10 points."},
};

// What the component was computed from (the report's components[].inputs).
std::string inputs_line(clout::ComponentId id, const clout::ScoreInputs& in, const clout::ScoreResult& res) {
    switch (id) {
        case clout::ComponentId::Reach:
            return in.followers < 0 ? "follower count unknown" : fmt_int(in.followers) + " followers";
        case clout::ComponentId::Amplification:
            return fmt_int(in.reshared_posts) + " of " + fmt_int(in.posts_with_reshares) + " posts reshared \xC2\xB7 h " +
                   fmt_int(res.h_reshares);
        case clout::ComponentId::Engagement:
            return fmt_int(in.reactions_total) + " reactions on " + fmt_int(in.posts_with_reactions) + " posts \xC2\xB7 h " +
                   fmt_int(res.h_reactions);
        case clout::ComponentId::Consistency:
            return fmt_int(in.weeks_active) + " of " + fmt_int(clout::score_const::kWeeks) + " weeks active";
        case clout::ComponentId::Conversation:
            return fmt_int(in.qualifying_replies) + " of " + fmt_int(in.replies) + " replies counted";
    }
    return {};
}
}  // namespace

void panel_breakdown(const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_PIE_CHART, "What the score is made of");
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_at(f.strong, ImVec2(p.x + u.rpx(18), p.y), c.text, "Base");
        const std::string pts = fmt_int(r.r.result.base_points) + " pt";
        const ImVec2 ps = tsize(f.strong, pts);
        text_at(f.strong, ImVec2(p.x + w - ps.x, p.y), c.text, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        text(f.small, c.muted, "Every score starts here; the components below add the rest.", w);
        gap(14);
    }
    int i = 0;
    for (const auto& comp : r.r.result.components) {
        const std::string id = clout::component_id(comp.id);
        const bool avail = comp.available;
        std::string from;
        if (avail)
            for (const auto& x : clout::provenance_ids(clout::component_provenance_bits(comp.id, r.r.inputs)))
                if (x != "export") from += (from.empty() ? "" : ", ") + x;
        const Formula* fm = nullptr;
        for (const auto& x : kFormulas)
            if (id == x.id) fm = &x;
        ImGui::PushID(i);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddCircleFilled(ImVec2(p.x + u.rpx(5), p.y + f.strong->FontSize * 0.5f), u.rpx(5), avail ? c.comp[i % 5] : c.faint);
        text_at(f.strong, ImVec2(p.x + u.rpx(18), p.y), c.text, clout::component_label(comp.id));
        const std::string pts = avail ? fmt_int(comp.points) + " / " + fmt_int(comp.max_points) + " pts"
                                      : "unknown \xC2\xB7 " + fmt_int(comp.max_points) + " pts not measured";
        if (!from.empty()) {
            const float lw = tsize(f.strong, clout::component_label(comp.id)).x;
            text_at(f.small, ImVec2(p.x + u.rpx(18) + lw + u.rpx(8), p.y + (f.strong->FontSize - f.small->FontSize) * 0.5f), c.warn, from);
        }
        const ImVec2 ps = tsize(f.strong, pts);
        text_at(f.strong, ImVec2(p.x + w - ps.x, p.y), avail ? c.text : c.faint, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        gap(6);
        const ImVec2 bp = ImGui::GetCursorScreenPos();
        const double value = avail ? comp.value() : 0.0;
        bar(bp, w, u.rpx(6), avail ? static_cast<float>(value) : 0.0f, c.comp[i % 5]);
        ImGui::Dummy(ImVec2(w, u.rpx(6)));
        gap(6);
        std::string line = avail ? "value " + fmt_fixed(value, 3) + " \xC2\xB7 " + inputs_line(comp.id, r.r.inputs, r.r.result) +
                                       (from.empty() ? "" : " (" + from + ")")
                                 : std::string(id == "reach" ? "The exports have no follower count: not counted, not low. Type it in Sources."
                                                             : "The exports have no reaction counts: not counted, not low. Give about how "
                                                               "many a post gets in Sources.");
        text(f.small, c.muted, line, w);
        if (fm) {
            ImGui::PushFont(f.small);
            ImGui::PushStyleColor(ImGuiCol_Text, c.faint);
            ImGui::TextUnformatted(fm->line);
            ImGui::PopStyleColor();
            ImGui::PopFont();
            tooltip(fm->full);
        }
        ImGui::PopID();
        if (++i < 5) gap(14);
    }
    gap(14);
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImGui::GetWindowDrawList()->AddLine(p, ImVec2(p.x + w, p.y), c.border, std::max(1.0f, std::round(u.s)));
        gap(8);
        const ImVec2 q = ImGui::GetCursorScreenPos();
        text_at(f.strong, ImVec2(q.x + u.rpx(18), q.y), c.text, "Score");
        const std::string pts = fmt_int(r.r.result.score) + " pts";
        const ImVec2 ps = tsize(f.strong, pts);
        text_at(f.strong, ImVec2(q.x + w - ps.x, q.y), c.text, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        if (r.r.result.partial()) {
            gap(6);
            text(f.small, c.warn, "Partial: " + fmt_int(r.r.result.unmeasured_points()) +
                                      " of 100 points could not be measured from these exports (counted as none, not as low).", w);
        }
    }
}

}  // namespace clout::web
