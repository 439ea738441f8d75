// An Instagram export with insights, generated and read by the real importer, then scored:
// engagement comes from the insights' post interactions (an estimate from aggregates,
// marked "insights"), amplification stays unknown (insights hold no reshare count), the
// partial points add up, and the insights' Followers fill reach when the export has no
// follower list (docs/SCORING.md §4).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "social_gen.h"
#include "social_test_util.h"
#include "util/time.h"

using namespace clout;
using namespace social_test;

namespace {

// The generator's Instagram posts run from 2023-01-01 to 2024-08-23; the export is dated
// the day after (its file name), and the insights cover the 90 days before it.
constexpr const char* kZip = "instagram-ana.sousa-2024-08-24-AbCd.zip";
constexpr const char* kRange = "May 26 - Aug 23";

Activity read_export(bool with_followers, const gen::InstagramInsightsOptions& io) {
    gen::InstagramOptions o;
    o.layout_2026 = true;
    gen::Expected ig, th;
    gen::GenExport files = gen::gen_instagram(o, ig, th);
    if (!with_followers) {
        gen::GenExport kept;
        for (auto& f : files)
            if (f.path.find("followers_") == std::string::npos) kept.push_back(std::move(f));
        files = std::move(kept);
    }
    gen::add_instagram_insights(files, io);
    TempDir d("ig-insights-score");
    gen::write_export_zip(files, d / kZip);
    return import_paths({d / kZip});
}

int instagram_index(const Report& r) {
    for (size_t i = 0; i < r.sources.size(); ++i)
        if (r.sources[i].network == Network::Instagram) return static_cast<int>(i);
    return -1;
}

// Published Instagram posts inside the insights range (what the total is spread over).
int64_t posts_in_range(const Activity& a, const Insights& in) {
    int64_t n = 0;
    for (const Post& p : a.posts) {
        if (a.accounts[p.account].network != Network::Instagram || p.kind == PostKind::Repost) continue;
        const int64_t d = day_of(p.time);
        n += d >= in.from_day && d <= in.to_day;
    }
    return n;
}

}  // namespace

TEST_CASE("insights scoring: engagement from the insights of a generated Instagram export, read by the importer") {
    gen::InstagramInsightsOptions io;
    io.range = kRange;
    io.post_interactions = "96";
    Activity a = read_export(true, io);
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    REQUIRE(acc->insights.present());
    CHECK(acc->insights.from_day == days_from_civil(2024, 5, 26));
    CHECK(acc->insights.to_day == days_from_civil(2024, 8, 23));
    CHECK(acc->insights.post_interactions == 96);
    CHECK(acc->followers == 150);  // the follower list

    const Report r = build_report(a);
    const int src = instagram_index(r);
    REQUIRE(src >= 0);
    const int64_t in_range = posts_in_range(a, acc->insights);
    REQUIRE(in_range > 0);
    // the total spread evenly over the range's posts, the roster rows' path
    CHECK(r.sources[static_cast<size_t>(src)].reactions_per_post_filled_c == 100 * per_post_from_total(96, in_range));
    CHECK(r.sources[static_cast<size_t>(src)].reactions_from == prov_bit(Provenance::Insights));

    // Engagement is known, from insights; amplification is unknown; reach is the export's.
    CHECK(r.result[ComponentId::Engagement].available);
    CHECK(r.result[ComponentId::Engagement].points > 0);
    CHECK_FALSE(r.result[ComponentId::Amplification].available);
    CHECK((r.inputs.reactions_from & prov_bit(Provenance::Insights)) != 0);
    CHECK(r.inputs.reshares_from == 0);
    const auto j = nlohmann::json::parse(report_to_json(r));
    CHECK(j["components"][2]["provenance"] == nlohmann::json::array({"insights"}));
    CHECK(j["components"][1]["known"] == false);
    CHECK(j["components"][1]["points"].is_null());
    // The report says the estimate comes from aggregates.
    bool estimate = false;
    for (const auto& w : r.warning_details) estimate |= w.code == "insights_estimate";
    CHECK(estimate);
    CHECK(report_to_json(r).find("estimate from the export's insights (aggregates spread evenly over the posts of their range)") !=
          std::string::npos);
    CHECK(report_to_text(r).find("[insights]") != std::string::npos);

    // The partial points: amplification's 20 are unmeasured, and base + the known points
    // make the score, in the result and in the JSON.
    CHECK(r.result.partial());
    CHECK(r.result.unmeasured_points() == 20);
    CHECK(j["partial"]["unmeasured_points"] == 20);
    CHECK(j["partial"]["unknown"] == nlohmann::json::array({"amplification"}));
    int sum = r.result.base_points;
    for (const auto& c : r.result.components)
        if (c.available) sum += c.points;
    CHECK(sum == r.result.score);
    // The same inputs scored again give the same points (what a share link recomputes).
    const ScoreResult again = score_inputs(r.inputs);
    CHECK(again.exact_q == r.result.exact_q);
    for (size_t i = 0; i < again.components.size(); ++i) CHECK(again.components[i].points == r.result.components[i].points);

    // Without insights the same export's engagement is unknown, and the score lower.
    gen::InstagramInsightsOptions none = io;
    none.post_interactions = "";
    none.content_interactions = "";
    const Report bare = build_report(read_export(true, none));
    CHECK_FALSE(bare.result[ComponentId::Engagement].available);
    CHECK(bare.result.unmeasured_points() == 54);
    CHECK(bare.result.score < r.result.score);
}

TEST_CASE("insights scoring: the insights' Followers fill reach, marked insights, when the export has no follower list") {
    gen::InstagramInsightsOptions io;
    io.range = kRange;
    io.post_interactions = "96";
    Activity a = read_export(false, io);
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    CHECK(acc->followers == -1);  // the model keeps what the export says: no follower list
    CHECK(acc->insights.followers == 2017);
    const Report r = build_report(a);
    CHECK(r.inputs.followers >= 2017);  // Threads' own follower list may add to it
    CHECK((r.inputs.followers_from & prov_bit(Provenance::Insights)) != 0);
    const int src = instagram_index(r);
    REQUIRE(src >= 0);
    CHECK(r.sources[static_cast<size_t>(src)].followers_from == prov_bit(Provenance::Insights));
    bool noted = false;
    for (const auto& n : r.sources[static_cast<size_t>(src)].notes) noted |= n == "Follower count 2017 comes from the export's insights.";
    CHECK(noted);
    CHECK(r.result[ComponentId::Reach].available);
    // The Instagram network's own score reads the insights' count alone.
    for (const auto& n : r.networks)
        if (n.network == Network::Instagram) {
            ScoreInputs in = n.inputs;
            CHECK(in.followers == 2017);
            CHECK(in.followers_from == prov_bit(Provenance::Insights));
        }
    // A follower list in the export wins over the insights' figure.
    const Report with_list = build_report(read_export(true, io));
    for (const auto& n : with_list.networks)
        if (n.network == Network::Instagram) CHECK(n.inputs.followers == 150);
}
