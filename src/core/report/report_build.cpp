// The report built from a normalized activity (build_report, report.h): the score and its
// inputs, per network too, the trend and its changes, the statement of the last 30 days,
// the window's posts, topics, style and heatmap, the accounts engaged with, tips (each
// scored by re-running the engine) and warnings. The JSON is docs/REPORT.md; the model is
// docs/SCORING.md.
//
// Index of this file:
//   [SECTION] Per-post facts and the prepared activity (Prep)
//   [SECTION] One window's inputs (WindowStats)
//   [SECTION] Leave-one-out scores (LooCache)
//   [SECTION] Account names
//   [SECTION] Entry points: warning fixes, followers supplied, the default as-of day
//   [SECTION] build_report
//   [SECTION] build_report: combined score and its inputs
//   [SECTION] build_report: per network
//   [SECTION] build_report: trend and changes
//   [SECTION] build_report: activity statement, the last 30 days
//   [SECTION] build_report: sources, and the accounts engaged with
//   [SECTION] build_report: window posts (topics, top posts, style, heatmap)
//   [SECTION] build_report: engaged accounts (the whole exports)
//   [SECTION] build_report: tips
//   [SECTION] build_report: warnings
#include "report/report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <tuple>

#include "util/error.h"
#include "util/time.h"

