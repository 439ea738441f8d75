// The activity model: interning, canonical order, duplicates, snippets.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "model/activity.h"
#include "util/text.h"
#include "util/time.h"

using namespace clout;

namespace {
Post make_post(uint32_t account, uint64_t id, int64_t time, int likes) {
    Post p;
    p.account = account;
    p.id = id;
    p.time = time;
    p.likes = likes;
    p.reposts = 0;
    return p;
}
}  // namespace

TEST_CASE("string pool interns each string once") {
    StringPool pool;
    StrId a = pool.intern("rust");
    StrId b = pool.intern("cpp");
    CHECK(a != b);
    CHECK(pool.intern("rust") == a);
    CHECK(pool.view(a) == "rust");
    CHECK(pool.intern("") == 0);
    CHECK(pool.find("cpp") == b);
    CHECK(pool.find("go") == 0);
}

TEST_CASE("string pool keeps ids and views through growth and after a move") {
    StringPool pool;
    std::vector<std::string> words;
    for (int i = 0; i < 20000; ++i) words.push_back("w" + std::to_string(i * 7919 % 100003));
    for (size_t i = 0; i < words.size(); ++i) REQUIRE(pool.intern(words[i]) == i + 1);
    for (size_t i = 0; i < words.size(); ++i) {
        CHECK(pool.find(words[i]) == i + 1);
        CHECK(pool.view(static_cast<StrId>(i + 1)) == words[i]);
    }
    CHECK(pool.find("w100004") == 0);
    StringPool moved = std::move(pool);
    CHECK(moved.find(words[123]) == 124);
    CHECK(pool.find(words[123]) == 0);  // NOLINT(bugprone-use-after-move): a moved-from pool starts again
    CHECK(pool.intern("rust") == 1);
    CHECK(pool.intern("") == 0);
}

TEST_CASE("the same post met twice counts once and order does not matter") {
    Activity a;
    Account acc;
    acc.network = Network::X;
    acc.id = "42";
    acc.handle = "alice";
    a.add_account(acc);
    std::vector<Post> posts;
    for (uint64_t i = 1; i <= 50; ++i) posts.push_back(make_post(0, i, 1700000000 + static_cast<int64_t>(i) * 3600, static_cast<int>(i)));
    std::mt19937 rng(7);
    std::shuffle(posts.begin(), posts.end(), rng);
    for (auto& p : posts) a.add_post(p, "hello #world from alice", {"world"}, {});

    Activity b;
    b.add_account(acc);
    for (auto& p : posts) b.add_post(p, "hello #world from alice", {"World"}, {});
    a.merge(std::move(b));
    a.normalize();
    REQUIRE(a.accounts.size() == 1);
    REQUIRE(a.posts.size() == 50);
    CHECK(std::is_sorted(a.posts.begin(), a.posts.end(), [](const Post& x, const Post& y) { return x.time < y.time; }));
    CHECK(a.strings.view(a.hashtags(a.posts[0])[0]) == "world");
    CHECK(a.snippet(a.posts.back()) == "hello #world from alice");
}

// Merging into a new activity takes the other's buffers and string pool whole; merging
// into one that already holds strings re-interns them. Both must give the same model.
TEST_CASE("merging into a new activity gives the model merging into a used one gives") {
    Account acc;
    acc.network = Network::X;
    acc.id = "42";
    auto make = [&] {
        Activity part;
        part.add_account(acc);
        for (uint64_t i = 1; i <= 40; ++i) {
            Post p = make_post(0, i, 1700000000 + static_cast<int64_t>(i) * 60, static_cast<int>(i));
            p.lang = part.strings.intern(i % 2 ? "en" : "de");
            p.target_account = part.strings.intern(i % 3 ? "bob" : "carol");
            part.add_post(p, "Rewriting the parser in Rust again, number " + std::to_string(i), {"rustlang"}, {"@Bob"});
        }
        part.add_like(0, 0, "post-1", "Dave");
        part.add_follow(0, 0, "erin");
        part.warnings.push_back("tweets.js: one skipped");
        return part;
    };
    // Every string a post or interaction names, as text: ids may differ, the text may not.
    auto texts = [](const Activity& a) {
        std::vector<std::string> out;
        for (const Post& p : a.posts) {
            out.push_back(std::to_string(p.account) + " " + std::string(a.strings.view(p.lang)) + " " +
                          std::string(a.strings.view(p.target_account)) + " " + std::string(a.snippet(p)));
            for (unsigned k = 0; k < p.n_hashtags + p.n_mentions + p.n_keywords; ++k)
                out.push_back(std::string(a.strings.view(a.terms[p.terms_begin + k])));
        }
        for (const Interaction& i : a.interactions)
            out.push_back(std::to_string(i.account) + " " + std::string(a.strings.view(i.target_account)));
        for (const std::string& w : a.warnings) out.push_back(w);
        return out;
    };
    SUBCASE("merge") {
        Activity fresh, used;
        used.strings.intern("zoe");
        fresh.merge(make());
        used.merge(make());
        CHECK(fresh.strings.size() + 1 == used.strings.size());
        CHECK(texts(fresh) == texts(used));
        CHECK(texts(fresh) == texts(make()));
    }
    SUBCASE("merge_part, twice") {
        Activity fresh, used;
        fresh.add_account(acc);
        used.add_account(acc);
        used.strings.intern("zoe");
        for (int k = 0; k < 2; ++k) {
            fresh.merge_part(make(), 0);
            used.merge_part(make(), 0);
        }
        REQUIRE(fresh.posts.size() == 80);
        CHECK(texts(fresh) == texts(used));
    }
}

