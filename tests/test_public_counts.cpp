// Public counts on request (fetch/public_counts.h): the requests, the answers' meaning, rate
// limits, failures and partial answers, and how fetched counts join the activity. An
// in-process fake of both APIs answers; the real HTTP path (CLI + a loopback mock server)
// is tested by tests/cli/fetch.mjs.
#include <doctest/doctest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "fetch/public_counts.h"
#include "report/report.h"
#include "util/time.h"

using namespace clout;
using nlohmann::json;

namespace {

constexpr int64_t kT0 = 1733000000;  // 2024-11-30

std::string query_value(const std::string& url, const std::string& key) {
    const size_t q = url.find('?');
    if (q == std::string::npos) return {};
    std::string rest = url.substr(q + 1);
    size_t pos = 0;
    while (pos <= rest.size()) {
        size_t amp = rest.find('&', pos);
        if (amp == std::string::npos) amp = rest.size();
        const std::string kv = rest.substr(pos, amp - pos);
        if (kv.rfind(key + "=", 0) == 0) return kv.substr(key.size() + 1);
        pos = amp + 1;
    }
    return {};
}

std::vector<std::string> query_values(const std::string& url, const std::string& key) {
    std::vector<std::string> out;
    const size_t q = url.find('?');
    std::string rest = url.substr(q + 1);
    size_t pos = 0;
    while (pos < rest.size()) {
        size_t amp = rest.find('&', pos);
        if (amp == std::string::npos) amp = rest.size();
        const std::string kv = rest.substr(pos, amp - pos);
        if (kv.rfind(key + "=", 0) == 0) out.push_back(kv.substr(key.size() + 1));
        pos = amp + 1;
    }
    return out;
}

std::string url_decode(const std::string& s) {
    std::string o;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            o += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else
            o += s[i];
    }
    return o;
}

HttpResponse ok(const json& j) {
    HttpResponse r;
    r.status = 200;
    r.body = j.dump();
    return r;
}

// An activity with one Bluesky account (`n` posts, one a day back from kT0, every 5th a
// repost) or one Mastodon account.
Activity bluesky_activity(int n, const std::string& did = "did:plc:abcdefghijklmnopqrstuvwx") {
    Activity a;
    Account acc;
    acc.network = Network::Bluesky;
    acc.format = "bluesky-car";
    acc.id = did;
    acc.handle = did;
    a.accounts.push_back(acc);
    for (int i = 0; i < n; ++i) {
        Post p;
        p.time = kT0 - int64_t(i) * 86400;
        p.id = (uint64_t(1) << 50) + uint64_t(n - i) * 1024;  // later posts, larger TIDs
        p.id_kind = IdKind::Tid;
        p.kind = i % 5 == 4 ? PostKind::Repost : PostKind::Original;
        a.posts.push_back(p);
    }
    return a;
}

Activity mastodon_activity(int n) {
    Activity a;
    Account acc;
    acc.network = Network::Mastodon;
    acc.format = "mastodon-archive";
    acc.id = "https://social.example/users/alice";
    acc.handle = "alice@social.example";
    a.accounts.push_back(acc);
    for (int i = 0; i < n; ++i) {
        Post p;
        p.time = kT0 - int64_t(i) * 86400;
        p.id = 110000000000000000ull + uint64_t(n - i) * 1000;
        p.id_kind = IdKind::Decimal;
        p.kind = PostKind::Original;
        a.posts.push_back(p);
    }
    return a;
}

// The counts the fake servers give a post: derived from its id, so tests can check them.
FetchedPostCounts counts_for(uint64_t id) {
    FetchedPostCounts c;
    c.likes = static_cast<int32_t>(id % 97);
    c.reposts = static_cast<int32_t>(id % 13);
    c.replies = static_cast<int32_t>(id % 7);
    c.quotes = static_cast<int32_t>(id % 3);
    return c;
}

