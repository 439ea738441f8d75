// Scoring: a signal the export lacks makes its component unknown. It keeps its maximum,
// scores nothing, and no other component takes its points (no redistribution); the
// report says the score is partial. A follower count the person supplies makes reach known.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("unknown: Bluesky and old Mastodon exports (no followers, no reactions)") {
    for (Network n : {Network::Bluesky, Network::Mastodon}) {
        CAPTURE(network_id(n));
        Activity a = gen::make_activity(gen::Profile::Median, opts(1, n));
        const Report r = build_report(a);
        for (auto id : {ComponentId::Reach, ComponentId::Amplification, ComponentId::Engagement}) {
            CHECK_FALSE(r.result[id].available);
            CHECK(r.result[id].points == 0);
            CHECK(r.result[id].points_q == 0);
        }
        CHECK(r.result[ComponentId::Reach].max_points == 25);
        CHECK(r.result[ComponentId::Amplification].max_points == 20);
        CHECK(r.result[ComponentId::Engagement].max_points == 34);
        CHECK(r.result[ComponentId::Consistency].max_points == 10);
        CHECK(r.result[ComponentId::Conversation].max_points == 10);
        CHECK(r.result.unmeasured_points() == 79);
        CHECK(r.result.score <= 21);
        CHECK(r.result.base_points + sum_points(r.result) == r.result.score);
        const auto j = nlohmann::json::parse(report_to_json(r));
        CHECK(j["components"][0]["points"].is_null());
        CHECK(j["components"][0]["known"] == false);
        CHECK(j["components"][0]["max_points"] == 25);
        CHECK(j["components"][0]["value"].is_null());
        CHECK(j["components"][0]["inputs"]["followers"].is_null());
        CHECK(j["partial"]["unmeasured_points"] == 79);
        CHECK(j["partial"]["unknown"] == nlohmann::json::array({"reach", "amplification", "engagement"}));
        REQUIRE(r.sources.size() == 1);
        const auto& lacks = r.sources[0].lacks;
        CHECK(std::find(lacks.begin(), lacks.end(), "follower count") != lacks.end());
        CHECK(std::find(lacks.begin(), lacks.end(), "likes received") != lacks.end());
        bool partial = false, fol = false, react = false;
        for (const auto& w : r.warning_details) {
            partial |= w.code == "partial" && w.text.find("79 of its 100 points") != std::string::npos;
            fol |= w.code == "no_followers" && w.fix == "followers";
            react |= w.code == "no_reactions" && w.fix == "reactions";
            // the report's words fit every front end: no command-line option in them
            CHECK(w.text.find("--") == std::string::npos);
        }
        CHECK(partial);
        CHECK(fol);
        CHECK(react);
        // the CLI words the fixes with its options
        const std::string text = report_to_text(r);
        CHECK(text.find("--followers N") != std::string::npos);
        CHECK(text.find("--reactions-per-post N") != std::string::npos);
        CHECK(text.find("Partial score: 79 of 100 points could not be measured") != std::string::npos);

        // the person supplies a follower count: reach becomes known with its own 25 points only
        supply_followers(a, 300);
        const Report s = build_report(a);
        CHECK(s.result[ComponentId::Reach].available);
        CHECK(s.result[ComponentId::Reach].max_points == 25);
        CHECK(s.result.score > r.result.score);
        CHECK(s.result.unmeasured_points() == 54);
        CHECK(s.inputs.followers_from == prov_bit(Provenance::Typed));
        CHECK(s.sources[0].followers_supplied == 300);
        CHECK(report_to_json(s).find("was supplied by you") != std::string::npos);
        CHECK(nlohmann::json::parse(report_to_json(s))["components"][0]["provenance"] == nlohmann::json::array({"typed"}));
    }
}

TEST_CASE("unknown: followers known but no reactions (Instagram-like): reach keeps its 25 points, no more") {
    const Report r = build_report(gen::make_activity(gen::Profile::SmallBusiness, opts(1, Network::Instagram)));
    CHECK(r.result[ComponentId::Reach].max_points == 25);
    CHECK_FALSE(r.result[ComponentId::Engagement].available);
    CHECK_FALSE(r.result[ComponentId::Amplification].available);
    CHECK(r.result.base_points + sum_points(r.result) == r.result.score);
    CHECK(r.result.score <= 1 + 25 + 10 + 10);
    // the style does not call an unknown response modest
    CHECK(r.style.response == "unknown");
    CHECK(r.style.description.find("modest") == std::string::npos);
    CHECK(r.style.description.find("not in these exports") != std::string::npos);
}

TEST_CASE("unknown: no redistribution; every component keeps its own maximum") {
    ScoreInputs in;
    in.reactions_known = true;  // reach and amplification unknown
    in.top_reactions.assign(50, 40);
    in.posts_with_reactions = 50;
    auto r = score_inputs(in);
    CHECK(r[ComponentId::Engagement].max_points == 34);
    CHECK(r[ComponentId::Reach].max_points == 25);
    CHECK(r[ComponentId::Amplification].max_points == 20);
    CHECK(r.unmeasured_points() == 45);
    const auto eng_before = r[ComponentId::Engagement].points_q;
    in.followers = 5;  // reach known: engagement's exact points do not change
    r = score_inputs(in);
    CHECK(r[ComponentId::Engagement].points_q == eng_before);
    CHECK(r[ComponentId::Reach].max_points == 25);
    CHECK(r.unmeasured_points() == 20);
    // a known component never scores above its own exact points because another is unknown
    ScoreInputs full = in;
    full.reshares_known = true;
    const auto f = score_inputs(full);
    for (int i = 0; i < kComponentCount; ++i)
        if (r.components[static_cast<size_t>(i)].available)
            CHECK(r.components[static_cast<size_t>(i)].points_q == f.components[static_cast<size_t>(i)].points_q);
}

TEST_CASE("unknown: no posts in the window, no influence beyond reach") {
    // Instagram export with connections only, Facebook with friends only: the score is at
    // most the base point plus reach, however many followers.
    for (Network n : {Network::Instagram, Network::Facebook}) {
        CAPTURE(network_id(n));
        Activity a;
        Account acc;
        acc.network = n;
        acc.format = "test";
        acc.followers = 844;
        acc.signals.followers = true;
        acc.export_time = 20000LL * 86400;
        a.accounts.push_back(acc);
        a.normalize();
        const Report r = build_report(a);
        CHECK(r.inputs.posts == 0);
        CHECK(r.result[ComponentId::Reach].available);
        CHECK(r.result.score == 1 + r.result[ComponentId::Reach].points);
        CHECK(r.result.score <= 1 + 25);
        CHECK(r.result.score < 20);  // model 1 gave this export 40
        bool warned = false;
        for (const auto& w : r.warning_details) warned |= w.code == "no_posts";
        CHECK(warned);
        // a million followers and still no posts: base + reach at most
        a.accounts[0].followers = 5000000;
        const Report big = build_report(a);
        CHECK(big.result.score == 1 + 25);
    }
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