TEST_CASE("likes given are counted once per liked post") {
    Activity a;
    Account acc;
    acc.network = Network::Mastodon;
    acc.handle = "bob@example.social";
    a.add_account(acc);
    a.add_like(0, 0, "https://a.example/1");
    a.add_like(0, 0, "https://a.example/2");
    a.add_like(0, 0, "https://a.example/1");
    a.normalize();
    CHECK(a.accounts[0].likes_given == 2);
}

TEST_CASE("an anonymous partial account folds into the identified one") {
    Activity a;
    Account named;
    named.network = Network::Mastodon;
    named.handle = "bob@example.social";
    a.add_account(named);
    Account partial;
    partial.network = Network::Mastodon;
    partial.following = 12;
    a.add_account(partial);
    a.normalize();
    REQUIRE(a.accounts.size() == 1);
    CHECK(a.accounts[0].following == 12);
}

TEST_CASE("Bluesky TIDs round-trip") {
    uint64_t v = 0;
    REQUIRE(decode_tid("3jzfcijpj2z2a", v));
    CHECK(encode_tid(v) == "3jzfcijpj2z2a");
    CHECK_FALSE(decode_tid("self", v));
    CHECK(format_post_id(v, IdKind::Tid) == "3jzfcijpj2z2a");
    CHECK(format_post_id(35, IdKind::Base36) == "z");
}

TEST_CASE("snippets are kept for the most engaged posts only") {
    Activity a;
    Account acc;
    acc.network = Network::X;
    acc.id = "1";
    a.add_account(acc);
    const int n = static_cast<int>(Activity::kSnippetsPerAccount) * 4;
    for (int i = 0; i < n; ++i) {
        // old posts are the most engaged; recent ones have none
        a.add_post(make_post(0, static_cast<uint64_t>(i + 1), 1600000000 + i * 60, n - i), "post number " + std::to_string(i));
    }
    a.normalize();
    CHECK(a.snippet(a.posts.front()) == "post number 0");   // most engaged
    CHECK(a.snippet(a.posts.back()) == "post number " + std::to_string(n - 1));  // most recent
    CHECK(a.snippet(a.posts[static_cast<size_t>(n / 2)]).empty());  // neither
}

TEST_CASE("time parsers") {
    int64_t t = 0;
    REQUIRE(parse_twitter_date("Sat Feb 18 12:33:11 +0000 2023", t));
    CHECK(format_time(t) == "2023-02-18T12:33:11Z");
    REQUIRE(parse_iso8601("2022-11-08T03:07:14Z", t));
    CHECK(format_time(t) == "2022-11-08T03:07:14Z");
    REQUIRE(parse_iso8601("2023-04-01T10:00:00.123-07:00", t));
    CHECK(format_time(t) == "2023-04-01T17:00:00Z");
    REQUIRE(parse_ymd_hms("2023-01-15 12:34:56 UTC", t));
    CHECK(format_time(t) == "2023-01-15T12:34:56Z");
    REQUIRE(parse_d_mon_y("12 Mar 2024", t));
    CHECK(format_day(day_of(t)) == "2024-03-12");
    CHECK_FALSE(parse_iso8601("2023-02-30T00:00:00Z", t));
    CHECK_FALSE(parse_twitter_date("yesterday", t));
    CHECK(day_of(-1) == -1);
}

TEST_CASE("text helpers") {
    CHECK(decode_html_entities("a &amp; b &lt;3 &#128512; &#x41;") == "a & b <3 \xF0\x9F\x98\x80 A");
    CHECK(strip_html("<p>Hello <a href=\"x\">#world</a></p><p>next&amp;</p>") == "Hello #world next&");
    CHECK(utf8_length("caf\xC3\xA9") == 4);
    CHECK(utf8_prefix("caf\xC3\xA9", 4) == "caf");
    CHECK(utf8_sanitize("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    auto k = extract_keywords("Rewriting the parser in Rust with https://example.com and #rustlang @bob parser", 8);
    CHECK(k == std::vector<std::string>{"rewriting", "parser", "rust"});
}

TEST_CASE("text helpers: entities next to plain text, and UTF-8 edge cases") {
    CHECK(decode_html_entities("&amp;") == "&");
    CHECK(decode_html_entities("fish &amp chips & peas;") == "fish &amp chips & peas;");  // no ';' within 10 bytes
    CHECK(decode_html_entities("a&b&c&lt;&#1234567890;&hellip;") == "a&b&c<&#1234567890;\xE2\x80\xA6");
    CHECK(decode_html_entities(std::string(1000, '&') + "lt;") == std::string(999, '&') + "<");
    // Overlong, surrogate, past U+10FFFF and cut-short sequences are invalid, one code point a byte.
    for (const char* bad : {"\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xF0\x8F\xBF\xBF", "\xE2\x82", "\x80"}) {
        CHECK_MESSAGE(!utf8_valid(bad), bad);
        CHECK_MESSAGE(utf8_length(bad) == std::string_view(bad).size(), bad);
    }
    for (const char* good : {"\xC2\x80", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"}) {
        CHECK_MESSAGE(utf8_valid(good), good);
        CHECK_MESSAGE(utf8_length(good) == 1, good);
    }
    CHECK(utf8_length("plain ascii text, more than eight bytes \xF0\x9F\x98\x80 and caf\xC3\xA9") == 50);
    CHECK(utf8_prefix("caf\xC3\xA9\xE2\x80\xA6", 6) == "caf\xC3\xA9");
}