struct FakeBluesky {
    std::string did = "did:plc:abcdefghijklmnopqrstuvwx";
    std::set<uint64_t> deleted;
    int followers = 1234;
    std::vector<std::string> log;
    std::function<std::optional<HttpResponse>(int call, const std::string& url)> twist;  // a scenario's answer
    int calls = 0;
    HttpResponse operator()(const HttpRequest& rq) {
        log.push_back(rq.url);
        const int call = calls++;
        if (twist)
            if (auto r = twist(call, rq.url)) return *r;
        if (rq.url.find("/xrpc/app.bsky.actor.getProfile") != std::string::npos) {
            if (url_decode(query_value(rq.url, "actor")) != did) return HttpResponse{400, "", {}, "{\"error\":\"InvalidRequest\"}"};
            return ok({{"did", did}, {"handle", "alice.example.com"}, {"displayName", "Alice"}, {"followersCount", followers},
                       {"followsCount", 321}, {"postsCount", 99}});
        }
        if (rq.url.find("/xrpc/app.bsky.feed.getPosts") != std::string::npos) {
            auto uris = query_values(rq.url, "uris");
            if (uris.size() > 25) return HttpResponse{400, "", {}, "{\"error\":\"too many uris\"}"};
            json posts = json::array();
            for (auto& u : uris) {
                const std::string uri = url_decode(u);
                const std::string rkey = uri.substr(uri.rfind('/') + 1);
                uint64_t id = 0;
                REQUIRE(decode_tid(rkey, id));
                if (deleted.count(id)) continue;
                const auto c = counts_for(id);
                posts.push_back({{"uri", uri}, {"cid", "bafy"}, {"likeCount", c.likes}, {"repostCount", c.reposts},
                                 {"replyCount", c.replies}, {"quoteCount", c.quotes}});
            }
            return ok({{"posts", posts}});
        }
        return HttpResponse{404, "", {}, "not found"};
    }
};

struct FakeMastodon {
    std::vector<uint64_t> timeline;  // newest first: the account's public statuses (ids)
    std::map<uint64_t, int64_t> times;
    std::set<uint64_t> boosts;
    std::vector<std::string> log;
    std::function<std::optional<HttpResponse>(int call, const std::string& url)> twist;
    int calls = 0;
    explicit FakeMastodon(const Activity& a, const std::set<uint64_t>& hidden = {}) {
        for (const auto& p : a.posts) {
            if (hidden.count(p.id)) continue;
            timeline.push_back(p.id);
            times[p.id] = p.time;
        }
        std::sort(timeline.rbegin(), timeline.rend());
    }
    HttpResponse operator()(const HttpRequest& rq) {
        log.push_back(rq.url);
        const int call = calls++;
        if (twist)
            if (auto r = twist(call, rq.url)) return *r;
        if (rq.url.find("/api/v1/accounts/lookup") != std::string::npos) {
            if (query_value(rq.url, "acct") != "alice") return HttpResponse{404, "", {}, "{\"error\":\"Record not found\"}"};
            return ok({{"id", "109000"}, {"username", "alice"}, {"acct", "alice"}, {"display_name", "Alice M."},
                       {"followers_count", 876}, {"following_count", 54}, {"statuses_count", 400}});
        }
        if (rq.url.find("/api/v1/accounts/109000/statuses") != std::string::npos) {
            CHECK(query_value(rq.url, "limit") == "40");
            const std::string max_id = query_value(rq.url, "max_id");
            json page = json::array();
            for (uint64_t id : timeline) {
                if (!max_id.empty() && id >= std::stoull(max_id)) continue;
                if (page.size() == 40) break;
                const auto c = counts_for(id);
                json s = {{"id", std::to_string(id)}, {"created_at", format_time(times[id])},
                          {"favourites_count", c.likes}, {"reblogs_count", c.reposts}, {"replies_count", c.replies},
                          {"reblog", nullptr}};
                if (boosts.count(id)) s["reblog"] = {{"id", "1"}};
                page.push_back(s);
            }
            return ok(page);
        }
        return HttpResponse{404, "", {}, "not found"};
    }
};

