// The app's own WebGL 2 renderer of Dear ImGui's draw data (instead of the stock
// imgui_impl_opengl3 backend). It owns every piece of GL state it uses, so it never asks
// the context for state: the stock backend backs up and restores ~20 values per frame with
// glGetIntegerv/glIsEnabled, and in Chromium each such query is a synchronous round trip to
// the GPU process (measured: 40-60 ms of main-thread waits while a large archive was read
// and the dashboard first drawn, tests/page/dashboard.mjs).
//
// Also: rectangles registered with fill_rect() are filled with scissored glClear calls
// (no fragment shading, no texture fetch, no blending) and only their rounded corners are
// drawn as triangles. Large card backgrounds are most of a frame's pixels; with software
// GL (SwiftShader) a textured, blended full-screen layer costs 25-45 ms here.
#pragma once

#include "imgui.h"

namespace clout::web::render {

bool init();                       // after the GL context exists; false if the shader fails
void upload_fonts();               // (re)creates the font texture from io.Fonts
void draw(ImDrawData* data, int fb_width, int fb_height, ImVec4 clear);

// An opaque, optionally rounded rectangle (device pixels) drawn into `dl` at this point of
// its command stream: the inside by glClear in the renderer, the corners as triangles.
// `col` must be opaque (a clear does not blend); a translucent colour falls back to
// ImDrawList::AddRectFilled.
void fill_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float rounding);

}  // namespace clout::web::render
