// Typed means per post with decimals: "about 0.4 reposts a post" is what most people's
// posts get, and a whole number would make it a known 0 or 1. The report takes them to two
// decimals (hundredths), prints them as typed and reads them back byte for byte (the CLI's
// --reactions-per-post 0.4: tests/test_cli_errors.cpp).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "export_gen.h"
#include "report/report.h"
#include "social_test_util.h"
#include "temp_dir.h"

using namespace clout;
using clout_test::TempDir;

namespace {

Report typed(const Activity& a, double reactions, double reshares) {
    ReportOptions o;
    SuppliedSignals s;
    s.followers = 300;
    s.reactions_per_post = reactions;
    s.reshares_per_post = reshares;
    o.supplied.push_back(s);
    return build_report(a, o);
}

}  // namespace

TEST_CASE("typed means: decimals count to two places, print as typed and read back byte for byte") {
    TempDir d("typed-means");
    gen::ActivityExportOptions o;
    o.profile = gen::Profile::Median;
    o.seed = 2;
    const std::string file = d / gen::mastodon_archive_name(20000LL * 86400 + 43200);  // the as-of day's noon
    gen::write_activity_mastodon_archive(o, file);
    const Activity a = social_test::import_paths({file});

    const Report r = typed(a, 3.1, 0.4);
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].reactions_per_post_filled_c == 310);
    CHECK(r.sources[0].reshares_per_post_filled_c == 40);
    const std::string json = report_to_json(r);
    const auto j = nlohmann::json::parse(json);
    CHECK(j["sources"][0]["filled"]["reactions_per_post"].dump() == "3.1");
    CHECK(j["sources"][0]["filled"]["reshares_per_post"].dump() == "0.4");
    CHECK(report_to_json(report_from_json(json)) == json);
    bool noted = false;
    for (const auto& n : r.sources[0].notes) noted = noted || n.rfind("Reshares per post (0.4) was typed in by you", 0) == 0;
    CHECK(noted);

    // A known 0.4 is not a known 0: amplification gets points, as the real counts give it.
    const Report zero = typed(a, 3.1, 0);
    CHECK(r.result[ComponentId::Amplification].available);
    CHECK(zero.result[ComponentId::Amplification].available);
    CHECK(zero.result[ComponentId::Amplification].points == 0);
    CHECK(r.result[ComponentId::Amplification].points > 0);
    CHECK(r.result.score > zero.result.score);

    // Two decimals: more digits give the same report as their rounding; whole numbers print whole.
    CHECK(report_to_json(typed(a, 3.1, 0.4049)) == json);
    CHECK(report_to_json(typed(a, 3.0999, 0.4)) == json);
    const auto whole = nlohmann::json::parse(report_to_json(typed(a, 6, 1)));
    CHECK(whole["sources"][0]["filled"]["reactions_per_post"].dump() == "6");
    CHECK(whole["sources"][0]["filled"]["reshares_per_post"].dump() == "1");
    const auto two = nlohmann::json::parse(report_to_json(typed(a, 2.35, 0.05)));
    CHECK(two["sources"][0]["filled"]["reactions_per_post"].dump() == "2.35");
    CHECK(two["sources"][0]["filled"]["reshares_per_post"].dump() == "0.05");
    CHECK(per_post_text(5) == "0.05");
    CHECK(per_post_text(1230) == "12.3");
    CHECK(per_post_text(0) == "0");
}
