// The dashboard: a fixed header (the mark, the account, the page's toolbar of DOM buttons),
// then a scrolling column of cards. Wide screens put two cards side by side per row (equal
// heights, aligned edges); narrow ones (phones) stack them in one column. Each card's
// content is one panel (panel_*.cpp); the card backgrounds are drawn after the content of
// a row is measured, in a channel below it, so one frame draws everything.
#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "bridge.h"
#include "imgui_internal.h"
#include "dash.h"
#include "icons.h"
#include "panels.h"
#include "render_gl.h"
#include "share_state.h"
#include "state.h"

namespace clout::web {

namespace dash {

std::string network_name(const std::string& id) {
    static const char* const k[][2] = {{"x", "X"},           {"mastodon", "Mastodon"}, {"bluesky", "Bluesky"},
                                       {"instagram", "Instagram"}, {"threads", "Threads"},   {"facebook", "Facebook"},
                                       {"linkedin", "LinkedIn"}, {"tiktok", "TikTok"},     {"reddit", "Reddit"}};
    for (const auto& e : k)
        if (id == e[0]) return e[1];
    return id;
}

std::string nice_date(const std::string& iso) {
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (iso.size() < 10) return iso;
    const int y = std::atoi(iso.substr(0, 4).c_str()), m = std::atoi(iso.substr(5, 2).c_str()),
              d = std::atoi(iso.substr(8, 2).c_str());
    if (m < 1 || m > 12) return iso;
    return std::to_string(d) + " " + months[m - 1] + " " + std::to_string(y);
}

std::string elide(ImFont* f, const std::string& s, float w) {
    if (tsize(f, s).x <= w) return s;
    std::string t = s;
    while (!t.empty() && tsize(f, t + "\xE2\x80\xA6").x > w) {
        size_t k = t.size() - 1;
        while (k > 0 && (static_cast<unsigned char>(t[k]) & 0xC0) == 0x80) --k;
        t.resize(k);
    }
    return t + "\xE2\x80\xA6";
}

float header_bar(ImVec2 origin, float W, float x0, float content_w, const char* toolbar_id, float toolbar_w,
                 float toolbar_h, float default_w, const std::string& subtitle) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    ImDrawList* wdl = ImGui::GetWindowDrawList();
    const float bar_h = u.rpx(64);
    render::fill_rect(wdl, origin, ImVec2(origin.x + W, origin.y + bar_h), c.bg, 0);
    wdl->AddLine(ImVec2(origin.x, origin.y + bar_h - 1), ImVec2(origin.x + W, origin.y + bar_h - 1), c.border,
                 std::max(1.0f, std::round(u.s)));
    const float logo = u.rpx(28);
    const ImVec2 lp(x0, origin.y + std::floor((bar_h - logo) * 0.5f));
    draw_logo(wdl, lp, logo);
    const float ty = lp.y + std::floor((logo - f.heading->FontSize) * 0.5f) - u.px(1);
    text_at(f.heading, ImVec2(lp.x + logo + u.rpx(10), ty), c.text, "clout");
    const float tb_w = u.rpx(toolbar_w > 0 ? toolbar_w : default_w), tb_h = u.rpx(toolbar_h > 0 ? toolbar_h : 36);
    const float tb_x = x0 + content_w - tb_w;
    js::place(toolbar_id, tb_x, origin.y + std::floor((bar_h - tb_h) * 0.5f), -1, -1, true);
    const float ax = lp.x + logo + u.rpx(10) + tsize(f.heading, "clout").x + u.rpx(20);
    const float room = tb_x - u.rpx(16) - ax;
    if (room > u.rpx(80))
        text_at(f.small, ImVec2(ax, origin.y + std::floor((bar_h - f.small->FontSize) * 0.5f)), c.muted, elide(f.small, subtitle, room));
    return bar_h;
}

std::string printable(ImFont* f, const std::string& s) {
    std::string out;
    const char* p = s.c_str();
    const char* end = p + s.size();
    bool space = false;
    while (p < end) {
        unsigned int cp = 0;
        const int n = ImTextCharFromUtf8(&cp, p, end);
        if (n <= 0) break;
        const bool ok = cp == '\n' || (cp >= 0x20 && f->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr && cp < 0x10000);
        if (ok) {
            if (!(cp == ' ' && space)) out.append(p, static_cast<size_t>(n));
            space = cp == ' ';
        }
        p += n;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

void bar(ImVec2 p, float w, float h, float frac, ImU32 fill) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Palette& c = ui().c;
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), c.border, h * 0.5f);
    frac = std::clamp(frac, 0.0f, 1.0f);
    if (frac > 0) dl->AddRectFilled(p, ImVec2(p.x + std::max(h, w * frac), p.y + h), fill, h * 0.5f);
}