struct Run {
    PublicCounts result;
    std::vector<double> waits;
    double now = static_cast<double>(kT0);
};

template <class Server>
Run drive(PublicCountsFetcher& f, Server& server, int cancel_after = -1) {
    Run run;
    int n = 0;
    while (auto rq = f.next()) {
        if (n++ == cancel_after) {
            f.cancel();
            continue;
        }
        HttpResponse r = server(*rq);
        const double w = f.take(r, run.now);
        if (w > 0) run.waits.push_back(w);
        run.now += w + 0.1;
        REQUIRE(n < 10000);
    }
    run.result = f.result();
    return run;
}

std::map<uint64_t, const Post*> posts_by_id(const Activity& a) {
    std::map<uint64_t, const Post*> m;
    for (const auto& p : a.posts) m[p.id] = &p;
    return m;
}

}  // namespace

TEST_CASE("public counts: the plan says exactly what is sent and to whom") {
    Activity b = bluesky_activity(60);
    FetchPlan p = public_counts_plan(b, 0);
    CHECK(p.possible);
    CHECK(p.host == "public.api.bsky.app");
    CHECK(p.base_url == "https://public.api.bsky.app");
    CHECK(p.post_ids == 48);  // 60 posts, 12 reposts
    REQUIRE(p.sent.size() == 2);
    CHECK(p.sent[0].find("did:plc:abcdefghijklmnopqrstuvwx") != std::string::npos);
    CHECK(p.sent[1].find("48 published posts") != std::string::npos);

    Activity m = mastodon_activity(10);
    FetchPlan q = public_counts_plan(m, 0, FetchOptions{"http://127.0.0.1:9"});
    CHECK(q.possible);
    CHECK(q.host == "social.example");
    CHECK(q.base_url == "http://127.0.0.1:9");
    CHECK(q.actor == "alice");

    Activity x = mastodon_activity(3);
    x.accounts[0].network = Network::X;
    CHECK_FALSE(public_counts_plan(x, 0).possible);
    Activity nohost = mastodon_activity(3);
    nohost.accounts[0].handle = "alice";
    CHECK_FALSE(public_counts_plan(nohost, 0).possible);
    CHECK(public_counts_plan(nohost, 0).why_not.find("server") != std::string::npos);
    Activity nodid = bluesky_activity(3, "alice.example.com");
    CHECK_FALSE(public_counts_plan(nodid, 0).possible);

    // the period: only posts dated in it are asked about
    FetchOptions o;
    o.from_day = day_of(kT0) - 9;
    o.to_day = day_of(kT0);
    CHECK(public_counts_plan(b, 0, o).post_ids == 8);
}

