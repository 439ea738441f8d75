// Public counts on request (fetch/public_counts.h, docs/FETCH.md): the plan shown before
// anything is sent, the requests to Bluesky's and Mastodon's public APIs one at a time,
// their answers read (rate limits, errors, pages), and the counts joined to the activity.
// Pure: no I/O, no clock; the CLI and the page's worker drive it.
//
// Index of this file:
//   [SECTION] JSON and HTTP helpers
//   [SECTION] The posts asked about
//   [SECTION] Entry points: URLs, rate-limit waits, the plan
//   [SECTION] PublicCountsFetcher: the requests in turn
//   [SECTION] PublicCountsFetcher: the answers
//   [SECTION] The counts joined to the activity (apply_public_counts)
#include "fetch/public_counts.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "util/time.h"

namespace clout {

namespace {

using json = nlohmann::json;

// ---- [SECTION] JSON and HTTP helpers
constexpr size_t kBlueskyBatch = 25;  // app.bsky.feed.getPosts takes at most 25 URIs
constexpr int kMastodonPage = 40;     // the statuses endpoint's largest page

std::string lower(std::string_view s) {
    std::string o(s);
    for (auto& c : o) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return o;
}

const std::string* header(const std::vector<std::pair<std::string, std::string>>& h, std::string_view name) {
    for (const auto& kv : h)
        if (lower(kv.first) == name) return &kv.second;
    return nullptr;
}

// A non-negative integer that fits a count, from a JSON number (or a string of digits, as
// some servers send): false when it is anything else.
bool count_of(const json& j, const char* key, int32_t& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return false;
    int64_t v = -1;
    if (it->is_number_unsigned()) v = static_cast<int64_t>(std::min<uint64_t>(it->get<uint64_t>(), INT32_MAX));
    else if (it->is_number_integer()) v = it->get<int64_t>();
    else if (it->is_string()) {
        const std::string& s = it->get_ref<const std::string&>();
        if (s.empty() || s.size() > 10 || s.find_first_not_of("0123456789") != std::string::npos) return false;
        v = std::stoll(s);
    } else
        return false;
    if (v < 0) return false;
    out = static_cast<int32_t>(std::min<int64_t>(v, INT32_MAX));
    return true;
}

bool count64_of(const json& j, const char* key, int64_t& out) {
    int32_t v = -1;
    if (!count_of(j, key, v)) return false;
    out = v;
    return true;
}

std::string str_of(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "https://host/users/NAME" / "user@host" -> the parts the Mastodon API needs.
bool mastodon_account(const Account& acc, std::string& user, std::string& host) {
    const std::string& h = acc.handle;
    const size_t at = h.rfind('@');
    if (at == std::string::npos || at == 0 || at + 1 >= h.size()) return false;
    user = h.substr(h[0] == '@' ? 1 : 0, at - (h[0] == '@' ? 1 : 0));
    host = lower(h.substr(at + 1));
    if (user.empty() || host.find_first_of("/?# ") != std::string::npos) return false;
    return true;
}

const char* kMonths[12] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

// "Wed, 21 Oct 2015 07:28:00 GMT" -> unix seconds
bool parse_http_date(std::string_view s, int64_t& out) {
    int d = 0, y = 0, hh = 0, mm = 0, ss = 0;
    char mon[4] = {};
    char wd[4] = {};
    std::string str(s);
    if (std::sscanf(str.c_str(), "%3s, %d %3s %d %d:%d:%d", wd, &d, mon, &y, &hh, &mm, &ss) != 7) return false;
    int m = -1;
    for (int i = 0; i < 12; ++i)
        if (lower(mon) == kMonths[i]) m = i + 1;
    if (m < 0 || d < 1 || d > 31 || y < 1970 || y > 9999 || hh > 23 || mm > 59 || ss > 60) return false;
    char iso[40];
    std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d, hh, mm, ss);
    return parse_iso8601(iso, out);
}

// ---- [SECTION] The posts asked about
// A published post of the account, dated in the period, with an id the network's API knows
// (a Bluesky record key, a Mastodon status number): one whose counts are asked for.
bool asked_about(const Post& post, uint32_t account, Network network, const FetchOptions& opt) {
    if (post.account != account || post.kind == PostKind::Repost) return false;
    const int64_t d = day_of(post.time);
    if (d < opt.from_day || d > opt.to_day) return false;
    if (network == Network::Bluesky) return post.id_kind == IdKind::Tid;
    if (network == Network::Mastodon) return post.id_kind == IdKind::Decimal;
    return false;
}

}  // namespace

// ---- [SECTION] Entry points: URLs, rate-limit waits, the plan
std::string url_encode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string o;
    o.reserve(s.size() * 3);
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') o += static_cast<char>(c);
        else {
            o += '%';
            o += hex[c >> 4];
            o += hex[c & 15];
        }
    }
    return o;
}

