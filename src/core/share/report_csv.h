// The report's trend and components as one CSV table (docs/REPORT.md "CSV export"),
// made from the report JSON so that `clout score --csv FILE` and the page's "Download CSV"
// give the same bytes for the same report.
#pragma once

#include <string>
#include <string_view>

#include "report/report.h"

namespace clout {

// Header: section,date,network,component,score,score_exact,points,points_exact,max_points,value,available
// Rows: the combined score, its five components, then per network its score and five
// components, then one trend row per day (ascending). Lines end with "\n".
// Throws InputError when the text is not a clout.report.v1 report.
std::string report_csv_from_json(std::string_view report_json);
std::string report_csv(const Report& r);  // = report_csv_from_json(report_to_json(r))

}  // namespace clout
