// The report's trend and components as one CSV table (docs/REPORT.md "CSV export"),
// made from the report JSON so that `clout score --csv FILE` and the page's "Download CSV"
// give the same bytes for the same report.
#pragma once

#include <string>
#include <string_view>

#include "report/report.h"

namespace clout {

// Header: section,date,network,component,score,score_exact,points,points_exact,max_points,value,known,
//         provenance,unmeasured_points
// Rows: the combined score (with the points no export could measure), its base row and its
// five components (unknown ones: empty points, known=false), then per network the same,
// then one trend row per day (ascending). The points of a section's base and component
// rows add up to its score. Lines end with "\n".
// Throws InputError when the text is not a clout.report.v2 report.
std::string report_csv_from_json(std::string_view report_json);
std::string report_csv(const Report& r);  // = report_csv_from_json(report_to_json(r))

}  // namespace clout
