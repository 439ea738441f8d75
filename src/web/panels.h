// The panels of the page, one file each. Each draws into the current full-window
// ImGui window, using ui() for scale, fonts and colours.
#pragma once

#include "state.h"

namespace clout::web {

// The first screen: what clout does, the drop zone, "Open export…", the privacy line.
void draw_welcome(AppState& st);
// While the worker reads: the progress card with Cancel (progress.cpp).
void draw_progress(AppState& st);
// The report (dashboard.cpp lays the panels out in cards; one panel_*.cpp each).
void draw_dashboard(AppState& st);

// Each panel draws the content of one card at the ImGui cursor, `w` device pixels wide,
// and leaves the cursor below what it drew.
void panel_score(const ReportData& r, float w);
void panel_breakdown(const ReportData& r, float w);
void panel_trend(const ReportData& r, float w);
void panel_why(const ReportData& r, float w);
void panel_top_posts(const ReportData& r, float w);
void panel_topics(const ReportData& r, float w);
void panel_accounts(const ReportData& r, float w);
void panel_style(const ReportData& r, float w);
void panel_heatmap(const ReportData& r, float w);
void panel_tips(const ReportData& r, float w);
void panel_what_if(const ReportData& r, float w);
void panel_sources(AppState& st, const ReportData& r, float w);
// The "Fetch public counts…" entry under Sources for Bluesky and Mastodon (panel_fetch.cpp).
void fetch_entry(float w, bool fetched_before);

// The report as text for the page's DOM (report_a11y.cpp): JSON {headline, summary,
// sections: [{title, p} or {title, list}]}: the live region's headline, "Copy summary"
// and the screen-reader section #report-text.
std::string report_text_json(const clout::Report& r);

// The audience ranking (panel_rank.cpp). The welcome screen's entry ("Rank an
// audience (CSV)…", "Try a sample roster") at (x0, y), `w` wide; returns its height
// (measure: nothing drawn). The ranking page replaces the other screens while a ranking is
// open and the worker is idle: draw_rank_page returns false when it is not.
float draw_rank_entry(float x0, float y, float w, bool measure);
bool draw_rank_page(AppState& st);
bool rank_page_active();

}  // namespace clout::web
