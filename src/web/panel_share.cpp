// Sharing: the read-only card a share link opens, the person's own card with
// the "Share and export" section (link, name, PNG / JSON / CSV downloads, local history),
// and the interim page that shows them when a report arrives without a dashboard.
// The card layout here and the PNG (web/card.js) show the same fields.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "bridge.h"
#include "icons.h"
#include "imgui.h"
#include "panels.h"
#include "share_state.h"
#include "state.h"
#include "ui.h"
#include "util/time.h"

namespace clout::web {

void share_action(const char* action);  // bridge_share.cpp

namespace {

ImVec2 tsize(ImFont* f, const char* s) { return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, s); }
void text_at(ImDrawList* dl, ImFont* f, ImVec2 p, ImU32 col, const char* s) {
    dl->AddText(f, f->FontSize, ImVec2(std::floor(p.x), std::floor(p.y)), col, s);
}

// "1 May 2024"
std::string pretty_day(int64_t day) {
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    const std::string ymd = format_day(day);
    const int m = std::atoi(ymd.substr(5, 2).c_str());
    const int d = std::atoi(ymd.substr(8, 2).c_str());
    return std::to_string(d) + " " + (m >= 1 && m <= 12 ? months[m - 1] : "?") + " " + ymd.substr(0, 4);
}

// "Fetched from public.api.bsky.app on 1 December 2026", "Bluesky: fetched from ..." when the
// card shows several networks; the words of the PNG and the screen-reader text too
// (web/card.js fetchedLines).
std::string fetched_line(const ShareCard& c, const ShareFetch& fe) {
    std::string s = c.networks.size() > 1 ? std::string(network_label(fe.network)) + ": fetched" : std::string("Fetched");
    if (!fe.host.empty()) s += " from " + fe.host;
    if (fe.day > 0) s += " on " + pretty_day(fe.day);
    return s;
}

std::string signed_int(int v) {
    if (v > 0) return "+" + std::to_string(v);
    if (v < 0) return "\xE2\x88\x92" + std::to_string(-v);  // U+2212 minus
    return "\xC2\xB1" "0";
}

// A button drawn in the app's style; returns true when clicked (or activated by keyboard).
bool button(const char* id, const char* label, ImVec2 pos, float w, bool primary) {
    const Ui& u = ui();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = u.rpx(42);
    ImGui::SetCursorScreenPos(pos);
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(w, h));
    const bool hov = ImGui::IsItemHovered();
    if (hov) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImU32 bg = primary ? (hov ? with_alpha(u.c.accent, 0.88f) : u.c.accent) : (hov ? u.c.surface_hover : u.c.surface);
    dl->AddRectFilled(pos, ImVec2(pos.x + w, pos.y + h), bg, h * 0.5f);
    if (!primary) dl->AddRect(pos, ImVec2(pos.x + w, pos.y + h), u.c.border_strong, h * 0.5f, 0, std::max(1.0f, std::round(u.s)));
    if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible)
        dl->AddRect(ImVec2(pos.x - u.px(3), pos.y - u.px(3)), ImVec2(pos.x + w + u.px(3), pos.y + h + u.px(3)), u.c.accent,
                    h * 0.5f + u.px(3), 0, u.px(2));
    const ImVec2 ls = tsize(u.f.strong, label);
    text_at(dl, u.f.strong, ImVec2(pos.x + (w - ls.x) * 0.5f, pos.y + (h - ls.y) * 0.5f),
            primary ? u.c.accent_text : u.c.text, label);
    return clicked;
}

float button_w(const char* label) { return tsize(ui().f.strong, label).x + ui().rpx(36); }

