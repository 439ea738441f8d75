// Public counts on request: the follower count and the reactions received by a Bluesky or
// Mastodon account's own posts, which their exports do not hold, read from the networks'
// public, unauthenticated APIs when the person asks for it.
//
// This is the pure part: which requests to send, what their answers mean, and how the
// counts join the activity. It does no I/O and reads no clock. A front end drives it:
//
//     PublicCountsFetcher f(activity, account_index, options);
//     show f.plan() to the person (host, what is sent) and wait for consent;
//     while (auto req = f.next()) {
//         HttpResponse resp = send(*req);          // libcurl (CLI) or fetch() (page)
//         double wait = f.take(resp, now_seconds);  // rate limits: wait this long first
//     }
//     apply_public_counts(activity, account_index, f.result());
//
// Bluesky (AT Protocol lexicons, public AppView):
//   GET {base}/xrpc/app.bsky.actor.getProfile?actor=DID    followersCount, followsCount, handle
//   GET {base}/xrpc/app.bsky.feed.getPosts?uris=..&uris=.. at most 25 URIs a call:
//       likeCount, repostCount, replyCount, quoteCount
// Mastodon (REST API v1, the account's own server):
//   GET {base}/api/v1/accounts/lookup?acct=NAME            id, followers_count, following_count
//   GET {base}/api/v1/accounts/ID/statuses?limit=40&exclude_reblogs=true[&max_id=..]
//       favourites_count, reblogs_count, replies_count, newest first, paged with max_id
//
// What is sent: for Bluesky the DID and the at:// URIs of the account's own published posts
// in the asked period; for Mastodon the account's name, its numeric id and the position in
// its public timeline (max_id). Nothing else: no export content, no other account.
//
// Real-world answers: 429 waits for Retry-After or the rate-limit reset headers (Bluesky's
// RateLimit-*, Mastodon's X-RateLimit-*) and tries again; a timeout, a refused connection or
// a 5xx is tried again twice; a malformed or partial answer keeps what could be read with a
// warning. Posts the public API does not show (deleted, followers-only) stay unknown, and the
// result counts them. A count is never guessed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model/activity.h"

namespace clout {

struct HttpRequest {
    std::string url;   // absolute, query already encoded
    std::string what;  // for progress: "profile", "posts 26-50 of 120", "timeline page 3"
};

struct HttpResponse {
    int status = 0;     // 0: no HTTP answer (timeout, refused, name not found): see error
    std::string error;  // the transport's words when status == 0
    std::vector<std::pair<std::string, std::string>> headers;  // names in any case
    std::string body;
};

struct FetchedPostCounts {
    int32_t likes = kUnknownCount, reposts = kUnknownCount, replies = kUnknownCount, quotes = kUnknownCount;
};

struct PublicCounts {
    Network network = Network::Bluesky;
    std::string host;         // who answered: "public.api.bsky.app", "mastodon.social"
    std::string actor;        // what was asked for: the DID, or the Mastodon account name
    std::string handle, display_name;  // as the server gives them ("" when not fetched)
    int64_t followers = -1, following = -1;
    std::unordered_map<uint64_t, FetchedPostCounts> posts;  // by Post::id
    int64_t posts_asked = 0;  // published posts of the period whose counts were asked for
    int64_t requests = 0;     // HTTP requests sent, retries included
    bool profile_ok = false;  // the follower count was read
    bool complete = false;    // every step answered (posts may still be missing: deleted, not public)
    bool cancelled = false;
    std::vector<std::string> warnings;  // one line each, naming the host
    int64_t posts_found() const { return static_cast<int64_t>(posts.size()); }
    int64_t posts_missing() const { return posts_asked - posts_found(); }
};

struct FetchOptions {
    std::string api_base;           // empty: https://HOST; tests only: e.g. "http://127.0.0.1:8123"
    int64_t from_day = INT64_MIN;   // the published posts asked about: dated in [from_day, to_day]
    int64_t to_day = INT64_MAX;     //   (UTC day numbers; default: all of them)
    int max_tries = 3;              // per request, for timeouts and 5xx
    int max_rate_limited = 6;       // 429 answers taken per request before giving up
    double max_wait_seconds = 300;  // a longer rate-limit wait ends the fetch with what it has
    int max_pages = 2000;           // Mastodon timeline pages (80,000 statuses)
};

// What the person consents to, in their words.
struct FetchPlan {
    bool possible = false;
    std::string why_not;      // when !possible: "the export does not name the account's server", ...
    Network network = Network::Bluesky;
    std::string host;         // the only host contacted
    std::string base_url;     // https://host (or the test base)
    std::string actor;        // the DID, or the account's name on its server
    int64_t post_ids = 0;     // how many post ids are sent (Bluesky) / looked for (Mastodon)
    std::vector<std::string> sent;  // the exact list of what is sent, one item a line
};

// The public AppView used for Bluesky.
inline constexpr const char* kBlueskyPublicHost = "public.api.bsky.app";

FetchPlan public_counts_plan(const Activity& a, uint32_t account, const FetchOptions& opt = {});

class PublicCountsFetcher {
public:
    PublicCountsFetcher(const Activity& a, uint32_t account, FetchOptions opt = {});
    const FetchPlan& plan() const { return plan_; }
    // The next request to send; nullopt when done (or cancelled, or not possible).
    std::optional<HttpRequest> next();
    // The answer to the request next() last gave. `now` is unix seconds from the front end's
    // clock (for reset times). Returns how many seconds to wait before sending the next one.
    double take(const HttpResponse& r, double now);
    void cancel();
    // 0..1, for a progress bar
    double progress() const;
    const PublicCounts& result() const { return out_; }

private:
    enum class Step { Profile, Posts, Done };
    void fail_step(const std::string& why);
    void finish();
    void warn(const std::string& w);
    bool take_profile(const std::string& body);
    bool take_bluesky_posts(const std::string& body);
    bool take_mastodon_page(const std::string& body);
    std::string batch_url() const;

    FetchOptions opt_;
    FetchPlan plan_;
    PublicCounts out_;
    Step step_ = Step::Profile;
    std::vector<uint64_t> want_;               // post ids asked for, newest first
    std::vector<std::string> want_uri_;        // Bluesky: their at:// URIs
    std::unordered_map<uint64_t, int64_t> want_time_;
    size_t batch_ = 0;                         // Bluesky: index of the next batch's first post
    std::string mastodon_id_, max_id_;         // Mastodon: account id, paging cursor
    int64_t oldest_wanted_ = 0;                // Mastodon: stop paging past this time
    int pages_ = 0;
    int tries_ = 0, limited_ = 0;              // for the request in flight
    bool in_flight_ = false;
    bool failed_ = false;                      // a step gave up: the result is partial
    HttpRequest last_;
};

// Joins fetched counts to the activity without changing what the export said: the follower
// count and a post's counts are set only where the export has none (-1), the account's
// signals become known, and Account::fetched records the host, time and coverage.
// `fetched_at` is the front end's time of the fetch (unix seconds).
void apply_public_counts(Activity& a, uint32_t account, const PublicCounts& c, int64_t fetched_at);

// Percent-encodes a query value (RFC 3986 unreserved characters kept).
std::string url_encode(std::string_view s);

// Seconds to wait from rate-limit headers (Retry-After: seconds or HTTP date; RateLimit-Reset
// / X-RateLimit-Reset: unix seconds, seconds from now, or an ISO 8601 time), or -1 when
// none says. Exposed for tests.
double rate_limit_wait(const std::vector<std::pair<std::string, std::string>>& headers, double now);

}  // namespace clout