TEST_CASE("public counts: Bluesky profile and posts, 25 URIs a request, deleted posts stay unknown") {
    Activity a = bluesky_activity(70);
    FakeBluesky api;
    const auto byid = posts_by_id(a);
    int k = 0;
    for (const auto& p : a.posts)
        if (p.kind != PostKind::Repost && k++ % 9 == 0) api.deleted.insert(p.id);
    PublicCountsFetcher f(a, 0);
    Run run = drive(f, api);
    const PublicCounts& c = run.result;
    CHECK(c.complete);
    CHECK(c.profile_ok);
    CHECK(c.followers == 1234);
    CHECK(c.following == 321);
    CHECK(c.handle == "alice.example.com");
    CHECK(c.posts_asked == 56);
    CHECK(c.posts_missing() == static_cast<int64_t>(api.deleted.size()));
    REQUIRE(api.log.size() == 4);  // profile + 25 + 25 + 6
    CHECK(api.log[0] == "https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=did%3Aplc%3Aabcdefghijklmnopqrstuvwx");
    CHECK(query_values(api.log[1], "uris").size() == 25);
    CHECK(query_values(api.log[3], "uris").size() == 6);
    for (const auto& [id, cnt] : c.posts) {
        CHECK(cnt.likes == counts_for(id).likes);
        CHECK(cnt.quotes == counts_for(id).quotes);
        CHECK(byid.at(id)->kind != PostKind::Repost);
    }
    CHECK(run.waits.empty());

    apply_public_counts(a, 0, c, kT0 + 3600);
    const Account& acc = a.accounts[0];
    CHECK(acc.handle == "alice.example.com");  // the handle replaces the DID once known
    CHECK(acc.id == "did:plc:abcdefghijklmnopqrstuvwx");
    CHECK(acc.display_name == "Alice");
    CHECK(acc.followers == 1234);
    CHECK(acc.signals.followers);
    CHECK(acc.signals.likes_received);
    CHECK(acc.signals.quotes_received);
    CHECK(acc.fetched.host == "public.api.bsky.app");
    CHECK(acc.fetched.at == kT0 + 3600);
    CHECK(acc.fetched.followers);
    CHECK(acc.fetched.posts_found == 56 - static_cast<int64_t>(api.deleted.size()));
    CHECK(acc.fetched.complete);
    for (const auto& p : a.posts) {
        if (p.kind == PostKind::Repost || api.deleted.count(p.id)) {
            CHECK(p.likes == kUnknownCount);  // never guessed
            CHECK(p.reposts == kUnknownCount);
        } else {
            CHECK(p.likes == counts_for(p.id).likes);
            CHECK(p.replies == counts_for(p.id).replies);
        }
    }
    bool noted = false;
    for (const auto& n : acc.notes) noted |= n.find("Public counts fetched from public.api.bsky.app") != std::string::npos;
    CHECK(noted);
}

TEST_CASE("public counts: a fetch never changes what the export said") {
    Activity a = mastodon_activity(5);
    a.accounts[0].followers = 50;  // the export had a count (say, typed into an older report)
    a.posts[0].likes = 3;          // and a count for one post
    FakeMastodon api(a);
    PublicCountsFetcher f(a, 0);
    Run run = drive(f, api);
    apply_public_counts(a, 0, run.result, kT0);
    CHECK(a.accounts[0].followers == 50);
    CHECK_FALSE(a.accounts[0].fetched.followers);
    CHECK(a.posts[0].likes == 3);
    CHECK(a.posts[0].reposts == counts_for(a.posts[0].id).reposts);
}

TEST_CASE("public counts: 429 waits for Retry-After or the reset headers, then asks again") {
    Activity a = bluesky_activity(30);
    FakeBluesky api;
    api.twist = [](int call, const std::string&) -> std::optional<HttpResponse> {
        if (call == 1) return HttpResponse{429, "", {{"Retry-After", "7"}}, "{\"error\":\"RateLimitExceeded\"}"};
        if (call == 2) return HttpResponse{429, "", {{"RateLimit-Reset", std::to_string(kT0 + 40)}}, ""};
        return std::nullopt;
    };
    PublicCountsFetcher f(a, 0);
    Run run = drive(f, api);
    CHECK(run.result.complete);
    REQUIRE(run.waits.size() == 2);
    CHECK(run.waits[0] == doctest::Approx(7));
    CHECK(run.waits[1] == doctest::Approx(40 - 7 - 0.1 - 0.1).epsilon(0.01));
    CHECK(api.log[1] == api.log[2]);  // the same request again
    CHECK(api.log[2] == api.log[3]);
    CHECK(run.result.posts_found() == 24);

    // a server saying no requests remain gets its wait before the next request
    FakeBluesky api2;
    api2.twist = [&](int call, const std::string& url) -> std::optional<HttpResponse> {
        if (call != 0) return std::nullopt;
        api2.twist = nullptr;
        HttpResponse r = FakeBluesky{}(HttpRequest{url, ""});
        r.headers = {{"ratelimit-remaining", "0"}, {"ratelimit-reset", std::to_string(kT0 + 30)}};
        return r;
    };
    PublicCountsFetcher g(a, 0);
    Run run2 = drive(g, api2);
    REQUIRE(run2.waits.size() == 1);
    CHECK(run2.waits[0] == doctest::Approx(30));
    CHECK(run2.result.complete);

    // asked to wait longer than the limit: stop with what was read, and say so
    FakeBluesky api3;
    api3.twist = [](int call, const std::string&) -> std::optional<HttpResponse> {
        if (call == 1) return HttpResponse{429, "", {{"Retry-After", "3600"}}, ""};
        return std::nullopt;
    };
    PublicCountsFetcher h(a, 0);
    Run run3 = drive(h, api3);
    CHECK_FALSE(run3.result.complete);
    CHECK(run3.result.followers == 1234);
    CHECK(run3.result.posts_found() == 0);
    REQUIRE(run3.result.warnings.size() == 1);
    CHECK(run3.result.warnings[0].find("rate limited") != std::string::npos);
    CHECK(run3.result.warnings[0].rfind("public.api.bsky.app: ", 0) == 0);
}

