// The report's trend and components as one CSV table (docs/REPORT.md "CSV export"), made
// from the typed report, so that `clout score --csv FILE` and the page's "Download CSV"
// (which holds the report's JSON text, read back by report_from_json) give the same bytes.
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
std::string report_csv(const Report& r);
// = report_csv(report_from_json(report_json)). Throws InputError ("This is not a clout
// report: ...") when the text is not a clout.report.v2 report.
std::string report_csv_from_json(std::string_view report_json);

// The report of a JSON text for the share code (the CSV, the card): report_from_json, with
// its error worded for a person who gave a file that is not a report.
Report share_report_from_json(std::string_view report_json);

}  // namespace clout
