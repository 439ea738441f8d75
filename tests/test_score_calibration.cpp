// Scoring: calibration. The reference profiles of docs/SCORING.md stay in their bands
// (the table there was produced by this engine on these generated profiles, seeds 1-3).
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("calibration: reference profiles stay in their published bands") {
    struct Band { gen::Profile p; int lo, hi; };
    const Band bands[] = {
        {gen::Profile::Newcomer, 10, 25},     {gen::Profile::Median, 35, 52},
        {gen::Profile::SmallBusiness, 55, 72}, {gen::Profile::Professional, 78, 90},
        {gen::Profile::Celebrity, 86, 97},    {gen::Profile::Spam, 1, 12},
    };
    for (const auto& b : bands) {
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            CAPTURE(gen::profile_id(b.p));
            CAPTURE(seed);
            const int s = build_report(gen::make_activity(b.p, opts(seed))).result.score;
            CHECK(s >= b.lo);
            CHECK(s <= b.hi);
        }
    }
}

TEST_CASE("calibration: the profiles are ordered as a person would expect") {
    std::vector<int> s;
    for (auto p : {gen::Profile::Spam, gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::SmallBusiness,
                   gen::Profile::Professional, gen::Profile::Celebrity})
        s.push_back(build_report(gen::make_activity(p, opts(1))).result.score);
    CHECK(std::is_sorted(s.begin(), s.end()));
    CHECK(std::adjacent_find(s.begin(), s.end()) == s.end());
}
