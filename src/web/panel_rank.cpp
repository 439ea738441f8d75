// The audience ranking (docs/RANKING.md "In the page"): a roster CSV ranked by the
// import worker with the CLI's functions, drawn as a page of its own.
//  - The welcome screen's entry (draw_rank_entry): "Rank an audience (CSV)…" (#rank-open, a
//    real file input) and "Try a sample roster" (#rank-sample), with one line on the CSV.
//  - The ranking page (draw_rank_page): a header with the page's toolbar (#rank-toolbar:
//    another roster, CSV and JSON downloads, start over), the summary, the roster's warnings
//    (collapsible, with line numbers), a filter field (#rank-filter, a real input: phone
//    keyboards), the table (ImGui tables + ImGuiListClipper: only the visible rows are
//    built, so 100 000 rows scroll smoothly; sortable columns; "–" = unavailable, never 0)
//    and the selected account's breakdown.
// The data is the worker's compact table (rank/rank_view.h), decoded once: the main thread
// never parses the ranking's JSON (window.clout.rank parses it only when asked for). The
// state is rank_state.h; the page's calls into it (a new ranking, the filter, the toolbar's
// size) are bridge_rank.cpp. This file only draws.
//
// Index of this file:
//   [SECTION] Labels and formulas of the components
//   [SECTION] Cells as text
//   [SECTION] The rows shown: filtered and sorted
//   [SECTION] Drawing helpers: right-aligned text, stacked bars, a row read out
//   [SECTION] The selected account's breakdown
//   [SECTION] The table
//   [SECTION] The welcome screen's entry
//   [SECTION] The ranking page
#include <algorithm>
#include <cstdint>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "bridge.h"
#include "dash.h"
#include "icons.h"
#include "imgui_internal.h"
#include "panels.h"
#include "rank/rank_view.h"
#include "rank_state.h"
#include "state.h"
#include "util/text.h"

namespace clout::web {
using namespace dash;

namespace {

// ---- [SECTION] Labels and formulas of the components
const char* const kCompLabel[5] = {"Reach", "Amplification", "Engagement", "Consistency", "Conversation"};
const char* const kCompShort[5] = {"Reach", "Ampl.", "Engag.", "Consist.", "Conv."};
// The formula of each component in one line (docs/SCORING.md §3; panel_breakdown.cpp).
const char* const kFormula[5] = {
    "L(followers; 1,000,000)",
    "\xC2\xBD\xC2\xB7S/(P+10) + \xC2\xBD\xC2\xB7L(h_r; 30)",
    "L(h-index of reactions; 300)",
    "active weeks / 13",
    "L(qualifying replies; 150)",
};
const char* const kLacks[5] = {
    "The roster gives no follower count for this account.",
    "The roster gives no reposts for this account.",
    "The roster gives no likes for this account.",
    "The roster gives no posts for this account.",
    "The roster gives no replies made for this account.",
};
constexpr const char* kDash = "\xE2\x80\x93";  // – (unavailable)

// ---- [SECTION] Cells as text
std::string num_or_dash(int64_t v) { return v < 0 ? std::string(kDash) : fmt_int(v); }
std::string fixed_q(int64_t q, int decimals) {
    int64_t m = 1;
    for (int i = 0; i < decimals; ++i) m *= 10;
    char b[48];
    std::snprintf(b, sizeof b, "%lld.%0*lld", static_cast<long long>(q / m), decimals, static_cast<long long>(q % m));
    return b;
}
std::string handle_shown(const RankView& v, const RankViewRow& r) { return std::string(v.handle(r)); }
std::string network_shown(const RankView& v, const RankViewRow& r) {
    const std::string n(v.network(r));
    return n.empty() ? std::string(kDash) : network_name(n);
}

// ---- [SECTION] The rows shown: filtered and sorted
int64_t sort_key(const RankViewRow& r, int col) {
    switch (col) {
        case kScore: return r.exact_q;
        case kFollowers: return r.followers;
        case kPosts: return r.posts;
        default:
            if (col >= kComp0 && col < kColCount) return r.points[col - kComp0] < 0 ? -1 : r.points_q[col - kComp0];
            return r.rank;
    }
}

void sort_shown(RankState& s);

// The rows shown: filtered by handle, then sorted. A filter that hides the selected row
// selects the first match (quietly: the match count is what is read out).
void rebuild(RankState& s) {
    const bool filtering = !s.filter.empty();
    s.dirty = false;
    s.shown.clear();
    if (!s.v) return;
    const auto& rows = s.v->rows;
    const std::string f = ascii_lower(s.filter);
    s.shown.reserve(rows.size());
    for (uint32_t i = 0; i < rows.size(); ++i)
        if (f.empty() || s.lower[i].find(f) != std::string::npos) s.shown.push_back(i);
    sort_shown(s);
    if (filtering && !s.shown.empty() &&
        std::find(s.shown.begin(), s.shown.end(), static_cast<uint32_t>(std::max(0, s.selected))) == s.shown.end()) {
        s.selected = static_cast<int>(s.shown[0]);
        s.announced = s.selected;
    }
}

void sort_shown(RankState& s) {
    const auto& rows = s.v->rows;
    const int col = s.sort_col;
    const bool desc = s.sort_desc;
    if (col == kRank) {
        if (desc) std::reverse(s.shown.begin(), s.shown.end());
        return;
    }
    // rows are stored in rank order, so ties keep the rank order by comparing the indices
    if (col == kHandle || col == kNetwork) {
        std::sort(s.shown.begin(), s.shown.end(), [&](uint32_t a, uint32_t b) {
            const int c = col == kHandle ? s.lower[a].compare(s.lower[b]) : s.v->network(rows[a]).compare(s.v->network(rows[b]));
            if (c != 0) return desc ? c > 0 : c < 0;
            return a < b;
        });
        return;
    }
    // numbers: one ascending sort of (key, index), the key negated for descending and
    // unavailable values (-1) last either way
    struct K { int64_t k; uint32_t i; };
    std::vector<K> keys(s.shown.size());
    for (size_t n = 0; n < s.shown.size(); ++n) {
        const int64_t k = sort_key(rows[s.shown[n]], col);
        keys[n] = K{k < 0 ? INT64_MAX : (desc ? -k : k), s.shown[n]};
    }
    std::sort(keys.begin(), keys.end(), [](const K& a, const K& b) { return a.k != b.k ? a.k < b.k : a.i < b.i; });
    for (size_t n = 0; n < keys.size(); ++n) s.shown[n] = keys[n].i;
}

// ---- [SECTION] Drawing helpers: right-aligned text, stacked bars, a row read out
void text_right(ImFont* f, float right, float y, ImU32 col, const std::string& s) {
    text_at(f, ImVec2(right - tsize(f, s).x, y), col, s);
}

// A stacked bar of the five components' points (out of 99), `w` wide.
void stacked_bar(const RankViewRow& r, ImVec2 p, float w, float h) {
    const Ui& u = ui();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), u.c.border, h * 0.5f);
    float x = p.x;
    for (int k = 0; k < 5; ++k) {
        if (r.points[k] <= 0) continue;
        const float seg = w * static_cast<float>(r.points_q[k]) / 990000.0f;
        const ImDrawFlags fl = x == p.x ? ImDrawFlags_RoundCornersLeft : ImDrawFlags_RoundCornersNone;
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(std::min(p.x + w, x + seg), p.y + h), u.c.comp[k], h * 0.5f, fl);
        x += seg;
    }
}

