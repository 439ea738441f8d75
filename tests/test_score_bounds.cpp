// Scoring: bounds and exact sums (base + largest-remainder points of the known components
// add up to the score; unknown components hold no points and keep their maxima).
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("score bounds and exact sums on random inputs") {
    for (uint64_t seed = 1; seed <= 3000; ++seed) {
        const ScoreInputs in = random_inputs(seed);
        const ScoreResult r = score_inputs(in);
        REQUIRE(r.score >= 1);
        REQUIRE(r.score <= 100);
        REQUIRE(r.base_points == 1);
        REQUIRE(r.base_points + sum_points(r) == r.score);
        int64_t sum_q = 0;
        int audience_max = 0, activity_max = 0;
        for (const auto& c : r.components) {
            REQUIRE(c.value_q >= 0);
            REQUIRE(c.value_q <= 1000000);
            REQUIRE(c.points >= 0);
            REQUIRE(c.points <= c.max_points);
            // whole points are the exact points rounded down or up
            REQUIRE(c.points_q / 10000 <= c.points);
            REQUIRE(c.points <= c.points_q / 10000 + 1);
            REQUIRE(c.points_q == (static_cast<int64_t>(c.max_points) * c.value_q + 50) / 100);
            if (!c.available) REQUIRE(c.points == 0);
            if (!c.available) REQUIRE(c.points_q == 0);
            sum_q += c.points_q;
            (c.id <= ComponentId::Engagement ? audience_max : activity_max) += c.max_points;
        }
        REQUIRE(r.exact_q == 10000 + sum_q);
        REQUIRE(r.score == (r.exact_q + 5000) / 10000);
        // no redistribution: the maxima are fixed, known or not
        REQUIRE(audience_max == 79);
        REQUIRE(activity_max == 20);
        int unknown = 0;
        for (const auto& c : r.components) unknown += c.available ? 0 : c.max_points;
        REQUIRE(r.unmeasured_points() == unknown);
        REQUIRE(r.score <= 100 - unknown);
    }
}

TEST_CASE("all components available: maxima are the published 25/20/34/10/10") {
    ScoreInputs in;
    in.followers = 10;
    in.reactions_known = in.reshares_known = true;
    ScoreResult r = score_inputs(in);
    CHECK(r[ComponentId::Reach].max_points == 25);
    CHECK(r[ComponentId::Amplification].max_points == 20);
    CHECK(r[ComponentId::Engagement].max_points == 34);
    CHECK(r[ComponentId::Consistency].max_points == 10);
    CHECK(r[ComponentId::Conversation].max_points == 10);
}

TEST_CASE("an empty window scores 1, a saturated one 100") {
    ScoreInputs in;
    in.reactions_known = in.reshares_known = true;
    in.followers = 0;
    CHECK(score_inputs(in).score == 1);
    in.followers = 50000000;
    in.posts = in.posts_with_reactions = in.posts_with_reshares = in.reshared_posts = 5000;
    in.top_reactions.assign(300, 100000);
    in.top_reshares.assign(300, 100000);
    in.qualifying_replies = in.replies = 1000;
    in.weeks_active = 13;
    const ScoreResult r = score_inputs(in);
    CHECK(r.score == 100);
    CHECK(sum_points(r) == 99);
}

TEST_CASE("h-index of a descending list") {
    CHECK(h_index_desc({}) == 0);
    CHECK(h_index_desc({0, 0}) == 0);
    CHECK(h_index_desc({1}) == 1);
    CHECK(h_index_desc({10, 8, 5, 4, 3}) == 4);
    CHECK(h_index_desc({25, 8, 5, 3, 3}) == 3);
    CHECK(h_index_desc(std::vector<int64_t>(1000, 1000)) == score_const::kHCap);
}

TEST_CASE("det_ln agrees with the logarithm and is exact at powers of two") {
    for (double x : {1.0, 2.0, 10.0, 101.0, 1000001.0, 0.001, 123456789.0}) CHECK(det_ln(x) == doctest::Approx(std::log(x)).epsilon(1e-14));
    CHECK(det_ln(1.0) == 0.0);
    CHECK(det_ln(1024.0) == 10 * 0.69314718055994530942);
}

TEST_CASE("format_fixed") {
    CHECK(format_fixed(455145, 4) == "45.5145");
    CHECK(format_fixed(-12, 4) == "-0.0012");
    CHECK(format_fixed(1000000, 6) == "1.000000");
    CHECK(format_fixed(0, 4) == "0.0000");
}
