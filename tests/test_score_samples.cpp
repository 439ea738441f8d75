// Scoring end to end on the real public samples (read through the importers): the same
// export read twice counts once, the report is byte-identical run to run, the as-of day
// is the export's own, and missing signals are reported as unavailable.
#include <doctest/doctest.h>

#include <filesystem>

#include "importers/importer.h"
#include "score_helpers.h"
#include "need.h"

using namespace clout;

namespace {
std::string score_json(const std::vector<std::string>& paths, int64_t followers = -1) {
    Activity a;
    for (const auto& p : paths) {
        ImportContext ctx;
        import_path(p, a, ctx);
    }
    a.normalize();
    if (followers >= 0) supply_followers(a, followers);
    return report_to_json(build_report(a));
}
}  // namespace

TEST_CASE("samples: Mastodon and Bluesky exports score end to end, once per post however often given") {
    const std::string masto = CLOUT_SAMPLES_DIR "/mastodon/archive-2024";
    const std::string car = CLOUT_SAMPLES_DIR "/bluesky/paul_staging.repo.car";
    CLOUT_NEED(std::filesystem::exists(masto) && std::filesystem::exists(car), "the sample exports at " CLOUT_SAMPLES_DIR);
    const std::string once = score_json({masto});
    CHECK(score_json({masto}) == once);            // byte-identical run to run
    CHECK(score_json({masto, masto}) == once);     // the same export twice counts once
    const auto j = nlohmann::json::parse(once);
    CHECK(j["schema"] == "clout.report.v2");
    CHECK(j["components"][0]["known"] == false);  // no follower count in a Mastodon archive
    CHECK(j["components"][0]["points"].is_null());
    CHECK(j["partial"]["unmeasured_points"] == 79);
    CHECK(j["components"][0]["value"].is_null());
    CHECK(j["score"].get<int>() <= 21);
    CHECK(j["trend"].back()["score"] == j["score"]);
    const std::string with_followers = score_json({masto}, 500);
    CHECK(nlohmann::json::parse(with_followers)["components"][0]["known"] == true);
    CHECK(nlohmann::json::parse(with_followers)["score"].get<int>() > j["score"].get<int>());

    const auto both = nlohmann::json::parse(score_json({masto, car}));
    REQUIRE(both["networks"].size() == 2);
    CHECK(both["networks"][0]["network"] == "mastodon");
    CHECK(both["networks"][1]["network"] == "bluesky");
    CHECK(both["sources"].size() == 2);
    CHECK(score_json({car, masto}) == score_json({masto, car}));  // the order of the files changes nothing
}