void card_title(const char* icon, const char* title) {
    const Ui& u = ui();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    text_at(u.f.strong, p, u.c.accent, icon);
    text_at(u.f.strong, ImVec2(p.x + u.rpx(26), p.y), u.c.text, title);
    ImGui::Dummy(ImVec2(1, u.f.strong->FontSize));
    gap(10);
}

void tooltip(const std::string& s) {
    if (!ImGui::IsItemHovered(ImGuiHoveredFlags_DelayShort)) return;
    const Ui& u = ui();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(u.rpx(12), u.rpx(10)));
    ImGui::BeginTooltip();
    ImGui::PushFont(u.f.small);
    ImGui::PushTextWrapPos(u.rpx(360));
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    ImGui::EndTooltip();
    ImGui::PopStyleVar();
}

}  // namespace dash

using namespace dash;

namespace {

struct Card {
    const char* id;
    std::function<void(float)> draw;
    float weight = 1;
};

// Draws one row of cards starting at y; returns the row height.
float draw_row(const std::vector<Card>& row, float x0, float y, float width, float gapx) {
    const Ui& u = ui();
    const Palette& c = u.c;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float pad = u.rpx(width / u.s < 500 ? 18 : 24);
    float total_w = 0;
    for (const auto& k : row) total_w += k.weight;
    const float inner = width - gapx * static_cast<float>(row.size() - 1);
    ImDrawListSplitter sp;
    sp.Split(dl, 2);
    sp.SetCurrentChannel(dl, 1);
    std::vector<float> xs, ws;
    float x = x0, h = 0;
    for (const auto& k : row) {
        const float w = std::floor(inner * k.weight / total_w);
        xs.push_back(x);
        ws.push_back(w);
        ImGui::PushID(k.id);
        ImGui::SetCursorScreenPos(ImVec2(x + pad, y + pad));
        ImGui::BeginGroup();
        k.draw(w - 2 * pad);
        ImGui::EndGroup();
        ImGui::PopID();
        h = std::max(h, ImGui::GetItemRectMax().y - y + pad);
        x += w + gapx;
    }
    sp.SetCurrentChannel(dl, 0);
    const float r = u.rpx(16);
    for (size_t i = 0; i < xs.size(); ++i) {
        const ImVec2 a(xs[i], y), b(xs[i] + ws[i], y + h);
        render::fill_rect(dl, a, b, c.surface, r);   // cleared, not shaded: most of the frame's pixels
        dl->AddRect(a, b, c.border, r, 0, std::max(1.0f, std::round(u.s)));
    }
    sp.Merge(dl);
    return h;
}

void banner(ImU32 col, const char* icon, const std::string& title, const std::vector<std::string>& lines, float x0, float& y,
            float width) {
    const Ui& u = ui();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImDrawListSplitter sp;
    sp.Split(dl, 2);
    sp.SetCurrentChannel(dl, 1);
    const float pad = u.rpx(16);
    ImGui::SetCursorScreenPos(ImVec2(x0 + pad, y + pad));
    ImGui::BeginGroup();
    text_at(u.f.strong, ImGui::GetCursorScreenPos(), col, icon);
    ImGui::SetCursorScreenPos(ImVec2(x0 + pad + u.rpx(26), y + pad));
    ImGui::BeginGroup();
    text(u.f.strong, u.c.text, title);
    for (const auto& l : lines) text(u.f.small, u.c.muted, l, width - 2 * pad - u.rpx(26));
    ImGui::EndGroup();
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectMax().y - y + pad;
    sp.SetCurrentChannel(dl, 0);
    dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + width, y + h), with_alpha(col, u.dark ? 0.12f : 0.09f), u.rpx(12));
    dl->AddRect(ImVec2(x0, y), ImVec2(x0 + width, y + h), with_alpha(col, 0.45f), u.rpx(12), 0, std::max(1.0f, std::round(u.s)));
    sp.Merge(dl);
    y += h + u.rpx(16);
}

