// The welcome screen: what clout does, a drop zone for export files with the page's real
// "Open export…" control placed inside it, the chosen files, and the privacy promise.
// Layout is computed in CSS pixels (u.px) and drawn with the window's draw list; a Dummy
// reserves the height so the window scrolls when the screen is short.
#include <algorithm>
#include <cmath>
#include <string>

#include "bridge.h"
#include "icons.h"
#include "imgui.h"
#include "panels.h"
#include "share_state.h"  // the privacy panel link
#include "ui.h"

namespace clout::web {

namespace {

constexpr const char* kTitle = "Your influence score, from your own data";
constexpr const char* kLine1 =
    "clout reads the data exports of your social accounts and computes an influence score from 1 to 100.";
constexpr const char* kLine2 =
    "See what the score is made of and how it moved over time, every point traceable to your own posts.";
constexpr const char* kDropHeading = "Drop your export files here";
constexpr const char* kDropHeadingActive = "Release to add the files";
constexpr const char* kDropHint = "A zip, tar.gz, CAR, JSON or CSV export. Several files at once are fine.";
constexpr const char* kNetworks = "X (Twitter) \xC2\xB7 Mastodon \xC2\xB7 Bluesky \xC2\xB7 Instagram \xC2\xB7 Threads \xC2\xB7 "
                                  "Facebook \xC2\xB7 LinkedIn \xC2\xB7 TikTok \xC2\xB7 Reddit";
constexpr const char* kPrivacy =
    "Nothing leaves your device: your files are read here, in your browser, and never uploaded.";
constexpr const char* kNotYet = "Reading the files and scoring them is not available in this build yet.";

ImVec2 text_size(ImFont* f, const char* s, const char* e = nullptr) {
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s, e);
}

void text_at(ImDrawList* dl, ImFont* f, ImVec2 p, ImU32 col, const char* s, const char* e = nullptr) {
    dl->AddText(f, f->FontSize, ImVec2(std::floor(p.x), std::floor(p.y)), col, s, e);
}

std::string files_summary(const AppState& st) {
    double total = 0;
    for (const auto& f : st.files) total += f.size;
    std::string s = std::to_string(st.files.size()) + (st.files.size() == 1 ? " file" : " files");
    return s + " selected \xC2\xB7 " + format_bytes(total);
}

void announce_state(const AppState& st) {
    static int announced = -1;
    if (announced == st.files_version) return;
    announced = st.files_version;
    std::string text;
    if (st.files.empty()) {
        text = std::string("clout. ") + kTitle + ". " + kLine1 + " " + kLine2 + " " + kDropHeading +
               ", or use the Open export button. " + kPrivacy +
               " To rank an audience, open a roster CSV with the Rank an audience button.";
    } else {
        text = files_summary(st) + ": ";
        for (size_t i = 0; i < st.files.size(); ++i) {
            if (i) text += ", ";
            text += st.files[i].name + " (" + format_bytes(st.files[i].size) + ")";
        }
        text += std::string(". ") + kNotYet;
    }
    js::announce(text);
}

}  // namespace

