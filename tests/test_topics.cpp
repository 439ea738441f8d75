// Topics: the stop words of the export languages (generated at build time from the npm
// package stopwords-iso) and the posting filler are not topics; a term counts once per post,
// needs 2 posts, and terms are ranked by posts weighted by their response, so the subjects a
// person keeps posting about lead.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "score_helpers.h"
#include "util/stop_words.h"
#include "util/text.h"

using namespace clout;
using namespace score_test;

namespace {

std::vector<std::string> terms_of(const Report& r) {
    std::vector<std::string> out;
    for (const auto& t : r.topics) out.push_back(t.term);
    return out;
}

}  // namespace

TEST_CASE("topics: the generated stop-word list is sorted, lower-case and multilingual") {
    REQUIRE(kStopWordCount > 3000);
    CHECK(std::is_sorted(kStopWords, kStopWords + kStopWordCount));
    CHECK(std::adjacent_find(kStopWords, kStopWords + kStopWordCount) == kStopWords + kStopWordCount);
    for (const char* w : {"another", "really", "siempre", "también", "wirklich", "über", "toujours", "sempre", "altijd"})
        CHECK_MESSAGE(std::binary_search(kStopWords, kStopWords + kStopWordCount, std::string_view(w)), w);
    for (const char* w : {"sourdough", "bakery", "marathon", "research", "computer"})
        CHECK_MESSAGE(!std::binary_search(kStopWords, kStopWords + kStopWordCount, std::string_view(w)), w);
}

TEST_CASE("topics: keywords drop stop words of several languages and posting filler") {
    CHECK(extract_keywords("Another really great idea: feel the sourdough starter hydration") ==
          std::vector<std::string>{"sourdough", "starter", "hydration"});
    CHECK(extract_keywords("Siempre hacemos masa madre, también los domingos") ==
          std::vector<std::string>{"madre", "domingos"});
    // Latin-1 capitals fold, so "Über" is the stop word "über" and "ÄPFEL" is "äpfel"
    CHECK(extract_keywords("Über Sauerteig und ÄPFEL, wirklich immer wieder") ==
          std::vector<std::string>{"sauerteig", "äpfel"});
    CHECK(extract_keywords("Quote this thread, people: tweets about kayaks") == std::vector<std::string>{"kayaks"});
}

// The keyword scan looks stop words up in a hash set of its own: every word of the list
// must be found there, and words next to them in the list (or one letter off) must not.
TEST_CASE("topics: every stop word is left out of the keywords, and only those") {
    for (size_t k = 0; k < kStopWordCount; ++k) {
        const std::string w(kStopWords[k]);
        const std::vector<std::string> got = extract_keywords(w + " zebrafish", 8);
        CHECK_MESSAGE(std::find(got.begin(), got.end(), w) == got.end(), w);
        CHECK_MESSAGE(std::find(got.begin(), got.end(), "zebrafish") != got.end(), w);
    }
    for (const char* w : {"abovez", "aboutt", "sourdough", "zzzz", "feelings", "qqqq-qqqq"})
        CHECK_MESSAGE(extract_keywords(w, 8) == std::vector<std::string>{w}, w);
    // URLs, paths, handles and numbers are not keywords; trailing punctuation is trimmed
    CHECK(extract_keywords("www.example http://kayaks kayaking:// paddle/boat paddle. 2024-05-01 #kayaks @kayaks", 8) ==
          std::vector<std::string>{"paddle"});
}

TEST_CASE("topics: an account's subjects lead, not its filler words") {
    auto o = opts(11);
    o.filler_words = {"another", "best", "feel", "idea", "quote", "really"};
    const Activity a = gen::make_activity(gen::Profile::SmallBusiness, o);
    // each filler word is in more posts of the window than a typical subject word
    const Report r = build_report(a);
    const std::vector<std::string> t = terms_of(r);
    CAPTURE(t);
    REQUIRE(t.size() >= 5);
    const std::set<std::string> subjects = {"sourdough", "croissants", "special", "bakery", "pastry", "weekend", "localfood"};
    for (size_t i = 0; i < 5; ++i) CHECK_MESSAGE(subjects.count(t[i]), t[i]);
    for (const char* f : {"another", "best", "feel", "idea", "quote", "really", "today"})
        CHECK(std::find(t.begin(), t.end(), f) == t.end());
}

TEST_CASE("topics: Spanish and German filler is filtered too") {
    auto o = opts(12);
    o.filler_words = {"siempre", "también", "entonces", "mucho", "wirklich", "immer", "heute", "jetzt", "über"};
    const Report r = build_report(gen::make_activity(gen::Profile::Professional, o));
    const std::vector<std::string> t = terms_of(r);
    CAPTURE(t);
    REQUIRE(t.size() >= 5);
    const std::set<std::string> subjects = {"statistics", "research", "dataset", "analysis", "models", "paper",
                                            "conference", "datascience", "stats", "ml"};
    for (const auto& term : t) CHECK_MESSAGE(subjects.count(term), term);
}

TEST_CASE("topics: once per post, at least 2 posts, ranked by posts weighted by response") {
    Activity a;
    Account acc;
    acc.network = Network::Mastodon;
    acc.handle = "baker@example.social";
    acc.format = "mastodon-archive";
    acc.signals.likes_received = acc.signals.reposts_received = true;
    acc.export_time = 20000 * kSecondsPerDay;
    const uint32_t ai = a.add_account(acc);
    uint64_t id = 1;
    auto post = [&](const std::string& text, int32_t likes, std::vector<std::string_view> tags = {}) {
        Post p;
        p.account = ai;
        p.id = id++;
        p.time = (19990 * kSecondsPerDay) + static_cast<int64_t>(id) * 3600;
        p.likes = likes;
        p.reposts = 0;
        a.add_post(p, text, tags);
    };
    // "kayaks": 3 posts without response (weight 3); "glaze": 2 posts with 100 each (2 x 7 = 14)
    post("kayaks on the lake", 0);
    post("kayaks kayaks again", 0);
    post("more kayaks", 0);
    post("pottery glaze test", 100);
    post("new glaze recipe", 100);
    // a hashtag repeated in one post counts once, and a hashtag of one post is no topic
    post("#bread #bread loaf", 0, {"bread", "bread"});
    post("single tag", 0, {"oneoff"});
    a.normalize();
    const Report r = build_report(a);
    const std::vector<std::string> t = terms_of(r);
    CAPTURE(t);
    REQUIRE(t.size() >= 2);
    CHECK(t[0] == "glaze");
    CHECK(r.topics[0].weight == 14);
    CHECK(r.topics[0].posts == 2);
    CHECK(r.topics[0].reactions == 200);
    CHECK(t[1] == "kayaks");
    CHECK(r.topics[1].posts == 3);
    CHECK(r.topics[1].weight == 3);
    CHECK(std::find(t.begin(), t.end(), "bread") == t.end());
    CHECK(std::find(t.begin(), t.end(), "oneoff") == t.end());
    CHECK(std::find(t.begin(), t.end(), "loaf") == t.end());
}