namespace clout {

using namespace score_const;

namespace {

// ---- [SECTION] Per-post facts and the prepared activity (Prep)
constexpr int kW = kWindowDays;
constexpr uint32_t kAllNetworks = (1u << kNetworkCount) - 1;

struct Facts {
    bool published = false, react_known = false, resh_known = false, qualifying = false, reply_other = false;
    int64_t e = 0, r = 0;
};

// Everything the engine needs per account, and per post on demand.
struct Prep {
    const Activity& a;
    std::vector<uint8_t> react_known, resh_known;
    // Posts of the days [recent_lo, as_of], by day (then model order): every window the
    // report looks at besides the trend lies in there, so those passes skip the rest.
    int64_t recent_lo = 0;
    std::vector<uint32_t> recent;
    std::vector<int32_t> recent_day;
    std::vector<uint32_t> day_start;  // recent[day_start[d - recent_lo] ..] are the posts of day d
    std::vector<int64_t> day;     // day number of each post
    int64_t after = 0;            // posts dated after as_of
    // Per account: the follower count used and where it came from; the reaction and
    // reshare counts per post filled in where the export has none (-1 = the export's own
    // per-post counts, or unknown), and their provenance (prov_bit; 0 = unknown).
    std::vector<int64_t> fol, fill_e, fill_r;       // per post, in hundredths (shown in sources[].filled)
    std::vector<double> mean_e, mean_r;             // the same as means (insights need not be whole)
    std::vector<uint8_t> fol_from, e_from, r_from;
    std::vector<std::string> fetch_host;  // per account: the host public counts came from ("" = none)
    std::vector<int64_t> fetch_day;       // and the day they were read (0 = not known)
    std::vector<uint8_t> per_post_react;  // the export itself has reaction counts per post
    Prep(const Activity& act, int64_t as_of, int64_t lo, const std::vector<SuppliedSignals>& supplied)
        : a(act), recent_lo(lo) {
        const size_t na = a.accounts.size();
        const size_t nd = static_cast<size_t>(as_of - lo + 1);
        std::vector<uint32_t> off(nd + 1, 0);
        std::vector<int64_t> insight_posts(na, 0);  // published posts inside each account's insights range
        day.resize(a.posts.size());
        for (size_t i = 0; i < a.posts.size(); ++i) {
            const int64_t d = day_of(a.posts[i].time);
            day[i] = d;
            if (d >= lo && d <= as_of) ++off[static_cast<size_t>(d - lo) + 1];
            after += d > as_of;
            const Post& p = a.posts[i];
            const Insights& ins = a.accounts[p.account].insights;
            if (p.kind != PostKind::Repost && ins.present() && d >= ins.from_day && d <= ins.to_day) ++insight_posts[p.account];
        }
        for (size_t i = 0; i < na; ++i) {
            const Account& acc = a.accounts[i];
            const auto& s = acc.signals;
            const bool ex_react = s.likes_received || s.reposts_received || s.replies_received || s.quotes_received;
            const bool ex_resh = s.reposts_received || s.quotes_received;
            int64_t f = -1, e = -1, r = -1;
            double me = -1, mr = -1;
            uint8_t ff = 0, ef = ex_react ? prov_bit(Provenance::Export) : 0, rf = ex_resh ? prov_bit(Provenance::Export) : 0;
            if (acc.followers_supplied >= 0) {
                f = acc.followers_supplied;
                ff = prov_bit(Provenance::Typed);
            } else if (acc.followers >= 0) {
                f = acc.followers;
                ff = prov_bit(Provenance::Export);
            }
            // Public counts fetched on request (fetch/public_counts.h) are real per-post and
            // follower counts, joined to the activity: marked as fetched, not as the export's.
            std::string fhost;
            int64_t fday = 0;
            if (acc.fetched.at != 0) {
                fhost = acc.fetched.host;
                fday = day_of(acc.fetched.at);
                if (acc.fetched.followers && ff == prov_bit(Provenance::Export)) ff = prov_bit(Provenance::Fetched);
                if (acc.fetched.reactions) {
                    if (ef == prov_bit(Provenance::Export)) ef = prov_bit(Provenance::Fetched);
                    if (rf == prov_bit(Provenance::Export)) rf = prov_bit(Provenance::Fetched);
                }
            }
            for (const SuppliedSignals& sup : supplied) {
                const bool named = sup.network == static_cast<int>(acc.network);
                if (!named && sup.network != -1) continue;
                const uint8_t bit = prov_bit(sup.provenance);
                bool used = false;
                if (sup.followers >= 0 && (named || f < 0)) {
                    f = sup.followers;
                    ff = bit;
                    used = true;
                }
                // Typed means count to two decimals, so the page and the CLI score the same
                // number whatever digits were typed.
                if (sup.reactions_per_post >= 0 && std::isfinite(sup.reactions_per_post) && !ex_react) {
                    e = std::llround(std::min(sup.reactions_per_post, 1e12) * 100);
                    me = static_cast<double>(e) / 100;
                    ef = bit;
                    used = true;
                }
                if (sup.reshares_per_post >= 0 && std::isfinite(sup.reshares_per_post) && !ex_resh) {
                    r = std::llround(std::min(sup.reshares_per_post, 1e12) * 100);
                    mr = static_cast<double>(r) / 100;
                    rf = bit;
                    used = true;
                }
                // Fetched values handed in as signals name their host and day too.
                if (used && sup.provenance == Provenance::Fetched && !sup.host.empty() && fhost.empty()) {
                    fhost = sup.host;
                    fday = sup.day > 0 ? sup.day : 0;
                }
            }
            // The export's own insights: the follower count when nothing better is known,
            // and the interactions spread evenly over the posts of their range (an estimate).
            if (f < 0 && acc.insights.present() && acc.insights.followers >= 0) {
                f = acc.insights.followers;
                ff = prov_bit(Provenance::Insights);
            }
            if (!ex_react && e < 0 && acc.insights.present() && acc.insights.post_interactions >= 0 && insight_posts[i] > 0) {
                e = per_post_from_total(acc.insights.post_interactions, insight_posts[i]) * 100;  // shown whole
                me = static_cast<double>(acc.insights.post_interactions) / static_cast<double>(insight_posts[i]);
                ef = prov_bit(Provenance::Insights);
            }
            fol.push_back(f);
            fol_from.push_back(ff);
            fetch_host.push_back(std::move(fhost));
            fetch_day.push_back(fday);
            fill_e.push_back(e);
            fill_r.push_back(r);
            mean_e.push_back(me);
            mean_r.push_back(mr);
            e_from.push_back(ef);
            r_from.push_back(rf);
            react_known.push_back(ef != 0);
            per_post_react.push_back(ex_react);
            resh_known.push_back(rf != 0);
        }
        for (size_t i = 0; i < nd; ++i) off[i + 1] += off[i];
        day_start = off;
        recent.resize(off[nd]);
        recent_day.resize(off[nd]);
        for (uint32_t i = 0; i < a.posts.size(); ++i) {
            const int64_t d = day[i];
            if (d < lo || d > as_of) continue;
            const uint32_t k = off[static_cast<size_t>(d - lo)]++;
            recent[k] = i;
            recent_day[k] = static_cast<int32_t>(d - lo);
        }
    }
    // [begin, end) of the recent posts with a day in [lo, hi]
    std::pair<size_t, size_t> range(int64_t lo, int64_t hi) const {
        const auto b = std::lower_bound(recent_day.begin(), recent_day.end(), static_cast<int32_t>(std::max(lo, recent_lo) - recent_lo));
        const auto e = std::upper_bound(recent_day.begin(), recent_day.end(), static_cast<int32_t>(hi - recent_lo));
        return {static_cast<size_t>(b - recent_day.begin()), static_cast<size_t>(std::max(b, e) - recent_day.begin())};
    }
    Facts facts(const Post& p) const {
        Facts f;
        f.published = p.kind != PostKind::Repost;
        // A post of an account whose export records reactions, but with no count at all, is
        // one whose counts are unknown (a post the public API did not show when counts were
        // fetched): it is left out of the reaction counts, like a post of an export without them.
        const bool filled = mean_e[p.account] >= 0 || mean_r[p.account] >= 0;
        const bool counted = filled || p.likes >= 0 || p.reposts >= 0 || p.replies >= 0 || p.quotes >= 0;
        f.react_known = react_known[p.account] != 0 && counted;
        f.resh_known = resh_known[p.account] != 0 && counted;
        if (mean_e[p.account] >= 0 || mean_r[p.account] >= 0) {
            const double x = spread_factor(p);
            f.e = mean_e[p.account] >= 0 ? std::llround(mean_e[p.account] * x) : engagement_of(p);
            f.r = mean_r[p.account] >= 0 ? std::llround(mean_r[p.account] * x)
                                         : std::max<int64_t>(0, p.reposts) + std::max<int64_t>(0, p.quotes);
        } else {
            f.e = engagement_of(p);
            f.r = std::max<int64_t>(0, p.reposts) + std::max<int64_t>(0, p.quotes);
        }
        // Without reaction counts every published post qualifies (response cannot be seen).
        // A filled-in mean (typed, insights) qualifies a post by the same spread share that
        // feeds the h-index: about the share of posts a mean that size leaves with a reaction,
        // and none for a mean of 0 (the person says their posts get no response).
        const bool by_count = per_post_react[p.account] || mean_e[p.account] >= 0;
        f.qualifying = f.published && (!by_count || f.e >= score_const::kQualifyMinReactions);
        f.reply_other = p.kind == PostKind::Reply && p.reply_target != ReplyTarget::Self;
        return f;
    }
    // A filled-in mean m per post is spread over the posts as responses are: unevenly. Each
    // post gets m times a unit-mean exponential share, fixed by a hash of the post's id (the
    // same export always gives the same numbers, and a post keeps its share as the window
    // slides). The h-indexes then read a typical spread rather than m on every post, which
    // would cap them at m. Docs: SCORING.md §4.
    static double spread_factor(const Post& p) {
        char key[16];
        std::memcpy(key, &p.id, 8);
        std::memcpy(key + 8, &p.time, 8);
        const uint64_t h = hash64(std::string_view(key, sizeof key), 0x5eed5eedULL);
        const double u = (static_cast<double>(h >> 11) + 0.5) / 9007199254740992.0;  // (0, 1)
        return -det_ln(u);
    }
    uint32_t net_bit(const Post& p) const { return 1u << static_cast<int>(a.accounts[p.account].network); }
};

// ---- [SECTION] One window's inputs (WindowStats)
// One window's inputs plus what leave-one-out needs.
struct WindowStats {
    ScoreInputs in;
    ScoreCore core;
    std::array<int64_t, kWeeks> week_counts{};
    int64_t ge_h_reactions = 0, ge_h_reshares = 0;  // posts with at least h reactions / reshares
    int64_t end_day = 0;
};

int64_t median_of(std::vector<int64_t>& v) {
    if (v.empty()) return 0;
    size_t m = (v.size() - 1) / 2;  // lower median
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(m), v.end());
    return v[m];
}

std::vector<int64_t> top_desc(std::vector<int64_t> v) {
    size_t k = std::min(v.size(), static_cast<size_t>(kHCap));
    std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end(), std::greater<int64_t>());
    v.resize(k);
    return v;
}