void draw_welcome(AppState& st) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float W = ImGui::GetWindowWidth();
    const float H = ImGui::GetWindowHeight();
    const bool narrow = W / u.s < 640;

    const float margin = u.rpx(narrow ? 20 : 32);
    const float col_w = std::min(W - 2 * margin, u.rpx(680));
    const float x0 = std::floor(origin.x + (W - col_w) * 0.5f);

    // ---- top bar: mark + wordmark, privacy pill
    const float bar_h = u.rpx(narrow ? 60 : 72);
    {
        const float logo = u.rpx(28);
        const ImVec2 lp(origin.x + margin, origin.y + std::floor((bar_h - logo) * 0.5f));
        draw_logo(dl, lp, logo);
        const float ty = lp.y + std::floor((logo - f.heading->FontSize) * 0.5f) - u.px(1);
        text_at(dl, f.heading, ImVec2(lp.x + logo + u.rpx(10), ty), c.text, "clout");

        std::string pill = std::string(ICON_LOCK "  ") + (narrow ? "Private" : "Private by design");
        const ImVec2 ts = text_size(f.small, pill.c_str());
        const float ph = u.rpx(28), pw = ts.x + u.rpx(24);
        const ImVec2 pa(origin.x + W - margin - pw, origin.y + std::floor((bar_h - ph) * 0.5f));
        dl->AddRectFilled(pa, ImVec2(pa.x + pw, pa.y + ph), with_alpha(c.good, 0.12f), ph * 0.5f);
        text_at(dl, f.small, ImVec2(pa.x + u.rpx(12), pa.y + (ph - ts.y) * 0.5f), c.good, pill.c_str());
    }

    // ---- measure the centred block
    const float title_gap = u.rpx(narrow ? 14 : 18), lead_gap = u.rpx(4), block_gap = u.rpx(narrow ? 28 : 40);
    const float title_h = centered_wrapped(dl, f.title, x0, 0, col_w, 0, kTitle, u.px(4), true);
    const float text_w = col_w;
    const float tx0 = std::floor(x0 + (col_w - text_w) * 0.5f);
    const float line1_h = centered_wrapped(dl, f.body, tx0, 0, text_w, 0, kLine1, u.px(6), true);
    const float line2_h = centered_wrapped(dl, f.body, tx0, 0, text_w, 0, kLine2, u.px(6), true);

    // With files chosen the zone gets compact, so the list fits on the first screen.
    const bool compact = !st.files.empty();
    const float pad = u.rpx(compact ? 24 : (narrow ? 28 : 40));
    const float inner_w = col_w - 2 * u.rpx(narrow ? 16 : 32);
    const float ix0 = x0 + (col_w - inner_w) * 0.5f;
    const float circle = u.rpx(compact ? 60 : 76);
    const float btn_h = u.rpx(46), btn_w = std::min(inner_w, u.rpx(220));
    const float hint_h = centered_wrapped(dl, f.small, ix0, 0, inner_w, 0, kDropHint, u.px(4), true);
    const float nets_h = centered_wrapped(dl, f.small, ix0, 0, inner_w, 0, kNetworks, u.px(4), true);
    const float link_h = u.rpx(34);  // "Try a sample export" under the button
    const float zone_h = pad + circle + u.rpx(18) + f.heading->FontSize + u.rpx(8) + hint_h + u.rpx(22) + btn_h +
                         u.rpx(8) + link_h + (compact ? 0 : u.rpx(14) + nets_h) + pad;
    // The last run's errors ("FILE: message"), under the drop zone.
    float errors_h = 0;
    if (!st.errors.empty()) {
        errors_h = u.rpx(18) + f.strong->FontSize + u.rpx(10);
        for (const auto& e : st.errors)
            errors_h += centered_wrapped(dl, f.body, 0, 0, col_w - u.rpx(40) - u.rpx(26), 0, e, u.px(4), true) + u.rpx(8);
        errors_h += u.rpx(10);
    }

    const float row_h = u.rpx(40);
    const float files_h = st.files.empty() ? 0
                          : u.rpx(18) + f.strong->FontSize + u.rpx(12) + row_h * static_cast<float>(st.files.size()) +
                                u.rpx(14) + f.small->FontSize + u.rpx(18);
    const float privacy_h = centered_wrapped(dl, f.body, x0, 0, col_w - u.px(28), 0, kPrivacy, u.px(4), true);
    // "How it works" under the drop zone, where there is room for it.
    const bool show_steps = !narrow && st.files.empty() && H / u.s >= 900;  // 760 before the ranking entry
    const float steps_h = show_steps ? u.rpx(28) + f.strong->FontSize + u.rpx(6) + f.small->FontSize * 2 + u.rpx(4) : 0;
    const float footer_h = u.rpx(56);
    const float rank_h = draw_rank_entry(x0, 0, col_w, true);  // "Rank an audience (CSV)"

    const float block_h = title_h + title_gap + line1_h + lead_gap + line2_h + block_gap + zone_h +
                          (errors_h > 0 ? u.rpx(16) + errors_h : 0) +
                          (files_h > 0 ? u.rpx(16) + files_h : 0) + u.rpx(16) + rank_h + steps_h + u.rpx(show_steps ? 32 : 24) + privacy_h;
    const float avail = H - bar_h - footer_h;
    float y = origin.y + bar_h + std::max(u.rpx(narrow ? 8 : 24), std::floor((avail - block_h) * 0.45f));

    // A soft wash of the accent colour behind the top of the page.
    {
        const float wash = std::min(H * 0.6f, u.px(520));
        dl->AddRectFilledMultiColor(ImVec2(origin.x, origin.y), ImVec2(origin.x + W, origin.y + wash),
                                    with_alpha(c.accent, u.dark ? 0.10f : 0.07f), with_alpha(c.accent, u.dark ? 0.10f : 0.07f),
                                    with_alpha(c.accent, 0.0f), with_alpha(c.accent, 0.0f));
    }

    // ---- title and the two lines
    y += centered_wrapped(dl, f.title, x0, y, col_w, c.text, kTitle, u.px(4)) + title_gap;
    y += centered_wrapped(dl, f.body, tx0, y, text_w, c.muted, kLine1, u.px(6)) + lead_gap;
    y += centered_wrapped(dl, f.body, tx0, y, text_w, c.muted, kLine2, u.px(6)) + block_gap;

    // ---- the drop zone
    const ImVec2 za(x0, y), zb(x0 + col_w, y + zone_h);
    ImGui::SetCursorScreenPos(za);
    ImGui::InvisibleButton("##dropzone", ImVec2(col_w, zone_h));
    const bool hovered = ImGui::IsItemHovered();
    if (ImGui::IsItemClicked()) js::open_picker();
    if (hovered) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const bool active = st.drag_over;
    const float radius = u.rpx(18);
    dl->AddRectFilled(za, zb, active ? c.accent_soft : (hovered ? c.surface_hover : c.surface), radius);
    dashed_rounded_rect(dl, ImVec2(za.x + u.px(1), za.y + u.px(1)), ImVec2(zb.x - u.px(1), zb.y - u.px(1)), radius,
                        active || hovered ? c.accent : c.border_strong, std::max(1.0f, u.px(1.5f)), u.px(8), u.px(6));

    float zy = y + pad;
    const ImVec2 cc(x0 + col_w * 0.5f, zy + circle * 0.5f);
    dl->AddCircleFilled(cc, circle * 0.5f, c.accent_soft, 48);
    {
        const ImVec2 is = text_size(f.icon_big, ICON_CLOUD_UPLOAD);
        text_at(dl, f.icon_big, ImVec2(cc.x - is.x * 0.5f, cc.y - is.y * 0.5f), c.accent, ICON_CLOUD_UPLOAD);
    }
    zy += circle + u.rpx(18);
    const char* heading = active ? kDropHeadingActive : (compact ? "Drop more files here" : kDropHeading);
    zy += centered_wrapped(dl, f.heading, ix0, zy, inner_w, c.text, heading) + u.rpx(8);
    zy += centered_wrapped(dl, f.small, ix0, zy, inner_w, c.muted, kDropHint, u.px(4)) + u.rpx(22);

    // The real control is an HTML element (keyboard, screen readers, the native picker):
    // the page places it over this rectangle, in CSS pixels.
    const ImVec2 ba(std::floor(x0 + (col_w - btn_w) * 0.5f), std::floor(zy));
    js::place("open", ba.x, ba.y, btn_w, btn_h, true);
    zy += btn_h + u.rpx(8);
    {
        const float lw = u.rpx(200);
        js::place("sample", std::floor(x0 + (col_w - lw) * 0.5f), std::floor(zy), lw, link_h, true);
    }
    zy += link_h + u.rpx(14);
    if (!compact) centered_wrapped(dl, f.small, ix0, zy, inner_w, c.faint, kNetworks, u.px(4));
    y = zb.y;

    // ---- errors of the last run: one line per file, "FILE: message"
    if (errors_h > 0) {
        y += u.rpx(16);
        const ImVec2 ea(x0, y), eb(x0 + col_w, y + errors_h);
        dl->AddRectFilled(ea, eb, with_alpha(c.bad, u.dark ? 0.12f : 0.08f), radius);
        dl->AddRect(ea, eb, with_alpha(c.bad, 0.45f), radius, 0, std::max(1.0f, std::round(u.s)));
        float ey = y + u.rpx(18);
        const float ex = x0 + u.rpx(20);
        text_at(dl, f.strong, ImVec2(ex, ey), c.bad,
                (std::string(ICON_WARNING "  ") + (st.errors.size() == 1 ? "This file could not be read" : "These files could not be read")).c_str());
        ey += f.strong->FontSize + u.rpx(10);
        const float tw = col_w - u.rpx(40) - u.rpx(26);
        for (const auto& e : st.errors) {
            ImGui::PushFont(f.body);
            ImGui::SetCursorScreenPos(ImVec2(ex + u.rpx(26), ey));
            ImGui::PushTextWrapPos(ex + u.rpx(26) + tw);
            ImGui::TextUnformatted(e.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            ey += centered_wrapped(dl, f.body, 0, 0, tw, 0, e, u.px(4), true) + u.rpx(8);
        }
        y = eb.y;
    }

    // ---- the chosen files
    if (!st.files.empty()) {
        y += u.rpx(16);
        const ImVec2 fa(x0, y), fb(x0 + col_w, y + files_h);
        dl->AddRectFilled(fa, fb, c.surface, radius);
        dl->AddRect(fa, fb, c.border, radius, 0, std::max(1.0f, std::round(u.s)));
        const float fx = x0 + u.rpx(20), fr = x0 + col_w - u.rpx(20);
        float fy = y + u.rpx(18);
        text_at(dl, f.strong, ImVec2(fx, fy), c.text, (ICON_CHECK "  " + files_summary(st)).c_str());
        {
            const char* clear = "Clear";
            const ImVec2 cs = text_size(f.body, clear);
            const ImVec2 cp(fr - cs.x, fy);
            ImGui::SetCursorScreenPos(ImVec2(cp.x - u.px(6), cp.y - u.px(4)));
            ImGui::InvisibleButton("##clear", ImVec2(cs.x + u.px(12), cs.y + u.px(8)));
            const bool h = ImGui::IsItemHovered();
            if (h) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            if (ImGui::IsItemClicked()) js::clear_files();
            text_at(dl, f.body, cp, c.accent, clear);
            if (h) dl->AddLine(ImVec2(cp.x, cp.y + cs.y), ImVec2(cp.x + cs.x, cp.y + cs.y), c.accent, std::max(1.0f, u.s));
        }
        fy += f.strong->FontSize + u.rpx(12);
        for (const auto& file : st.files) {
            dl->AddLine(ImVec2(fx, fy), ImVec2(fr, fy), c.border, std::max(1.0f, std::round(u.s)));
            const std::string size = format_bytes(file.size);
            const ImVec2 ss = text_size(f.body, size.c_str());
            const float ty = fy + std::floor((row_h - f.body->FontSize) * 0.5f);
            const char* icon = ICON_FILE;
            const std::string& n = file.name;
            const auto ends = [&](const char* e) {
                const size_t k = std::char_traits<char>::length(e);
                return n.size() >= k && n.compare(n.size() - k, k, e) == 0;
            };
            if (ends(".zip") || ends(".gz") || ends(".tgz") || ends(".tar") || ends(".car")) icon = ICON_FILE_ARCHIVE;
            text_at(dl, f.body, ImVec2(fx, ty), c.muted, icon);
            const float name_x = fx + u.rpx(26);
            const float name_max = fr - ss.x - u.rpx(16) - name_x;
            // Elide long names in the middle of the row.
            std::string shown = n;
            if (text_size(f.body, shown.c_str()).x > name_max) {
                while (!shown.empty() && text_size(f.body, (shown + "\xE2\x80\xA6").c_str()).x > name_max) {
                    // drop one UTF-8 character from the end
                    size_t k = shown.size() - 1;
                    while (k > 0 && (static_cast<unsigned char>(shown[k]) & 0xC0) == 0x80) --k;
                    shown.resize(k);
                }
                shown += "\xE2\x80\xA6";
            }
            text_at(dl, f.body, ImVec2(name_x, ty), c.text, shown.c_str());
            text_at(dl, f.body, ImVec2(fr - ss.x, ty), c.muted, size.c_str());
            fy += row_h;
        }
        fy += u.rpx(14);
        text_at(dl, f.small, ImVec2(fx, fy), c.faint, (ICON_INFO "  " + std::string(kNotYet)).c_str());
        y = fb.y;
    }

    // ---- rank: the audience ranking's entry (panel_rank.cpp)
    y += u.rpx(16);
    y += draw_rank_entry(x0, y, col_w, false);

    // ---- how it works: three short steps
    if (show_steps) {
        y += u.rpx(28);
        struct Step { const char* n; const char* head; const char* l1; const char* l2; };
        const Step steps[3] = {
            {"1", "Download your export", "From your network's settings,", "as a zip, tar.gz, CAR or JSON."},
            {"2", "Drop it here", "Or pick it with Open export.", "Several files at once are fine."},
            {"3", "See your score", "From 1 to 100, with every part", "of it and how it moved."},
        };
        const float cw = col_w / 3.0f;
        for (int i = 0; i < 3; ++i) {
            const float cx = x0 + cw * static_cast<float>(i);
            const float badge = u.rpx(22);
            const ImVec2 hs = text_size(f.strong, steps[i].head);
            const float row_w = badge + u.rpx(8) + hs.x;
            const float bx = std::floor(cx + (cw - row_w) * 0.5f);
            const ImVec2 bc(bx + badge * 0.5f, y + f.strong->FontSize * 0.5f);
            dl->AddCircleFilled(bc, badge * 0.5f, c.accent_soft, 32);
            const ImVec2 ns = text_size(f.small, steps[i].n);
            text_at(dl, f.small, ImVec2(bc.x - ns.x * 0.5f, bc.y - ns.y * 0.5f), c.accent, steps[i].n);
            text_at(dl, f.strong, ImVec2(bx + badge + u.rpx(8), y), c.text, steps[i].head);
            float ly = y + f.strong->FontSize + u.rpx(6);
            for (const char* l : {steps[i].l1, steps[i].l2}) {
                const ImVec2 ls = text_size(f.small, l);
                text_at(dl, f.small, ImVec2(cx + (cw - ls.x) * 0.5f, ly), c.muted, l);
                ly += f.small->FontSize + u.rpx(4);
            }
        }
        y += steps_h - u.rpx(28);
    }

    // ---- privacy line (with a lock, centred as a whole)
    y += u.rpx(show_steps ? 32 : 24);
    {
        const float icon_w = text_size(f.body, ICON_LOCK).x + u.rpx(8);
        const float tw = col_w - u.px(28);
        const float one_line = text_size(f.body, kPrivacy).x;
        if (one_line <= tw - icon_w) {
            const float start = std::floor(x0 + (col_w - (one_line + icon_w)) * 0.5f);
            text_at(dl, f.body, ImVec2(start, y), c.good, ICON_LOCK);
            text_at(dl, f.body, ImVec2(start + icon_w, y), c.muted, kPrivacy);
            y += f.body->FontSize;
        } else {
            const ImVec2 is = text_size(f.body, ICON_LOCK);
            text_at(dl, f.body, ImVec2(x0 + (col_w - is.x) * 0.5f, y), c.good, ICON_LOCK);
            y += f.body->FontSize + u.rpx(6);
            y += centered_wrapped(dl, f.body, x0 + u.px(14), y, tw, c.muted, kPrivacy, u.px(4));
        }
    }

    // "How your data is handled" (the privacy panel), under the privacy line
    {
        y += u.rpx(12);
        const float lw = text_size(f.small, ICON_SHIELD "  How your data is handled").x;
        ImGui::SetCursorScreenPos(ImVec2(std::floor(x0 + (col_w - lw) * 0.5f), y));
        privacy_link("How your data is handled");
        y += f.small->FontSize;
    }

    // ---- footer, at the bottom of the screen (or below the content when it scrolls)
    const float content_bottom = y + u.rpx(24);
    const float fy = std::max(content_bottom, origin.y + H - footer_h) + std::floor((footer_h - f.small->FontSize) * 0.5f);
    {
        const std::string foot = std::string("clout ") + CLOUT_VERSION + " \xC2\xB7 runs entirely in your browser";
        const ImVec2 fs = text_size(f.small, foot.c_str());
        text_at(dl, f.small, ImVec2(std::floor(origin.x + (W - fs.x) * 0.5f), fy), c.faint, foot.c_str());
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y));
    ImGui::Dummy(ImVec2(1, (fy + f.small->FontSize + u.rpx(18)) - origin.y));

    announce_state(st);
}

}  // namespace clout::web
