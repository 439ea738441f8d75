// Small drawing and formatting helpers shared by the dashboard's panels. Positions are
// device pixels; ui().px() turns a CSS-pixel design size into them.
#pragma once

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "model/activity.h"
#include "ui.h"
#include "util/json_field.h"  // jstr: a text member of the report
#include "util/time.h"

namespace clout::web::dash {

using json = nlohmann::json;

inline ImVec2 tsize(ImFont* f, const std::string& s, float wrap = 0) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, s.c_str(), s.c_str() + s.size());
}
inline void text_at(ImFont* f, ImVec2 p, ImU32 col, const std::string& s) {
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, ImVec2(std::floor(p.x), std::floor(p.y)), col, s.c_str(),
                                        s.c_str() + s.size());
}
// Text at the cursor, in a font and colour, wrapped at `wrap` device pixels (0: no wrap).
inline void text(ImFont* f, ImU32 col, const std::string& s, float wrap = 0) {
    ImGui::PushFont(f);
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    if (wrap > 0) ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextUnformatted(s.c_str(), s.c_str() + s.size());
    if (wrap > 0) ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}
inline void gap(float css) { ImGui::Dummy(ImVec2(1, ui().rpx(css))); }

// 12,345
inline std::string fmt_int(int64_t v) {
    std::string d = std::to_string(v < 0 ? -v : v);
    std::string out;
    const int n = static_cast<int>(d.size());
    for (int i = 0; i < n; ++i) {
        if (i && (n - i) % 3 == 0) out += ',';
        out += d[static_cast<size_t>(i)];
    }
    return v < 0 ? "\xE2\x88\x92" + out : out;
}
// +3, −2, 0 (a real minus sign)
inline std::string fmt_signed(int64_t v) {
    if (v > 0) return "+" + fmt_int(v);
    if (v < 0) return fmt_int(v);
    return "0";
}
inline std::string fmt_fixed(double v, int decimals) {
    char b[48];
    std::snprintf(b, sizeof b, "%.*f", decimals, v);
    return b;
}
inline ImU32 change_colour(int64_t v) {
    const Palette& c = ui().c;
    return v > 0 ? c.good : v < 0 ? c.bad : c.muted;
}
inline int64_t num(const json& j, const char* key, int64_t def = -1) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_number()) return def;
    return it->get<int64_t>();
}
// "x" -> "X", "mastodon" -> "Mastodon", ...
std::string network_name(const std::string& id);
inline std::string network_name(clout::Network n) { return clout::network_label(n); }
// "2025-05-01T12:00:00Z" -> "1 May 2025"; "2025-05-01" -> "1 May 2025"
std::string nice_date(const std::string& iso);
// A day number (days since 1970-01-01) / a unix time -> "1 May 2025"
inline std::string nice_day(int64_t day) { return nice_date(clout::format_day(day)); }
inline std::string nice_time(int64_t unix_seconds) { return nice_date(clout::format_time(unix_seconds)); }
// A text cut to fit `w` device pixels, with an ellipsis.
std::string elide(ImFont* f, const std::string& s, float w);
// The text without the characters the font lacks (emoji): no "?" boxes in post text.
std::string printable(ImFont* f, const std::string& s);
// A rounded horizontal bar: track + fill (0..1).
void bar(ImVec2 p, float w, float h, float frac, ImU32 fill);
// The section heading of a card: an icon and a title.
void card_title(const char* icon, const char* title);
// A tooltip with wrapped text when the last item is hovered.
void tooltip(const std::string& s);
// A page's header bar across the window's top (the dashboard's, the ranking page's): the mark,
// the wordmark and `subtitle` (cut to fit) in [x0, x0 + content_w], the page's DOM toolbar
// (element `toolbar_id`, toolbar_w x toolbar_h CSS pixels, default_w before the page sent its
// size) placed at the right. Returns the bar's height in device pixels.
float header_bar(ImVec2 origin, float W, float x0, float content_w, const char* toolbar_id, float toolbar_w,
                 float toolbar_h, float default_w, const std::string& subtitle);

}  // namespace clout::web::dash