// Inputs of the window ending at end_day, counting only posts in scope with a day in
// [lo_day, hi_day] (normally [end_day - 90, end_day]).
WindowStats window_stats(const Prep& P, uint32_t scope, int64_t end_day, int64_t lo_day, int64_t hi_day) {
    const Activity& a = P.a;
    WindowStats w;
    w.end_day = end_day;
    ScoreInputs& in = w.in;
    int64_t fol = -1;
    for (size_t i = 0; i < a.accounts.size(); ++i) {
        if (!(scope & (1u << static_cast<int>(a.accounts[i].network)))) continue;
        if (P.fol[i] >= 0) {
            fol = (fol < 0 ? 0 : fol) + P.fol[i];
            in.followers_from |= P.fol_from[i];
        }
        in.reactions_known |= P.react_known[i] != 0;
        in.reshares_known |= P.resh_known[i] != 0;
        in.reactions_from |= P.e_from[i];
        in.reshares_from |= P.r_from[i];
    }
    in.followers = fol;
    std::vector<int64_t> ev, rv;
    const int64_t start = end_day - (kW - 1);
    const auto [rb, re] = P.range(std::max(lo_day, start), std::min(hi_day, end_day));
    for (size_t k = rb; k < re; ++k) {
        const Post& p = a.posts[P.recent[k]];
        if (!(scope & P.net_bit(p))) continue;
        const int64_t d = P.recent_day[k] + P.recent_lo;
        const Facts f = P.facts(p);
        if (!f.published) continue;
        ++in.posts;
        if (f.react_known) {
            ++in.posts_with_reactions;
            in.reactions_total += f.e;
            ev.push_back(f.e);
        }
        if (f.resh_known) {
            ++in.posts_with_reshares;
            in.reshares_total += f.r;
            if (f.r >= 1) ++in.reshared_posts;
            rv.push_back(f.r);
        }
        if (f.reply_other) {
            ++in.replies;
            if (f.qualifying) ++in.qualifying_replies;
        }
        if (f.qualifying) ++w.week_counts[static_cast<size_t>((d - start) / 7)];
    }
    for (int64_t c : w.week_counts) in.weeks_active += c > 0;
    w.core = {};
    in.top_reactions = top_desc(ev);
    in.top_reshares = top_desc(rv);
    w.core = core_of(in);
    for (int64_t v : ev) w.ge_h_reactions += v >= w.core.h_reactions;
    for (int64_t v : rv) w.ge_h_reshares += v >= w.core.h_reshares;
    in.median_reactions = median_of(ev);
    in.median_reshares = median_of(rv);
    return w;
}

// ---- [SECTION] Leave-one-out scores (LooCache)
// The exact score of a window without one of its posts (leave-one-out), in O(1): the
// post can lower each of six counts by one at most, so at most 64 cores are scored.
struct LooCache {
    const WindowStats& w;
    std::array<int64_t, 64> memo;
    explicit LooCache(const WindowStats& ws) : w(ws) { memo.fill(-1); }
    int64_t exact_without(const Post& p, const Facts& f) {
        unsigned bits = 0;
        const ScoreCore& c = w.core;
        if (f.published) {
            if (f.react_known && c.h_reactions > 0 && f.e >= c.h_reactions && w.ge_h_reactions - 1 < c.h_reactions) bits |= 1;
            if (f.resh_known) {
                bits |= 2;
                if (f.r >= 1) bits |= 4;
                if (c.h_reshares > 0 && f.r >= c.h_reshares && w.ge_h_reshares - 1 < c.h_reshares) bits |= 8;
            }
            if (f.qualifying) {
                if (f.reply_other) bits |= 16;
                const int64_t start = w.end_day - (kW - 1);
                if (w.week_counts[static_cast<size_t>((day_of(p.time) - start) / 7)] == 1) bits |= 32;
            }
        }
        if (memo[bits] < 0) {
            ScoreCore x = c;
            x.h_reactions -= (bits & 1) != 0;
            x.posts_with_reshares -= (bits & 2) != 0;
            x.reshared_posts -= (bits & 4) != 0;
            x.h_reshares -= (bits & 8) != 0;
            x.qualifying_replies -= (bits & 16) != 0;
            x.weeks_active -= (bits & 32) != 0;
            memo[bits] = score_core(x).exact_q;
        }
        return memo[bits];
    }
};