void top_bar(ImDrawList* dl, ImVec2 origin, float W, float margin, float bar_h, const char* pill_text) {
    const Ui& u = ui();
    const float logo = u.rpx(28);
    const ImVec2 lp(origin.x + margin, origin.y + std::floor((bar_h - logo) * 0.5f));
    draw_logo(dl, lp, logo);
    text_at(dl, u.f.heading, ImVec2(lp.x + logo + u.rpx(10), lp.y + std::floor((logo - u.f.heading->FontSize) * 0.5f) - u.px(1)),
            u.c.text, "clout");
    if (pill_text) {
        const ImVec2 ts = tsize(u.f.small, pill_text);
        const float ph = u.rpx(28), pw = ts.x + u.rpx(24);
        const ImVec2 pa(origin.x + W - margin - pw, origin.y + std::floor((bar_h - ph) * 0.5f));
        dl->AddRectFilled(pa, ImVec2(pa.x + pw, pa.y + ph), u.c.accent_soft, ph * 0.5f);
        text_at(dl, u.f.small, ImVec2(pa.x + u.rpx(12), pa.y + (ph - ts.y) * 0.5f), u.c.accent, pill_text);
    }
}

// The score card: returns its height. `shared` labels it as a shared, read-only card.
float draw_card(ImDrawList* dl, const ShareCard& c, ImVec2 p, float w, bool shared, bool measure) {
    const Ui& u = ui();
    const Palette& col = u.c;
    const Fonts& f = u.f;
    const bool narrow = w / u.s < 560;
    const float pad = u.rpx(narrow ? 20 : 32);
    const float x0 = p.x + pad, x1 = p.x + w - pad;
    float y = p.y + pad;

    // header: label (+ name) on the left, the export's date on the right
    const std::string label = shared ? "Shared clout score" : "Your clout score";
    const std::string date = "as of " + pretty_day(c.as_of_day);
    const float head_h = f.small->FontSize + (c.name.empty() ? 0 : u.rpx(6) + f.heading->FontSize);
    if (!measure) {
        text_at(dl, f.small, ImVec2(x0, y), col.muted, (std::string(ICON_LINE_CHART "  ") + label).c_str());
        const ImVec2 ds = tsize(f.small, date.c_str());
        text_at(dl, f.small, ImVec2(x1 - ds.x, y), col.muted, date.c_str());
        if (!c.name.empty()) text_at(dl, f.heading, ImVec2(x0, y + f.small->FontSize + u.rpx(6)), col.text, c.name.c_str());
    }
    y += head_h + u.rpx(14);

    // the score, big, with "/ 100" and the changes; the trend next to it (below when narrow)
    const std::string score = std::to_string(c.score);
    const ImVec2 ss = tsize(f.display, score.c_str());
    const float score_h = ss.y;
    const float left_w = narrow ? (x1 - x0) : std::max(ss.x + tsize(f.heading, " / 100").x, u.px(300));
    if (!measure) {
        text_at(dl, f.display, ImVec2(x0 - u.px(3), y), col.text, score.c_str());
        text_at(dl, f.heading, ImVec2(x0 + ss.x + u.rpx(6), y + ss.y - f.heading->FontSize - u.rpx(14)), col.faint, "/ 100");
    }
    float cy = y + score_h + u.rpx(4);
    {
        struct Chip { int v; const char* what; } chips[3] = {{c.d1, "1 day"}, {c.d7, "7 days"}, {c.d30, "30 days"}};
        float cx = x0;
        for (const auto& ch : chips) {
            const std::string v = signed_int(ch.v);
            const std::string rest = std::string(" ") + ch.what;
            const float vw = tsize(f.strong, v.c_str()).x, rw = tsize(f.small, rest.c_str()).x;
            const float cw = vw + rw + u.rpx(20), chh = u.rpx(28);
            if (cx + cw > x0 + left_w + u.px(1) && cx > x0) { cx = x0; cy += chh + u.rpx(6); }
            if (!measure) {
                const ImU32 tone = ch.v > 0 ? col.good : ch.v < 0 ? col.warn : col.muted;
                dl->AddRectFilled(ImVec2(cx, cy), ImVec2(cx + cw, cy + chh), with_alpha(tone, 0.12f), chh * 0.5f);
                text_at(dl, f.strong, ImVec2(cx + u.rpx(10), cy + (chh - f.strong->FontSize) * 0.5f), tone, v.c_str());
                text_at(dl, f.small, ImVec2(cx + u.rpx(10) + vw, cy + (chh - f.small->FontSize) * 0.5f + u.px(1)), col.muted,
                        rest.c_str());
            }
            cx += cw + u.rpx(6);
        }
        cy += u.rpx(28);
    }
    float left_bottom = cy;

    // trend sparkline
    const float tx0 = narrow ? x0 : x0 + left_w + u.rpx(28);
    const float ty0 = narrow ? left_bottom + u.rpx(18) : y + u.rpx(6);
    const float th = u.rpx(narrow ? 90 : 120);
    const float tw = x1 - tx0;
    if (!measure && c.trend.size() >= 1) {
        int lo = 100, hi = 1;
        for (int v : c.trend) { lo = std::min(lo, v); hi = std::max(hi, v); }
        lo = std::max(1, lo - 3);
        hi = std::min(100, hi + 3);
        if (hi - lo < 10) { hi = std::min(100, lo + 10); lo = std::max(1, hi - 10); }
        const float chart_h = th - f.small->FontSize - u.rpx(8);
        auto pt = [&](size_t i) {
            const float fx = c.trend.size() == 1 ? 1.0f : static_cast<float>(i) / static_cast<float>(c.trend.size() - 1);
            const float fy = static_cast<float>(c.trend[i] - lo) / static_cast<float>(hi - lo);
            return ImVec2(tx0 + fx * tw, ty0 + chart_h - fy * chart_h);
        };
        // baseline and area
        dl->AddLine(ImVec2(tx0, ty0 + chart_h), ImVec2(x1, ty0 + chart_h), col.border, std::max(1.0f, std::round(u.s)));
        for (size_t i = 0; i + 1 < c.trend.size(); ++i) {
            const ImVec2 a = pt(i), b = pt(i + 1);
            dl->AddQuadFilled(a, b, ImVec2(b.x, ty0 + chart_h), ImVec2(a.x, ty0 + chart_h), with_alpha(col.accent, 0.14f));
        }
        std::vector<ImVec2> pts;
        for (size_t i = 0; i < c.trend.size(); ++i) pts.push_back(pt(i));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col.accent, 0, u.px(2.25f));
        dl->AddCircleFilled(pts.back(), u.px(4.5f), col.accent, 24);
        dl->AddCircle(pts.back(), u.px(7.5f), with_alpha(col.accent, 0.35f), 24, u.px(2));
        const std::string weeks = std::to_string(c.trend.size()) + " weeks";
        text_at(dl, f.small, ImVec2(tx0, ty0 + chart_h + u.rpx(8)), col.faint, (weeks + " ago").c_str());
        text_at(dl, f.small, ImVec2(x1 - tsize(f.small, "now").x, ty0 + chart_h + u.rpx(8)), col.faint, "now");
    }
    y = narrow ? ty0 + th : std::max(left_bottom, ty0 + th);
    y += u.rpx(22);

    // component bars: a Base row first (model 2), so the rows add up to the score; an
    // unknown component shows its maximum and no points; a filled input its provenance
    const float row = u.rpx(34);
    const bool model1 = c.format == 1;
    // Where a component's input came from, when not the export ("typed", "fetched").
    auto from_of = [&](int i) {
        const auto id = static_cast<ComponentId>(i);
        const uint8_t prov = model1 ? 0
                             : id == ComponentId::Reach         ? c.combined.followers_from
                             : id == ComponentId::Amplification ? c.combined.reshares_from
                             : id == ComponentId::Engagement    ? c.combined.reactions_from
                                                                : 0;
        std::string from;
        if (model1 || !c.known[static_cast<size_t>(i)]) return from;
        for (const auto& x : provenance_ids(prov))
            if (x != "export") from += (from.empty() ? "" : ", ") + x;
        return from;
    };
    // The bars start after the widest label and its provenance, so that the two never overlap.
    const float num_w = u.rpx(narrow ? 96 : 132);
    float label_w = u.rpx(narrow ? 118 : 140);
    for (int i = 0; i < kComponentCount; ++i) {
        const std::string from = from_of(i);
        if (!from.empty())
            label_w = std::max(label_w, tsize(f.body, component_label(static_cast<ComponentId>(i))).x + u.rpx(6) +
                                            tsize(f.small, from.c_str()).x + u.rpx(12));
    }
    label_w = std::min(label_w, (x1 - x0 - num_w) * 0.6f);
    if (!model1) {
        if (!measure) {
            const float ry = y + (row - f.body->FontSize) * 0.5f;
            text_at(dl, f.body, ImVec2(x0, ry), col.text, "Base");
            const std::string n = std::to_string(c.base_points);
            const ImVec2 ns = tsize(f.strong, n.c_str());
            text_at(dl, f.strong, ImVec2(x1 - ns.x, y + (row - ns.y) * 0.5f), col.text, n.c_str());
        }
        y += row;
    }
    for (int i = 0; i < kComponentCount; ++i) {
        const int pts = c.points[static_cast<size_t>(i)], mx = c.max_points[static_cast<size_t>(i)];
        const bool known = model1 ? mx > 0 : c.known[static_cast<size_t>(i)];
        const auto id = static_cast<ComponentId>(i);
        const std::string from = from_of(i);
        if (!measure && known && !from.empty()) {
            const float ry = y + (row - f.small->FontSize) * 0.5f;
            text_at(dl, f.small, ImVec2(x0 + tsize(f.body, component_label(id)).x + u.rpx(6), ry), col.warn, from.c_str());
        }
        if (!measure) {
            const float ry = y + (row - f.body->FontSize) * 0.5f;
            text_at(dl, f.body, ImVec2(x0, ry), col.text, component_label(static_cast<ComponentId>(i)));
            const float bx0 = x0 + label_w, bx1 = x1 - num_w, bh = u.rpx(10), by = y + (row - bh) * 0.5f;
            dl->AddRectFilled(ImVec2(bx0, by), ImVec2(bx1, by + bh), col.border, bh * 0.5f);
            if (known && mx > 0 && pts > 0)
                dl->AddRectFilled(ImVec2(bx0, by), ImVec2(bx0 + (bx1 - bx0) * static_cast<float>(pts) / static_cast<float>(mx), by + bh),
                                  col.accent, bh * 0.5f);
            const std::string n = known ? std::to_string(pts) + " of " + std::to_string(mx)
                                        : model1 ? std::string("unavailable") : "unknown \xC2\xB7 " + std::to_string(mx);
            const ImVec2 ns = tsize(known ? f.strong : f.small, n.c_str());
            text_at(dl, known ? f.strong : f.small, ImVec2(x1 - ns.x, y + (row - ns.y) * 0.5f), known ? col.text : col.faint,
                    n.c_str());
        }
        y += row;
    }
    // Where fetched numbers came from, below the rows that show them: the host and the day.
    for (const ShareFetch& fe : c.fetched) {
        const std::string line = fetched_line(c, fe);
        const float wrap = x1 - x0;
        const ImVec2 ls = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, wrap, line.c_str());
        if (!measure)
            dl->AddText(f.small, f.small->FontSize, ImVec2(std::floor(x0), std::floor(y + u.rpx(4))), col.warn, line.c_str(), nullptr, wrap);
        y += ls.y + u.rpx(6);
    }
    y += u.rpx(16);

    // networks and the model
    if (!measure) dl->AddLine(ImVec2(x0, y), ImVec2(x1, y), col.border, std::max(1.0f, std::round(u.s)));
    y += u.rpx(16);
    {
        float nx = x0;
        const float chh = u.rpx(30);
        for (size_t i = 0; i < c.networks.size(); ++i) {
            const auto& n = c.networks[i];
            const std::string lbl = network_label(n.first);
            const std::string v = std::to_string(n.second);
            // A partial network score says so on its chip: its number is not comparable to a
            // score with every component measured.
            const bool part = !model1 && i < c.network_scores.size() && share_unmeasured_points(c.network_scores[i]) > 0;
            const char* mark = "\xC2\xB7 partial";
            const float lw = tsize(f.body, lbl.c_str()).x, vw = tsize(f.strong, v.c_str()).x;
            const float mw = part ? tsize(f.small, mark).x + u.rpx(8) : 0;
            const float cw = lw + vw + mw + u.rpx(34);
            if (nx + cw > x1 && nx > x0) { nx = x0; y += chh + u.rpx(8); }
            if (!measure) {
                const ImU32 edge = part ? with_alpha(col.warn, 0.55f) : col.border;
                dl->AddRectFilled(ImVec2(nx, y), ImVec2(nx + cw, y + chh), col.bg, chh * 0.5f);
                dl->AddRect(ImVec2(nx, y), ImVec2(nx + cw, y + chh), edge, chh * 0.5f, 0, std::max(1.0f, std::round(u.s)));
                text_at(dl, f.body, ImVec2(nx + u.rpx(12), y + (chh - f.body->FontSize) * 0.5f), col.muted, lbl.c_str());
                text_at(dl, f.strong, ImVec2(nx + u.rpx(22) + lw, y + (chh - f.strong->FontSize) * 0.5f), col.text, v.c_str());
                if (part)
                    text_at(dl, f.small, ImVec2(nx + u.rpx(30) + lw + vw, y + (chh - f.small->FontSize) * 0.5f + u.px(1)), col.warn, mark);
            }
            nx += cw + u.rpx(8);
        }
        y += chh + u.rpx(14);
    }
    if (!model1 && !c.known[0] + !c.known[1] + !c.known[2] + !c.known[3] + !c.known[4] > 0) {
        int unmeasured = 0;
        for (int i = 0; i < kComponentCount; ++i)
            if (!c.known[static_cast<size_t>(i)]) unmeasured += c.max_points[static_cast<size_t>(i)];
        if (!measure)
            text_at(dl, f.small, ImVec2(x0, y), col.warn,
                    ("Partial: " + std::to_string(unmeasured) + " of 100 points not measured (not counted as low)").c_str());
        y += f.small->FontSize + u.rpx(8);
    }
    if (!measure)
        text_at(dl, f.small, ImVec2(x0, y), col.faint,
                ("Model " + c.model + (model1 ? "  (score model 1, an older scale)" : "")).c_str());
    y += f.small->FontSize + pad;
    return y - p.y;
}

