#include "share/report_csv.h"

#include "util/error.h"
#include "util/time.h"

namespace clout {

namespace {

// Text cells: ids and dates from the engine, quoted anyway if they ever need it.
std::string text(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// The score row (with the points no export could measure), then the base row, so that
// the points column of one section adds up to its score.
void score_row(std::string& out, const std::string& date, const std::string& network, const ScoreResult& r) {
    out += "score," + date + "," + network + ",," + std::to_string(r.score) + "," + format_fixed(r.exact_q, kExactDecimals) +
           ",,,,,,," + std::to_string(r.partial() ? r.unmeasured_points() : 0) + "\n";
    const std::string base = std::to_string(r.base_points);
    out += "component," + date + "," + network + ",base,,," + base + "," + base + "." + std::string(kExactDecimals, '0') +
           "," + base + ",,true,,\n";
}

// One row per component, in the report's order; an unknown one has empty points and value.
void component_rows(std::string& out, const std::string& date, const std::string& network, const ScoreInputs& in,
                    const ScoreResult& r) {
    for (const auto& c : r.components) {
        std::string prov;
        for (const auto& id : provenance_ids(component_provenance_bits(c.id, in))) prov += (prov.empty() ? "" : "+") + text(id);
        out += "component," + date + "," + network + "," + text(component_id(c.id)) + ",,," +
               (c.available ? std::to_string(c.points) : std::string()) + "," +
               (c.available ? format_fixed(c.points_q, kExactDecimals) : std::string()) + "," + std::to_string(c.max_points) +
               "," + (c.available ? format_fixed(c.value_q, kValueDecimals) : std::string()) + "," +
               (c.available ? "true" : "false") + "," + prov + ",\n";
    }
}

}  // namespace

std::string report_csv(const Report& r) {
    const std::string as_of = text(format_day(r.as_of_day));
    std::string out = "section,date,network,component,score,score_exact,points,points_exact,max_points,value,known,provenance,"
                      "unmeasured_points\n";
    score_row(out, as_of, "all", r.result);
    component_rows(out, as_of, "all", r.inputs, r.result);
    for (const auto& n : r.networks) {
        const std::string net = text(network_id(n.network));
        score_row(out, as_of, net, n.result);
        component_rows(out, as_of, net, n.inputs, n.result);
    }
    for (const auto& t : r.trend) out += "trend," + text(format_day(t.day)) + ",all,," + std::to_string(t.score) + ",,,,,,,,\n";
    return out;
}

Report share_report_from_json(std::string_view report_json) {
    try {
        return report_from_json(report_json);
    } catch (const InputError& e) {
        // report_from_json names the member ("report: 'trend' is missing"): keep that, after
        // a sentence that says what the text was expected to be.
        std::string why = e.what();
        if (why.rfind("report: ", 0) == 0) why.erase(0, 8);
        throw InputError("This is not a clout report: " + why + ".");
    }
}

std::string report_csv_from_json(std::string_view report_json) { return report_csv(share_report_from_json(report_json)); }

}  // namespace clout
