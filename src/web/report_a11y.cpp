// The report as text for people who do not see the canvas: the live region's headline, the
// screen-reader section (#report-text) and "Copy summary", made from the typed report the
// panels draw, so the canvas and the text always say the same. web/report_text.js puts the
// sections in the page (one per idle callback, see docs/ARCHITECTURE.md "Main-thread budget").
#include <cstdio>
#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "panels.h"
#include "util/time.h"

namespace clout::web {

namespace {

std::string signed_text(int64_t n) {
    if (n > 0) return "+" + std::to_string(n);
    if (n < 0) return "\xE2\x88\x92" + std::to_string(-n);  // a real minus sign
    return "0";
}
std::string plural(int64_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// A component's value (0..1) as the shortest decimal: 0.5, 0.123456, 1, 0.
std::string value_text(int64_t value_q) {
    std::string s = format_fixed(value_q, 6);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s.empty() ? "0" : s;
}

std::string join(const std::vector<std::string>& v, const char* sep) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : sep) + x;
    return out;
}

// " (typed, fetched)" for a known component whose input was filled in, else "".
std::string from_words(const ComponentResult& c, const ScoreInputs& in) {
    std::vector<std::string> p;
    for (const auto& x : provenance_ids(component_provenance_bits(c.id, in)))
        if (x != "export") p.push_back(x);
    return p.empty() ? std::string() : " (" + join(p, ", ") + ")";
}

// " Partial score: ..." when some components could not be measured, else "".
std::string partial_words(const Report& r) {
    if (!r.result.partial()) return {};
    std::vector<std::string> unknown;
    for (const auto& c : r.result.components)
        if (!c.available) unknown.push_back(component_id(c.id));
    return " Partial score: " + std::to_string(r.result.unmeasured_points()) +
           " of 100 points could not be measured from these exports (" + join(unknown, ", ") +
           "), and count as none, not as low.";
}

// The breakdown as words; the rows add up to the score (the base point and the known components).
std::vector<std::string> breakdown_lines(const Report& r, bool with_value) {
    std::vector<std::string> lines{"Base: " + plural(r.result.base_points, "point")};
    for (const auto& c : r.result.components)
        lines.push_back(std::string(component_label(c.id)) + ": " +
                        (c.available ? plural(c.points, "point") + " of " + std::to_string(c.max_points) + from_words(c, r.inputs) +
                                           (with_value ? ", value " + value_text(c.value_q) : std::string())
                                     : "unknown, " + std::to_string(c.max_points) +
                                           " points not measured (the export lacks this signal)"));
    return lines;
}

std::string headline(const Report& r) {
    std::vector<const ComponentResult*> comps;
    for (const auto& c : r.result.components)
        if (c.available && c.points > 0) comps.push_back(&c);
    std::stable_sort(comps.begin(), comps.end(), [](const ComponentResult* a, const ComponentResult* b) { return a->points > b->points; });
    if (comps.size() > 3) comps.resize(3);
    std::vector<std::string> parts;
    for (const auto* c : comps) parts.push_back(std::string(component_label(c->id)) + " " + plural(c->points, "point"));
    return "Influence score " + std::to_string(r.result.score) + " of 100 as of " + format_day(r.as_of_day) + ". Change: " +
           signed_text(r.d1) + " in 1 day, " + signed_text(r.d7) + " in 7 days, " + signed_text(r.d30) + " in 30 days." +
           (parts.empty() ? "" : " Top components: " + join(parts, ", ") + ".") + partial_words(r);
}

std::string summary(const Report& r) {
    std::vector<std::string> lines;
    lines.push_back("clout influence score: " + std::to_string(r.result.score) + "/100 (as of " + format_day(r.as_of_day) +
                    ", model " + r.model + ")");
    lines.push_back("Change: " + signed_text(r.d1) + " (1 day), " + signed_text(r.d7) + " (7 days), " + signed_text(r.d30) +
                    " (30 days)");
    for (const auto& l : breakdown_lines(r, false)) lines.push_back("  " + l);
    if (r.result.partial()) lines.push_back(partial_words(r).substr(1));
    if (!r.style.label.empty()) lines.push_back("Style: " + r.style.label);
    std::vector<std::string> nets;
    for (const auto& s : r.sources) nets.push_back(std::string(network_id(s.network)) + (s.account.empty() ? "" : " @" + s.account));
    if (!nets.empty()) lines.push_back("From: " + join(nets, ", "));
    if (!r.tips.empty()) lines.push_back("Next: " + r.tips[0].text + " (" + signed_text(r.tips[0].points) + ")");
    lines.push_back("Computed locally with clout; nothing was uploaded.");
    return join(lines, "\n");
}

}  // namespace

