#include "share/report_csv.h"

#include "util/time.h"

namespace clout {

namespace {

void score_row(std::string& out, const std::string& date, const std::string& network, const ScoreResult& r) {
    out += "score," + date + "," + network + ",," + std::to_string(r.score) + "," + format_fixed(r.exact_q, 4) + ",,,,,\n";
}

void component_rows(std::string& out, const std::string& date, const std::string& network, const ScoreResult& r) {
    for (const auto& c : r.components) {
        out += "component," + date + "," + network + "," + component_id(c.id) + ",,," + std::to_string(c.points) + "," +
               format_fixed(c.points_q, 4) + "," + std::to_string(c.max_points) + "," +
               (c.available ? format_fixed(c.value_q, 6) : std::string()) + "," + (c.available ? "true" : "false") + "\n";
    }
}

}  // namespace

// No cell needs quoting: dates, network and component ids are the engine's own identifiers.
std::string report_csv(const Report& r) {
    const std::string as_of = format_day(r.as_of_day);
    std::string out = "section,date,network,component,score,score_exact,points,points_exact,max_points,value,available\n";
    score_row(out, as_of, "all", r.result);
    component_rows(out, as_of, "all", r.result);
    for (const auto& n : r.networks) {
        const std::string net = network_id(n.network);
        score_row(out, as_of, net, n.result);
        component_rows(out, as_of, net, n.result);
    }
    for (const auto& t : r.trend) out += "trend," + format_day(t.day) + ",all,," + std::to_string(t.score) + ",,,,,,\n";
    return out;
}

std::string report_csv_from_json(std::string_view report_json) { return report_csv(report_from_json(report_json)); }

}  // namespace clout