TEST_CASE("public counts: timeouts and server errors are tried again, then the step is given up with a warning") {
    Activity a = bluesky_activity(60);  // 48 published: batches of 25 and 23
    FakeBluesky api;
    api.twist = [](int call, const std::string&) -> std::optional<HttpResponse> {
        if (call == 0) return HttpResponse{0, "timed out after 20 s", {}, ""};
        if (call >= 2 && call <= 4) return HttpResponse{500, "", {}, "oops"};  // the first batch, 3 times
        return std::nullopt;
    };
    PublicCountsFetcher f(a, 0);
    Run run = drive(f, api);
    const auto& c = run.result;
    CHECK(c.followers == 1234);  // the timeout was tried again
    CHECK_FALSE(c.complete);
    CHECK(c.posts_found() == 23);  // the second batch only
    CHECK(c.posts_missing() == 25);
    REQUIRE(c.warnings.size() == 1);
    CHECK(c.warnings[0].find("server error 500 on posts 1-25 of 48 after 3 tries") != std::string::npos);
    CHECK(c.requests == 6);
    apply_public_counts(a, 0, c, kT0);
    CHECK_FALSE(a.accounts[0].fetched.complete);
}

TEST_CASE("public counts: malformed and partial answers keep what is sound, never a wrong count") {
    Activity a = bluesky_activity(10);  // 8 published
    SUBCASE("a profile that is not JSON: no follower count, the posts are still read") {
        FakeBluesky api;
        api.twist = [](int call, const std::string&) -> std::optional<HttpResponse> {
            if (call == 0) return HttpResponse{200, "", {}, "<html>maintenance</html>"};
            return std::nullopt;
        };
        PublicCountsFetcher f(a, 0);
        Run run = drive(f, api);
        CHECK_FALSE(run.result.profile_ok);
        CHECK(run.result.followers == -1);
        CHECK(run.result.posts_found() == 8);
        CHECK_FALSE(run.result.complete);
        apply_public_counts(a, 0, run.result, kT0);
        CHECK(a.accounts[0].followers == -1);
    }
    SUBCASE("another account's profile is no answer") {
        FakeBluesky api;
        api.twist = [](int call, const std::string&) -> std::optional<HttpResponse> {
            if (call == 0) return ok({{"did", "did:plc:someoneelse"}, {"followersCount", 5}});
            return std::nullopt;
        };
        PublicCountsFetcher f(a, 0);
        CHECK(drive(f, api).result.followers == -1);
    }
    SUBCASE("entries with bad counts or for posts not asked are left out") {
        FakeBluesky api;
        api.twist = [&](int call, const std::string& url) -> std::optional<HttpResponse> {
            if (call != 1) return std::nullopt;
            api.twist = nullptr;
            HttpResponse r = FakeBluesky{}(HttpRequest{url, ""});
            json j = json::parse(r.body);
            j["posts"][0]["likeCount"] = -4;
            j["posts"][1]["repostCount"] = "many";
            j["posts"][2]["uri"] = "at://did:plc:someoneelse/app.bsky.feed.post/3kabc";
            j["posts"].push_back(42);
            r.body = j.dump();
            return r;
        };
        PublicCountsFetcher f(a, 0);
        Run run = drive(f, api);
        CHECK(run.result.posts_found() == 5);
        REQUIRE(run.result.warnings.size() == 1);
        CHECK(run.result.warnings[0].find("4 unusable entries") != std::string::npos);
        for (const auto& [id, c] : run.result.posts) CHECK(c.likes == counts_for(id).likes);
    }
    SUBCASE("an unknown account") {
        FakeBluesky api;
        api.did = "did:plc:other";
        PublicCountsFetcher f(a, 0);
        Run run = drive(f, api);
        CHECK(run.result.followers == -1);
        CHECK(run.result.warnings.size() >= 1);
    }
}