// The daily trend of a scope in O(days + posts): per-day counts with prefix sums for
// the counts and the active weeks, a sliding 101-bucket histogram for the h-indexes.
std::vector<TrendPoint> daily_trend(const Prep& P, uint32_t scope, int64_t as_of, int days, int64_t followers,
                                    bool react_known, bool resh_known) {
    const Activity& a = P.a;
    const int64_t first = as_of - (days - 1) - (kW - 1);  // == P.recent_lo: the posts are bucketed by day already
    const size_t nd = static_cast<size_t>(days + kW - 1);
    std::vector<int64_t> q(nd + 1, 0), qr(nd + 1, 0), rp(nd + 1, 0), rsd(nd + 1, 0);
    const std::vector<uint32_t>& off = P.day_start;
    const size_t base = static_cast<size_t>(first - P.recent_lo);
    std::vector<int16_t> ev(P.recent.size(), -1), rv(P.recent.size(), -1);  // clamped to kHCap, -1 = unknown or out of scope
    for (size_t di = 0; di < nd; ++di) {
        for (uint32_t k = off[base + di]; k < off[base + di + 1]; ++k) {
            const Post& p = a.posts[P.recent[k]];
            if (!(scope & P.net_bit(p)) || p.kind == PostKind::Repost) continue;
            const Facts f = P.facts(p);
            if (f.react_known) ev[k] = static_cast<int16_t>(std::min<int64_t>(f.e, kHCap));
            if (f.resh_known) rv[k] = static_cast<int16_t>(std::min<int64_t>(f.r, kHCap));
            q[di + 1] += f.qualifying;
            qr[di + 1] += f.qualifying && f.reply_other;
            rp[di + 1] += f.resh_known;
            rsd[di + 1] += f.resh_known && f.r >= 1;
        }
    }
    for (size_t i = 0; i < nd; ++i) {
        q[i + 1] += q[i];
        qr[i + 1] += qr[i];
        rp[i + 1] += rp[i];
        rsd[i + 1] += rsd[i];
    }
    std::array<int64_t, kHCap + 1> he{}, hr{};
    auto add_day = [&](size_t di, int sign) {
        for (uint32_t k = off[base + di]; k < off[base + di + 1]; ++k) {
            if (ev[k] >= 0) he[static_cast<size_t>(ev[k])] += sign;
            if (rv[k] >= 0) hr[static_cast<size_t>(rv[k])] += sign;
        }
    };
    auto h_of = [](const std::array<int64_t, kHCap + 1>& h) {
        int64_t suffix = 0;
        for (int v = kHCap; v >= 1; --v) {
            suffix += h[static_cast<size_t>(v)];
            if (suffix >= v) return v;
        }
        return 0;
    };
    std::vector<TrendPoint> out;
    out.reserve(static_cast<size_t>(days));
    for (size_t di = 0; di + 1 < static_cast<size_t>(kW); ++di) add_day(di, +1);
    ScoreCore c;
    c.followers = followers;
    c.reactions_known = react_known;
    c.reshares_known = resh_known;
    for (size_t t = 0; t < static_cast<size_t>(days); ++t) {
        add_day(t + kW - 1, +1);
        c.h_reactions = h_of(he);
        c.h_reshares = h_of(hr);
        c.posts_with_reshares = rp[t + kW] - rp[t];
        c.reshared_posts = rsd[t + kW] - rsd[t];
        c.qualifying_replies = qr[t + kW] - qr[t];
        int weeks = 0;
        for (size_t i = 0; i < static_cast<size_t>(kWeeks); ++i) weeks += q[t + 7 * i + 7] > q[t + 7 * i];
        c.weeks_active = weeks;
        ScoreResult r = score_core(c);
        TrendPoint tp;
        tp.day = first + static_cast<int64_t>(t) + kW - 1;
        tp.score = r.score;
        tp.exact_q = r.exact_q;
        for (int i = 0; i < kComponentCount; ++i) tp.points[static_cast<size_t>(i)] = r.components[static_cast<size_t>(i)].points;
        out.push_back(tp);
        add_day(t, -1);
    }
    return out;
}

// ---- [SECTION] Account names
// The name people know an account by: its handle, else its display name (a Bluesky
// repository holds no handle, only the profile's name), else its id.
std::string account_name(const Account& acc) {
    if (!acc.handle.empty()) return acc.handle;
    if (!acc.display_name.empty()) return acc.display_name;
    return acc.id;
}

std::string networks_text(const std::vector<Network>& ns) {
    std::string s;
    for (size_t i = 0; i < ns.size(); ++i) {
        if (i) s += i + 1 == ns.size() ? " and " : ", ";
        s += network_label(ns[i]);
    }
    return s;
}

}  // namespace

// ---- [SECTION] Entry points: warning fixes, followers supplied, the default as-of day
std::string per_post_text(int64_t c) {
    std::string s = std::to_string(c / 100);
    if (c % 100 != 0) {
        s += '.' + std::to_string(c % 100 / 10);
        if (c % 10 != 0) s += std::to_string(c % 10);
    }
    return s;
}

std::string warning_fix_cli(const ReportWarning& w) {
    if (w.fix == "followers") return "Give your follower count with --followers N.";
    if (w.fix == "reactions")
        return "Give about how many reactions a post of yours gets with --reactions-per-post N (and reshares with "
               "--reshares-per-post N).";
    return "";
}

void supply_followers(Activity& a, int64_t followers) {
    bool any_missing = false;
    for (auto& acc : a.accounts) any_missing |= acc.followers < 0;
    for (auto& acc : a.accounts)
        if (!any_missing || acc.followers < 0) acc.followers_supplied = followers;
}

int64_t default_as_of_day(const Activity& a) {
    int64_t t = 0;
    for (const auto& acc : a.accounts) t = std::max(t, acc.export_time);
    if (t > 0) return day_of(t);
    bool any = false;
    for (const auto& p : a.posts) {
        if (!any || p.time > t) t = p.time;
        any = true;
    }
    for (const auto& i : a.interactions) {
        if (i.time == 0) continue;
        if (!any || i.time > t) t = i.time;
        any = true;
    }
    return any ? day_of(t) : kNoDay;
}

