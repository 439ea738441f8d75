// What the page shows, owned by main.cpp and changed only through the bridge (bridge.cpp)
// and the panels. The UI is a pure function of this state, redrawn on every change.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <vector>

#include "report/report.h"

namespace clout::web {

// A file the person chose or dropped. The File object itself stays in JavaScript
// (window.clout.files[js_index]) for the import worker; the UI only needs name and size.
struct PickedFile {
    std::string name;
    double size = 0;
    int js_index = -1;
};

enum class Phase { Welcome, Working, Dashboard };

// The import worker's progress (web/worker.js -> web/worker_client.js -> clout_web_progress).
struct Work {
    bool active = false;
    int file_index = 0, file_count = 0;   // which file of how many is being read
    std::string name;
    double done = 0, total = 0;            // bytes of the file read / its size
    double entries = 0, posts = 0;
    bool rank = false;                     // ranking a roster (panel_rank.cpp), not reading an export
};

// The report on screen: the worker's report (the CLI's JSON) read back into the typed
// Report by the one reader of the schema (core/report/report_read.cpp), so every panel
// reads fields the compiler checks; and what the panels derive from it once.
struct ReportData {
    clout::Report r;
    std::vector<std::string> trend_dates;  // r.trend's days, "YYYY-MM-DD" (the trend's month ticks)
};

struct AppState {
    Phase phase = Phase::Welcome;
    Work work;
    std::vector<std::string> errors;       // the last run's per-file errors, "FILE: message"
    std::shared_ptr<ReportData> report;
    int report_version = 0;
    float toolbar_w = 0, toolbar_h = 0;    // the DOM toolbar's size, CSS pixels
    bool drag_owned = false;               // a control holds the pointer (touch drags do not scroll)

    std::vector<PickedFile> files;
    bool drag_over = false;      // files are being dragged over the page
    int files_version = 0;       // bumped on every change of `files` (announcements)
    bool dark = true;            // the page's prefers-color-scheme
};

AppState& state();

// Asks for a few more frames to be drawn (after input or a state change); the app draws
// nothing while idle.
void request_redraw(int frames = 3);

// The canvas's size in CSS pixels and the device pixel ratio, sent by the page when they
// change (bridge.cpp clout_web_canvas); the frame loop sizes the backing store from them.
void set_canvas_css_size(double css_w, double css_h, double dpr);

}  // namespace clout::web
