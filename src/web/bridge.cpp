#include "bridge.h"

#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/report.h"
#include "util/time.h"

#include "imgui.h"
#include "panels.h"
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
EM_JS(void, clout_js_place, (const char* id, float x, float y, float w, float h, int visible), {
    if (globalThis.clout && globalThis.clout._place) globalThis.clout._place(UTF8ToString(id), x, y, w, h, !!visible);
});
EM_JS(void, clout_js_copy_text, (const char* text), {
    if (globalThis.clout) globalThis.clout.copyText(UTF8ToString(text));
});
EM_JS(void, clout_js_frame_drawn, (int fonts_real, double build_ms, double render_ms), {
    if (globalThis.clout && globalThis.clout._frameDrawn) globalThis.clout._frameDrawn(!!fonts_real, build_ms, render_ms);
});

namespace clout::web::js {
void place_open_button(float x, float y, float w, float h, bool visible) {
    clout_js_place_open_button(x, y, w, h, visible ? 1 : 0);
}
void open_picker() { clout_js_open_picker(); }
void clear_files() { clout_js_clear_files(); }
void announce(const std::string& text) { clout_js_announce(text.c_str()); }
void frame_drawn(int fonts_real, double build_ms, double render_ms) { clout_js_frame_drawn(fonts_real, build_ms, render_ms); }
void copy_text(const std::string& text) { clout_js_copy_text(text.c_str()); }
namespace {
struct Last { std::string id; float v[4]; bool vis; bool placed; };
std::vector<Last> g_placed;
}  // namespace
void end_frame() {
    for (auto& l : g_placed) {
        if (!l.placed && l.vis) {
            l.vis = false;
            clout_js_place(l.id.c_str(), 0, 0, 0, 0, 0);
        }
        l.placed = false;
    }
}
void place(const char* id, float x, float y, float w, float h, bool visible) {
    auto& last = g_placed;
    const float s = ui().s;
    const float v[4] = {x / s, y / s, w < 0 ? -1 : w / s, h < 0 ? -1 : h / s};
    for (auto& l : last) {
        if (l.id != id) continue;
        l.placed = true;
        if (l.vis == visible && (!visible || (l.v[0] == v[0] && l.v[1] == v[1] && l.v[2] == v[2] && l.v[3] == v[3]))) return;
        std::copy(v, v + 4, l.v);
        l.vis = visible;
        clout_js_place(id, v[0], v[1], v[2], v[3], visible ? 1 : 0);
        return;
    }
    last.push_back(Last{id, {v[0], v[1], v[2], v[3]}, visible, true});
    clout_js_place(id, v[0], v[1], v[2], v[3], visible ? 1 : 0);
}
}  // namespace clout::web::js

// ---- JS -> C++ (called by the page's scripts, web/worker_client.js, web/input.js, web/app.js,
// as Module._clout_web_*; the ranking's are in bridge_rank.cpp, sharing's in bridge_share.cpp)
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

// The worker started (on = 1, reading `files` files) or stopped.
EMSCRIPTEN_KEEPALIVE void clout_web_working(int on, int files) {
    AppState& st = state();
    st.work = Work{};
    st.work.active = on != 0;
    st.work.file_count = files;
    if (on) {
        st.errors.clear();
        st.phase = Phase::Working;
    } else {
        st.phase = st.report ? Phase::Dashboard : Phase::Welcome;
    }
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_progress(const char* name, double done, double total, double entries, double posts,
                                             int index, int count) {
    Work& w = state().work;
    w.name = name;
    w.done = done;
    w.total = total;
    w.entries = entries;
    w.posts = posts;
    w.file_index = index;
    w.file_count = count;
    request_redraw(1);  // one frame per update (at most 4 a second): the main thread stays free
}

}  // extern "C"

namespace {

// A report taken in: the typed report and what the panels derive from it once.
std::shared_ptr<ReportData> report_data(clout::Report r) {
    auto d = std::make_shared<ReportData>();
    d->r = std::move(r);
    d->trend_dates.reserve(d->r.trend.size());
    for (const auto& t : d->r.trend) d->trend_dates.push_back(clout::format_day(t.day));
    return d;
}

void show_report(std::shared_ptr<ReportData> r) {
    AppState& st = state();
    st.report = std::move(r);
    ++st.report_version;
    if (!st.work.active) st.phase = Phase::Dashboard;
    request_redraw();
}

std::unique_ptr<clout::ReportReader> g_incoming;  // a report being taken in part by part
bool g_incoming_ok = false;

void incoming_failed(const char* what) {
    if (g_incoming_ok) emscripten_log(EM_LOG_WARN, "clout: the report could not be read: %s", what);
    g_incoming_ok = false;
}

}  // namespace

