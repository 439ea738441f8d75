// Helpers shared by the tests/test_score_*.cpp files.
#pragma once

#include <algorithm>
#include <numeric>
#include <random>
#include <nlohmann/json.hpp>

#include "activity_gen.h"
#include "report/report.h"
#include "score/score.h"
#include "util/error.h"
#include "util/time.h"

namespace score_test {

using namespace clout;

inline gen::ActivityGenOptions opts(uint64_t seed = 1, Network n = Network::X) {
    gen::ActivityGenOptions o;
    o.seed = seed;
    o.network = n;
    return o;
}

// The whole points of the known components (unknown ones hold none).
inline int sum_points(const ScoreResult& r) {
    int s = 0;
    for (const auto& c : r.components) s += c.available ? c.points : 0;
    return s;
}

// Random but plausible inputs for property tests (deterministic per seed).
inline ScoreInputs random_inputs(uint64_t seed) {
    gen::Rng rng(seed);
    ScoreInputs in;
    in.followers = rng.uniform() < 0.2 ? -1 : static_cast<int64_t>(rng.exponential(1.0) * std::pow(10.0, rng.below(8)));
    in.reactions_known = rng.uniform() < 0.8;
    in.reshares_known = in.reactions_known && rng.uniform() < 0.8;
    in.replies_known = rng.uniform() < 0.9;
    in.posts = rng.below(2000);
    const int64_t scale = static_cast<int64_t>(std::pow(10.0, rng.below(6)));
    if (in.reactions_known) {
        in.posts_with_reactions = in.posts;
        for (int64_t i = 0; i < std::min<int64_t>(in.posts, score_const::kHCap); ++i)
            in.top_reactions.push_back(static_cast<int64_t>(rng.exponential(static_cast<double>(scale))));
        std::sort(in.top_reactions.rbegin(), in.top_reactions.rend());
    }
    if (in.reshares_known) {
        in.posts_with_reshares = in.posts;
        in.reshared_posts = rng.below(in.posts + 1);
        for (int64_t v : in.top_reactions) in.top_reshares.push_back(v / 4);
    }
    in.replies = rng.below(500);
    in.qualifying_replies = rng.below(in.replies + 1);
    in.weeks_active = static_cast<int>(rng.below(14));
    return in;
}

}  // namespace score_test
