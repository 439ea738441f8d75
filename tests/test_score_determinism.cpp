// Scoring: the same export gives the same bytes; the order of the input and duplicate
// copies change nothing; the as-of day comes from the export, never from the clock.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

namespace {
std::string json_of(gen::Profile p, uint64_t seed, int copies, uint64_t shuffle_seed, Network n = Network::X) {
    Activity a;
    for (int i = 0; i < copies; ++i) gen::add_profile_activity(a, p, opts(seed, n));
    if (shuffle_seed) {
        std::mt19937_64 rng(shuffle_seed);
        std::shuffle(a.posts.begin(), a.posts.end(), rng);
        std::shuffle(a.interactions.begin(), a.interactions.end(), rng);
    }
    a.normalize();
    return report_to_json(build_report(a));
}
}  // namespace

TEST_CASE("determinism: the same activity gives byte-identical JSON twice") {
    for (auto p : gen::all_profiles()) {
        const std::string a = json_of(p, 5, 1, 0), b = json_of(p, 5, 1, 0);
        CHECK(a == b);
        CHECK(a.find("\"schema\": \"clout.report.v2\"") != std::string::npos);
    }
}

TEST_CASE("order-freedom: shuffled posts and likes give the same JSON bytes") {
    for (auto p : gen::all_profiles()) {
        CAPTURE(gen::profile_id(p));
        const std::string base = json_of(p, 6, 1, 0);
        CHECK(json_of(p, 6, 1, 11) == base);
        CHECK(json_of(p, 6, 1, 12) == base);
    }
}

TEST_CASE("duplicate-freedom: two copies of one export count once, end to end") {
    for (auto p : gen::all_profiles()) {
        CAPTURE(gen::profile_id(p));
        CHECK(json_of(p, 7, 2, 0) == json_of(p, 7, 1, 0));
        CHECK(json_of(p, 7, 3, 99) == json_of(p, 7, 1, 0));
    }
    CHECK(json_of(gen::Profile::Median, 7, 2, 3, Network::Bluesky) == json_of(gen::Profile::Median, 7, 1, 0, Network::Bluesky));
}

TEST_CASE("as-of: the export's date by default, else the newest activity; --as-of overrides") {
    Activity a = gen::make_activity(gen::Profile::Median, opts(1));
    CHECK(default_as_of_day(a) == 20000);
    CHECK(build_report(a).as_of_day == 20000);
    for (auto& acc : a.accounts) acc.export_time = 0;
    int64_t newest = 0;
    for (const auto& p : a.posts) newest = std::max(newest, p.time);
    CHECK(build_report(a).as_of_day == day_of(newest));
    ReportOptions o;
    o.as_of_day = 19900;
    const Report r = build_report(a, o);
    CHECK(r.as_of_day == 19900);
    CHECK(r.trend.back().day == 19900);
    CHECK(report_to_json(r).find("\"as_of\": \"2024-06-26\"") != std::string::npos);
    // posts after the as-of day are left out, and said so
    bool warned = false;
    for (const auto& w : r.warnings) warned |= w.find("after 2024-06-26") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("as-of: nothing dated is a clear input error") {
    Activity a;
    Account acc;
    acc.handle = "nobody";
    a.add_account(acc);
    a.normalize();
    CHECK_THROWS_AS(build_report(a), InputError);
}