extern "C" {

// A new report (the JSON text the worker produced), or none (json = null: start over).
// In one go: the page uses it only when it starts with a report already there; a new
// report from the worker comes in parts (clout_web_report_begin ... _end). Returns 1, or
// 0 when the text is not a report (nothing changes then; the reason goes to the console).
EMSCRIPTEN_KEEPALIVE int clout_web_report(const char* json) {
    AppState& st = state();
    if (!json) {
        g_incoming.reset();
        st.report.reset();
        st.phase = st.work.active ? Phase::Working : Phase::Welcome;
        ++st.report_version;
        request_redraw();
        return 1;
    }
    try {
        show_report(report_data(clout::report_from_json(json)));
    } catch (const std::exception& e) {
        emscripten_log(EM_LOG_WARN, "clout: the report could not be read: %s", e.what());
        return 0;
    }
    return 1;
}

// A new report in parts (no main-thread task over 50 ms), from the worker's view
// of it (src/worker/main.cpp clout_worker_view): begin, the trend, each member of the
// report's JSON object (a few per task), end. Each part is read straight into the typed
// report (clout::ReportReader); the report on screen changes only at the end.
EMSCRIPTEN_KEEPALIVE void clout_web_report_begin() {
    g_incoming = std::make_unique<clout::ReportReader>();
    g_incoming_ok = true;
}

// `days` days of [score, 5 component points], and their dates ("YYYY-MM-DD" each, concatenated).
EMSCRIPTEN_KEEPALIVE void clout_web_report_trend(const int32_t* v, int days, const char* dates) {
    if (!g_incoming || !g_incoming_ok) return;
    const size_t n = static_cast<size_t>(std::max(days, 0));
    const std::string_view d = dates;
    if (d.size() != n * 10) return incoming_failed("the trend's dates do not match its days");
    std::vector<clout::TrendPoint> trend(n);
    for (size_t i = 0; i < n; ++i) {
        clout::TrendPoint& t = trend[i];
        if (!clout::parse_ymd(d.substr(i * 10, 10), t.day)) return incoming_failed("a trend date is not a date");
        t.score = v[i * 6];
        for (size_t k = 0; k < 5; ++k) t.points[k] = v[i * 6 + 1 + k];
    }
    try {
        g_incoming->trend(std::move(trend));
    } catch (const std::exception& e) {
        incoming_failed(e.what());
    }
}

// One member of the report's JSON object: its key and its JSON text.
EMSCRIPTEN_KEEPALIVE void clout_web_report_part(const char* key, const char* json) {
    if (!g_incoming || !g_incoming_ok) return;
    try {
        g_incoming->member(key, std::string_view(json));
    } catch (const std::exception& e) {
        incoming_failed(e.what());
    }
}

// Shows the report taken in; returns 0 when a part was damaged or missing (nothing changes then).
EMSCRIPTEN_KEEPALIVE int clout_web_report_end() {
    auto reader = std::move(g_incoming);
    g_incoming.reset();
    if (!reader || !g_incoming_ok) return 0;
    try {
        show_report(report_data(reader->finish()));
    } catch (const std::exception& e) {
        incoming_failed(e.what());
        return 0;
    }
    return 1;
}

// The report on screen as text (report_a11y.cpp: the screen-reader section, the live
// region's headline, "Copy summary"): JSON, or "" when no report is shown. The text is
// valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* clout_web_report_text() {
    static std::string text;
    const auto& r = state().report;
    text = r ? report_text_json(r->r) : std::string();
    return text.c_str();
}

// The last run's errors, one "FILE: message" per line (empty: none).
EMSCRIPTEN_KEEPALIVE void clout_web_errors(const char* text) {
    AppState& st = state();
    st.errors.clear();
    std::string cur;
    for (const char* p = text; *p; ++p) {
        if (*p == '\n') {
            if (!cur.empty()) st.errors.push_back(cur);
            cur.clear();
        } else {
            cur += *p;
        }
    }
    if (!cur.empty()) st.errors.push_back(cur);
    request_redraw();
}

EMSCRIPTEN_KEEPALIVE void clout_web_toolbar(float w, float h) {
    state().toolbar_w = w;
    state().toolbar_h = h;
    request_redraw();
}

// A wheel or touchpad scroll over the canvas, in ImGui's units (web/input.js).
EMSCRIPTEN_KEEPALIVE void clout_web_wheel(float dx, float dy) {
    if (!ImGui::GetCurrentContext()) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMouseWheelEvent(dx, dy);
    request_redraw();
}

// The canvas's CSS size and devicePixelRatio (web/app.js, on a resize or zoom).
EMSCRIPTEN_KEEPALIVE void clout_web_canvas(double css_w, double css_h, double dpr) { set_canvas_css_size(css_w, css_h, dpr); }

// Any other reason to draw again (theme or size change seen by the page, focus, ...).
EMSCRIPTEN_KEEPALIVE void clout_web_wake() { request_redraw(); }

}  // extern "C"
