#include "ui.h"

#include <cmath>
#include <cstdio>

#include "icons.h"
#include "render_gl.h"

namespace clout::web {

namespace {

constexpr float kPi = 3.14159265358979f;
std::vector<unsigned char> g_font_files[3];

constexpr ImU32 rgb(unsigned v, unsigned a = 255) {
    return IM_COL32((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, a);
}

// Latin, Latin-1, Latin Extended-A, general punctuation (dashes, quotes, ellipsis, bullet),
// arrows, the minus sign.
const ImWchar kTextRanges[] = {0x0020, 0x024F, 0x2010, 0x2027, 0x2030, 0x203A, 0x2190, 0x2193,
                               0x2212, 0x2212, 0};

std::vector<ImWchar> icon_ranges() {
    std::vector<ImWchar> r;
    for (unsigned short cp : kIconCodepoints) {
        r.push_back(cp);
        r.push_back(cp);
    }
    r.push_back(0);
    return r;
}

}  // namespace

Ui& ui() {
    static Ui u;
    return u;
}

float Ui::rpx(float css) const { return std::round(css * s); }

void set_font_file(FontFile which, std::vector<unsigned char> bytes) {
    g_font_files[static_cast<int>(which)] = std::move(bytes);
}

void rebuild_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    Fonts& f = ui().f;
    io.Fonts->Clear();
    static std::vector<ImWchar> icons = icon_ranges();  // must outlive the atlas build

    auto& regular = g_font_files[0];
    auto& semibold = g_font_files[1];
    auto& iconfont = g_font_files[2];
    f.real = !regular.empty() && !semibold.empty();