void announce_row(const RankView& v, const RankViewRow& r) {
    std::string s = "Rank " + std::to_string(r.rank) + ", " + handle_shown(v, r);
    if (!v.network(r).empty()) s += ", " + network_name(std::string(v.network(r)));
    s += ", score " + std::to_string(r.score) + " of 100. ";
    for (int k = 0; k < 5; ++k) {
        s += kCompLabel[k];
        s += r.points[k] < 0 ? std::string(" unavailable") : " " + std::to_string(r.points[k]) + " of " + std::to_string(r.max_points[k]);
        s += k < 4 ? ", " : ".";
    }
    js::announce(s);
}

// ---- [SECTION] The selected account's breakdown
void draw_detail(const RankView& v, const RankViewRow& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    card_title(ICON_PIE_CHART, "Breakdown");
    // rank pill + handle
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string pill = "#" + fmt_int(r.rank);
        const ImVec2 ps = tsize(f.small, pill);
        const float ph = f.heading->FontSize + u.rpx(4), pw = ps.x + u.rpx(16);
        dl->AddRectFilled(p, ImVec2(p.x + pw, p.y + ph), c.accent_soft, ph * 0.5f);
        text_at(f.small, ImVec2(p.x + u.rpx(8), p.y + (ph - ps.y) * 0.5f), c.accent, pill);
        text_at(f.heading, ImVec2(p.x + pw + u.rpx(10), p.y + u.rpx(2)), c.text,
                elide(f.heading, printable(f.heading, handle_shown(v, r)), w - pw - u.rpx(10)));
        ImGui::Dummy(ImVec2(w, ph));
    }
    gap(4);
    {
        std::string sub = network_shown(v, r);
        if (r.name_len) sub += "  \xC2\xB7  " + printable(f.small, std::string(v.name(r)));
        sub += "  \xC2\xB7  line " + fmt_int(static_cast<int64_t>(r.line)) + " of the roster";
        text(f.small, c.muted, sub, w);
    }
    gap(12);
    // score
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const std::string sc = std::to_string(r.score);
        text_at(f.number, p, c.text, sc);
        const float sx = p.x + tsize(f.number, sc).x + u.rpx(6);
        const float by = p.y + f.number->FontSize - f.small->FontSize - u.rpx(2);
        text_at(f.small, ImVec2(sx, by), c.muted, "/ 100");
        text_right(f.small, p.x + w, by, c.faint, "exact " + fixed_q(r.exact_q, 4));
        ImGui::Dummy(ImVec2(w, f.number->FontSize));
        gap(8);
        stacked_bar(r, ImGui::GetCursorScreenPos(), w, u.rpx(8));
        ImGui::Dummy(ImVec2(w, u.rpx(8)));
    }
    gap(14);
    for (int k = 0; k < 5; ++k) {
        const bool avail = r.points[k] >= 0;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddCircleFilled(ImVec2(p.x + u.rpx(5), p.y + f.strong->FontSize * 0.5f), u.rpx(5), avail ? c.comp[k] : c.faint);
        text_at(f.strong, ImVec2(p.x + u.rpx(18), p.y), avail ? c.text : c.muted, kCompLabel[k]);
        const std::string pts = avail ? std::to_string(r.points[k]) + " / " + std::to_string(r.max_points[k]) + " pts" : "unavailable";
        text_right(f.strong, p.x + w, p.y, avail ? c.text : c.faint, pts);
        ImGui::Dummy(ImVec2(w, f.strong->FontSize));
        gap(5);
        if (avail) {
            bar(ImGui::GetCursorScreenPos(), w, u.rpx(5), static_cast<float>(r.value_q[k]) / 1e6f, c.comp[k]);
            ImGui::Dummy(ImVec2(w, u.rpx(5)));
            gap(5);
            std::string m;
            switch (k) {
                case 0: m = fmt_int(r.followers) + " followers"; break;
                case 1: m = "h-index of reposts " + fmt_int(r.h_reshares) + " \xC2\xB7 " + fmt_int(r.reshared_posts) + " of " +
                            fmt_int(r.posts_with_reshares) + " posts reposted"; break;
                case 2: m = "h-index of reactions " + fmt_int(r.h_reactions); break;
                case 3: m = fmt_int(r.weeks_active) + " of 13 weeks active"; break;
                default: m = fmt_int(r.qualifying_replies) + " qualifying replies"; break;
            }
            text(f.small, c.muted, "value " + fixed_q(r.value_q[k], 6) + " \xC2\xB7 " + fixed_q(r.points_q[k], 4) + " points \xC2\xB7 " + m, w);
            text(f.small, c.faint, kFormula[k], w);
        } else {
            text(f.small, c.muted, std::string(kLacks[k]) + " Its points go to the other components.", w);
        }
        gap(k < 4 ? 12 : 16);
    }
    // the row's inputs as read
    ImGui::GetWindowDrawList()->AddLine(ImGui::GetCursorScreenPos(), ImVec2(ImGui::GetCursorScreenPos().x + w, ImGui::GetCursorScreenPos().y),
                                        c.border, std::max(1.0f, std::round(u.s)));
    gap(12);
    text(f.strong, c.text, "From the roster");
    gap(6);
    struct In { const char* label; int64_t v; };
    const In ins[] = {{"Followers", r.followers}, {"Posts", r.posts}, {"Likes received", r.likes},
                      {"Reposts received", r.reposts}, {"Replies received", r.replies_received}, {"Replies made", r.replies_made}};
    std::vector<std::string> missing;
    for (const auto& in : ins) {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_at(f.small, p, c.muted, in.label);
        std::string val = num_or_dash(in.v);
        if (in.v >= 0 && &in == &ins[3] && r.quotes >= 0) val += " (incl. " + fmt_int(r.quotes) + " quotes)";
        text_right(f.small, p.x + w, p.y, in.v < 0 ? c.faint : c.text, val);
        ImGui::Dummy(ImVec2(w, f.small->FontSize + u.rpx(3)));
        if (in.v < 0) missing.push_back(in.label);
    }
    {
        const ImVec2 p = ImGui::GetCursorScreenPos();
        text_at(f.small, p, c.muted, "Period");
        text_right(f.small, p.x + w, p.y, c.text, fmt_int(r.period_days) + " days");
        ImGui::Dummy(ImVec2(w, f.small->FontSize + u.rpx(3)));
    }
    if (!missing.empty()) {
        gap(6);
        std::string s = "Unavailable (not zero): ";
        for (size_t i = 0; i < missing.size(); ++i) s += (i ? ", " : "") + ascii_lower(missing[i]);
        text(f.small, c.faint, s + ".", w);
    }
}

