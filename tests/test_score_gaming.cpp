// Scoring: gaming resistance. Thousands of posts without reactions barely move the
// score; one viral post cannot carry it to the top; bought volume is not influence.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

namespace {
void add_posts(Activity& a, int n, int64_t likes, int64_t first_id) {
    for (int i = 0; i < n; ++i) {
        Post p;
        p.account = 0;
        p.id = static_cast<uint64_t>(first_id + i);
        p.time = (20000 - 89) * kSecondsPerDay + static_cast<int64_t>(i) * (89 * kSecondsPerDay / n);
        p.likes = static_cast<int32_t>(likes);
        p.reposts = 0;
        a.add_post(p, "buy now cheap offer");
    }
}
}  // namespace

TEST_CASE("gaming: 5000 extra posts without reactions do not raise the score") {
    for (auto prof : {gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::Professional}) {
        CAPTURE(gen::profile_id(prof));
        Activity a;
        gen::add_profile_activity(a, prof, opts(10));
        a.normalize();
        const ScoreResult before = build_report(a).result;
        add_posts(a, 5000, 0, 9000000000000000000LL);
        a.normalize();
        const ScoreResult after = build_report(a).result;
        CHECK(after.score <= before.score);
        // Only the reshared share (Klout's "reactions per post" rule) dilutes; nothing else moves.
        for (auto id : {ComponentId::Reach, ComponentId::Engagement, ComponentId::Consistency, ComponentId::Conversation})
            CHECK(after[id].points_q == before[id].points_q);
        CHECK(after[ComponentId::Amplification].points_q <= before[ComponentId::Amplification].points_q);
        CHECK(before.score - after.score <= 10);
    }
}

TEST_CASE("gaming: a spam account posting thousands of times stays near the bottom") {
    for (uint64_t seed = 1; seed <= 3; ++seed) {
        const Report r = build_report(gen::make_activity(gen::Profile::Spam, opts(seed)));
        CHECK(r.inputs.posts > 3000);
        CHECK(r.result.score <= 12);
        CHECK(r.result[ComponentId::Engagement].points == 0);
        CHECK(r.result[ComponentId::Consistency].points == 0);
    }
}

TEST_CASE("gaming: one viral post cannot carry a newcomer to the top") {
    Activity a;
    gen::add_profile_activity(a, gen::Profile::Newcomer, opts(11));
    a.normalize();
    const int before = build_report(a).result.score;
    Post p;
    p.account = 0;
    p.id = 8000000000000000000ull;
    p.time = (20000 - 10) * kSecondsPerDay;
    p.likes = 2000000;
    p.reposts = 500000;
    a.add_post(p, "the one that went viral");
    a.normalize();
    const Report r = build_report(a);
    CHECK(r.result.score > before);   // it counts ...
    CHECK(r.result.score <= 40);      // ... but a single post is one post
    CHECK(r.result.h_reactions <= 3);
}

TEST_CASE("gaming: bought likes spread thin (1 per post on 3000 posts) stay far below a real audience") {
    Activity a;
    Account acc;
    acc.handle = "bought";
    acc.id = "77";
    acc.followers = 40;
    acc.export_time = 20000 * kSecondsPerDay;
    acc.signals.likes_received = acc.signals.reposts_received = acc.signals.followers = true;
    a.add_account(acc);
    add_posts(a, 3000, 1, 100);
    a.normalize();
    const Report r = build_report(a);
    CHECK(r.result.h_reactions == 1);
    CHECK(r.result.score <= 30);
    CHECK(r.result.score < build_report(gen::make_activity(gen::Profile::Median, opts(1))).result.score);
}