// Draws the card on a background channel (measure first, fill, then content).
float card(const ShareCard& c, ImVec2 p, float w, bool shared) {
    const Ui& u = ui();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float h = draw_card(dl, c, p, w, shared, true);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), u.c.surface, u.rpx(20));
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), u.c.border, u.rpx(20), 0, std::max(1.0f, std::round(u.s)));
    draw_card(dl, c, p, w, shared, false);
    return h;
}

struct Column {
    ImVec2 origin;
    float W, H, margin, x0, w, bar_h;
};
Column column(float max_css) {
    const Ui& u = ui();
    Column k;
    k.origin = ImGui::GetCursorScreenPos();
    k.W = ImGui::GetWindowWidth();
    k.H = ImGui::GetWindowHeight();
    const bool narrow = k.W / u.s < 640;
    k.margin = u.rpx(narrow ? 16 : 32);
    k.w = std::min(k.W - 2 * k.margin, u.rpx(max_css));
    k.x0 = std::floor(k.origin.x + (k.W - k.w) * 0.5f);
    k.bar_h = u.rpx(narrow ? 60 : 72);
    return k;
}

void finish(const Column& k, float y) {
    ImGui::SetCursorScreenPos(k.origin);
    ImGui::Dummy(ImVec2(1, y + ui().rpx(32) - k.origin.y));
}

