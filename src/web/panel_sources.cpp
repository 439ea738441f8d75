// Sources: per export the network, account, counts, date range and what the export lacks,
// then the files given that were not scored and why;
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
    bool followers_missing = false, supplied = false, fetchable = false, fetched = false;
    bool reactions_missing = false, reactions_typed = false;
    int k = 0;
    for (const auto& s : r.r.sources) {
        if (k++) gap(12);
        const std::string& acc = s.account;
        text(f.strong, c.text, network_name(s.network) + (acc.empty() ? "" : "  " + acc), w);
        text(f.small, c.faint, elide(f.small, s.source_name + " \xC2\xB7 " + s.format, w));
        // A Bluesky account is named by its profile's name (the repository has no handle);
        // its DID, the one stable id, comes from the source's note.
        for (const auto& n : s.notes) {
            const size_t k = n.find("its DID is did:");
            if (k != std::string::npos) text(f.small, c.faint, elide(f.small, n.substr(k + 11), w));
        }
        // Public counts fetched on request: where from and when, and what the fetch could not read.
        for (const auto& n : s.notes)
            if (n.rfind("Public counts fetched from ", 0) == 0 || n.rfind("Fetch: ", 0) == 0) text(f.small, c.warn, n, w);
        gap(6);
        auto cnt = [&](int64_t v) { return v < 0 ? std::string("unknown") : fmt_int(v); };
        text(f.small, c.muted, cnt(s.posts) + " posts \xC2\xB7 " + cnt(s.replies) + " replies \xC2\xB7 " + cnt(s.reposts) +
                                   " reposts \xC2\xB7 " + cnt(s.likes_given) + " likes given", w);
        text(f.small, c.muted, "Followers " + cnt(s.followers) + " \xC2\xB7 following " + cnt(s.following), w);
        if (s.first_post != 0)
            text(f.small, c.muted, "Posts from " + nice_time(s.first_post) + " to " + nice_time(s.last_post), w);
        if (!s.lacks.empty()) {
            std::string l;
            for (const auto& x : s.lacks) l += (l.empty() ? "" : ", ") + x;
            text(f.small, c.warn, "This export lacks: " + l + " (unknown: not counted, not zero)", w);
        }
        if (s.followers < 0) followers_missing = true;
        if (s.network == clout::Network::Bluesky || s.network == clout::Network::Mastodon) {
            fetchable = true;
            if (!s.fetched_host.empty() || s.fetched_day != 0) fetched = true;
        }
        if (s.followers_supplied >= 0) supplied = true;
        for (const auto& x : s.lacks)
            if (x == "likes received") reactions_missing = true;
        if (s.reactions_from & clout::prov_bit(clout::Provenance::Typed)) reactions_typed = true;
    }
    // Files given with these that were not scored (unrecognised, unreadable, or a media-only
    // part of an X archive), each with its reason: the run's per-file messages.
    if (!st.errors.empty()) {
        gap(14);
        text(f.strong, c.text, st.errors.size() == 1 ? "1 file not scored" : std::to_string(st.errors.size()) + " files not scored", w);
        for (const auto& e : st.errors) {
            gap(4);
            text(f.small, c.muted, e, w);
        }
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
    if (fetchable) fetch_entry(w, fetched);
}

}  // namespace clout::web
