// Scoring: WHAT-IF on the report's inputs, the inputs' JSON round trip, tips computed by
// the engine, and roster rows (aggregates) mapped to inputs.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("what-if: neutral parameters give the report's own score") {
    for (auto p : gen::all_profiles()) {
        const Report r = build_report(gen::make_activity(p, opts(4)));
        CHECK(apply_what_if(r.inputs, WhatIfParams{}).exact_q == r.result.exact_q);
    }
}

TEST_CASE("what-if: the inputs survive the JSON round trip, from the report's own JSON") {
    const Report r = build_report(gen::make_activity(gen::Profile::Median, opts(4)));
    const ScoreInputs back = inputs_from_json(inputs_to_json(r.inputs));
    CHECK(inputs_to_json(back) == inputs_to_json(r.inputs));
    CHECK(score_inputs(back).exact_q == r.result.exact_q);
    const std::string j = report_to_json(r);
    auto doc = nlohmann::json::parse(j);
    const ScoreInputs from_report = inputs_from_json(doc["what_if"]["inputs"].dump());
    CHECK(score_inputs(from_report).exact_q == r.result.exact_q);
    CHECK_THROWS_AS(inputs_from_json("[1,2]"), InputError);
    CHECK_THROWS_AS(inputs_from_json("{\"followers\": -5}"), InputError);
    CHECK_THROWS_AS(inputs_from_json("not json"), InputError);
}

TEST_CASE("what-if: sliders move the score the expected way") {
    const Report r = build_report(gen::make_activity(gen::Profile::Median, opts(4)));
    WhatIfParams p;
    p.followers = r.inputs.followers * 10;
    CHECK(apply_what_if(r.inputs, p).exact_q > r.result.exact_q);
    p = {};
    p.reactions_factor = 3.0;
    CHECK(apply_what_if(r.inputs, p).exact_q >= r.result.exact_q);
    p = {};
    p.reactions_factor = 0.0;
    CHECK(apply_what_if(r.inputs, p)[ComponentId::Engagement].value_q == 0);
    p = {};
    p.replies_factor = 3.0;
    CHECK(apply_what_if(r.inputs, p).exact_q >= r.result.exact_q);
    p = {};
    p.weeks_active = 0;
    CHECK(apply_what_if(r.inputs, p)[ComponentId::Consistency].points == 0);
    p = {};
    p.posts_factor = 0.0;
    const ScoreInputs none = what_if_inputs(r.inputs, p);
    CHECK(none.posts == 0);
    CHECK(none.top_reactions.empty());
}

TEST_CASE("tips: 3 to 5, each worth exactly what the engine computes for its what-if") {
    for (auto prof : {gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::SmallBusiness}) {
        const Report r = build_report(gen::make_activity(prof, opts(5)));
        CHECK(r.tips.size() >= 3);
        CHECK(r.tips.size() <= 5);
        for (const auto& t : r.tips) {
            if (t.id == "start_conversations") continue;
            const ScoreResult w = apply_what_if(r.inputs, t.params);
            CHECK(t.points == w.score - r.result.score);
            CHECK(t.points_q == w.exact_q - r.result.exact_q);
        }
        for (size_t i = 1; i < r.tips.size(); ++i) CHECK(r.tips[i - 1].points_q >= r.tips[i].points_q);
    }
}

TEST_CASE("aggregates: a roster row maps to inputs; more reactions or followers rank higher") {
    Aggregates row;
    row.followers = 300;
    row.posts = 60;
    row.likes_received = 200;
    row.reposts_received = 40;
    row.replies_made = 25;
    row.period_days = 91;
    const ScoreInputs in = inputs_from_aggregates(row);
    CHECK(in.posts == 60);
    CHECK(in.median_reactions == 4);
    CHECK(in.top_reactions.size() == 60);
    CHECK(in.weeks_active == 13);
    CHECK(in.reshared_posts == 40);
    const int base = score_inputs(in).score;
    CHECK(base >= 30);
    CHECK(base <= 60);
    Aggregates more = row;
    more.likes_received = 2000;
    CHECK(score_inputs(inputs_from_aggregates(more)).exact_q >= score_inputs(in).exact_q);
    more = row;
    more.followers = 30000;
    CHECK(score_inputs(inputs_from_aggregates(more)).exact_q > score_inputs(in).exact_q);
    // a period twice as long is scaled to the window
    Aggregates longer = row;
    longer.posts = 120;
    longer.likes_received = 400;
    longer.reposts_received = 80;
    longer.replies_made = 50;
    longer.period_days = 182;
    CHECK(inputs_from_aggregates(longer).posts == 60);
    // unknown replies: conversation unknown, consistency keeps its own 10 points
    Aggregates noreplies = row;
    noreplies.replies_made = -1;
    const ScoreResult nr = score_inputs(inputs_from_aggregates(noreplies));
    CHECK_FALSE(nr[ComponentId::Conversation].available);
    CHECK(nr[ComponentId::Consistency].max_points == 10);
    CHECK(nr[ComponentId::Conversation].max_points == 10);
    CHECK(nr.unmeasured_points() == 10);
}