// ---- [SECTION] build_report
Report build_report(const Activity& a, const ReportOptions& opt) {
    Report R;
    R.model = model_version();
    const int64_t D = opt.as_of_day != kNoDay ? opt.as_of_day : default_as_of_day(a);
    if (D == kNoDay)
        throw InputError("nothing to score: the exports hold no dated posts and no export date (give --as-of YYYY-MM-DD)");
    R.as_of_day = D;
    const int days = std::max(opt.trend_days, 31);
    Prep P(a, D, D - (days - 1) - (kW - 1), opt.supplied);  // covers the trend and the statement's windows

    // ---- [SECTION] build_report: combined score and its inputs
    WindowStats now = window_stats(P, kAllNetworks, D, D - (kW - 1), D);
    R.inputs = now.in;
    R.result = score_inputs(R.inputs);

    // ---- [SECTION] build_report: per network
    std::vector<Network> nets;
    for (const auto& acc : a.accounts)
        if (std::find(nets.begin(), nets.end(), acc.network) == nets.end()) nets.push_back(acc.network);
    std::sort(nets.begin(), nets.end());
    for (Network n : nets) {
        NetworkScore ns;
        ns.network = n;
        ns.inputs = window_stats(P, 1u << static_cast<int>(n), D, D - (kW - 1), D).in;
        ns.result = score_inputs(ns.inputs);
        R.networks.push_back(std::move(ns));
    }

    // ---- [SECTION] build_report: trend and changes
    R.trend = daily_trend(P, kAllNetworks, D, days, R.inputs.followers, R.inputs.reactions_known, R.inputs.reshares_known);
    const auto& last = R.trend.back();
    auto back = [&](int n) -> const TrendPoint& { return R.trend[R.trend.size() - 1 - static_cast<size_t>(n)]; };
    R.d1 = last.score - back(1).score;
    R.d7 = last.score - back(7).score;
    R.d30 = last.score - back(30).score;
    for (size_t i = 0; i < static_cast<size_t>(kComponentCount); ++i) R.components_d30[i] = last.points[i] - back(30).points[i];

    // ---- [SECTION] build_report: activity statement, the last 30 days
    {
        ActivityStatement& st = R.statement;
        st.from_day = D - 30;
        st.to_day = D;
        WindowStats before = window_stats(P, kAllNetworks, D - 30, D - 30 - (kW - 1), D - 30);
        WindowStats stay_now = window_stats(P, kAllNetworks, D, D - (kW - 1), D - 30);
        WindowStats stay_then = window_stats(P, kAllNetworks, D - 30, D - (kW - 1), D - 30);
        const int s_a = score_core(stay_now.core).score, s_b = score_core(stay_then.core).score;
        st.entered_points = last.score - s_a;
        st.calendar_points = s_a - s_b;
        st.left_points = s_b - back(30).score;
        const int64_t base_now = score_core(now.core).exact_q, base_then = score_core(before.core).exact_q;
        LooCache cache_now(now), cache_then(before);
        for (uint32_t idx : P.recent) {
            const Post& p = a.posts[idx];
            const int64_t d = day_of(p.time);
            const bool entered = d > D - 30 && d <= D, left = d >= D - 30 - (kW - 1) && d < D - (kW - 1);
            if (!entered && !left) continue;
            const Facts f = P.facts(p);
            if (!f.published) continue;
            StatementPost sp;
            sp.network = a.accounts[p.account].network;
            sp.id = p.id;
            sp.id_kind = p.id_kind;
            sp.time = p.time;
            sp.kind = p.kind;
            sp.reactions = f.react_known && P.per_post_react[p.account] ? f.e : -1;
            if (entered) {
                ++st.entered_count;
                sp.points_q = base_now - cache_now.exact_without(p, f);
                st.entered.push_back(sp);
            } else {
                ++st.left_count;
                sp.points_q = -(base_then - cache_then.exact_without(p, f));
                st.left.push_back(sp);
            }
        }
        auto rank = [](std::vector<StatementPost>& v) {
            auto key = [](const StatementPost& s) { return s.points_q < 0 ? -s.points_q : s.points_q; };
            auto less = [&](const StatementPost& x, const StatementPost& y) {
                if (key(x) != key(y)) return key(x) > key(y);
                if (x.time != y.time) return x.time > y.time;
                return std::tie(x.network, x.id) < std::tie(y.network, y.id);
            };
            size_t k = std::min<size_t>(v.size(), 20);
            std::partial_sort(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(k), v.end(), less);
            v.resize(k);
        };
        rank(st.entered);
        rank(st.left);
        auto fill_snippets = [&](std::vector<StatementPost>& v) {
            for (auto& s : v) {
                Post key;
                key.id = s.id;
                // find the account of the network for the snippet key
                for (uint32_t i = 0; i < a.accounts.size(); ++i)
                    if (a.accounts[i].network == s.network) { key.account = i; break; }
                s.snippet = std::string(a.snippet(key));
            }
        };
        fill_snippets(st.entered);
        fill_snippets(st.left);
    }

    // ---- [SECTION] build_report: sources, and the accounts engaged with
    // (one pass over all posts)
    std::vector<std::array<int32_t, 5>> engaged(a.strings.size(), std::array<int32_t, 5>{});  // replies, mentions, reposts, quotes, likes
    {
        std::vector<SourceInfo> src(a.accounts.size());
        for (size_t i = 0; i < a.accounts.size(); ++i) {
            const Account& acc = a.accounts[i];
            SourceInfo& s = src[i];
            s.network = acc.network;
            s.format = acc.format;
            s.account = account_name(acc);
            s.source_name = acc.source_name;
            s.likes_given = acc.likes_given;
            s.followers = acc.followers;
            s.following = acc.following;
            s.followers_supplied = acc.followers_supplied;
            if (!acc.signals.likes_received) s.lacks.push_back("likes received");
            if (!acc.signals.reposts_received) s.lacks.push_back("reposts received");
            if (!acc.signals.replies_received) s.lacks.push_back("replies received");
            if (!acc.signals.quotes_received) s.lacks.push_back("quotes received");
            if (!acc.signals.followers || acc.followers < 0) s.lacks.push_back("follower count");
            if (!acc.signals.following || acc.following < 0) s.lacks.push_back("following count");
            s.notes = acc.notes;
            if (acc.network == Network::X && (acc.signals.likes_received || acc.signals.reposts_received))
                s.notes.push_back("Like and repost counts in an X archive are a snapshot taken when the archive was made: "
                                  "the trend's earlier days use those same counts.");
            s.followers_from = P.fol_from[i];
            s.reactions_from = P.e_from[i];
            s.reshares_from = P.r_from[i];
            s.reactions_per_post_filled_c = P.fill_e[i];
            s.reshares_per_post_filled_c = P.fill_r[i];
            s.fetched_host = P.fetch_host[i];
            s.fetched_day = P.fetch_day[i];
            auto by = [](uint8_t bits) {
                return bits == prov_bit(Provenance::Typed)     ? std::string("was typed in by you")
                       : bits == prov_bit(Provenance::Fetched) ? std::string("was fetched from the network's public counts")
                                                               : std::string("is an estimate from the export's insights (aggregates spread evenly over the posts of their range)");
            };
            if (P.fol_from[i] != prov_bit(Provenance::Export) && P.fol[i] >= 0) {
                if (P.fol_from[i] == prov_bit(Provenance::Typed))
                    s.notes.push_back("Follower count " + std::to_string(P.fol[i]) + " was supplied by you.");
                else if (P.fol_from[i] == prov_bit(Provenance::Insights))
                    s.notes.push_back("Follower count " + std::to_string(P.fol[i]) + " comes from the export's insights.");
                else
                    s.notes.push_back("Follower count " + std::to_string(P.fol[i]) + " was fetched from the network's public counts.");
            }
            if (P.fill_e[i] >= 0)
                s.notes.push_back("Reactions per post (" + per_post_text(P.fill_e[i]) + ") " + by(P.e_from[i]) +
                                  ": the export has no per-post reaction counts.");
            if (P.fill_r[i] >= 0)
                s.notes.push_back("Reshares per post (" + per_post_text(P.fill_r[i]) + ") " + by(P.r_from[i]) +
                                  ": the export has no per-post reshare counts.");
        }
        for (const Post& p : a.posts) {
            if (p.target_account) {
                if (p.kind == PostKind::Reply && p.reply_target != ReplyTarget::Self) ++engaged[p.target_account][0];
                else if (p.kind == PostKind::Repost) ++engaged[p.target_account][2];
                else if (p.kind == PostKind::Quote) ++engaged[p.target_account][3];
            }
            for (uint8_t k = 0; k < p.n_mentions; ++k) ++engaged[a.mentions(p)[k]][1];
            SourceInfo& s = src[p.account];
            if (p.kind == PostKind::Repost) ++s.reposts;
            else ++s.posts;
            if (p.kind == PostKind::Reply) ++s.replies;
            if (s.first_post == 0 || p.time < s.first_post) s.first_post = p.time;
            if (s.last_post == 0 || p.time > s.last_post) s.last_post = p.time;
        }
        R.sources = std::move(src);
    }

    // ---- [SECTION] build_report: window posts (topics, top posts, style, heatmap)
    const int64_t lo = D - (kW - 1);
    {
        // A term counts once per post (a hashtag and the same word as a keyword too);
        // t_last holds the last post (index + 1) that counted it.
        std::vector<int64_t> t_posts(a.strings.size(), 0), t_react(a.strings.size(), 0), t_weight(a.strings.size(), 0);
        std::vector<uint32_t> t_last(a.strings.size(), 0);
        std::vector<uint8_t> t_hash(a.strings.size(), 0);
        // The heatmap counts local hours of ReportOptions::zone; the window itself is UTC days.
        const TimeZone& zone = opt.zone;
        std::vector<TopPost> top;
        int64_t published = 0, reposts = 0, replies_other = 0;
        const auto [rb, re] = P.range(lo, D);
        for (size_t ri = rb; ri < re; ++ri) {
            const Post& p = a.posts[P.recent[ri]];
            const int64_t local = p.time + zone.offset_at(p.time);
            const int64_t d = day_of(local);
            const int64_t secs = local - d * kSecondsPerDay;
            const int64_t wd = ((d % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday; Monday = 0
            ++R.heatmap[static_cast<size_t>(wd)][static_cast<size_t>(secs / 3600)];
            const Facts f = P.facts(p);
            if (!f.published) {
                ++reposts;
                continue;
            }
            ++published;
            replies_other += f.reply_other;
            const int64_t e = f.react_known && P.per_post_react[p.account] ? f.e : 0;  // shown: real counts only
            // A post's weight grows with the log of its reactions: 1 + floor(log2(1 + e)), in
            // integers so that the ranking is the same natively and in wasm.
            int64_t w = 1;
            for (uint64_t v = static_cast<uint64_t>(e < 0 ? 0 : e) + 1; v > 1; v >>= 1) ++w;
            const auto mark = static_cast<uint32_t>(ri + 1);
            auto count = [&](StrId s) {
                if (t_last[s] == mark) return;
                t_last[s] = mark;
                ++t_posts[s];
                t_react[s] += e;
                t_weight[s] += w;
            };
            for (uint8_t k = 0; k < p.n_hashtags; ++k) {
                t_hash[a.hashtags(p)[k]] = 1;
                count(a.hashtags(p)[k]);
            }
            for (uint8_t k = 0; k < p.n_keywords; ++k) count(a.keywords(p)[k]);
            TopPost tp;
            tp.network = a.accounts[p.account].network;
            tp.id = p.id;
            tp.id_kind = p.id_kind;
            tp.time = p.time;
            tp.kind = p.kind;
            tp.likes = p.likes;
            tp.reposts = p.reposts;
            tp.replies = p.replies;
            tp.quotes = p.quotes;
            tp.reactions = e;
            auto better = [](const TopPost& x, const TopPost& y) {
                if (x.reactions != y.reactions) return x.reactions > y.reactions;
                if (x.time != y.time) return x.time > y.time;
                return std::tie(x.network, x.id) < std::tie(y.network, y.id);
            };
            if (top.size() < 10 || better(tp, top.back())) {
                tp.snippet = std::string(a.snippet(p));
                top.insert(std::upper_bound(top.begin(), top.end(), tp, better), tp);
                if (top.size() > 10) top.pop_back();
            }
        }
        R.heatmap_zone = zone.display_name();
        R.heatmap_abbreviations = zone_abbreviations(zone, lo * kSecondsPerDay, (D + 1) * kSecondsPerDay);
        R.heatmap_label = "Times in " + R.heatmap_zone;
        if (!(R.heatmap_abbreviations.size() == 1 && R.heatmap_abbreviations[0] == R.heatmap_zone)) {
            std::string abbrs;
            for (const auto& x : R.heatmap_abbreviations) abbrs += (abbrs.empty() ? "" : "/") + x;
            R.heatmap_label += " (" + abbrs + ")";
        }
        R.top_posts = std::move(top);
        // Topics (docs/REPORT.md): terms of at least 2 posts, ranked by their posts weighted by
        // response, so that what a person keeps posting about leads, not one viral post's words.
        std::vector<Topic> topics;
        for (StrId s = 1; s < a.strings.size(); ++s) {
            if (t_posts[s] < 2) continue;
            topics.push_back({std::string(a.strings.view(s)), t_hash[s] != 0, t_posts[s], t_react[s], t_weight[s]});
        }
        auto tless = [](const Topic& x, const Topic& y) {
            if (x.weight != y.weight) return x.weight > y.weight;
            if (x.posts != y.posts) return x.posts > y.posts;
            return x.term < y.term;
        };
        size_t k = std::min<size_t>(topics.size(), 10);
        std::partial_sort(topics.begin(), topics.begin() + static_cast<std::ptrdiff_t>(k), topics.end(), tless);
        topics.resize(k);
        R.topics = std::move(topics);

        // style (docs/SCORING.md, "Style")
        Style& st = R.style;
        const double creating = published + reposts > 0 ? static_cast<double>(published) / static_cast<double>(published + reposts) : 0;
        const double conversing = published > 0 ? static_cast<double>(replies_other) / static_cast<double>(published) : 0;
        st.creating_share = static_cast<double>(std::llround(creating * 1e4)) / 1e4;
        st.conversation_share = static_cast<double>(std::llround(conversing * 1e4)) / 1e4;
        const auto& eng = R.result[ComponentId::Engagement];
        st.high_response = eng.available && eng.value_q >= 500000;
        st.response = !eng.available ? "unknown" : st.high_response ? "strong" : "modest";
        struct Cell { const char* id; const char* label; const char* desc; };
        static const Cell cells[8] = {
            {"broadcaster", "Broadcaster", "Mostly your own posts, few replies; your posts get a modest response."},
            {"thought_leader", "Thought leader", "Mostly your own posts, few replies; your posts get a strong response."},
            {"conversationalist", "Conversationalist", "Your own posts with many replies to others; a modest response."},
            {"pundit", "Pundit", "Your own posts with many replies to others; a strong response."},
            {"curator", "Curator", "Mostly sharing others' posts; a modest response to your own."},
            {"tastemaker", "Tastemaker", "Mostly sharing others' posts; a strong response to your own."},
            {"socializer", "Socializer", "Sharing others' posts and replying a lot; a modest response."},
            {"networker", "Networker", "Sharing others' posts and replying a lot; a strong response."},
        };
        if (published + reposts < 5) {
            st.id = "observer";
            st.label = "Observer";
            st.description = "Fewer than 5 posts or reposts in the window: mostly reading.";
        } else if (!eng.available) {
            // Response cannot be seen: the style names only what is known, and says so.
            static const Cell unknown_cells[4] = {
                {"broadcaster", "Broadcaster", "Mostly your own posts, few replies; how people respond is not in these exports."},
                {"conversationalist", "Conversationalist", "Your own posts with many replies to others; how people respond is not in these exports."},
                {"curator", "Curator", "Mostly sharing others' posts; how people respond is not in these exports."},
                {"socializer", "Socializer", "Sharing others' posts and replying a lot; how people respond is not in these exports."},
            };
            const int idx = (creating < 0.5 ? 2 : 0) + (conversing >= 0.4 ? 1 : 0);
            st.id = unknown_cells[idx].id;
            st.label = unknown_cells[idx].label;
            st.description = unknown_cells[idx].desc;
        } else {
            const int idx = (creating < 0.5 ? 4 : 0) + (conversing >= 0.4 ? 2 : 0) + (st.high_response ? 1 : 0);
            st.id = cells[idx].id;
            st.label = cells[idx].label;
            st.description = cells[idx].desc;
        }
    }

    // ---- [SECTION] build_report: engaged accounts (the whole exports)
    {
        std::vector<uint8_t> own(a.strings.size(), 0);
        for (const auto& ac : a.accounts) {
            for (const std::string& h : {ac.handle, ac.id}) {
                if (h.empty()) continue;
                std::string l;
                for (char c : h) l += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
                if (!l.empty() && l[0] == '@') l.erase(0, 1);
                StrId s = a.strings.find(l);
                if (s) own[s] = 1;
                s = a.strings.find(h);
                if (s) own[s] = 1;
            }
        }
        for (const auto& i : a.interactions)
            if (i.kind == InteractionKind::Like && i.target_account) ++engaged[i.target_account][4];
        std::vector<EngagedAccount> out;
        for (StrId s = 1; s < a.strings.size(); ++s) {
            const auto& c = engaged[s];
            if (own[s] || c[0] + c[1] + c[2] + c[3] + c[4] == 0) continue;
            EngagedAccount e;
            e.account = std::string(a.strings.view(s));
            e.replies = c[0];
            e.mentions = c[1];
            e.reposts = c[2];
            e.quotes = c[3];
            e.likes = c[4];
            out.push_back(std::move(e));
        }
        auto less = [](const EngagedAccount& x, const EngagedAccount& y) {
            if (x.total() != y.total()) return x.total() > y.total();
            return x.account < y.account;
        };
        size_t k = std::min<size_t>(out.size(), 10);
        std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(k), out.end(), less);
        out.resize(k);
        R.engaged_accounts = std::move(out);
    }

    // ---- [SECTION] build_report: tips
    // Each one scored by re-running the engine on changed inputs.
    {
        struct Cand { const char* id; std::string text; WhatIfParams p; bool applicable; };
        std::vector<Cand> cands;
        const ScoreInputs& in = R.inputs;
        WhatIfParams p;
        p.weeks_active = kWeeks;
        cands.push_back({"every_week", std::string(in.reactions_known ? "Post something that gets a reaction in every week"
                                                                      : "Post in every week") +
                                           ": you were active in " + std::to_string(in.weeks_active) +
                                           " of the last 13 weeks.",
                         p, in.weeks_active < kWeeks});
        p = {};
        p.replies_factor = 2.0;
        cands.push_back({"reply_more", "Reply to others twice as often (" + std::to_string(in.replies) +
                                           " replies to others in the last 91 days).",
                         p, in.replies_known && in.replies > 0});
        p = {};
        p.reactions_factor = 1.5;
        cands.push_back({"more_response", "Write posts that draw 50% more reactions and reposts (ask questions, share "
                                          "what worked for your top posts).",
                         p, in.reactions_known && in.posts_with_reactions > 0});
        p = {};
        p.posts_factor = 2.0;
        cands.push_back({"post_more", in.reactions_known ? "Publish twice as often, at the reaction level of your typical post (median " +
                                                               std::to_string(in.median_reactions) + ")."
                                                         : std::string("Publish twice as often."),
                         p, in.posts > 0});
        p = {};
        p.followers = in.followers < 0 ? -1 : in.followers + std::max<int64_t>(100, in.followers / 4);
        cands.push_back({"grow_audience", "Grow your followers by a quarter (to " + std::to_string(p.followers) + ").", p,
                         in.followers >= 0});
        p = {};
        p.posts_factor = 0.5;
        cands.push_back({"focus", "Post half as much and keep your best half: the share of posts that get reshared "
                                  "goes up.",
                         p, in.posts >= 4 && in.reshares_known});
        p = {};
        p.reactions_factor = 2.0;
        cands.push_back({"double_response", "Double the reactions per post, e.g. by posting when your audience is "
                                            "online (see the activity heatmap) and answering replies.",
                         p, in.reactions_known && in.posts_with_reactions > 0});
        if (in.replies == 0 && in.replies_known) {
            WhatIfParams q;  // applied below: 13 replies that get a reaction
            cands.push_back({"start_conversations",
                             "Start conversations: reply to someone once a week (13 replies in the window).", q, true});
        }
        std::vector<Tip> tips;
        for (auto& c : cands) {
            if (!c.applicable) continue;
            ScoreResult r;
            if (std::string(c.id) == "start_conversations") {
                ScoreInputs x = in;
                x.replies = 13;
                x.qualifying_replies = 13;
                r = score_inputs(x);
            } else {
                r = apply_what_if(in, c.p);
            }
            Tip t;
            t.id = c.id;
            t.text = c.text;
            t.params = c.p;
            t.points = r.score - R.result.score;
            t.points_q = r.exact_q - R.result.exact_q;
            tips.push_back(std::move(t));
        }
        // Best first; tips that would not add anything are dropped unless fewer than 3 remain.
        std::stable_sort(tips.begin(), tips.end(), [](const Tip& x, const Tip& y) { return x.points_q > y.points_q; });
        size_t keep = 0;
        while (keep < tips.size() && tips[keep].points_q > 0) ++keep;
        keep = std::min(tips.size(), std::max<size_t>(keep, 3));
        if (keep > 5) keep = 5;
        tips.resize(keep);
        R.tips = std::move(tips);
    }

    // ---- [SECTION] build_report: warnings
    // Data (code, words, fix), worded for the front ends by each of them.
    {
        auto add = [&](const char* code, std::string text, const char* fix, std::vector<Network> ns = {}) {
            ReportWarning w;
            w.code = code;
            w.text = std::move(text);
            w.fix = fix;
            w.networks = std::move(ns);
            R.warning_details.push_back(std::move(w));
        };
        for (const auto& w : a.warnings) add("import", w, "");
        const auto& c = R.result;
        if (c.partial()) {
            std::string names;
            int n = 0;
            for (const auto& comp : c.components)
                if (!comp.available) {
                    if (n++) names += ", ";
                    names += component_id(comp.id);
                }
            add("partial", "The score is partial: " + std::to_string(c.unmeasured_points()) +
                               " of its 100 points (" + names + ") could not be measured from these exports and count as none, "
                               "not as low.", "");
        }
        std::vector<Network> no_fol, no_react, typed_react, insight_react;
        for (Network n : nets) {
            bool fol = false, react = false, typed = false, est = false;
            for (size_t i = 0; i < a.accounts.size(); ++i) {
                if (a.accounts[i].network != n) continue;
                fol |= P.fol[i] >= 0;
                react |= P.react_known[i] != 0;
                typed |= (P.e_from[i] | P.r_from[i]) & (prov_bit(Provenance::Typed) | prov_bit(Provenance::Fetched));
                est |= (P.e_from[i] & prov_bit(Provenance::Insights)) != 0;
            }
            if (!fol) no_fol.push_back(n);
            if (!react) no_react.push_back(n);
            if (typed) typed_react.push_back(n);
            if (est) insight_react.push_back(n);
        }
        if (!no_fol.empty())
            add("no_followers",
                "The " + networks_text(no_fol) + " export has no follower count: " +
                    (c[ComponentId::Reach].available ? std::string("reach uses the other exports' counts.")
                                                     : std::string("reach (25 points) is unknown until you give the count.")),
                "followers", no_fol);
        if (!no_react.empty())
            add("no_reactions",
                "The " + networks_text(no_react) + " export records no reactions to your posts: " +
                    (c[ComponentId::Engagement].available
                         ? std::string("engagement and amplification use the other exports' posts")
                         : std::string("engagement (34 points) and amplification (20 points) are unknown until you give "
                                       "about how many reactions a post gets")) +
                    "; its posts count for consistency and conversation as they are.",
                "reactions", no_react);
        if (!typed_react.empty())
            add("supplied_reactions", "Reactions on the " + networks_text(typed_react) +
                                          " posts are the per-post numbers you gave, not counts from the export.",
                "", typed_react);
        if (!insight_react.empty())
            add("insights_estimate", "Reactions on the " + networks_text(insight_react) +
                                         " posts are an estimate from the export's insights (its totals spread evenly "
                                         "over the posts of their range), not per-post counts.",
                "", insight_react);
        if (R.inputs.followers >= 0)
            add("followers_constant", "Exports hold one follower count, not its history: the trend holds reach constant.", "");
        if (R.inputs.posts == 0)
            add("no_posts", "No posts in the 91 days up to " + format_day(D) +
                                ": without posts the score is at most the base point plus reach.", "");
        if (P.after > 0)
            add("posts_after", std::to_string(P.after) + " posts dated after " + format_day(D) + " are left out of the score.", "");
        for (const auto& w : R.warning_details) R.warnings.push_back(w.text);
    }
    return R;
}

}  // namespace clout