double rate_limit_wait(const std::vector<std::pair<std::string, std::string>>& headers, double now) {
    if (const std::string* ra = header(headers, "retry-after")) {
        const std::string& v = *ra;
        if (!v.empty() && v.size() < 10 && v.find_first_not_of("0123456789") == std::string::npos)
            return static_cast<double>(std::stoll(v));
        int64_t t = 0;
        if (parse_http_date(v, t)) return std::max(0.0, static_cast<double>(t) - now);
    }
    for (const char* name : {"ratelimit-reset", "x-ratelimit-reset"}) {
        const std::string* rs = header(headers, name);
        if (!rs) continue;
        const std::string& v = *rs;
        if (!v.empty() && v.size() < 14 && v.find_first_not_of("0123456789") == std::string::npos) {
            const double n = static_cast<double>(std::stoll(v));
            // a unix time (Bluesky) or, from servers that follow the IETF draft, seconds from now
            return n > 1e9 ? std::max(0.0, n - now) : n;
        }
        int64_t t = 0;
        if (parse_iso8601(v, t)) return std::max(0.0, static_cast<double>(t) - now);  // Mastodon
    }
    return -1;
}

FetchPlan public_counts_plan(const Activity& a, uint32_t account, const FetchOptions& opt) {
    FetchPlan p;
    if (account >= a.accounts.size()) {
        p.why_not = "no such account";
        return p;
    }
    const Account& acc = a.accounts[account];
    p.network = acc.network;
    int64_t n = 0;
    for (const auto& post : a.posts) n += asked_about(post, account, acc.network, opt);
    p.post_ids = n;
    if (acc.network == Network::Bluesky) {
        if (acc.id.rfind("did:", 0) != 0) {
            p.why_not = "the export does not name the account's DID";
            return p;
        }
        p.host = kBlueskyPublicHost;
        p.actor = acc.id;
        p.base_url = opt.api_base.empty() ? "https://" + p.host : opt.api_base;
        p.sent = {"your DID (" + acc.id + "), to read your profile's follower count",
                  "the addresses (at:// URIs) of your " + std::to_string(n) +
                      " published posts of the period, 25 a request, to read their like, repost, reply and quote counts"};
    } else if (acc.network == Network::Mastodon) {
        std::string user, host;
        if (!mastodon_account(acc, user, host)) {
            p.why_not = "the export does not name the account's server";
            return p;
        }
        p.host = host;
        p.actor = user;
        p.base_url = opt.api_base.empty() ? "https://" + host : opt.api_base;
        p.sent = {"your account name (" + user + ") on its own server, to read your follower count",
                  "requests for your public posts, newest first, 40 a page, until the " + std::to_string(n) +
                      " published posts of the period are covered, to read their favourite, boost and reply counts"};
    } else {
        p.why_not = std::string("public counts are fetched for Bluesky and Mastodon only, not ") + network_label(acc.network);
        return p;
    }
    p.possible = true;
    return p;
}

PublicCountsFetcher::PublicCountsFetcher(const Activity& a, uint32_t account, FetchOptions opt)
    : opt_(std::move(opt)), plan_(public_counts_plan(a, account, opt_)) {
    out_.network = plan_.network;
    out_.host = plan_.host;
    out_.actor = plan_.actor;
    if (!plan_.possible) {
        step_ = Step::Done;
        out_.warnings.push_back("public counts cannot be fetched: " + plan_.why_not);
        return;
    }
    struct W { int64_t time; uint64_t id; };
    std::vector<W> w;
    for (const auto& post : a.posts)
        if (asked_about(post, account, plan_.network, opt_)) w.push_back({post.time, post.id});
    std::sort(w.begin(), w.end(), [](const W& x, const W& y) { return x.time != y.time ? x.time > y.time : x.id > y.id; });
    w.erase(std::unique(w.begin(), w.end(), [](const W& x, const W& y) { return x.id == y.id; }), w.end());
    for (const auto& x : w) {
        want_.push_back(x.id);
        want_time_[x.id] = x.time;
        if (plan_.network == Network::Bluesky)
            want_uri_.push_back("at://" + plan_.actor + "/app.bsky.feed.post/" + format_post_id(x.id, IdKind::Tid));
    }
    out_.posts_asked = static_cast<int64_t>(want_.size());
    oldest_wanted_ = w.empty() ? 0 : w.back().time;
}