// ---- [SECTION] The table
void draw_table(RankState& s, float w, float h, bool phone) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const RankView& v = *s.v;
    if (s.dirty) rebuild(s);

    // Column widths (CSS pixels); the handle column takes what is left (at least its width
    // here). The table scrolls sideways (rank and handle frozen) when it does not fit.
    // On a phone the network goes under the handle (one column less), so the score is seen
    // without scrolling sideways.
    const float wcol[kColCount] = {30, 104, 72, 84, 76, 48, 48, 48, 54, 60, 46};
    int colid[kColCount];
    int ncol = 0;
    for (int k = 0; k < kColCount; ++k)
        if (!(phone && k == kNetwork)) colid[ncol++] = k;
    const float cell_pad = u.rpx(5);
    float need = u.rpx(12);
    for (int i = 0; i < ncol; ++i) need += u.rpx(wcol[colid[i]]) + 2 * cell_pad;
    const bool scroll_x = need > w;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(cell_pad, 0));
    // no item spacing: a selected row's highlight covers exactly its row
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 0));
    ImGui::PushStyleColor(ImGuiCol_TableHeaderBg, ImGui::ColorConvertU32ToFloat4(with_alpha(c.text, u.dark ? 0.045f : 0.035f)));
    ImGui::PushStyleColor(ImGuiCol_TableRowBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_TableRowBgAlt, ImGui::ColorConvertU32ToFloat4(with_alpha(c.text, u.dark ? 0.025f : 0.02f)));
    ImGui::PushStyleColor(ImGuiCol_TableBorderLight, ImGui::ColorConvertU32ToFloat4(c.border));
    ImGui::PushStyleColor(ImGuiCol_TableBorderStrong, ImGui::ColorConvertU32ToFloat4(c.border));
    ImGui::PushStyleColor(ImGuiCol_Header, ImGui::ColorConvertU32ToFloat4(c.accent_soft));
    ImGui::PushStyleColor(ImGuiCol_HeaderHovered, ImGui::ColorConvertU32ToFloat4(with_alpha(c.accent, 0.10f)));
    ImGui::PushStyleColor(ImGuiCol_HeaderActive, ImGui::ColorConvertU32ToFloat4(with_alpha(c.accent, 0.22f)));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, u.rpx(10));
    // Sorting is the panel's own (a click on a header; the header is drawn here so its label
    // and arrow sit centred in the row): ImGui's sort specs would draw the arrow at the top.
    const ImGuiTableFlags tf = ImGuiTableFlags_ScrollY | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                               ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoSavedSettings | ImGuiTableFlags_PadOuterX |
                               (scroll_x ? ImGuiTableFlags_ScrollX : ImGuiTableFlags_None);
    const float row_h = u.rpx(phone ? 42 : 38), head_h = u.rpx(36);
    if (ImGui::BeginTable(phone ? "##ranking-phone" : "##ranking", ncol, tf, ImVec2(w, h))) {
        const char* names[kColCount] = {"#", "Handle", "Network", "Score", "Followers", "Posts",
                                        kCompShort[0], kCompShort[1], kCompShort[2], kCompShort[3], kCompShort[4]};
        for (int i = 0; i < ncol; ++i) {
            const int k = colid[i];
            const bool stretch = k == kHandle && !scroll_x;
            ImGui::TableSetupColumn(names[k], stretch ? ImGuiTableColumnFlags_WidthStretch : ImGuiTableColumnFlags_WidthFixed,
                                    stretch ? 1.0f : u.rpx(wcol[k]), static_cast<ImGuiID>(k));
        }
        ImGui::TableSetupScrollFreeze(scroll_x ? 2 : 0, 1);

        // header: labels in the small font, centred in the row; numbers right-aligned; the
        // sorted column's label in the text colour with an arrow
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers, head_h);
        for (int i = 0; i < ncol; ++i) {
            const int k = colid[i];
            if (!ImGui::TableSetColumnIndex(i)) continue;
            const ImVec2 a = ImGui::GetCursorScreenPos();
            const float cw = ImGui::GetContentRegionAvail().x;
            ImGui::PushID(k);
            ImGui::SetCursorScreenPos(ImVec2(a.x - cell_pad, a.y));  // the whole cell, padding included
            if (ImGui::InvisibleButton("##sort", ImVec2(std::max(1.0f, cw + 2 * cell_pad), head_h))) {
                if (s.sort_col == k) {
                    s.sort_desc = !s.sort_desc;
                } else {
                    s.sort_col = k;
                    s.sort_desc = !(k == kRank || k == kHandle || k == kNetwork);  // numbers: largest first
                }
                s.dirty = true;
                s.scroll_top = true;
                s.announce_sort = true;
            }
            const bool hov = ImGui::IsItemHovered();
            if (hov) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::PopID();
            const float ty = a.y + std::floor((head_h - f.small->FontSize) * 0.5f);
            const bool left = k == kHandle || k == kNetwork;
            const bool sorted = s.sort_col == k;
            const ImU32 col = sorted || hov ? c.text : c.muted;
            const std::string l = names[k];
            const float lw = tsize(f.small, l).x;
            const float lx = left ? a.x : a.x + cw - lw;
            text_at(f.small, ImVec2(lx, ty), col, l);
            if (k >= kComp0)
                ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(lx - u.rpx(7), ty + f.small->FontSize * 0.55f), u.rpx(3.5f), c.comp[k - kComp0]);
            if (sorted) {
                const char* arrow = s.sort_desc ? ICON_ARROW_DOWN : ICON_ARROW_UP;
                const float aw = tsize(f.small, arrow).x;
                const float ax = left ? lx + lw + u.rpx(5) : lx - aw - u.rpx(k >= kComp0 ? 16 : 5);
                text_at(f.small, ImVec2(ax, ty), c.accent, arrow);
            }
            if (k >= kComp0)
                tooltip(std::string(kCompLabel[k - kComp0]) + ": points (of the maximum shown in the breakdown). " + kDash +
                        " = unknown from the roster's columns: not counted, and given to no other component. Click to sort.");
            else if (k == kScore)
                tooltip("The influence score, 1 to 100, from the same formula as a personal export; the bar shows its five components. Click to sort.");
        }
        if (s.dirty) rebuild(s);
        if (s.scroll_top) {
            ImGui::SetScrollY(0);
            s.scroll_top = false;
        }

        ImDrawList* dl = ImGui::GetWindowDrawList();
        ImGuiListClipper clip;
        clip.Begin(static_cast<int>(s.shown.size()));  // the row height is measured on the first row
        while (clip.Step()) {
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const uint32_t idx = s.shown[static_cast<size_t>(i)];
                const RankViewRow& r = v.rows[idx];
                ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
                ImGui::TableSetColumnIndex(0);
                const float y = ImGui::GetCursorScreenPos().y;  // the row's top (no vertical cell padding)
                const bool sel = static_cast<int>(idx) == s.selected;
                ImGui::PushID(static_cast<int>(idx));
                if (ImGui::Selectable("##row", sel, ImGuiSelectableFlags_SpanAllColumns, ImVec2(0, row_h))) {
                    s.selected = static_cast<int>(idx);
                }
                // keyboard: the selection follows the focus (arrow keys)
                if (ImGui::IsItemFocused() && ImGui::GetIO().NavVisible && s.selected != static_cast<int>(idx)) s.selected = static_cast<int>(idx);
                ImGui::PopID();
                const float ty = y + std::floor((row_h - f.body->FontSize) * 0.5f);
                for (int ci = 0; ci < ncol; ++ci) {
                    const int k = colid[ci];
                    if (!ImGui::TableSetColumnIndex(ci)) continue;
                    const float x0 = ImGui::GetCursorScreenPos().x;
                    const float cw = ImGui::GetContentRegionAvail().x;
                    const float right = x0 + cw;
                    switch (k) {
                        case kRank: text_right(f.small, right, ty + u.rpx(1), c.muted, fmt_int(r.rank)); break;
                        case kHandle:
                            if (phone) {  // handle, and the network under it
                                const float hy = y + std::floor((row_h - f.body->FontSize - f.small->FontSize - u.rpx(2)) * 0.5f);
                                text_at(sel ? f.strong : f.body, ImVec2(x0, hy), c.text, elide(f.body, printable(f.body, handle_shown(v, r)), cw));
                                text_at(f.small, ImVec2(x0, hy + f.body->FontSize + u.rpx(2)), c.muted, elide(f.small, network_shown(v, r), cw));
                            } else {
                                text_at(sel ? f.strong : f.body, ImVec2(x0, ty), c.text,
                                        elide(f.body, printable(f.body, handle_shown(v, r)), cw));
                            }
                            break;
                        case kNetwork: text_at(f.small, ImVec2(x0, ty + u.rpx(1)), c.muted, elide(f.small, network_shown(v, r), cw)); break;
                        case kScore: {
                            const std::string sc = std::to_string(r.score);
                            const float bw = std::max(0.0f, cw - u.rpx(36));
                            stacked_bar(r, ImVec2(x0, y + std::floor((row_h - u.rpx(6)) * 0.5f)), bw, u.rpx(6));
                            text_right(f.strong, right, ty, c.text, sc);
                            break;
                        }
                        case kFollowers: text_right(f.body, right, ty, r.followers < 0 ? c.faint : c.text, num_or_dash(r.followers)); break;
                        case kPosts: text_right(f.body, right, ty, r.posts < 0 ? c.faint : c.text, num_or_dash(r.posts)); break;
                        default: {
                            const int p = r.points[k - kComp0];
                            text_right(f.body, right, ty, p < 0 ? c.faint : c.text, p < 0 ? std::string(kDash) : std::to_string(p));
                        }
                    }
                }
                (void)dl;
            }
        }
        if (s.shown.empty()) {
            ImGui::TableNextRow(ImGuiTableRowFlags_None, row_h);
            ImGui::TableSetColumnIndex(1);
            text_at(f.body, ImVec2(ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y + u.rpx(10)), c.muted,
                    "No handle matches \xE2\x80\x9C" + s.filter + "\xE2\x80\x9D");
            ImGui::Dummy(ImVec2(1, row_h));
        }
        ImGui::EndTable();
    }
    ImGui::PopStyleVar(3);
    ImGui::PopStyleColor(8);
}

