// Words that match what is known: for a partial report (each unknown component, alone and
// together), the style, the tips and the warnings never describe an unknown signal as low,
// modest, weak or poor -- in the report's own strings and in the CLI text built from them.
#include <doctest/doctest.h>

#include <cctype>
#include <set>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

namespace {

constexpr int64_t kAsOf = 20000;

void strip_reactions(Activity& a) {
    for (auto& acc : a.accounts) acc.signals.likes_received = acc.signals.reposts_received = acc.signals.replies_received = acc.signals.quotes_received = false;
    for (auto& p : a.posts) p.likes = p.reposts = p.replies = p.quotes = -1;
}
void strip_followers(Activity& a) {
    for (auto& acc : a.accounts) {
        acc.followers = -1;
        acc.signals.followers = false;
    }
}

// The words that judge a signal's level; an unknown signal has none.
const std::set<std::string> kJudging = {"low", "lowly", "modest", "modestly", "weak", "weakly", "poor", "poorly", "mediocre", "meagre", "meager"};

// The judging words of a text, lower case. "not as low" (the partial warning: unknown
// points count as none, "not as low") is the opposite of a judgement and is skipped.
std::vector<std::string> judging_words(std::string text) {
    for (size_t k; (k = text.find("not as low")) != std::string::npos;) text.erase(k, 10);
    std::vector<std::string> found;
    std::string w;
    for (size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : ' ';
        if (std::isalpha(static_cast<unsigned char>(c))) {
            w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        } else {
            if (kJudging.count(w)) found.push_back(w);
            w.clear();
        }
    }
    return found;
}

void check_words(const Report& r) {
    REQUIRE(r.result.partial());
    const bool response_known = r.result[ComponentId::Engagement].available;
    // Style: the response is named only when engagement is known.
    if (!response_known) {
        CHECK(r.style.response == "unknown");
        CHECK_FALSE(r.style.high_response);
        CHECK(judging_words(r.style.description).empty());
        CHECK(judging_words(r.style.label).empty());
    }
    for (const auto& t : r.tips) {
        CAPTURE(t.text);
        CHECK(judging_words(t.text).empty());
        if (!response_known) {
            CHECK(t.id != "more_response");
            CHECK(t.id != "double_response");
        }
        if (!r.result[ComponentId::Reach].available) CHECK(t.id != "grow_audience");
        if (!r.result[ComponentId::Amplification].available) CHECK(t.id != "focus");
    }
    for (const auto& w : r.warnings) {
        CAPTURE(w);
        CHECK(judging_words(w).empty());
    }
    for (const auto& w : r.warning_details) {
        CAPTURE(w.text);
        CHECK(judging_words(w.text).empty());
    }
    // The CLI text: every line but a known response's style line.
    const std::string text = report_to_text(r);
    size_t from = 0;
    while (from < text.size()) {
        size_t end = text.find('\n', from);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(from, end - from);
        from = end + 1;
        if (response_known && line.rfind("Style:", 0) == 0) continue;
        CAPTURE(line);
        CHECK(judging_words(line).empty());
    }
}

}  // namespace

TEST_CASE("words: the judging-word scan finds what it should") {
    CHECK(judging_words("your posts get a modest response").size() == 1);
    CHECK(judging_words("LOW reach, weak engagement").size() == 2);
    CHECK(judging_words("count as none, not as low.").empty());
    CHECK(judging_words("follow, below, allow, slowly").empty());
    // and it would catch the style of a known, modest response
    const Report known = build_report(gen::make_activity(gen::Profile::Median, opts(1)));
    CHECK(known.style.response == "modest");
    CHECK(judging_words(known.style.description) == std::vector<std::string>{"modest"});
}

TEST_CASE("words: partial reports never call an unknown signal low or modest") {
    for (auto prof : {gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::SmallBusiness, gen::Profile::Spam}) {
        for (uint64_t seed = 1; seed <= 2; ++seed) {
            CAPTURE(gen::profile_id(prof));
            CAPTURE(seed);
            {  // reach unknown (a Mastodon 4.3 archive: per-post counts, no follower count)
                Activity a = gen::make_activity(prof, opts(seed));
                a.accounts[0].network = Network::Mastodon;
                strip_followers(a);
                const Report r = build_report(a);
                CHECK_FALSE(r.result[ComponentId::Reach].available);
                CHECK(r.result[ComponentId::Engagement].available);
                check_words(r);
            }
            {  // engagement and amplification unknown (Instagram, Facebook, LinkedIn)
                const Report r = build_report(gen::make_activity(prof, opts(seed, Network::Instagram)));
                CHECK(r.result[ComponentId::Reach].available);
                CHECK_FALSE(r.result[ComponentId::Engagement].available);
                check_words(r);
            }
            {  // amplification alone unknown (reactions typed, no reshares)
                Activity a = gen::make_activity(prof, opts(seed));
                strip_reactions(a);
                ReportOptions o;
                SuppliedSignals s;
                s.reactions_per_post = prof == gen::Profile::Spam ? 0 : 3;
                o.supplied.push_back(s);
                const Report r = build_report(a, o);
                CHECK_FALSE(r.result[ComponentId::Amplification].available);
                CHECK(r.result[ComponentId::Engagement].available);
                check_words(r);
            }
            {  // amplification alone unknown (insights: post interactions, no reshare count)
                Activity a = gen::make_activity(prof, opts(seed, Network::Instagram));
                a.accounts[0].insights.from_day = kAsOf - 90;
                a.accounts[0].insights.to_day = kAsOf;
                a.accounts[0].insights.post_interactions = prof == gen::Profile::Spam ? 0 : 400;
                const Report r = build_report(a);
                CHECK_FALSE(r.result[ComponentId::Amplification].available);
                check_words(r);
            }
            {  // followers, engagement and amplification unknown (Bluesky, Mastodon before 4.3)
                for (Network n : {Network::Bluesky, Network::Mastodon}) {
                    const Report r = build_report(gen::make_activity(prof, opts(seed, n)));
                    CHECK(r.result.unmeasured_points() == 79);
                    check_words(r);
                }
            }
            {  // no post in the window at all, nothing but a follower count unknown
                Activity a = gen::make_activity(prof, opts(seed, Network::Bluesky));
                ReportOptions later;
                later.as_of_day = kAsOf + 400;
                const Report r = build_report(a, later);
                check_words(r);
            }
        }
    }
}
