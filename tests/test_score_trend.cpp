// Scoring: the daily trend (O(days+posts) sliding window) agrees with a full rescan of
// each day, its changes add up exactly, and the activity statement accounts for d30.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("trend: 365 ascending days ending at as_of, last point = the score") {
    for (auto p : gen::all_profiles()) {
        CAPTURE(gen::profile_id(p));
        const Activity a = gen::make_activity(p, opts(2));
        const Report r = build_report(a);
        REQUIRE(r.trend.size() == 365);
        for (size_t i = 1; i < r.trend.size(); ++i) REQUIRE(r.trend[i].day == r.trend[i - 1].day + 1);
        CHECK(r.trend.back().day == r.as_of_day);
        CHECK(r.trend.back().score == r.result.score);
        CHECK(r.trend.back().exact_q == r.result.exact_q);
        for (const auto& t : r.trend) {
            REQUIRE(t.score >= 1);
            REQUIRE(t.score <= 100);
            REQUIRE(std::accumulate(t.points.begin(), t.points.end(), 0) == t.score - 1);
        }
    }
}

TEST_CASE("trend: the sliding window equals a full rescan of every sampled day") {
    for (auto p : {gen::Profile::Median, gen::Profile::Professional, gen::Profile::Newcomer}) {
        CAPTURE(gen::profile_id(p));
        const Activity a = gen::make_activity(p, opts(3));
        const Report r = build_report(a);
        for (size_t i = 0; i < r.trend.size(); i += 11) {
            ReportOptions o;
            o.as_of_day = r.trend[i].day;
            const Report day = build_report(a, o);  // window_stats over the posts: an independent path
            CAPTURE(format_day(r.trend[i].day));
            REQUIRE(day.result.exact_q == r.trend[i].exact_q);
            REQUIRE(day.result.score == r.trend[i].score);
            for (size_t c = 0; c < static_cast<size_t>(kComponentCount); ++c)
                REQUIRE(day.result.components[c].points == r.trend[i].points[c]);
        }
    }
}

TEST_CASE("change: d1/d7/d30 are differences of the trend's own points; components_d30 adds up to d30") {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
        for (auto p : gen::all_profiles()) {
            const Report r = build_report(gen::make_activity(p, opts(seed)));
            const size_t n = r.trend.size();
            CHECK(r.d1 == r.trend[n - 1].score - r.trend[n - 2].score);
            CHECK(r.d7 == r.trend[n - 1].score - r.trend[n - 8].score);
            CHECK(r.d30 == r.trend[n - 1].score - r.trend[n - 31].score);
            CHECK(std::accumulate(r.components_d30.begin(), r.components_d30.end(), 0) == r.d30);
            for (size_t c = 0; c < static_cast<size_t>(kComponentCount); ++c)
                CHECK(r.components_d30[c] == r.trend[n - 1].points[c] - r.trend[n - 31].points[c]);
        }
    }
}

TEST_CASE("activity statement: entered + left + calendar = d30, and posts are attributed by leave-one-out") {
    for (uint64_t seed = 1; seed <= 4; ++seed) {
        for (auto p : {gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::SmallBusiness}) {
            const Activity a = gen::make_activity(p, opts(seed));
            const Report r = build_report(a);
            const auto& st = r.statement;
            CHECK(st.entered_points + st.left_points + st.calendar_points == r.d30);
            // counts of the published posts that entered / left, counted independently
            int64_t entered = 0, left = 0;
            for (const Post& q : a.posts) {
                if (q.kind == PostKind::Repost) continue;
                const int64_t d = day_of(q.time);
                entered += d > r.as_of_day - 30 && d <= r.as_of_day;
                left += d >= r.as_of_day - 120 && d <= r.as_of_day - 91;
            }
            CHECK(st.entered_count == entered);
            CHECK(st.left_count == left);
            CHECK(st.entered.size() <= 20);
            // leave-one-out of one listed post, recomputed by removing it from the activity
            if (!st.entered.empty()) {
                const StatementPost& sp = st.entered.front();
                Activity b;
                gen::add_profile_activity(b, p, opts(seed));
                b.posts.erase(std::remove_if(b.posts.begin(), b.posts.end(), [&](const Post& q) { return q.id == sp.id; }),
                              b.posts.end());
                b.normalize();
                ReportOptions o;
                o.as_of_day = r.as_of_day;
                const Report without = build_report(b, o);
                CHECK(r.result.exact_q - without.result.exact_q == sp.points_q);
            }
        }
    }
}