std::string report_text_json(const Report& r) {
    using J = nlohmann::json;
    J sections = J::array();
    auto para = [&](const char* title, const std::string& p) { sections.push_back(J{{"title", title}, {"p", p}}); };
    auto list = [&](const char* title, const std::vector<std::string>& items) {
        sections.push_back(J{{"title", title}, {"list", items}});
    };
    const std::string head = headline(r);
    para("Your score", head);
    if (r.result.partial())
        sections.push_back(J{{"title", "Breakdown"}, {"p", partial_words(r).substr(1)}, {"list", breakdown_lines(r, true)}});
    else
        list("Breakdown", breakdown_lines(r, true));
    {
        std::vector<std::string> moves;
        for (const auto& c : r.result.components)
            moves.push_back(std::string(component_label(c.id)) + " " + signed_text(r.components_d30[static_cast<size_t>(c.id)]));
        const ActivityStatement& st = r.statement;
        para("Why it changed", "Over 30 days the score moved " + signed_text(r.d30) + ": " + join(moves, ", ") + ". " +
                                   plural(st.entered_count, "post") + " entered the window (" + signed_text(st.entered_points) +
                                   "), " + plural(st.left_count, "post") + " left it (" + signed_text(st.left_points) + ").");
    }
    if (!r.top_posts.empty()) {
        std::vector<std::string> items;
        for (size_t i = 0; i < r.top_posts.size() && i < 5; ++i) {
            const TopPost& p = r.top_posts[i];
            items.push_back(format_day(day_of(p.time)) + ": " + plural(p.reactions, "reaction") +
                            (p.snippet.empty() ? "" : ": " + p.snippet));
        }
        list("Top posts", items);
    }
    if (!r.topics.empty()) {
        std::vector<std::string> t;
        for (const auto& x : r.topics) t.push_back((x.hashtag ? "#" : "") + x.term);
        para("Topics", join(t, ", "));
    }
    if (!r.engaged_accounts.empty()) {
        std::vector<std::string> a;
        for (const auto& x : r.engaged_accounts) a.push_back(x.account + " (" + std::to_string(x.total()) + ")");
        para("Accounts you engage with most", join(a, ", "));
    }
    para("Style", r.style.label + ": " + r.style.description);
    {  // the heatmap's busiest hour, in the person's time zone (its label names the zone)
        static const char* const kDays[7] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
        int bd = 0, bh = 0;
        for (int d = 0; d < 7; ++d)
            for (int h = 0; h < 24; ++h)
                if (r.heatmap[d][h] > r.heatmap[bd][bh]) bd = d, bh = h;
        char hour[8];
        std::snprintf(hour, sizeof hour, "%02d:00", bh);
        const int64_t n = r.heatmap[bd][bh];
        para("When you post", r.heatmap_label + ". " +
                                  (n > 0 ? "Busiest hour: " + std::string(kDays[bd]) + " " + hour + " (" + plural(n, "post") + ")."
                                         : std::string("No posts in the window.")));
    }
    if (!r.tips.empty()) {
        std::vector<std::string> t;
        for (const auto& x : r.tips) t.push_back(x.text + " (" + signed_text(x.points) + " points)");
        list("Tips", t);
    }
    {
        std::vector<std::string> s;
        for (const auto& x : r.sources)
            s.push_back(std::string(network_id(x.network)) + " " + x.account + ": " + plural(x.posts, "post") +
                        (x.lacks.empty() ? "" : "; the export lacks " + join(x.lacks, ", ")));
        list("Sources", s);
    }
    if (!r.warnings.empty()) list("Warnings", r.warnings);
    const J out{{"headline", head}, {"summary", summary(r)}, {"sections", std::move(sections)}};
    // replace: a snippet cut inside a character must not make the whole text fail
    return out.dump(-1, ' ', false, J::error_handler_t::replace);
}

}  // namespace clout::web