void go_home() {
    ShareState& s = share_state();
    s.viewing_link = false;
    share_action("compute-own");
    request_redraw();
}

void draw_link_view() {
    const Ui& u = ui();
    ShareState& s = share_state();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Column k = column(760);
    top_bar(dl, k.origin, k.W, k.margin, k.bar_h, s.link_ok ? ICON_SHARE "  Shared card \xC2\xB7 read-only" : nullptr);
    float y = k.origin.y + k.bar_h + u.rpx(8);
    if (s.link_ok) {
        y += card(s.link_card, ImVec2(k.x0, y), k.w, true) + u.rpx(16);
        const char* note = "Someone shared this score with you. The link carries only these numbers: no posts, no files, "
                           "nothing that was read from an export.";
        y += centered_wrapped(dl, u.f.small, k.x0, y, k.w, u.c.muted, note, u.px(4)) + u.rpx(20);
    } else {
        const float pad = u.rpx(28);
        const float msg_h = centered_wrapped(dl, u.f.body, k.x0 + pad, 0, k.w - 2 * pad, 0, s.link_error, u.px(6), true);
        const float box_h = pad + u.f.icon_big->FontSize + u.rpx(14) + u.f.heading->FontSize + u.rpx(12) + msg_h + pad;
        dl->AddRectFilled(ImVec2(k.x0, y), ImVec2(k.x0 + k.w, y + box_h), u.c.surface, u.rpx(20));
        dl->AddRect(ImVec2(k.x0, y), ImVec2(k.x0 + k.w, y + box_h), with_alpha(u.c.warn, 0.6f), u.rpx(20), 0,
                    std::max(1.0f, std::round(u.s)));
        float yy = y + pad;
        const ImVec2 is = tsize(u.f.icon_big, ICON_WARNING);
        text_at(dl, u.f.icon_big, ImVec2(k.x0 + (k.w - is.x) * 0.5f, yy), u.c.warn, ICON_WARNING);
        yy += u.f.icon_big->FontSize + u.rpx(14);
        yy += centered_wrapped(dl, u.f.heading, k.x0, yy, k.w, u.c.text, "This share link cannot be shown") + u.rpx(12);
        centered_wrapped(dl, u.f.body, k.x0 + pad, yy, k.w - 2 * pad, u.c.muted, s.link_error, u.px(6));
        y += box_h + u.rpx(24);
    }
    const char* own = "Compute your own score";
    const char* png = ICON_IMAGE "  Download this card";
    const float w1 = button_w(own), w2 = button_w(png);
    const bool stack = w1 + w2 + u.rpx(12) > k.w;
    if (stack) {
        if (button("##own", own, ImVec2(k.x0, y), k.w, true)) go_home();
        y += u.rpx(42) + u.rpx(10);
        if (s.link_ok && button("##png", png, ImVec2(k.x0, y), k.w, false)) share_action("download-shared-png");
        if (s.link_ok) y += u.rpx(42);
    } else {
        const float total = w1 + (s.link_ok ? w2 + u.rpx(12) : 0);
        const float bx = std::floor(k.x0 + (k.w - total) * 0.5f);
        if (button("##own", own, ImVec2(bx, y), w1, true)) go_home();
        if (s.link_ok && button("##png", png, ImVec2(bx + w1 + u.rpx(12), y), w2, false)) share_action("download-shared-png");
        y += u.rpx(42);
    }
    y += u.rpx(20);
    const float lw = tsize(u.f.small, ICON_SHIELD "  How your data is handled").x;
    ImGui::SetCursorScreenPos(ImVec2(std::floor(k.x0 + (k.w - lw) * 0.5f), y));
    privacy_link("How your data is handled");
    y += u.f.small->FontSize + u.rpx(8);
    finish(k, y);
}

