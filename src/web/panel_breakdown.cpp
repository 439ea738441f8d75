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

std::string inputs_line(const std::string& id, const json& in) {
    if (id == "reach") {
        const int64_t f = num(in, "followers");
        return f < 0 ? "follower count unknown" : fmt_int(f) + " followers";
    }
    if (id == "amplification")
        return fmt_int(num(in, "reshared_posts", 0)) + " of " + fmt_int(num(in, "posts_with_reshare_counts", 0)) +
               " posts reshared \xC2\xB7 h " + fmt_int(num(in, "reshare_h_index", 0));
    if (id == "engagement")
        return fmt_int(num(in, "reactions_total", 0)) + " reactions on " + fmt_int(num(in, "posts_with_reaction_counts", 0)) +
               " posts \xC2\xB7 h " + fmt_int(num(in, "reaction_h_index", 0));
    if (id == "consistency") return fmt_int(num(in, "weeks_active", 0)) + " of " + fmt_int(num(in, "weeks", 13)) + " weeks active";
    if (id == "conversation")
        return fmt_int(num(in, "qualifying_replies", 0)) + " of " + fmt_int(num(in, "replies_to_others", 0)) + " replies counted";
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
        const std::string pts = fmt_int(num(r.j, "base_points", 1)) + " pt";
        const ImVec2 ps = tsize(f.strong, pts);
        text_at(f.strong, ImVec2(p.x + w - ps.x, p.y), c.text, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        text(f.small, c.muted, "Every score starts here; the components below add the rest.", w);
        gap(14);
    }
    int i = 0;
    for (const auto& comp : r.j["components"]) {
        const std::string id = str(comp, "id");
        const bool avail = comp.contains("known") ? comp.value("known", false) : comp.value("available", false);
        std::string from;
        if (avail && comp.contains("provenance") && comp["provenance"].is_array())
            for (const auto& x : comp["provenance"])
                if (x.is_string() && x.get<std::string>() != "export") from += (from.empty() ? "" : ", ") + x.get<std::string>();
        const Formula* fm = nullptr;
        for (const auto& x : kFormulas)
            if (id == x.id) fm = &x;
        ImGui::PushID(i);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddCircleFilled(ImVec2(p.x + u.rpx(5), p.y + f.strong->FontSize * 0.5f), u.rpx(5), avail ? c.comp[i % 5] : c.faint);
        text_at(f.strong, ImVec2(p.x + u.rpx(18), p.y), c.text, str(comp, "label"));
        const std::string pts = avail ? fmt_int(num(comp, "points", 0)) + " / " + fmt_int(num(comp, "max_points", 0)) + " pts"
                                      : "unknown \xC2\xB7 " + fmt_int(num(comp, "max_points", 0)) + " pts not measured";
        if (!from.empty()) {
            const float lw = tsize(f.strong, str(comp, "label")).x;
            text_at(f.small, ImVec2(p.x + u.rpx(18) + lw + u.rpx(8), p.y + (f.strong->FontSize - f.small->FontSize) * 0.5f), c.warn, from);
        }
        const ImVec2 ps = tsize(f.strong, pts);
        text_at(f.strong, ImVec2(p.x + w - ps.x, p.y), avail ? c.text : c.faint, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        gap(6);
        const ImVec2 bp = ImGui::GetCursorScreenPos();
        const double value = avail && comp["value"].is_number() ? comp["value"].get<double>() : 0.0;
        bar(bp, w, u.rpx(6), avail ? static_cast<float>(value) : 0.0f, c.comp[i % 5]);
        ImGui::Dummy(ImVec2(w, u.rpx(6)));
        gap(6);
        std::string line = avail ? "value " + fmt_fixed(value, 3) + " \xC2\xB7 " + inputs_line(id, comp["inputs"]) +
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
        const std::string pts = fmt_int(num(r.j, "score", 1)) + " pts";
        const ImVec2 ps = tsize(f.strong, pts);
        text_at(f.strong, ImVec2(q.x + w - ps.x, q.y), c.text, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        if (r.j.contains("partial") && r.j["partial"].is_object()) {
            gap(6);
            text(f.small, c.warn, "Partial: " + fmt_int(num(r.j["partial"], "unmeasured_points", 0)) +
                                      " of 100 points could not be measured from these exports (counted as none, not as low).", w);
        }
    }
}

}  // namespace clout::web