TEST_CASE("public counts: Mastodon lookup and timeline pages with max_id, followers-only posts stay unknown") {
    Activity a = mastodon_activity(130);
    std::set<uint64_t> hidden = {a.posts[3].id, a.posts[50].id, a.posts[99].id};
    FakeMastodon api(a, hidden);
    api.boosts.insert(a.posts[10].id);  // listed as a boost: not the person's post's counts
    FetchOptions o;
    o.from_day = day_of(kT0) - 99;  // the 100 newest posts
    PublicCountsFetcher f(a, 0, o);
    CHECK(f.plan().post_ids == 100);
    Run run = drive(f, api);
    const auto& c = run.result;
    CHECK(c.complete);
    CHECK(c.followers == 876);
    CHECK(c.following == 54);
    CHECK(c.handle == "alice");
    CHECK(c.posts_asked == 100);
    CHECK(c.posts_missing() == 4);  // 3 hidden in the period + the boost
    CHECK(api.log[0] == "https://social.example/api/v1/accounts/lookup?acct=alice");
    CHECK(api.log[1] == "https://social.example/api/v1/accounts/109000/statuses?limit=40&exclude_reblogs=true");
    CHECK(api.log[2].find("&max_id=") != std::string::npos);
    CHECK(api.log.size() == 4);  // lookup + 3 pages: the third reaches past the period
    for (const auto& [id, cnt] : c.posts) {
        CHECK(cnt.likes == counts_for(id).likes);
        CHECK(cnt.quotes == kUnknownCount);
    }
    apply_public_counts(a, 0, c, kT0);
    CHECK(a.accounts[0].followers == 876);
    CHECK(a.posts[3].likes == kUnknownCount);
    CHECK(a.posts[4].likes == counts_for(a.posts[4].id).likes);
    CHECK_FALSE(a.accounts[0].signals.quotes_received);
}

TEST_CASE("public counts: Mastodon failures") {
    Activity a = mastodon_activity(60);
    SUBCASE("the server does not know the account") {
        Activity b = mastodon_activity(60);
        b.accounts[0].handle = "bob@social.example";
        FakeMastodon api(b);
        PublicCountsFetcher f(b, 0);
        Run run = drive(f, api);
        CHECK(api.log.size() == 1);
        CHECK(run.result.followers == -1);
        CHECK_FALSE(run.result.complete);
        REQUIRE(run.result.warnings.size() == 1);
        CHECK(run.result.warnings[0] == "social.example: the server does not know the account bob");
    }
    SUBCASE("a page that does not move on stops the paging instead of looping") {
        FakeMastodon api(a);
        std::optional<HttpResponse> first_page;
        api.twist = [&](int call, const std::string&) -> std::optional<HttpResponse> {
            if (call == 2) return first_page;  // the second page answered with the first again
            return std::nullopt;
        };
        PublicCountsFetcher f(a, 0);
        auto rq0 = f.next();
        f.take(api(*rq0), kT0);
        auto rq1 = f.next();
        HttpResponse p1 = api(*rq1);
        first_page = p1;
        f.take(p1, kT0);
        Run run = drive(f, api);
        CHECK_FALSE(run.result.complete);
        CHECK(run.result.posts_found() == 40);
        REQUIRE(run.result.warnings.size() == 1);
        CHECK(run.result.warnings[0].find("malformed answer to timeline page 2") != std::string::npos);
    }
    SUBCASE("cancel keeps what was read") {
        FakeMastodon api(a);
        PublicCountsFetcher f(a, 0);
        Run run = drive(f, api, 2);
        CHECK(run.result.cancelled);
        CHECK_FALSE(run.result.complete);
        CHECK(run.result.followers == 876);
        CHECK(run.result.posts_found() == 40);
        CHECK(f.progress() == 1.0);
    }
}