// A card background behind [a, b] (drawn in channel 0 of a splitter by the caller).
void card_bg(ImDrawList* dl, ImVec2 a, ImVec2 b) {
    const Ui& u = ui();
    dl->AddRectFilled(a, b, u.c.surface, u.rpx(16));
    dl->AddRect(a, b, u.c.border, u.rpx(16), 0, std::max(1.0f, std::round(u.s)));
}

}  // namespace

// ---- [SECTION] The welcome screen's entry
float draw_rank_entry(float x0, float y, float w, bool measure) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Wide: the icon in a column of its own. Narrow (phones): the icon beside the heading and
    // the text and buttons across the whole card.
    const bool narrow = w / u.s < 520;
    const float pad = u.rpx(20), icon = u.rpx(narrow ? 34 : 40);
    const float head_x = x0 + pad + icon + u.rpx(narrow ? 12 : 14);
    const float tx = narrow ? x0 + pad : head_x, tw = x0 + w - pad - tx;
    static const char* kHead = "Rank an audience";
    static const char* kLine =
        "For businesses and teams: a CSV with one account per row \xE2\x80\x94 a handle column, plus followers, posts, likes"
        "\xE2\x80\xA6 when you have them. Every account is scored by the same formula and ranked.";
    const float line_h = f.small->CalcTextSizeA(f.small->FontSize, FLT_MAX, tw, kLine).y;
    const float btn_h = u.rpx(40), btn_w = u.rpx(240), link_w = u.rpx(180), link_h = u.rpx(34);
    const float head_h = narrow ? icon : f.strong->FontSize;
    const float buttons_h = narrow ? btn_h + u.rpx(6) + link_h : btn_h;
    const float h = pad + head_h + u.rpx(narrow ? 10 : 6) + line_h + u.rpx(16) + buttons_h + pad;
    if (measure) return h;
    const ImVec2 a(x0, y), b(x0 + w, y + h);
    dl->AddRectFilled(a, b, c.surface, u.rpx(18));
    dl->AddRect(a, b, c.border, u.rpx(18), 0, std::max(1.0f, std::round(u.s)));
    const ImVec2 cc(x0 + pad + icon * 0.5f, y + pad + icon * 0.5f);
    dl->AddCircleFilled(cc, icon * 0.5f, c.accent_soft, 40);
    {
        const ImVec2 is = tsize(f.strong, ICON_TROPHY);
        text_at(f.strong, ImVec2(cc.x - is.x * 0.5f, cc.y - is.y * 0.5f), c.accent, ICON_TROPHY);
    }
    float ty = y + pad;
    text_at(f.strong, ImVec2(head_x, narrow ? cc.y - f.strong->FontSize * 0.5f : ty), c.text, kHead);
    ty += head_h + u.rpx(narrow ? 10 : 6);
    dl->AddText(f.small, f.small->FontSize, ImVec2(std::floor(tx), std::floor(ty)), c.muted, kLine, nullptr, tw);
    ty += line_h + u.rpx(16);
    js::place("rank-open", std::floor(tx), std::floor(ty), std::min(btn_w, tw), btn_h, true);
    if (narrow) js::place("rank-sample", std::floor(tx - u.rpx(10)), std::floor(ty + btn_h + u.rpx(6)), link_w, link_h, true);
    else js::place("rank-sample", std::floor(tx + btn_w + u.rpx(12)), std::floor(ty + (btn_h - link_h) * 0.5f), link_w, link_h, true);
    return h;
}