void draw_report_page() {
    const Ui& u = ui();
    ShareState& s = share_state();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const Column k = column(760);
    top_bar(dl, k.origin, k.W, k.margin, k.bar_h, nullptr);
    float y = k.origin.y + k.bar_h + u.rpx(8);
    y += card(s.own, ImVec2(k.x0, y), k.w, false) + u.rpx(24);
    ImGui::SetCursorScreenPos(ImVec2(k.x0, y));
    y += draw_share_panel(k.w) + u.rpx(12);
    ImGui::SetCursorScreenPos(ImVec2(k.x0, y));
    privacy_link("How your data is handled");
    y += u.f.small->FontSize + u.rpx(8);
    finish(k, y);
}

}  // namespace

bool privacy_link(const char* label) {
    const Ui& u = ui();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const std::string text = std::string(ICON_SHIELD "  ") + label;
    const ImVec2 ts = tsize(u.f.small, text.c_str());
    const bool clicked = ImGui::InvisibleButton("##privacy-link", ts);
    const bool h = ImGui::IsItemHovered();
    if (h) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    text_at(dl, u.f.small, p, u.c.accent, text.c_str());
    if (h) dl->AddLine(ImVec2(p.x, p.y + ts.y), ImVec2(p.x + ts.x, p.y + ts.y), u.c.accent, std::max(1.0f, u.s));
    if (clicked) {
        share_state().privacy_open = true;
        share_action("privacy-opened");
        request_redraw();
    }
    return clicked;
}

