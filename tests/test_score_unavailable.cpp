// Scoring: a signal the export lacks is unavailable, not zero; its points are shared
// within its group; a follower count the person supplies makes reach available.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("unavailable: Bluesky and old Mastodon exports (no followers, no reactions)") {
    for (Network n : {Network::Bluesky, Network::Mastodon}) {
        CAPTURE(network_id(n));
        Activity a = gen::make_activity(gen::Profile::Median, opts(1, n));
        const Report r = build_report(a);
        for (auto id : {ComponentId::Reach, ComponentId::Amplification, ComponentId::Engagement}) {
            CHECK_FALSE(r.result[id].available);
            CHECK(r.result[id].max_points == 0);
        }
        CHECK(r.result[ComponentId::Consistency].max_points == 10);
        CHECK(r.result[ComponentId::Conversation].max_points == 10);
        CHECK(r.result.score <= 21);
        const std::string j = report_to_json(r);
        CHECK(j.find("\"value\": null") != std::string::npos);
        CHECK(j.find("\"followers\": null") != std::string::npos);
        REQUIRE(r.sources.size() == 1);
        const auto& lacks = r.sources[0].lacks;
        CHECK(std::find(lacks.begin(), lacks.end(), "follower count") != lacks.end());
        CHECK(std::find(lacks.begin(), lacks.end(), "likes received") != lacks.end());
        bool warned = false;
        for (const auto& w : r.warnings) warned |= w.find("activity only") != std::string::npos;
        CHECK(warned);

        // the person supplies a follower count: reach becomes available with the whole audience group
        supply_followers(a, 300);
        const Report s = build_report(a);
        CHECK(s.result[ComponentId::Reach].available);
        CHECK(s.result[ComponentId::Reach].max_points == 79);
        CHECK(s.result.score > r.result.score);
        CHECK(s.sources[0].followers_supplied == 300);
        CHECK(report_to_json(s).find("was supplied by you") != std::string::npos);
    }
}

TEST_CASE("unavailable: followers known but no reactions (Instagram-like): reach takes the audience points") {
    const Report r = build_report(gen::make_activity(gen::Profile::SmallBusiness, opts(1, Network::Instagram)));
    CHECK(r.result[ComponentId::Reach].max_points == 79);
    CHECK_FALSE(r.result[ComponentId::Engagement].available);
    CHECK(sum_points(r.result) == r.result.score - 1);
}

TEST_CASE("unavailable: redistribution of the audience group in whole points") {
    ScoreInputs in;
    in.reactions_known = true;  // reach and amplification unavailable
    auto r = score_inputs(in);
    CHECK(r[ComponentId::Engagement].max_points == 79);
    in.followers = 5;  // reach + engagement: 79 * 25/59 = 33.47 -> 33, 79 * 34/59 = 45.53 -> 46
    r = score_inputs(in);
    CHECK(r[ComponentId::Reach].max_points == 33);
    CHECK(r[ComponentId::Engagement].max_points == 46);
    in.followers = -1;
    in.reshares_known = true;  // amplification + engagement: 79*20/54 = 29.26 -> 29, 79*34/54 = 49.74 -> 50
    r = score_inputs(in);
    CHECK(r[ComponentId::Amplification].max_points == 29);
    CHECK(r[ComponentId::Engagement].max_points == 50);
}

TEST_CASE("supply_followers: only accounts without a count, unless all have one") {
    Activity a;
    gen::add_profile_activity(a, gen::Profile::Median, opts(1, Network::X));
    gen::add_profile_activity(a, gen::Profile::Median, opts(1, Network::Bluesky));
    a.normalize();
    supply_followers(a, 1234);
    for (const auto& acc : a.accounts) CHECK(acc.followers_supplied == (acc.network == Network::Bluesky ? 1234 : -1));
    Activity b = gen::make_activity(gen::Profile::Median, opts(1, Network::X));
    supply_followers(b, 1234);
    CHECK(b.accounts[0].followers_supplied == 1234);
    CHECK(build_report(b).inputs.followers == 1234);
}
