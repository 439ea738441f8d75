// State of the sharing, export, history and privacy pieces of the page, kept
// apart from AppState so the panels stay separate. Changed by bridge_share.cpp (calls
// from web/share.js and web/history.js) and by panel_share.cpp / panel_privacy.cpp.
#pragma once

#include <string>
#include <vector>

#include "share/share_link.h"

namespace clout::web {

struct HistoryEntry {
    std::string as_of;      // YYYY-MM-DD
    int score = 1;
    std::string networks;   // "X · Mastodon"
};

struct ShareState {
    // A card opened from a link (#s=...): shown read-only instead of the app.
    bool viewing_link = false;
    bool link_ok = false;
    ShareCard link_card;
    std::string link_error;

    // The person's own report, once a score exists (web/share.js setReport).
    bool has_report = false;
    ShareCard own;
    std::string own_link;          // the whole link, built by the page from the payload
    char name[96] = {};            // the display name typed in (kept only on this page)
    bool include_name = false;
    bool show_report_page = false; // no dashboard yet: show the share/export page

    // Local history (opt-in; stored by web/history.js in IndexedDB).
    bool history_supported = true;
    bool history_on = false;
    std::vector<HistoryEntry> history;

    bool privacy_open = false;
    std::string notice;            // a short confirmation ("Link copied")
    int notice_frames = 0;
};

ShareState& share_state();

// Re-encodes the own card (name on/off) and tells the page the new link.
void share_refresh_own();

// Draws the shared-card view, the privacy panel or the interim report page when one is
// open; returns false when none is (the caller draws its own screen).
bool draw_share_pages();

// The "Share and export" section (for the dashboard): link, name, downloads, history.
// Draws at the cursor, `width` device pixels wide; returns the height used.
float draw_share_panel(float width);

// The privacy panel (full page) and a text link that opens it.
void draw_privacy_page();
bool privacy_link(const char* label);

}  // namespace clout::web