bool rank_page_active() { return rank_state().v != nullptr && !state().work.active; }

// ---- [SECTION] The ranking page
bool draw_rank_page(AppState& st) {
    if (!rank_page_active()) return false;
    RankState& s = rank_state();
    const RankView& v = *s.v;
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float W = ImGui::GetWindowWidth(), H = ImGui::GetWindowHeight();
    const float css_w = W / u.s;
    const bool phone = css_w < 640;
    const bool side = css_w >= 1100;  // the breakdown beside the table (else below it)
    const float margin = u.rpx(css_w < 500 ? 14 : 28);
    const float content_w = std::min(W - 2 * margin, u.rpx(1400));
    const float x0 = std::floor(origin.x + (W - content_w) * 0.5f);

    // header: mark, wordmark, "Audience ranking · FILE"; the DOM toolbar at the right
    const float bar_h = header_bar(origin, W, x0, content_w, "rank-toolbar", s.toolbar_w, s.toolbar_h, 380,
                                   "Audience ranking \xC2\xB7 " + s.file);

    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + bar_h));
    ImGui::BeginChild("rankbody", ImVec2(W, H - bar_h), false, ImGuiWindowFlags_NoSavedSettings);
    const float top = ImGui::GetCursorScreenPos().y;
    float y = top + u.rpx(phone ? 14 : 22);
    ImDrawList* dl = ImGui::GetWindowDrawList();

    // errors of the last run (a roster that could not be read while this one is shown)
    if (!st.errors.empty()) {
        const float pad = u.rpx(14);
        float eh = pad * 2 + f.strong->FontSize;
        for (const auto& e : st.errors) eh += u.rpx(4) + tsize(f.small, e, content_w - 2 * pad - u.rpx(26)).y;
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + content_w, y + eh), with_alpha(c.bad, u.dark ? 0.12f : 0.09f), u.rpx(12));
        dl->AddRect(ImVec2(x0, y), ImVec2(x0 + content_w, y + eh), with_alpha(c.bad, 0.45f), u.rpx(12), 0, std::max(1.0f, std::round(u.s)));
        text_at(f.strong, ImVec2(x0 + pad, y + pad), c.bad, ICON_WARNING);
        text_at(f.strong, ImVec2(x0 + pad + u.rpx(26), y + pad), c.text, "This file could not be ranked");
        float ey = y + pad + f.strong->FontSize;
        for (const auto& e : st.errors) {
            ey += u.rpx(4);
            ImGui::SetCursorScreenPos(ImVec2(x0 + pad + u.rpx(26), ey));
            text(f.small, c.muted, e, content_w - 2 * pad - u.rpx(26));
            ey += tsize(f.small, e, content_w - 2 * pad - u.rpx(26)).y;
        }
        y += eh + u.rpx(14);
    }

    // title and summary
    text_at(f.heading, ImVec2(x0, y), c.text, "Audience ranking");
    y += f.heading->FontSize + u.rpx(8);
    {
        std::string sum = fmt_int(static_cast<int64_t>(v.rows.size())) + (v.rows.size() == 1 ? " account ranked" : " accounts ranked");
        if (v.skipped()) sum += " \xC2\xB7 " + fmt_int(static_cast<int64_t>(v.skipped())) + (v.skipped() == 1 ? " row skipped" : " rows skipped");
        if (!phone) sum += " \xC2\xB7 model " + v.model_version;
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        text(f.small, c.muted, sum, content_w);
        y = ImGui::GetItemRectMax().y + u.rpx(12);
    }

    // the roster's warnings, collapsible
    if (!v.warnings.empty()) {
        const float pad = u.rpx(12);
        const float head = f.strong->FontSize + 2 * pad;
        const std::string title = fmt_int(static_cast<int64_t>(v.warnings.size())) +
                                  (v.warnings.size() == 1 ? " warning about the roster" : " warnings about the roster");
        const float list_h = s.warnings_open ? std::min(u.rpx(180), static_cast<float>(v.warnings.size()) * (f.small->FontSize + u.rpx(6)) + u.rpx(8)) : 0;
        const float bh = head + (s.warnings_open ? list_h + pad : 0);
        dl->AddRectFilled(ImVec2(x0, y), ImVec2(x0 + content_w, y + bh), with_alpha(c.warn, u.dark ? 0.10f : 0.08f), u.rpx(12));
        dl->AddRect(ImVec2(x0, y), ImVec2(x0 + content_w, y + bh), with_alpha(c.warn, 0.40f), u.rpx(12), 0, std::max(1.0f, std::round(u.s)));
        ImGui::SetCursorScreenPos(ImVec2(x0, y));
        if (ImGui::InvisibleButton("##warnings", ImVec2(content_w, head))) s.warnings_open = !s.warnings_open;
        if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        text_at(f.strong, ImVec2(x0 + pad, y + pad), c.warn, ICON_WARNING);
        text_at(f.strong, ImVec2(x0 + pad + u.rpx(26), y + pad), c.text, title);
        const char* chev = s.warnings_open ? ICON_CHEVRON_DOWN : ICON_CHEVRON_RIGHT;
        const std::string hint = s.warnings_open ? "Hide" : "Show";
        const float hx = x0 + content_w - pad - tsize(f.small, hint).x;
        text_at(f.small, ImVec2(hx, y + pad + u.rpx(2)), c.accent, hint);
        text_at(f.small, ImVec2(hx - u.rpx(18), y + pad + u.rpx(2)), c.accent, chev);
        if (s.warnings_open) {
            ImGui::SetCursorScreenPos(ImVec2(x0 + pad + u.rpx(26), y + head));
            ImGui::BeginChild("##warnlist", ImVec2(content_w - 2 * pad - u.rpx(26), list_h), false, ImGuiWindowFlags_NoSavedSettings);
            ImGui::PushFont(f.small);
            ImGui::PushStyleColor(ImGuiCol_Text, c.muted);
            ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(0, u.rpx(6)));
            ImGuiListClipper wc;
            wc.Begin(static_cast<int>(v.warnings.size()));
            while (wc.Step())
                for (int i = wc.DisplayStart; i < wc.DisplayEnd; ++i) ImGui::TextUnformatted(v.warnings[static_cast<size_t>(i)].c_str());
            ImGui::PopStyleVar();
            ImGui::PopStyleColor();
            ImGui::PopFont();
            ImGui::EndChild();
        }
        y += bh + u.rpx(14);
    }

    // the filter field (a page input) and what is shown
    {
        if (s.dirty) rebuild(s);
        const float fw = std::min(content_w, u.rpx(320)), fh = u.rpx(38);
        js::place("rank-filter", x0, y, fw, fh, true);
        std::string shown = s.filter.empty() ? "Sorted by " : "Showing " + fmt_int(static_cast<int64_t>(s.shown.size())) + " of " +
                                                                   fmt_int(static_cast<int64_t>(v.rows.size())) + " \xC2\xB7 sorted by ";
        static constexpr const char* const col_names[kColCount] = {"rank", "handle", "network", "score", "followers", "posts",
                                                        "reach", "amplification", "engagement", "consistency", "conversation"};
        shown += col_names[s.sort_col];
        shown += s.sort_desc ? " (descending)" : " (ascending)";
        if (!phone) {
            shown += " \xC2\xB7 select a row for its breakdown";
            text_right(f.small, x0 + content_w, y + (fh - f.small->FontSize) * 0.5f, c.muted, elide(f.small, shown, content_w - fw - u.rpx(16)));
            y += fh + u.rpx(14);
        } else {
            y += fh + u.rpx(8);
            text_at(f.small, ImVec2(x0, y), c.muted, elide(f.small, shown, content_w));
            y += f.small->FontSize + u.rpx(10);
        }
    }

    // the table card and the breakdown card
    const float gapx = u.rpx(20);
    const float detail_w = side ? std::min(u.rpx(360), std::floor(content_w * 0.3f)) : content_w;
    const float table_w = side ? content_w - detail_w - gapx : content_w;
    const float visible_h = H - bar_h;
    const float footer_h = u.rpx(18) + f.small->FontSize + u.rpx(18);
    const float rest = top + visible_h - y - footer_h;
    const float table_h = side ? std::max(u.rpx(360), rest) : std::max(u.rpx(320), std::min(rest, visible_h * 0.62f));
    const float cpad = u.rpx(phone ? 6 : 10);
    if (s.selected >= static_cast<int>(v.rows.size())) s.selected = v.rows.empty() ? -1 : 0;

    ImDrawListSplitter sp;
    sp.Split(dl, 2);
    sp.SetCurrentChannel(dl, 1);
    ImGui::SetCursorScreenPos(ImVec2(x0 + cpad, y + cpad));
    draw_table(s, table_w - 2 * cpad, table_h - 2 * cpad, phone);
    float detail_y = side ? y : y + table_h + u.rpx(phone ? 12 : 20);
    const float dx = side ? x0 + table_w + gapx : x0;
    float detail_h = 0;
    if (s.selected >= 0 && !v.rows.empty()) {
        const float dpad = u.rpx(phone ? 18 : 22);
        const RankViewRow& r = v.rows[static_cast<size_t>(s.selected)];
        if (side) {
            // inset, so its scrollbar stays inside the card's rounded border
            const float inset = u.rpx(10);
            ImGui::SetCursorScreenPos(ImVec2(dx, detail_y + inset));
            ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(dpad, dpad - inset));
            ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, u.rpx(8));
            ImGui::BeginChild("##detail", ImVec2(detail_w - u.rpx(6), table_h - 2 * inset), ImGuiChildFlags_AlwaysUseWindowPadding,
                              ImGuiWindowFlags_NoSavedSettings);
            ImGui::PopStyleVar(2);
            draw_detail(v, r, detail_w - 2 * dpad - u.rpx(6));
            ImGui::Dummy(ImVec2(1, u.rpx(4)));
            ImGui::EndChild();
            detail_h = table_h;
        } else {
            ImGui::SetCursorScreenPos(ImVec2(dx + dpad, detail_y + dpad));
            ImGui::BeginGroup();
            draw_detail(v, r, detail_w - 2 * dpad);
            ImGui::EndGroup();
            detail_h = ImGui::GetItemRectMax().y - detail_y + dpad;
        }
    }
    sp.SetCurrentChannel(dl, 0);
    card_bg(dl, ImVec2(x0, y), ImVec2(x0 + table_w, y + table_h));
    if (detail_h > 0) card_bg(dl, ImVec2(dx, detail_y), ImVec2(dx + detail_w, detail_y + detail_h));
    sp.Merge(dl);
    y = side ? y + table_h : (detail_h > 0 ? detail_y + detail_h : y + table_h);

    // footer
    {
        y += u.rpx(18);
        const std::string foot = std::string("clout ") + CLOUT_VERSION + " \xC2\xB7 " + v.model_version +
                                 " \xC2\xB7 ranked in your browser, nothing uploaded";
        const std::string shown = elide(f.small, foot, content_w);
        text_at(f.small, ImVec2(std::floor(origin.x + (W - tsize(f.small, shown).x) * 0.5f), y), c.faint, shown);
        y += f.small->FontSize + u.rpx(18);
    }
    ImGui::SetCursorScreenPos(ImVec2(x0, y));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();

    if (s.announce_sort && !s.dirty) {
        s.announce_sort = false;
        static const char* const names[kColCount] = {"rank", "handle", "network", "score", "followers", "posts",
                                                    "reach", "amplification", "engagement", "consistency", "conversation"};
        js::announce(std::string("Sorted by ") + names[s.sort_col] + (s.sort_desc ? ", descending." : ", ascending."));
    }
    if (s.announce_filter && !s.dirty) {
        s.announce_filter = false;
        js::announce(s.filter.empty() ? "Filter cleared: all " + std::to_string(v.rows.size()) + " accounts shown."
                                      : std::to_string(s.shown.size()) + " of " + std::to_string(v.rows.size()) +
                                            " accounts match \u201C" + s.filter + "\u201D.");
    }
    // screen readers: a row chosen by the person is read out (the summary was announced by the page)
    if (s.selected != s.announced) {
        if (s.announced != -2 && s.selected >= 0) announce_row(v, v.rows[static_cast<size_t>(s.selected)]);
        s.announced = s.selected;
    }
    return true;
}

}  // namespace clout::web