// ---- [SECTION] PublicCountsFetcher: the requests in turn
void PublicCountsFetcher::finish() {
    out_.complete = !failed_;
    step_ = Step::Done;
}

void PublicCountsFetcher::warn(const std::string& w) { out_.warnings.push_back(plan_.host + ": " + w); }

void PublicCountsFetcher::cancel() {
    if (step_ == Step::Done) return;
    out_.cancelled = true;
    step_ = Step::Done;
    warn("the fetch was cancelled; what was read before is kept");
}

double PublicCountsFetcher::progress() const {
    if (step_ == Step::Done) return 1.0;
    if (step_ == Step::Profile) return 0.0;
    const double total = static_cast<double>(std::max<size_t>(want_.size(), 1));
    if (plan_.network == Network::Bluesky) return std::min(1.0, 0.05 + 0.95 * static_cast<double>(batch_) / total);
    return std::min(1.0, 0.05 + 0.95 * static_cast<double>(out_.posts.size()) / total);
}

std::string PublicCountsFetcher::batch_url() const {
    std::string u = plan_.base_url + "/xrpc/app.bsky.feed.getPosts?";
    const size_t end = std::min(want_uri_.size(), batch_ + kBlueskyBatch);
    for (size_t i = batch_; i < end; ++i) {
        if (i > batch_) u += '&';
        u += "uris=" + url_encode(want_uri_[i]);
    }
    return u;
}

std::optional<HttpRequest> PublicCountsFetcher::next() {
    if (step_ == Step::Done) return std::nullopt;
    if (in_flight_) return last_;  // not answered: the same request again
    HttpRequest r;
    if (step_ == Step::Profile) {
        if (plan_.network == Network::Bluesky) {
            r.url = plan_.base_url + "/xrpc/app.bsky.actor.getProfile?actor=" + url_encode(plan_.actor);
        } else {
            r.url = plan_.base_url + "/api/v1/accounts/lookup?acct=" + url_encode(plan_.actor);
        }
        r.what = "profile";
    } else if (plan_.network == Network::Bluesky) {
        if (batch_ >= want_uri_.size()) {
            finish();
            return std::nullopt;
        }
        r.url = batch_url();
        const size_t end = std::min(want_uri_.size(), batch_ + kBlueskyBatch);
        r.what = "posts " + std::to_string(batch_ + 1) + "-" + std::to_string(end) + " of " + std::to_string(want_uri_.size());
    } else {
        r.url = plan_.base_url + "/api/v1/accounts/" + url_encode(mastodon_id_) + "/statuses?limit=" +
                std::to_string(kMastodonPage) + "&exclude_reblogs=true";
        if (!max_id_.empty()) r.url += "&max_id=" + url_encode(max_id_);
        r.what = "timeline page " + std::to_string(pages_ + 1);
    }
    last_ = r;
    in_flight_ = true;
    tries_ = 0;
    limited_ = 0;
    return r;
}

// ---- [SECTION] PublicCountsFetcher: the answers
void PublicCountsFetcher::fail_step(const std::string& why) {
    warn(why);
    failed_ = true;
    if (step_ == Step::Profile) {
        // without the profile (Bluesky) we can still read posts; without the account id
        // (Mastodon) there is nothing more to ask
        if (plan_.network == Network::Bluesky && !want_uri_.empty()) {
            step_ = Step::Posts;
            return;
        }
        step_ = Step::Done;
        return;
    }
    if (plan_.network == Network::Bluesky) {
        batch_ += kBlueskyBatch;  // those posts stay unknown
        if (batch_ >= want_uri_.size()) step_ = Step::Done;
    } else {
        step_ = Step::Done;  // the timeline cannot be followed past a page that failed
    }
}

