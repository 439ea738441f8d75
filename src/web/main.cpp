// The web app's frame loop: one full-window ImGui "page" drawn into a canvas that fills
// the browser window. HiDPI: the canvas backing store is its CSS size x devicePixelRatio,
// re-checked every frame (browser zoom changes the ratio), ImGui works in device pixels,
// fonts are rasterised at that scale and the style is scaled by it (ui.h).
// Nothing is drawn while idle: input, a resize or a state change asks for a few frames.
#include <emscripten.h>
#include <emscripten/html5.h>
#define GLFW_INCLUDE_ES3
#include <GLFW/glfw3.h>

#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_impl_glfw.h"
#include "bridge.h"
#include "panels.h"
#include "render_gl.h"
#include "share_state.h"  // shared card, privacy panel
#include "state.h"
#include "ui.h"

namespace clout::web {

namespace {
GLFWwindow* g_window = nullptr;
int g_redraw = 0;
int g_width = 0, g_height = 0;   // canvas backing size, device pixels
float g_scale = 0;               // device pixel ratio the fonts and style were built for
bool g_dark = true;
double g_css_w = 0, g_css_h = 0, g_dpr = 0;   // the canvas's CSS size and the ratio, sent by the page
}  // namespace

void set_canvas_css_size(double css_w, double css_h, double dpr) {
    if (css_w == g_css_w && css_h == g_css_h && dpr == g_dpr) return;
    g_css_w = css_w;
    g_css_h = css_h;
    g_dpr = dpr;
    request_redraw();
}

AppState& state() {
    static AppState s;
    return s;
}

void request_redraw(int frames) {
    if (g_redraw < frames) g_redraw = frames;
}

namespace {

// Canvas backing size = CSS size x devicePixelRatio; returns true when anything changed.
// The page sends the size when it changes (web/app.js: a ResizeObserver and the resize
// event): asking the DOM here, every frame, forced a style and layout pass inside the frame
// whenever the page's DOM had changed (measured: up to 30 ms on the first dashboard frame).
bool sync_canvas_size() {
    double css_w = g_css_w, css_h = g_css_h;
    float dpr = static_cast<float>(g_dpr);
    if (css_w <= 0 || css_h <= 0 || dpr <= 0) {   // not sent (yet): ask once
        emscripten_get_element_css_size("#canvas", &css_w, &css_h);
        dpr = static_cast<float>(emscripten_get_device_pixel_ratio());
    }
    if (!(dpr > 0.25f && dpr < 8.0f)) dpr = 1.0f;
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    bool changed = false;
    if (w != g_width || h != g_height) {
        g_width = w;
        g_height = h;
        // Not glfwSetWindowSize: Emscripten's GLFW turns a screen-sized window into a
        // fullscreen request. The CSS size stays as the stylesheet sets it.
        emscripten_set_canvas_element_size("#canvas", w, h);
        changed = true;
    }
    if (dpr != g_scale || state().dark != g_dark) {
        const bool rebuild = dpr != g_scale;
        g_scale = dpr;
        g_dark = state().dark;
        apply_style(dpr, g_dark);
        if (rebuild) rebuild_fonts(dpr);
        changed = true;
    }
    return changed;
}

// Touch: a drag that starts away from a control scrolls the window under the finger (ImGui
// itself scrolls only with a wheel), so a phone scrolls the page the usual way.
void touch_scroll() {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiContext& g = *ImGui::GetCurrentContext();
    static bool dragging = false;
    static ImGuiWindow* target = nullptr;
    if (io.MouseSource != ImGuiMouseSource_TouchScreen) {
        dragging = false;
        return;
    }
    if (ImGui::IsMouseClicked(0)) {
        dragging = false;
        target = g.HoveredWindow;
        // A touch on a slider or a text field drives it; anywhere else may become a scroll.
        while (target && (target->Flags & ImGuiWindowFlags_ChildWindow) && target->ScrollMax.y <= 0) target = target->ParentWindow;
    }
    if (!ImGui::IsMouseDown(0)) {
        dragging = false;
        return;
    }
    // Sliders own their drags (panels set drag_owned while one is held).
    if (!dragging && !state().drag_owned && ImGui::IsMouseDragging(0, io.MouseDragThreshold)) dragging = true;
    if (dragging && target) {
        ImGui::SetScrollY(target, target->Scroll.y - io.MouseDelta.y);
        if (g.ActiveId) ImGui::ClearActiveID();
        request_redraw(2);
    }
}

void frame(void*) {
    if (sync_canvas_size()) request_redraw();
    if (ImGui::GetCurrentContext()->InputEventsQueue.Size > 0) request_redraw();
    if (g_redraw <= 0) return;
    --g_redraw;

    const double t_start = emscripten_get_now();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // The GLFW backend reports the window size; it is the canvas backing size (device pixels).
    io.DisplaySize = ImVec2(static_cast<float>(g_width), static_cast<float>(g_height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    // No window background: the renderer's clear paints the same colour (a full-window
    // textured, blended quad is the most expensive thing software GL draws).
    const bool own_scroll = state().phase == Phase::Dashboard || rank_page_active();  // the ranking page scrolls itself
    ImGui::Begin("clout", nullptr, flags | ImGuiWindowFlags_NoBackground | (own_scroll ? ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse : 0));
    if (!draw_share_pages() && !draw_rank_page(state())) switch (state().phase) {  // a shared card, the privacy panel, ...; the ranking page
        case Phase::Welcome: draw_welcome(state()); break;
        case Phase::Working: draw_progress(state()); break;
        case Phase::Dashboard: draw_dashboard(state()); break;
    }
    touch_scroll();
    ImGui::End();
    js::end_frame();

    ImGui::Render();
    const double t_built = emscripten_get_now();
    render::draw(ImGui::GetDrawData(), g_width, g_height, ImGui::ColorConvertU32ToFloat4(ui().c.bg));
    // Hover and active states settle one frame after the input that changed them.
    if (io.WantTextInput || ImGui::IsAnyItemActive()) request_redraw(2);
    js::frame_drawn(ui().f.real ? 1 : 0, t_built - t_start, emscripten_get_now() - t_built);
}

}  // namespace
}  // namespace clout::web

int main() {
    using namespace clout::web;
    if (!glfwInit()) {
        std::fprintf(stderr, "clout: could not initialise GLFW\n");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    // No depth, stencil or alpha buffer: ImGui uses none, and the canvas is opaque (less for
    // the browser to clear, keep and composite every frame).
    glfwWindowHint(GLFW_DEPTH_BITS, 0);
    glfwWindowHint(GLFW_STENCIL_BITS, 0);
    glfwWindowHint(GLFW_ALPHA_BITS, 0);
    g_window = glfwCreateWindow(640, 480, "clout", nullptr, nullptr);
    if (!g_window) {
        std::fprintf(stderr, "clout: WebGL 2 is not available in this browser\n");
        return 1;
    }
    glfwMakeContextCurrent(g_window);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    if (!render::init()) {
        std::fprintf(stderr, "clout: the WebGL 2 shaders did not compile\n");
        return 1;
    }

    sync_canvas_size();
    request_redraw();
    emscripten_set_main_loop_arg(frame, nullptr, 0, false);
    return 0;
}
