// C++ -> JavaScript calls (the page's scripts, namespace window.clout: web/api.js).
// JavaScript -> C++ calls are the extern "C" clout_web_* functions in bridge.cpp.
// Both sides are documented in docs/ARCHITECTURE.md ("JS <-> wasm bridge").
#pragma once

#include <string>

namespace clout::web::js {

// Places the page's real "Open export…" control (an <input type=file multiple>) over the
// canvas at this rectangle, in device pixels, or hides it. Called when the layout moves.
void place_open_button(float x, float y, float w, float h, bool visible);
// Opens the browser's file picker (from a click on the drop zone).
void open_picker();
// Forgets the chosen files.
void clear_files();
// Mirrors a text into the page's screen-reader live region (role=status).
void announce(const std::string& text);
// Places a page control by element id (#sample, #cancel, #followers-form, #toolbar) at a
// rectangle in device pixels; w or h < 0 keeps its natural size. Only calls JS on a change.
void place(const char* id, float x, float y, float w, float h, bool visible);
// Hides every control that was not placed during this frame (called after drawing).
void end_frame();
// Copies a text to the clipboard (navigator.clipboard).
void copy_text(const std::string& text);
// Called after each drawn frame (the page test waits for it).
void frame_drawn(int fonts_real, double build_ms = 0, double render_ms = 0);

}  // namespace clout::web::js