double PublicCountsFetcher::take(const HttpResponse& r, double now) {
    if (!in_flight_ || step_ == Step::Done) return 0;
    ++out_.requests;
    const std::string& what = last_.what;
    // proactive: a server that says no requests remain until a reset gets its wait
    auto remaining_wait = [&]() -> double {
        const std::string* rem = header(r.headers, "ratelimit-remaining");
        if (!rem) rem = header(r.headers, "x-ratelimit-remaining");
        if (!rem || *rem != "0") return 0;
        double w = rate_limit_wait(r.headers, now);
        return w < 0 ? 0 : std::min(w, opt_.max_wait_seconds);
    };
    if (r.status == 429) {
        ++limited_;
        double w = rate_limit_wait(r.headers, now);
        if (w < 0) w = 5.0 * limited_;  // no header: back off
        w = std::max(w, 1.0);
        if (limited_ > opt_.max_rate_limited || w > opt_.max_wait_seconds) {
            in_flight_ = false;
            char buf[160];
            std::snprintf(buf, sizeof buf, "rate limited on %s (asked to wait %.0f s); stopped there, the rest stays unknown",
                          what.c_str(), w);
            warn(buf);
            step_ = Step::Done;
            return 0;
        }
        return w;  // same request again
    }
    if (r.status == 0 || r.status >= 500) {
        ++tries_;
        const std::string why = r.status == 0 ? (r.error.empty() ? std::string("no answer") : r.error)
                                              : "server error " + std::to_string(r.status);
        if (tries_ < opt_.max_tries) return 2.0 * tries_;
        in_flight_ = false;
        fail_step(why + " on " + what + " after " + std::to_string(tries_) + " tries");
        return 0;
    }
    in_flight_ = false;
    if (r.status == 404 && step_ == Step::Profile) {
        fail_step("the server does not know the account " + plan_.actor);
        return 0;
    }
    if (r.status != 200) {
        fail_step("answered " + std::to_string(r.status) + " to " + what);
        return remaining_wait();
    }
    bool ok = false;
    if (step_ == Step::Profile) ok = take_profile(r.body);
    else if (plan_.network == Network::Bluesky) ok = take_bluesky_posts(r.body);
    else ok = take_mastodon_page(r.body);
    if (!ok) fail_step("malformed answer to " + what);
    return remaining_wait();
}

bool PublicCountsFetcher::take_profile(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    int64_t followers = -1, following = -1;
    if (plan_.network == Network::Bluesky) {
        if (str_of(j, "did") != plan_.actor) return false;  // another account's profile is no answer
        if (!count64_of(j, "followersCount", followers)) return false;
        count64_of(j, "followsCount", following);
        out_.handle = str_of(j, "handle");
        out_.display_name = str_of(j, "displayName");
        step_ = want_uri_.empty() ? Step::Done : Step::Posts;
        if (step_ == Step::Done) finish();
    } else {
        const std::string id = str_of(j, "id");
        if (id.empty() || id.size() > 40 || id.find_first_of("/?#&") != std::string::npos) return false;
        const std::string user = str_of(j, "username");
        if (!user.empty() && lower(user) != lower(plan_.actor)) return false;
        if (!count64_of(j, "followers_count", followers)) return false;
        count64_of(j, "following_count", following);
        mastodon_id_ = id;
        out_.handle = str_of(j, "acct");
        out_.display_name = str_of(j, "display_name");
        step_ = want_.empty() ? Step::Done : Step::Posts;
        if (step_ == Step::Done) finish();
    }
    out_.followers = followers;
    out_.following = following;
    out_.profile_ok = true;
    return true;
}

bool PublicCountsFetcher::take_bluesky_posts(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return false;
    auto it = j.find("posts");
    if (it == j.end() || !it->is_array()) return false;
    const std::string prefix = "at://" + plan_.actor + "/app.bsky.feed.post/";
    const size_t end = std::min(want_uri_.size(), batch_ + kBlueskyBatch);
    int64_t bad = 0;
    for (const auto& p : *it) {
        if (!p.is_object()) {
            ++bad;
            continue;
        }
        const std::string uri = str_of(p, "uri");
        // only the posts asked for in this batch: anything else is ignored
        size_t k = batch_;
        while (k < end && want_uri_[k] != uri) ++k;
        if (k == end || uri.rfind(prefix, 0) != 0) {
            ++bad;
            continue;
        }
        FetchedPostCounts c;
        if (!count_of(p, "likeCount", c.likes) || !count_of(p, "repostCount", c.reposts) ||
            !count_of(p, "replyCount", c.replies)) {
            ++bad;
            continue;
        }
        if (!count_of(p, "quoteCount", c.quotes)) c.quotes = kUnknownCount;  // older AppViews
        out_.posts[want_[k]] = c;
    }
    if (bad > 0) warn(std::to_string(bad) + " unusable entries in the answer to posts " + std::to_string(batch_ + 1) + "-" +
                      std::to_string(end) + " were left out");
    batch_ = end;
    if (batch_ >= want_uri_.size()) {
        finish();
    }
    return true;
}

