#include "bridge.h"

#include <emscripten.h>

#include <vector>

#include "imgui.h"
#include "state.h"
#include "ui.h"

// ---- C++ -> JS
EM_JS(void, clout_js_place_open_button, (float x, float y, float w, float h, int visible), {
    if (globalThis.clout && globalThis.clout._placeOpenButton) globalThis.clout._placeOpenButton(x, y, w, h, !!visible);
});
EM_JS(void, clout_js_open_picker, (), {
    if (globalThis.clout) globalThis.clout.openPicker();
});
EM_JS(void, clout_js_clear_files, (), {
    if (globalThis.clout) globalThis.clout.clearFiles();
});
EM_JS(void, clout_js_announce, (const char* text), {
    if (globalThis.clout) globalThis.clout.announce(UTF8ToString(text));
});
EM_JS(void, clout_js_frame_drawn, (int fonts_real), {
    if (globalThis.clout && globalThis.clout._frameDrawn) globalThis.clout._frameDrawn(!!fonts_real);
});

namespace clout::web::js {
void place_open_button(float x, float y, float w, float h, bool visible) {
    clout_js_place_open_button(x, y, w, h, visible ? 1 : 0);
}
void open_picker() { clout_js_open_picker(); }
void clear_files() { clout_js_clear_files(); }
void announce(const std::string& text) { clout_js_announce(text.c_str()); }
void frame_drawn(int fonts_real) { clout_js_frame_drawn(fonts_real); }
}  // namespace clout::web::js

// ---- JS -> C++ (called by web/app.js as Module._clout_web_*)
using namespace clout::web;

extern "C" {

// A font file fetched by the page, handed over before main() runs. `data` stays the caller's.
EMSCRIPTEN_KEEPALIVE void clout_web_font(int which, const unsigned char* data, int size) {
    if (which < 0 || which > 2 || size <= 0) return;
    set_font_file(static_cast<FontFile>(which), std::vector<unsigned char>(data, data + size));
}

EMSCRIPTEN_KEEPALIVE void clout_web_files_clear() {
    state().files.clear();
    ++state().files_version;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_file_added(const char* name, double size, int js_index) {
    state().files.push_back(PickedFile{name, size, js_index});
    ++state().files_version;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_drag(int over) {
    state().drag_over = over != 0;
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_theme(int dark) {
    state().dark = dark != 0;
    request_redraw();
}

// A touch on the canvas at (x, y) CSS pixels. Emscripten's GLFW reports no position for
// touches, so the page sends it first and the tap lands where the finger is.
EMSCRIPTEN_KEEPALIVE void clout_web_touch(float x, float y) {
    if (!ImGui::GetCurrentContext()) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x * ui().s, y * ui().s);
    request_redraw();
}

// Any other reason to draw again (theme or size change seen by the page, focus, ...).
EMSCRIPTEN_KEEPALIVE void clout_web_wake() { request_redraw(); }

}  // extern "C"
