// Scoring: more reactions on a post in the window, or more followers, never lower the
// score (random perturbations of generated activity and of random inputs).
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("monotone: more reactions on any post in the window never lower the score") {
    for (auto p : {gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::SmallBusiness, gen::Profile::Spam}) {
        CAPTURE(gen::profile_id(p));
        Activity a = gen::make_activity(p, opts(8));
        gen::Rng rng(42 + static_cast<uint64_t>(p));
        const int64_t lo = (20000 - 90) * kSecondsPerDay;
        std::vector<size_t> window;
        for (size_t i = 0; i < a.posts.size(); ++i)
            if (a.posts[i].time >= lo) window.push_back(i);
        REQUIRE(!window.empty());
        int64_t prev = build_report(a).result.exact_q;
        for (int step = 0; step < 25; ++step) {
            Post& q = a.posts[window[static_cast<size_t>(rng.below(static_cast<int64_t>(window.size())))]];
            const int64_t add = 1 + rng.below(step % 3 == 0 ? 500 : 5);
            if (rng.uniform() < 0.5) q.likes += static_cast<int32_t>(add);
            else q.reposts += static_cast<int32_t>(add);
            const Report r = build_report(a);
            REQUIRE(r.result.exact_q >= prev);
            prev = r.result.exact_q;
        }
    }
}

TEST_CASE("monotone: more followers never lower the score") {
    Activity a = gen::make_activity(gen::Profile::Median, opts(9));
    int64_t prev = 0;
    for (int64_t f : {0, 1, 10, 299, 300, 5000, 123456, 999999, 1000000, 50000000}) {
        a.accounts[0].followers = f;
        const Report r = build_report(a);
        REQUIRE(r.result.exact_q >= prev);
        prev = r.result.exact_q;
    }
}

TEST_CASE("monotone: random inputs, raising any reaction count, reshared posts or followers") {
    for (uint64_t seed = 1; seed <= 1500; ++seed) {
        ScoreInputs in = random_inputs(seed);
        const ScoreResult base = score_inputs(in);
        gen::Rng rng(seed * 7);
        ScoreInputs up = in;
        if (!up.top_reactions.empty()) up.top_reactions[static_cast<size_t>(rng.below(static_cast<int64_t>(up.top_reactions.size())))] += 1 + rng.below(1000);
        if (!up.top_reshares.empty()) up.top_reshares[static_cast<size_t>(rng.below(static_cast<int64_t>(up.top_reshares.size())))] += 1 + rng.below(100);
        if (up.reshared_posts < up.posts_with_reshares) ++up.reshared_posts;
        if (up.followers >= 0) up.followers += rng.below(100000);
        REQUIRE(score_inputs(up).exact_q >= base.exact_q);
        REQUIRE(score_inputs(up).score >= base.score);
    }
}