std::string account_line(const ReportData& r) {
    std::string s;
    for (const auto& src : r.r.sources) {
        if (!s.empty()) s += "  \xC2\xB7  ";
        const std::string& acc = src.account;
        s += network_name(src.network);
        // "@" before a bare handle only: not before a display name (a Bluesky repository's
        // account, a LinkedIn name) or an id
        const bool bare_handle = src.network != clout::Network::Bluesky && acc.find_first_of("@.: ") == std::string::npos;
        if (!acc.empty()) s += " " + (bare_handle ? "@" + acc : acc);
    }
    return s;
}

}  // namespace

void draw_dashboard(AppState& st) {
    if (!st.report) return;
    const double t_start = emscripten_get_now();
    const ReportData& R = *st.report;
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float W = ImGui::GetWindowWidth(), H = ImGui::GetWindowHeight();
    const float css_w = W / u.s;
    const bool narrow = css_w < 900;
    const float margin = u.rpx(css_w < 500 ? 14 : 28);
    const float content_w = std::min(W - 2 * margin, u.rpx(1240));
    const float x0 = std::floor(origin.x + (W - content_w) * 0.5f);

    // ---- header: mark, wordmark, account line; the DOM toolbar at the right
    const float bar_h = header_bar(origin, W, x0, content_w, "toolbar", st.toolbar_w, st.toolbar_h, 360, account_line(R));

    // ---- the scrolling body
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + bar_h));
    ImGui::BeginChild("body", ImVec2(W, H - bar_h), false, ImGuiWindowFlags_NoSavedSettings);
    st.drag_owned = false;
    float y = ImGui::GetCursorScreenPos().y + u.rpx(narrow ? 14 : 24);
    const float gapx = u.rpx(narrow ? 12 : 20), gapy = u.rpx(narrow ? 12 : 20);

    // With a report on screen, the files that failed were left out and the rest scored
    // (importers/importer.h inputs_error); the Sources card lists them too.
    if (!st.errors.empty())
        banner(c.warn, ICON_WARNING,
               st.errors.size() == 1 ? "1 file was not scored" : std::to_string(st.errors.size()) + " files were not scored",
               st.errors, x0, y, content_w);
    {
        const std::vector<std::string>& warns = R.r.warnings;
        if (!warns.empty()) banner(c.warn, ICON_INFO, warns.size() == 1 ? "1 note about this report" : std::to_string(warns.size()) + " notes about this report",
                                   warns, x0, y, content_w);
    }

    AppState* sp = &st;
    const Card score{"score", [&](float w) { panel_score(R, w); }, 1};
    const Card trend{"trend", [&](float w) { panel_trend(R, w); }, 2};
    const Card breakdown{"breakdown", [&](float w) { panel_breakdown(R, w); }, 1};
    const Card why{"why", [&](float w) { panel_why(R, w); }, 1};
    const Card whatif{"whatif", [&](float w) { panel_what_if(R, w); }, 1};
    const Card tips{"tips", [&](float w) { panel_tips(R, w); }, 1};
    const Card posts{"posts", [&](float w) { panel_top_posts(R, w); }, 1};
    const Card topics{"topics", [&](float w) { panel_topics(R, w); }, 1};
    const Card accounts{"accounts", [&](float w) { panel_accounts(R, w); }, 1};
    const Card style{"style", [&](float w) { panel_style(R, w); }, 1};
    const Card heat{"heatmap", [&](float w) { panel_heatmap(R, w); }, 1};
    const Card sources{"sources", [&, sp](float w) { panel_sources(*sp, R, w); }, 1};
    // The share section (share link, card PNG, downloads, history: panel_share.cpp) and the
    // link to "How your data is handled".
    const Card share{"share", [&](float w) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = draw_share_panel(w);
        ImGui::SetCursorScreenPos(p);
        ImGui::Dummy(ImVec2(w, h));
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ui().rpx(8)));
        privacy_link("How your data is handled");
    }, 1};

    std::vector<std::vector<Card>> rows;
    if (narrow) {
        for (const Card* k : {&score, &trend, &breakdown, &why, &tips, &whatif, &posts, &topics, &accounts, &style, &heat, &sources, &share})
            rows.push_back({*k});
    } else {
        rows = {{score, trend}, {breakdown, why}, {whatif, tips}, {posts, topics}, {heat, style}, {accounts, sources}, {share}};
        rows[3][0].weight = 1.4f;
    }
    // Only the rows in view are built (and drawn). Each row's height is kept from the last
    // frame that drew it, so the rows out of view still take their place; a row never drawn
    // yet is measured one per frame (off screen), so a new report's first frame builds only
    // what shows (the first dashboard frame was the longest main-thread task).
    {
        static std::vector<float> heights;
        static const void* for_report = nullptr;
        static float for_width = 0, for_scale = 0;
        static size_t for_rows = 0;
        static bool fresh = false;
        if (for_report != st.report.get() || for_width != content_w || for_scale != u.s || for_rows != rows.size()) {
            heights.assign(rows.size(), -1.0f);
            for_report = st.report.get();
            for_width = content_w;
            for_scale = u.s;
            for_rows = rows.size();
            fresh = true;
        }
        // A row never built yet is built only while this frame has spent less than
        // kNewRowBudgetMs: a new report's first frame shows the header and the top row (the
        // score), the next frames the rows below, as many a frame as fit.
        constexpr double kNewRowBudgetMs = 4;
        const float view_top = ImGui::GetWindowPos().y, view_bottom = view_top + ImGui::GetWindowHeight();
        bool measured = fresh;   // a new report's first frame builds only the rows in view
        if (fresh) request_redraw(1);
        fresh = false;
        bool built_new = false;
        for (size_t i = 0; i < rows.size(); ++i) {
            float h = heights[i];
            bool draw = h >= 0 ? (y < view_bottom && y + h > view_top) : y < view_bottom;
            if (!draw && h < 0 && !measured) draw = measured = true;
            if (draw && h < 0 && built_new && emscripten_get_now() - t_start > kNewRowBudgetMs) {
                draw = false;   // next frame
                measured = true;
            }
            if (draw && h < 0) built_new = true;
            if (draw) {
                h = heights[i] = draw_row(rows[i], x0, y, content_w, gapx);
            } else if (h < 0) {
                h = u.rpx(360);   // not measured yet: a card's usual height
                request_redraw(1);
            }
            y += h + gapy;
        }
    }

    // footer
    {
        const std::string foot = std::string("clout ") + CLOUT_VERSION + " \xC2\xB7 " + R.r.model +
                                 " \xC2\xB7 computed in your browser, nothing uploaded";
        const std::string shown = elide(f.small, foot, content_w);
        const ImVec2 fs = tsize(f.small, shown);
        text_at(f.small, ImVec2(std::floor(origin.x + (W - fs.x) * 0.5f), y + u.rpx(4)), c.faint, shown);
        y += fs.y + u.rpx(28);
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

}  // namespace clout::web
