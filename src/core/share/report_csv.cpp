#include "share/report_csv.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "util/error.h"

namespace clout {

namespace {

using J = nlohmann::json;

[[noreturn]] void bad(const std::string& what) { throw InputError("This is not a clout report: " + what + "."); }

const J& at(const J& o, const char* key) {
    if (!o.is_object() || !o.contains(key)) bad(std::string("no ") + key);
    return o[key];
}

// A JSON number printed with a fixed number of decimals (the report prints them so; the
// value is rebuilt from the integer it came from, so no digit changes).
std::string fixed(const J& v, int decimals) {
    if (v.is_null()) return "";
    if (!v.is_number()) bad("a number is not a number");
    int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    const double d = v.get<double>();
    if (!(std::fabs(d) < 1e12)) bad("a number is out of range");
    const int64_t q = std::llround(d * static_cast<double>(scale));
    const bool neg = q < 0;
    const uint64_t a = neg ? static_cast<uint64_t>(-q) : static_cast<uint64_t>(q);
    std::string s = (neg ? "-" : "") + std::to_string(a / static_cast<uint64_t>(scale));
    if (decimals > 0) {
        std::string frac = std::to_string(a % static_cast<uint64_t>(scale));
        s += '.' + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
    }
    return s;
}

std::string whole(const J& v) {
    if (v.is_null()) return "";
    if (!v.is_number_integer()) bad("a count is not a whole number");
    return std::to_string(v.get<int64_t>());
}

// Text cells: ids and dates from the engine, quoted anyway if they ever need it.
std::string text(const J& v) {
    if (!v.is_string()) bad("a name is not text");
    std::string s = v.get<std::string>();
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// The score row (with the points no export could measure), then the base row, so that
// the points column of one section adds up to its score.
void score_row(std::string& out, const std::string& date, const std::string& network, const J& o) {
    const J& partial = at(o, "partial");
    std::string unmeasured = "0";
    if (!partial.is_null()) unmeasured = whole(at(partial, "unmeasured_points"));
    out += "score," + date + "," + network + ",," + whole(at(o, "score")) + "," + fixed(at(o, "score_exact"), 4) + ",,,,,,," +
           unmeasured + "\n";
    const std::string base = whole(at(o, "base_points"));
    out += "component," + date + "," + network + ",base,,," + base + "," + base + ".0000," + base + ",,true,,\n";
}

void component_rows(std::string& out, const std::string& date, const std::string& network, const J& comps) {
    if (!comps.is_array()) bad("components is not a list");
    for (const auto& c : comps) {
        const J& known = at(c, "known");
        if (!known.is_boolean()) bad("known is not true or false");
        std::string prov;
        const J& p = at(c, "provenance");
        if (!p.is_array()) bad("provenance is not a list");
        for (const auto& v : p) prov += (prov.empty() ? "" : "+") + text(v);
        out += "component," + date + "," + network + "," + text(at(c, "id")) + ",,," + whole(at(c, "points")) + "," +
               fixed(at(c, "points_exact"), 4) + "," + whole(at(c, "max_points")) + "," + fixed(at(c, "value"), 6) + "," +
               (known.get<bool>() ? "true" : "false") + "," + prov + ",\n";
    }
}

}  // namespace

std::string report_csv_from_json(std::string_view report_json) {
    const J j = J::parse(report_json.begin(), report_json.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) bad("it is not JSON");
    if (!j.contains("schema") || j["schema"] != "clout.report.v2") bad("its schema is not clout.report.v2");
    const std::string as_of = text(at(j, "as_of"));
    std::string out = "section,date,network,component,score,score_exact,points,points_exact,max_points,value,known,provenance,"
                      "unmeasured_points\n";
    score_row(out, as_of, "all", j);
    component_rows(out, as_of, "all", at(j, "components"));
    const J& nets = at(j, "networks");
    if (!nets.is_array()) bad("networks is not a list");
    for (const auto& n : nets) {
        const std::string net = text(at(n, "network"));
        score_row(out, as_of, net, n);
        component_rows(out, as_of, net, at(n, "components"));
    }
    const J& trend = at(j, "trend");
    if (!trend.is_array()) bad("trend is not a list");
    for (const auto& t : trend) out += "trend," + text(at(t, "date")) + ",all,," + whole(at(t, "score")) + ",,,,,,,,\n";
    return out;
}

std::string report_csv(const Report& r) { return report_csv_from_json(report_to_json(r)); }

}  // namespace clout