bool PublicCountsFetcher::take_mastodon_page(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    if (j.is_discarded() || !j.is_array()) return false;
    ++pages_;
    if (j.empty()) {  // the end of the public timeline
        finish();
        return true;
    }
    std::string last_id;
    int64_t oldest = INT64_MAX;
    int64_t bad = 0;
    for (const auto& s : j) {
        if (!s.is_object()) {
            ++bad;
            continue;
        }
        const std::string id = str_of(s, "id");
        if (id.empty() || id.size() > 19 || id.find_first_not_of("0123456789") != std::string::npos) {
            ++bad;
            continue;
        }
        last_id = id;
        int64_t t = 0;
        if (parse_iso8601(str_of(s, "created_at"), t)) oldest = std::min(oldest, t);
        auto rb = s.find("reblog");
        if (rb != s.end() && !rb->is_null()) continue;  // a boost is not the person's post
        const uint64_t key = std::stoull(id);
        if (!want_time_.count(key)) continue;
        FetchedPostCounts c;
        if (!count_of(s, "favourites_count", c.likes) || !count_of(s, "reblogs_count", c.reposts) ||
            !count_of(s, "replies_count", c.replies)) {
            ++bad;
            continue;
        }
        c.quotes = kUnknownCount;  // Mastodon's v1 API counts no quotes
        out_.posts[key] = c;
    }
    if (bad > 0) warn(std::to_string(bad) + " unusable entries on timeline page " + std::to_string(pages_) + " were left out");
    if (last_id.empty()) return false;
    if (last_id == max_id_) return false;  // a server that pages in place would loop
    max_id_ = last_id;
    const bool past = oldest != INT64_MAX && oldest < oldest_wanted_;
    if (past || out_.posts.size() >= want_.size()) {
        finish();
    } else if (pages_ >= opt_.max_pages) {
        warn("stopped after " + std::to_string(pages_) + " timeline pages; older posts stay unknown");
        failed_ = true;
        step_ = Step::Done;
    }
    return true;
}

// ---- [SECTION] The counts joined to the activity (apply_public_counts)
void apply_public_counts(Activity& a, uint32_t account, const PublicCounts& c, int64_t fetched_at) {
    if (account >= a.accounts.size()) return;
    Account& acc = a.accounts[account];
    FetchedInfo& f = acc.fetched;
    f.host = c.host;
    f.at = fetched_at;
    f.posts_asked = c.posts_asked;
    f.posts_found = c.posts_found();
    f.complete = c.complete && !c.cancelled;
    // A repository names its account by DID only: the handle the network gives replaces it.
    if (c.profile_ok && acc.network == Network::Bluesky && !c.handle.empty() && (acc.handle.empty() || acc.handle.rfind("did:", 0) == 0) &&
        c.handle.find_first_of(" /@") == std::string::npos)
        acc.handle = c.handle;
    if (c.profile_ok && acc.display_name.empty() && !c.display_name.empty()) acc.display_name = c.display_name;
    if (c.profile_ok && c.followers >= 0 && acc.followers < 0) {
        acc.followers = c.followers;
        acc.signals.followers = true;
        f.followers = true;
        if (acc.following < 0 && c.following >= 0) {
            acc.following = c.following;
            acc.signals.following = true;
        }
    }
    const bool had_reactions = acc.signals.likes_received || acc.signals.reposts_received || acc.signals.replies_received ||
                               acc.signals.quotes_received;
    bool any_quotes = false;
    for (auto& p : a.posts) {
        if (p.account != account) continue;
        auto it = c.posts.find(p.id);
        if (it == c.posts.end() || p.kind == PostKind::Repost) continue;
        const FetchedPostCounts& k = it->second;
        if (p.likes < 0) p.likes = k.likes;
        if (p.reposts < 0) p.reposts = k.reposts;
        if (p.replies < 0) p.replies = k.replies;
        if (p.quotes < 0) p.quotes = k.quotes;
        any_quotes |= k.quotes >= 0;
    }
    if (!c.posts.empty()) {
        if (!had_reactions) f.reactions = true;
        acc.signals.likes_received = acc.signals.reposts_received = acc.signals.replies_received = true;
        if (any_quotes) acc.signals.quotes_received = true;
    }
    char buf[256];
    std::snprintf(buf, sizeof buf,
                  "Public counts fetched from %s on %s: %s; reactions for %lld of %lld published posts of the period%s",
                  c.host.c_str(), format_time(fetched_at).c_str(),
                  f.followers ? ("followers " + std::to_string(c.followers)).c_str() : "no follower count",
                  static_cast<long long>(f.posts_found), static_cast<long long>(f.posts_asked),
                  f.posts_found < f.posts_asked ? " (the others are deleted or not public: unknown)" : "");
    acc.notes.push_back(buf);
    for (const auto& w : c.warnings) acc.notes.push_back("Fetch: " + w);
}

}  // namespace clout
