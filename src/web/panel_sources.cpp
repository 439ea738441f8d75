// Sources: per export the network, account, counts, date range and what the export lacks;
// where the follower count is missing, a field to type it (a real page input, #followers,
// placed over the card: phone keyboards work), and where reactions are missing, fields for
// about how many reactions and reposts a post gets (#reactions-form). A missing signal
// reads as unknown, never as zero.
#include "bridge.h"
#include "dash.h"
#include "icons.h"
#include "panels.h"

namespace clout::web {
using namespace dash;

void panel_sources(AppState& st, const ReportData& r, float w) {
    const Ui& u = ui();
    const Palette& c = u.c;
    const Fonts& f = u.f;
    card_title(ICON_DATABASE, "Sources");
    bool followers_missing = false, supplied = false, reactions_missing = false, reactions_typed = false;
    int k = 0;
    for (const auto& s : r.j["sources"]) {
        if (k++) gap(12);
        std::string acc = str(s, "account");
        text(f.strong, c.text, network_name(str(s, "network")) + (acc.empty() ? "" : "  " + acc), w);
        text(f.small, c.faint, elide(f.small, str(s, "source") + " \xC2\xB7 " + str(s, "format"), w));
        gap(6);
        const json& cn = s["counts"];
        auto cnt = [&](const char* key) {
            const int64_t v = num(cn, key);
            return v < 0 ? std::string("unknown") : fmt_int(v);
        };
        text(f.small, c.muted, cnt("posts") + " posts \xC2\xB7 " + cnt("replies") + " replies \xC2\xB7 " + cnt("reposts") +
                                   " reposts \xC2\xB7 " + cnt("likes_given") + " likes given", w);
        text(f.small, c.muted, "Followers " + cnt("followers") + " \xC2\xB7 following " + cnt("following"), w);
        const std::string a = str(s, "first_post"), b = str(s, "last_post");
        if (!a.empty()) text(f.small, c.muted, "Posts from " + nice_date(a) + " to " + nice_date(b), w);
        if (s["lacks"].is_array() && !s["lacks"].empty()) {
            std::string l;
            for (const auto& x : s["lacks"]) l += (l.empty() ? "" : ", ") + x.get<std::string>();
            text(f.small, c.warn, "This export lacks: " + l + " (unknown: not counted, not zero)", w);
        }
        if (num(cn, "followers") < 0) followers_missing = true;
        if (num(s, "followers_supplied") >= 0) supplied = true;
        if (s.contains("lacks") && s["lacks"].is_array())
            for (const auto& x : s["lacks"])
                if (x.is_string() && x.get<std::string>() == "likes received") reactions_missing = true;
        if (s.contains("provenance") && s["provenance"].is_object())
            for (const auto& x : s["provenance"]["reactions"])
                if (x.is_string() && x.get<std::string>() == "typed") reactions_typed = true;
    }
    if (followers_missing || supplied) {
        gap(14);
        text(f.small, c.text, supplied ? "Follower count you gave (change it or clear it):"
                                       : "Your follower count is not in this export. Type it to score reach:", w);
        gap(6);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float fw = std::min(w, u.rpx(320)), fh = u.rpx(38);
        // hidden under the fixed header when scrolled up
        const float top = ImGui::GetWindowPos().y;
        js::place("followers-form", p.x, p.y, fw, fh, p.y >= top);
        ImGui::Dummy(ImVec2(w, fh));
    }
    // Reactions per post, for exports without reaction counts: engagement and amplification
    // are unknown until the person gives about how many a post gets (marked typed).
    if (reactions_missing || reactions_typed) {
        gap(14);
        text(f.small, c.text, reactions_typed ? "Reactions and reposts per post you gave (marked typed; change or clear them):"
                                              : "Reactions are not in this export, so engagement and amplification are unknown. "
                                                "About how many reactions and reposts does a post of yours get?", w);
        gap(6);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float fw = std::min(w, u.rpx(360)), fh = u.rpx(38);
        const float top = ImGui::GetWindowPos().y;
        js::place("reactions-form", p.x, p.y, fw, fh, p.y >= top);
        ImGui::Dummy(ImVec2(w, fh));
    }
    (void)st;
}

}  // namespace clout::web
