// The look of the web app: scale, fonts, palette and small drawing helpers shared by
// every panel. All ImGui coordinates are device pixels; `s` (the device pixel ratio) turns
// a CSS-pixel design size into them, so px(16) is 16 CSS pixels on any screen.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "imgui.h"

namespace clout::web {

struct Palette {
    ImU32 bg, surface, surface_hover, border, border_strong, text, muted, faint;
    ImU32 accent, accent_soft, accent_text, good, warn, bad;
    ImU32 comp[5];  // the five components: reach, amplification, engagement, consistency, conversation
};

struct Fonts {
    ImFont* body = nullptr;     // Inter Regular 16 + icons
    ImFont* small = nullptr;    // Inter Regular 13.5 + icons
    ImFont* strong = nullptr;   // Inter SemiBold 16 + icons
    ImFont* heading = nullptr;  // Inter SemiBold 20
    ImFont* title = nullptr;    // Inter SemiBold 36
    ImFont* icon_big = nullptr; // icons at 40
    ImFont* display = nullptr;  // Inter SemiBold 84, digits and signs only (the score)
    ImFont* number = nullptr;   // Inter SemiBold 26 (numbers in cards)
    bool real = false;          // Inter was available (not the built-in fallback)
};

struct Ui {
    float s = 1.0f;             // device pixels per CSS pixel
    bool dark = true;
    Palette c{};
    Fonts f{};
    float px(float css) const { return css * s; }
    float rpx(float css) const;  // rounded to whole device pixels
};

Ui& ui();

// Font bytes handed over by the page (web/app.js) before main() runs.
enum class FontFile { Regular = 0, SemiBold = 1, Icons = 2 };
void set_font_file(FontFile which, std::vector<unsigned char> bytes);

// Rebuilds fonts and style for a scale and theme. Cheap enough to call on a change only.
void rebuild_fonts(float scale);
void apply_style(float scale, bool dark);

ImU32 with_alpha(ImU32 c, float a);

// ---- drawing helpers (positions in device pixels)
// Text centred horizontally in [x0, x0+width], wrapped at `width`; returns the height used.
float centered_wrapped(ImDrawList* dl, ImFont* font, float x0, float y, float width, ImU32 col,
                       std::string_view text, float line_gap = 0.0f, bool measure_only = false);
// A rounded rectangle with a dashed outline.
void dashed_rounded_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, float rounding, ImU32 col,
                         float thickness, float dash, float gap);
// The clout mark (the favicon's design): a rounded square with a rising arc.
void draw_logo(ImDrawList* dl, ImVec2 pos, float size);
// "12.4 MB", "980 KB", "17 bytes"
std::string format_bytes(double bytes);

}  // namespace clout::web
