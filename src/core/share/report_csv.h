// The report's trend and components as one CSV table (docs/REPORT.md "CSV export"), made
// from the typed Report; `clout score --csv FILE` and the page's "Download CSV" give the
// same bytes for the same report (the page holds the report read back from its JSON,
// report_from_json, which loses nothing the CSV prints).
#pragma once

#include <string>
#include <string_view>

#include "report/report.h"

namespace clout {

// Header: section,date,network,component,score,score_exact,points,points_exact,max_points,value,available
// Rows: the combined score, its five components, then per network its score and five
// components, then one trend row per day (ascending). Lines end with "\n".
std::string report_csv(const Report& r);
// = report_csv(report_from_json(report_json)); throws InputError (report_from_json's
// message) when the text is not a clout.report.v1 report.
std::string report_csv_from_json(std::string_view report_json);

}  // namespace clout