    auto add = [&](std::vector<unsigned char>& file, float css_size, bool with_icons, float icon_css = 0) -> ImFont* {
        const float size = std::round(css_size * scale);
        ImFont* font = nullptr;
        if (!file.empty()) {
            ImFontConfig cfg;
            cfg.FontDataOwnedByAtlas = false;
            cfg.OversampleH = scale >= 2.0f ? 1 : 2;
            cfg.OversampleV = 1;
            font = io.Fonts->AddFontFromMemoryTTF(file.data(), static_cast<int>(file.size()), size, &cfg, kTextRanges);
        } else {
            ImFontConfig cfg;
            cfg.SizePixels = size;
            font = io.Fonts->AddFontDefault(&cfg);
        }
        if (with_icons && !iconfont.empty()) {
            ImFontConfig cfg;
            cfg.FontDataOwnedByAtlas = false;
            cfg.MergeMode = true;
            cfg.OversampleH = 1;
            cfg.OversampleV = 1;
            const float isize = std::round((icon_css > 0 ? icon_css : css_size * 0.95f) * scale);
            cfg.GlyphMinAdvanceX = isize * 1.15f;  // icons line up in lists
            cfg.GlyphOffset.y = std::round(scale * css_size * 0.02f);
            io.Fonts->AddFontFromMemoryTTF(iconfont.data(), static_cast<int>(iconfont.size()), isize, &cfg, icons.data());
        }
        return font;
    };
    f.body = add(regular, 16.0f, true);
    f.small = add(regular, 13.5f, true);
    f.strong = add(semibold, 16.0f, true);
    f.heading = add(semibold, 20.0f, true);
    f.title = add(semibold, 36.0f, false);
    f.number = add(semibold, 26.0f, false);
    if (!semibold.empty()) {
        static const ImWchar digits[] = {0x0020, 0x0020, 0x002B, 0x002D, 0x0030, 0x0039, 0x2212, 0x2212, 0};
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        f.display = io.Fonts->AddFontFromMemoryTTF(semibold.data(), static_cast<int>(semibold.size()),
                                                   std::round(84.0f * scale), &cfg, digits);
    } else {
        f.display = f.title;
    }
    if (!iconfont.empty()) {
        ImFontConfig cfg;
        cfg.FontDataOwnedByAtlas = false;
        cfg.OversampleH = 1;
        cfg.OversampleV = 1;
        f.icon_big = io.Fonts->AddFontFromMemoryTTF(iconfont.data(), static_cast<int>(iconfont.size()),
                                                    std::round(40.0f * scale), &cfg, icons.data());
    } else {
        f.icon_big = f.title;
    }
    io.FontDefault = f.body;
    io.Fonts->Build();
    render::upload_fonts();
}

void apply_style(float scale, bool dark) {
    Ui& u = ui();
    u.s = scale;
    u.dark = dark;
    Palette& c = u.c;
    if (dark) {
        c.bg = rgb(0x0E1014);
        c.surface = rgb(0x161920);
        c.surface_hover = rgb(0x1C2029);
        c.border = rgb(0x2A2F3B);
        c.border_strong = rgb(0x3A4150);
        c.text = rgb(0xECEEF3);
        c.muted = rgb(0xA0A7B5);
        c.faint = rgb(0x6E7686);
        c.accent = rgb(0x8B7CFF);
        c.accent_soft = rgb(0x8B7CFF, 36);
        c.accent_text = rgb(0xFFFFFF);
        c.good = rgb(0x4CC38A);
        c.warn = rgb(0xF2B35B);
        c.bad = rgb(0xF07178);
        c.comp[0] = rgb(0x8B7CFF); c.comp[1] = rgb(0x4FB3F6); c.comp[2] = rgb(0xF2B35B);
        c.comp[3] = rgb(0x4CC38A); c.comp[4] = rgb(0xF07FB0);
    } else {
        c.bg = rgb(0xF6F6F9);
        c.surface = rgb(0xFFFFFF);
        c.surface_hover = rgb(0xF9F9FC);
        c.border = rgb(0xDCDFE6);
        c.border_strong = rgb(0xC3C8D3);
        c.text = rgb(0x15171C);
        c.muted = rgb(0x555C69);
        c.faint = rgb(0x8A909C);
        c.accent = rgb(0x5B48E8);
        c.accent_soft = rgb(0x5B48E8, 22);
        c.accent_text = rgb(0xFFFFFF);
        c.good = rgb(0x1F8A5B);
        c.warn = rgb(0xB26A00);
        c.bad = rgb(0xC4323B);
        c.comp[0] = rgb(0x5B48E8); c.comp[1] = rgb(0x1E7FC4); c.comp[2] = rgb(0xC27A0E);
        c.comp[3] = rgb(0x1F8A5B); c.comp[4] = rgb(0xC2407E);
    }

    ImGuiStyle st;  // start from the defaults, then scale: nothing accumulates across changes
    if (dark) ImGui::StyleColorsDark(&st); else ImGui::StyleColorsLight(&st);
    st.WindowPadding = ImVec2(0, 0);
    st.WindowBorderSize = 0;
    st.WindowRounding = 0;
    st.ChildBorderSize = 0;
    st.PopupBorderSize = 1;
    st.FrameRounding = 8;
    st.FramePadding = ImVec2(14, 8);
    st.ItemSpacing = ImVec2(10, 10);
    st.ItemInnerSpacing = ImVec2(8, 6);
    st.ScrollbarSize = 10;
    st.ScrollbarRounding = 6;
    st.GrabRounding = 6;
    st.PopupRounding = 10;
    st.TabRounding = 8;
    st.ScaleAllSizes(scale);
    st.PopupBorderSize = std::max(1.0f, std::round(scale));

    auto v4 = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
    ImVec4* k = st.Colors;
    k[ImGuiCol_Text] = v4(c.text);
    k[ImGuiCol_TextDisabled] = v4(c.faint);
    k[ImGuiCol_WindowBg] = v4(c.bg);
    k[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    k[ImGuiCol_PopupBg] = v4(c.surface);
    k[ImGuiCol_Border] = v4(c.border);
    k[ImGuiCol_FrameBg] = v4(c.surface);
    k[ImGuiCol_FrameBgHovered] = v4(c.surface_hover);
    k[ImGuiCol_FrameBgActive] = v4(c.surface_hover);
    k[ImGuiCol_Button] = v4(c.accent);
    k[ImGuiCol_ButtonHovered] = v4(with_alpha(c.accent, 0.88f));
    k[ImGuiCol_ButtonActive] = v4(with_alpha(c.accent, 0.75f));
    k[ImGuiCol_Header] = v4(c.accent_soft);
    k[ImGuiCol_HeaderHovered] = v4(with_alpha(c.accent, 0.22f));
    k[ImGuiCol_HeaderActive] = v4(with_alpha(c.accent, 0.30f));
    k[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0);
    k[ImGuiCol_ScrollbarGrab] = v4(c.border);
    k[ImGuiCol_ScrollbarGrabHovered] = v4(c.border_strong);
    k[ImGuiCol_ScrollbarGrabActive] = v4(c.faint);
    k[ImGuiCol_Separator] = v4(c.border);
    k[ImGuiCol_CheckMark] = v4(c.accent);
    k[ImGuiCol_SliderGrab] = v4(c.accent);
    k[ImGuiCol_SliderGrabActive] = v4(c.accent);
    k[ImGuiCol_NavHighlight] = v4(c.accent);
    k[ImGuiCol_TextSelectedBg] = v4(with_alpha(c.accent, 0.35f));
    ImGui::GetStyle() = st;
}

ImU32 with_alpha(ImU32 c, float a) {
    const unsigned alpha = static_cast<unsigned>(((c >> IM_COL32_A_SHIFT) & 0xFF) * a + 0.5f);
    return (c & ~IM_COL32_A_MASK) | (alpha << IM_COL32_A_SHIFT);
}

float centered_wrapped(ImDrawList* dl, ImFont* font, float x0, float y, float width, ImU32 col,
                       std::string_view text, float line_gap, bool measure_only) {
    const float size = font->FontSize;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    float h = 0;
    while (p < end) {
        const char* nl = p;
        while (nl < end && *nl != '\n') ++nl;
        const char* q = p;
        while (q < nl) {
            const char* brk = font->CalcWordWrapPositionA(1.0f, q, nl, width);
            if (brk == q) brk = q + 1;  // a word wider than the line: break it anyway
            const char* line_end = brk;
            while (line_end > q && line_end[-1] == ' ') --line_end;
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, q, line_end).x;
            if (!measure_only)
                dl->AddText(font, size, ImVec2(std::floor(x0 + (width - w) * 0.5f), std::floor(y + h)), col, q, line_end);
            h += size + line_gap;
            q = brk;
            while (q < nl && *q == ' ') ++q;
        }
        if (p == nl) h += size + line_gap;  // an empty line
        p = nl < end ? nl + 1 : nl;
    }
    return h > 0 ? h - line_gap : 0;
}

void dashed_rounded_rect(ImDrawList* dl, ImVec2 a, ImVec2 b, float r, ImU32 col, float t, float dash, float gap) {
    // Walk the outline (4 straight sides + 4 quarter arcs) as one polyline and draw every
    // other `dash`/`gap` piece of it, so dashes flow evenly around the corners.
    std::vector<ImVec2> pts;
    const int arc_steps = 10;
    auto arc = [&](ImVec2 c, float a0) {
        for (int i = 0; i <= arc_steps; ++i) {
            const float ang = a0 + (kPi * 0.5f) * static_cast<float>(i) / arc_steps;
            pts.emplace_back(c.x + std::cos(ang) * r, c.y + std::sin(ang) * r);
        }
    };
    arc(ImVec2(a.x + r, a.y + r), kPi);
    arc(ImVec2(b.x - r, a.y + r), kPi * 1.5f);
    arc(ImVec2(b.x - r, b.y - r), 0.0f);
    arc(ImVec2(a.x + r, b.y - r), kPi * 0.5f);
    pts.push_back(pts.front());

    // Cumulative length along the outline, then one stroke per dash interval.
    std::vector<float> at(pts.size(), 0.0f);
    for (size_t i = 1; i < pts.size(); ++i) {
        const float dx = pts[i].x - pts[i - 1].x, dy = pts[i].y - pts[i - 1].y;
        at[i] = at[i - 1] + std::sqrt(dx * dx + dy * dy);
    }
    const float perimeter = at.back();
    if (perimeter <= 0) return;
    // Adjust the gap so the pattern closes exactly.
    const int n = std::max(1, static_cast<int>(std::round(perimeter / (dash + gap))));
    const float period = perimeter / static_cast<float>(n);
    const float on = period * dash / (dash + gap);
    auto point_at = [&](float d, size_t& seg) {  // seg only moves forward
        while (seg + 1 < at.size() - 1 && at[seg + 1] < d) ++seg;
        const float len = at[seg + 1] - at[seg];
        const float k = len > 0 ? (d - at[seg]) / len : 0.0f;
        return ImVec2(pts[seg].x + (pts[seg + 1].x - pts[seg].x) * k, pts[seg].y + (pts[seg + 1].y - pts[seg].y) * k);
    };
    size_t seg = 0;
    for (int i = 0; i < n; ++i) {
        const float s0 = period * static_cast<float>(i), s1 = s0 + on;
        dl->PathLineTo(point_at(s0, seg));
        size_t j = seg + 1;
        while (j < at.size() - 1 && at[j] < s1) dl->PathLineTo(pts[j++]);
        size_t seg_end = seg;
        dl->PathLineTo(point_at(s1, seg_end));
        dl->PathStroke(col, 0, t);
    }
}

void draw_logo(ImDrawList* dl, ImVec2 pos, float size) {
    const Palette& c = ui().c;
    const float k = size / 64.0f;
    dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), c.accent, 14.0f * k);
    const ImVec2 ctr(pos.x + 30.0f * k, pos.y + 32.0f * k);
    const float r = 15.0f * k, t = 7.0f * k;
    const float a0 = 40.0f * kPi / 180.0f, a1 = 320.0f * kPi / 180.0f;
    dl->PathArcTo(ctr, r, a0, a1, 32);
    dl->PathStroke(c.accent_text, 0, t);
    for (float a : {a0, a1})  // round caps
        dl->AddCircleFilled(ImVec2(ctr.x + std::cos(a) * r, ctr.y + std::sin(a) * r), t * 0.5f, c.accent_text, 16);
    dl->AddCircleFilled(ImVec2(pos.x + 48.0f * k, ctr.y), 4.5f * k, c.accent_text, 16);
}

std::string format_bytes(double bytes) {
    char buf[32];
    if (bytes < 1000) {
        std::snprintf(buf, sizeof buf, "%.0f byte%s", bytes, bytes == 1 ? "" : "s");
    } else if (bytes < 1000.0 * 1000) {
        std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1000);
    } else if (bytes < 1000.0 * 1000 * 1000) {
        std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    } else {
        std::snprintf(buf, sizeof buf, "%.2f GB", bytes / 1e9);
    }
    return buf;
}

}  // namespace clout::web