// A checkbox whose box stands out on a card (the default frame colour is the card's own).
static bool card_checkbox(const char* label, bool* v) {
    const Ui& u = ui();
    ImGui::PushStyleColor(ImGuiCol_FrameBg, u.c.bg);
    ImGui::PushStyleColor(ImGuiCol_Border, u.c.border_strong);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, std::max(1.0f, std::round(u.s)));
    const bool changed = ImGui::Checkbox(label, v);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    return changed;
}

float draw_share_panel(float width) {
    const Ui& u = ui();
    ShareState& s = share_state();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float x0 = p.x;
    float y = p.y;
    text_at(dl, u.f.heading, ImVec2(x0, y), u.c.text, ICON_SHARE "  Share and export");
    y += u.f.heading->FontSize + u.rpx(8);
    const char* about =
        "The share link carries only the card above: score, changes, component points, a weekly trend, the networks, "
        "the model and the export's date, and for numbers fetched from a network, its host and the day. It sits after "
        "the # of the address, which browsers never send to a server.";
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::PushStyleColor(ImGuiCol_Text, u.c.muted);
    ImGui::PushFont(u.f.small);
    ImGui::TextWrapped("%s", about);
    ImGui::PopFont();
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
    y = ImGui::GetCursorScreenPos().y + u.rpx(10);

    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (card_checkbox("Include my name on the card", &s.include_name)) share_refresh_own();
    y = ImGui::GetCursorScreenPos().y + u.rpx(6);
    if (s.include_name) {
        // A real input over the canvas (#share-name, web/input.js): phone keyboards and IMEs
        // come up for it, as for the follower count. Its text arrives in
        // clout_web_share_set_name; hidden under the fixed header when scrolled up.
        const float fw = std::min(width, u.rpx(360)), fh = u.rpx(38);
        js::place("share-name", x0, y, fw, fh, y >= ImGui::GetWindowPos().y);
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        ImGui::Dummy(ImVec2(fw, fh));
        y = ImGui::GetCursorScreenPos().y + u.rpx(6);
    }
    // the link
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    const char* copy = ICON_LINK "  Copy link";
    const float cw = button_w(copy);
    ImGui::SetNextItemWidth(width - cw - u.rpx(10));
    static std::string shown;
    shown = s.own_link;
    ImGui::InputText("##link", shown.data(), shown.size() + 1, ImGuiInputTextFlags_ReadOnly);
    const float fh = ImGui::GetItemRectSize().y;
    if (button("##copy", copy, ImVec2(x0 + width - cw, y + (fh - u.rpx(42)) * 0.5f), cw, true)) share_action("copy-link");
    y += std::max(fh, u.rpx(42)) + u.rpx(14);

    // downloads
    struct B { const char* id; const char* label; const char* action; } bs[3] = {
        {"##png", ICON_IMAGE "  Card (PNG)", "download-png"},
        {"##json", ICON_DOWNLOAD "  Report (JSON)", "download-json"},
        {"##csv", ICON_DOWNLOAD "  Trend and components (CSV)", "download-csv"},
    };
    float bx = x0;
    for (const auto& b : bs) {
        const float bw = button_w(b.label);
        if (bx + bw > x0 + width && bx > x0) { bx = x0; y += u.rpx(42) + u.rpx(8); }
        if (button(b.id, b.label, ImVec2(bx, y), bw, false)) share_action(b.action);
        bx += bw + u.rpx(8);
    }
    y += u.rpx(42) + u.rpx(22);

    // history
    text_at(dl, u.f.strong, ImVec2(x0, y), u.c.text, ICON_HISTORY "  Your scores over time");
    y += u.f.strong->FontSize + u.rpx(8);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    if (!s.history_supported) {
        ImGui::PushStyleColor(ImGuiCol_Text, u.c.faint);
        ImGui::TextUnformatted("This browser cannot keep a history (storage is turned off).");
        ImGui::PopStyleColor();
    } else {
        bool on = s.history_on;
        if (card_checkbox("Keep my past scores on this device", &on)) share_action(on ? "history-on" : "history-off");
        y = ImGui::GetCursorScreenPos().y + u.rpx(4);
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ImGui::PushStyleColor(ImGuiCol_Text, u.c.faint);
        ImGui::PushFont(u.f.small);
        ImGui::TextWrapped("%s", "Only the date, score, component points and networks of each report are kept, in this "
                                 "browser (IndexedDB). Import a newer export later to see your score across exports.");
        ImGui::PopFont();
        ImGui::PopStyleColor();
        ImGui::PopTextWrapPos();
        y = ImGui::GetCursorScreenPos().y + u.rpx(8);
        if (s.history_on && !s.history.empty()) {
            // a small chart of the scores by as-of date, then the list
            const float ch = u.rpx(70);
            const float cx0 = x0, cx1 = x0 + width;
            dl->AddRectFilled(ImVec2(cx0, y), ImVec2(cx1, y + ch), u.c.surface, u.rpx(10));
            const size_t n = s.history.size();
            std::vector<ImVec2> pts;
            for (size_t i = 0; i < n; ++i) {
                const float fx = n == 1 ? 0.5f : static_cast<float>(i) / static_cast<float>(n - 1);
                const float fy = static_cast<float>(s.history[i].score - 1) / 99.0f;
                pts.emplace_back(cx0 + u.rpx(16) + fx * (width - u.rpx(32)), y + ch - u.rpx(10) - fy * (ch - u.rpx(20)));
            }
            if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), u.c.accent, 0, u.px(2));
            for (const auto& q : pts) dl->AddCircleFilled(q, u.px(4), u.c.accent, 16);
            y += ch + u.rpx(8);
            for (size_t i = n; i-- > 0;) {
                const auto& h = s.history[i];
                const std::string left = "as of " + h.as_of + "   " + h.networks;
                text_at(dl, u.f.body, ImVec2(x0, y), u.c.muted, left.c_str());
                const std::string sc = std::to_string(h.score);
                text_at(dl, u.f.strong, ImVec2(x0 + width - tsize(u.f.strong, sc.c_str()).x, y), u.c.text, sc.c_str());
                y += u.f.body->FontSize + u.rpx(8);
            }
        } else if (s.history_on) {
            text_at(dl, u.f.small, ImVec2(x0, y), u.c.faint, "Nothing kept yet.");
            y += u.f.small->FontSize + u.rpx(8);
        }
        const char* forget = ICON_TRASH "  Forget everything";
        if (button("##forget", forget, ImVec2(x0, y), button_w(forget), false)) share_action("forget");
        y += u.rpx(42) + u.rpx(10);
    }
    if (s.notice_frames > 0) {
        --s.notice_frames;
        request_redraw(2);
        text_at(dl, u.f.small, ImVec2(x0, y), u.c.good, (ICON_CHECK "  " + s.notice).c_str());
    }
    y += u.f.small->FontSize + u.rpx(8);
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    return y - p.y;
}

void share_page_shown(bool shown);  // bridge_share.cpp

bool draw_share_pages() {
    ShareState& s = share_state();
    // The page's own "Open export..." control belongs to the welcome screen: hide it here.
    static int last = -1;
    const bool any = s.privacy_open || s.viewing_link || (s.has_report && s.show_report_page);
    if (static_cast<int>(any) != last) {
        last = any;
        share_page_shown(any);
    }
    if (s.privacy_open) {
        draw_privacy_page();
        return true;
    }
    if (s.viewing_link) {
        draw_link_view();
        return true;
    }
    if (s.has_report && s.show_report_page) {
        draw_report_page();
        return true;
    }
    return false;
}

}  // namespace clout::web
