// The report's short plain-text form for the terminal (`clout score` without --json).
#include <cstdio>

#include "report/report.h"
#include "util/time.h"

namespace clout {

std::string report_to_text(const Report& r) {
    std::string s;
    char buf[256];
    std::snprintf(buf, sizeof buf, "Influence score %d/100 (exact %s) as of %s  [model %s]\n", r.result.score,
                  format_fixed(r.result.exact_q, 4).c_str(), format_day(r.as_of_day).c_str(), r.model.c_str());
    s += buf;
    // Every number shown adds up: base + the whole points of the known components = score.
    std::snprintf(buf, sizeof buf, "  %-14s %3d point\n", "Base", r.result.base_points);
    s += buf;
    for (const auto& c : r.result.components) {
        std::string from;
        for (const auto& id : provenance_ids(component_provenance_bits(c.id, r.inputs)))
            if (id != "export") from += (from.empty() ? "  [" : ", ") + id;
        if (!from.empty()) from += "]";
        if (c.available)
            std::snprintf(buf, sizeof buf, "  %-14s %3d of %2d points  (value %s)%s\n", component_label(c.id), c.points,
                          c.max_points, format_fixed(c.value_q, 6).c_str(), from.c_str());
        else
            std::snprintf(buf, sizeof buf, "  %-14s   ? of %2d points  unknown: not in these exports (not counted)\n",
                          component_label(c.id), c.max_points);
        s += buf;
    }
    std::snprintf(buf, sizeof buf, "  %-14s %3d\n", "= Score", r.result.score);
    s += buf;
    if (r.result.partial()) {
        std::string names;
        for (const auto& c : r.result.components)
            if (!c.available) names += std::string(names.empty() ? "" : ", ") + component_id(c.id);
        std::snprintf(buf, sizeof buf, "Partial score: %d of 100 points could not be measured (%s).\n",
                      r.result.unmeasured_points(), names.c_str());
        s += buf;
    }
    std::snprintf(buf, sizeof buf, "Change: %+d in 1 day, %+d in 7 days, %+d in 30 days\n", r.d1, r.d7, r.d30);
    s += buf;
    if (!r.networks.empty()) {
        s += "Per network:";
        for (const auto& n : r.networks) {
            if (n.result.partial())
                std::snprintf(buf, sizeof buf, " %s %d (partial, %d points unmeasured)", network_label(n.network), n.result.score,
                              n.result.unmeasured_points());
            else
                std::snprintf(buf, sizeof buf, " %s %d", network_label(n.network), n.result.score);
            s += buf;
        }
        s += "\n";
    }
    std::snprintf(buf, sizeof buf, "Style: %s\n", r.style.label.c_str());
    s += buf;
    for (const auto& t : r.tips) {
        std::snprintf(buf, sizeof buf, "Tip (%+d): ", t.points);
        s += buf + t.text + "\n";
    }
    for (const auto& w : r.warning_details) {
        const std::string fix = warning_fix_cli(w);
        s += "warning: " + w.text + (fix.empty() ? "" : " " + fix) + "\n";
    }
    return s;
}

}  // namespace clout
