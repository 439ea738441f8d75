// Report: the clout.report.v2 object (schema fields, sources' counts, topics, top posts,
// engaged accounts, style, heatmap) checked against counts taken from the activity.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("report: schema fields are all there, in order") {
    const Report r = build_report(gen::make_activity(gen::Profile::Median, opts(1)));
    const auto j = nlohmann::ordered_json::parse(report_to_json(r));
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    const std::vector<std::string> expected = {"schema", "model", "as_of", "window_days", "score", "score_exact",
                                               "base_points", "partial", "components", "networks", "trend", "change",
                                               "activity_statement", "sources", "topics", "top_posts",
                                               "engaged_accounts", "style", "activity_heatmap", "tips", "what_if",
                                               "warnings", "warning_details"};
    CHECK(keys == expected);
    CHECK(j["score"].get<int>() == r.result.score);
    CHECK(j["trend"].size() == 365);
    CHECK(j["trend"].back()["date"] == j["as_of"]);
    CHECK(j["components"].size() == 5);
    int sum = j["base_points"].get<int>();
    for (auto& c : j["components"]) sum += c["points"].get<int>();
    CHECK(sum == r.result.score);
    CHECK(j["partial"].is_null());  // an X archive with a follower list measures everything
    CHECK(j["change"]["components_d30"].size() == 5);
    CHECK(j["sources"][0]["network"] == "x");
    CHECK(j["activity_heatmap"]["timezone"] == "UTC");
}

TEST_CASE("report: sources count what the activity holds") {
    const Activity a = gen::make_activity(gen::Profile::Median, opts(2));
    const Report r = build_report(a);
    int64_t posts = 0, replies = 0, reposts = 0;
    for (const Post& p : a.posts) {
        posts += p.kind != PostKind::Repost;
        replies += p.kind == PostKind::Reply;
        reposts += p.kind == PostKind::Repost;
    }
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].posts == posts);
    CHECK(r.sources[0].replies == replies);
    CHECK(r.sources[0].reposts == reposts);
    CHECK(r.sources[0].likes_given == a.accounts[0].likes_given);
    CHECK(r.sources[0].likes_given > 0);
    CHECK(r.sources[0].followers == 300);
    CHECK(r.sources[0].first_post == a.posts.front().time);
    CHECK(r.sources[0].last_post == a.posts.back().time);
    bool snapshot_note = false;
    for (const auto& n : r.sources[0].notes) snapshot_note |= n.find("snapshot") != std::string::npos;
    CHECK(snapshot_note);
}

TEST_CASE("report: heatmap, top posts, topics, engaged accounts, style") {
    const Activity a = gen::make_activity(gen::Profile::SmallBusiness, opts(3));
    const Report r = build_report(a);
    int64_t window = 0, best = -1;
    for (const Post& p : a.posts) {
        const int64_t d = day_of(p.time);
        if (d < r.as_of_day - 90 || d > r.as_of_day) continue;
        ++window;
        if (p.kind != PostKind::Repost) best = std::max(best, engagement_of(p));
    }
    int64_t cells = 0;
    for (const auto& row : r.heatmap)
        for (int64_t c : row) cells += c;
    CHECK(cells == window);
    REQUIRE(!r.top_posts.empty());
    CHECK(r.top_posts.size() <= 10);
    CHECK(r.top_posts[0].reactions == best);
    CHECK(!r.top_posts[0].snippet.empty());
    for (size_t i = 1; i < r.top_posts.size(); ++i) CHECK(r.top_posts[i - 1].reactions >= r.top_posts[i].reactions);
    REQUIRE(!r.topics.empty());
    bool has_tag = false;
    for (const auto& t : r.topics) has_tag |= t.hashtag && (t.term == "bakery" || t.term == "sourdough" || t.term == "localfood");
    CHECK(has_tag);
    REQUIRE(!r.engaged_accounts.empty());
    const std::string& first = r.engaged_accounts[0].account;  // the generator favours the first friends
    CHECK((first == "ana" || first == "ben" || first == "chloe"));
    for (size_t i = 1; i < r.engaged_accounts.size(); ++i)
        CHECK(r.engaged_accounts[i - 1].total() >= r.engaged_accounts[i].total());
    // counted independently: replies to "ana" in the whole activity
    const StrId ana = a.strings.find("ana");
    int64_t replies_to_ana = 0;
    for (const Post& p : a.posts) replies_to_ana += p.kind == PostKind::Reply && p.target_account == ana;
    for (const auto& e : r.engaged_accounts)
        if (e.account == "ana") CHECK(e.replies == replies_to_ana);
    for (const auto& e : r.engaged_accounts) CHECK(e.account != "corner_bakery");
    CHECK(r.style.id == "thought_leader");
    CHECK(build_report(gen::make_activity(gen::Profile::Median, opts(1))).style.id == "conversationalist");
}

TEST_CASE("report: the text summary names the score, components and changes") {
    const Report r = build_report(gen::make_activity(gen::Profile::Median, opts(1)));
    const std::string t = report_to_text(r);
    CHECK(t.find("Influence score " + std::to_string(r.result.score) + "/100") != std::string::npos);
    CHECK(t.find("Engagement") != std::string::npos);
    CHECK(t.find("in 30 days") != std::string::npos);
    CHECK(t.find("Per network: X") != std::string::npos);
}
