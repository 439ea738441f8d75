// The progress card while the worker reads: which file, bytes read of its size, entries and
// posts found so far, and Cancel (a real page button, #cancel: the worker is replaced).
#include <algorithm>
#include <cmath>

#include "bridge.h"
#include "dash.h"
#include "icons.h"
#include "panels.h"
#include "render_gl.h"

namespace clout::web {
using namespace dash;

void draw_progress(AppState& st) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    const Work& wk = st.work;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float W = ImGui::GetWindowWidth(), H = ImGui::GetWindowHeight();
    const float cw = std::min(W - u.rpx(32), u.rpx(520));
    const float ch = u.rpx(250);
    const ImVec2 a(std::floor(origin.x + (W - cw) * 0.5f), std::floor(origin.y + std::max(u.rpx(24), (H - ch) * 0.42f)));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    render::fill_rect(dl, a, ImVec2(a.x + cw, a.y + ch), c.surface, u.rpx(18));
    dl->AddRect(a, ImVec2(a.x + cw, a.y + ch), c.border, u.rpx(18), 0, std::max(1.0f, std::round(u.s)));
    const float pad = u.rpx(28), iw = cw - 2 * pad;
    float y = a.y + pad;
    draw_logo(dl, ImVec2(a.x + pad, y), u.rpx(28));
    const std::string head = wk.rank ? std::string("Ranking your audience")  // rank
                             : wk.file_count > 1 ? "Reading file " + std::to_string(wk.file_index + 1) + " of " + std::to_string(wk.file_count)
                             : wk.file_count == 1 ? "Reading your export" : "Scoring";
    text_at(f.heading, ImVec2(a.x + pad + u.rpx(40), y + u.rpx(2)), c.text, head);
    y += u.rpx(48);
    text_at(f.body, ImVec2(a.x + pad, y), c.muted, elide(f.body, wk.name.empty() ? "\xE2\x80\xA6" : wk.name, iw));
    y += f.body->FontSize + u.rpx(14);
    const float frac = wk.total > 0 ? static_cast<float>(wk.done / wk.total) : 0.0f;
    const float bh = u.rpx(10);
    dl->AddRectFilled(ImVec2(a.x + pad, y), ImVec2(a.x + pad + iw, y + bh), c.border, bh * 0.5f);
    if (frac > 0) {
        dl->AddRectFilled(ImVec2(a.x + pad, y), ImVec2(a.x + pad + std::max(bh, iw * std::min(frac, 1.0f)), y + bh), c.accent, bh * 0.5f);
    } else {  // indeterminate: a moving segment
        const float t = static_cast<float>(std::fmod(ImGui::GetTime() * 0.8, 1.0));
        const float sx = a.x + pad + (iw * 1.25f) * t - iw * 0.25f;
        dl->PushClipRect(ImVec2(a.x + pad, y), ImVec2(a.x + pad + iw, y + bh), true);
        dl->AddRectFilled(ImVec2(sx, y), ImVec2(sx + iw * 0.25f, y + bh), c.accent, bh * 0.5f);
        dl->PopClipRect();
        request_redraw(2);
    }
    y += bh + u.rpx(12);
    std::string line = format_bytes(wk.done) + " of " + format_bytes(wk.total);
    if (wk.total > 0) line += "  \xC2\xB7  " + std::to_string(static_cast<int>(std::floor(frac * 100))) + "%";
    text_at(f.small, ImVec2(a.x + pad, y), c.muted, line);
    const std::string posts = wk.rank ? std::string() : fmt_int(static_cast<int64_t>(wk.posts)) + " posts found";
    text_at(f.small, ImVec2(a.x + pad + iw - tsize(f.small, posts).x, y), c.text, posts);
    y += f.small->FontSize + u.rpx(26);
    js::place("cancel", a.x + pad, y, u.rpx(120), u.rpx(38), true);
    text_at(f.small, ImVec2(a.x + pad + u.rpx(136), y + (u.rpx(38) - f.small->FontSize) * 0.5f), c.faint,
            elide(f.small, std::string(ICON_LOCK "  Read here, in your browser"), iw - u.rpx(136)));
    static std::string announced;
    const std::string say = head + ": " + wk.name + ", " + (wk.total > 0 ? std::to_string(static_cast<int>(frac * 10) * 10) + "%" : "");
    if (say != announced) {
        announced = say;
        js::announce(say);
    }
}

}  // namespace clout::web