TEST_CASE("public counts: rate-limit headers and URL encoding") {
    const double now = 1700000000;
    CHECK(rate_limit_wait({{"Retry-After", "12"}}, now) == 12);
    CHECK(rate_limit_wait({{"retry-after", "Tue, 14 Nov 2023 22:15:00 GMT"}}, now) == doctest::Approx(100));
    CHECK(rate_limit_wait({{"RateLimit-Reset", "1700000042"}}, now) == doctest::Approx(42));
    CHECK(rate_limit_wait({{"RateLimit-Reset", "17"}}, now) == 17);
    CHECK(rate_limit_wait({{"X-RateLimit-Reset", "2023-11-14T22:15:40.000Z"}}, now) == doctest::Approx(140));
    CHECK(rate_limit_wait({{"X-RateLimit-Reset", "soon"}}, now) == -1);
    CHECK(rate_limit_wait({}, now) == -1);
    CHECK(url_encode("at://did:plc:x/app.bsky.feed.post/3k2") == "at%3A%2F%2Fdid%3Aplc%3Ax%2Fapp.bsky.feed.post%2F3k2");
    CHECK(url_encode("a b&c=d~_-.") == "a%20b%26c%3Dd~_-.");
}

TEST_CASE("public counts: posts the API did not show stay out of the reaction counts of the score") {
    Activity a = bluesky_activity(70);
    FakeBluesky api;
    int k = 0;
    for (const auto& p : a.posts)
        if (p.kind != PostKind::Repost && k++ % 4 == 0) api.deleted.insert(p.id);
    PublicCountsFetcher f(a, 0);
    Run run = drive(f, api);
    apply_public_counts(a, 0, run.result, kT0);
    a.normalize();
    ReportOptions opt;
    opt.as_of_day = day_of(kT0);
    Report r = build_report(a, opt);
    CHECK(r.inputs.reactions_known);
    CHECK(r.inputs.followers == 1234);
    CHECK(r.inputs.posts == 56);
    CHECK(r.inputs.posts_with_reactions == 56 - static_cast<int64_t>(api.deleted.size()));
    CHECK(r.inputs.posts_with_reshares == 56 - static_cast<int64_t>(api.deleted.size()));
    int64_t total = 0;
    for (const auto& [id, c] : run.result.posts) total += c.likes + c.reposts + c.replies + c.quotes;
    CHECK(r.inputs.reactions_total == total);
    // marked as fetched wherever the report says where a number came from
    CHECK(r.inputs.followers_from == prov_bit(Provenance::Fetched));
    CHECK(r.inputs.reactions_from == prov_bit(Provenance::Fetched));
    CHECK(r.inputs.reshares_from == prov_bit(Provenance::Fetched));
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].followers_from == prov_bit(Provenance::Fetched));
    const std::string j = report_to_json(r);
    CHECK(j.find("\"provenance\": [\n        \"fetched\"\n      ]") != std::string::npos);
    CHECK_FALSE(r.result.partial());
}
