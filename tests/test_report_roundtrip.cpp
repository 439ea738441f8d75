// The report's JSON read back (report/report_read.cpp): report_to_json(report_from_json(t))
// gives t byte for byte for the golden report, reports of generated exports of every
// network, several networks at once, nearly empty reports and the real samples; the same
// through ReportReader a member at a time (the page's way); a damaged report is an
// InputError that names the member and the problem.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "activity_gen.h"
#include "bluesky_gen.h"
#include "importers/importer.h"
#include "mastodon_gen.h"
#include "report/report.h"
#include "social_gen.h"
#include "social_test_util.h"
#include "util/error.h"
#include "util/time.h"
#include "x_archive_gen.h"

using namespace clout;
using namespace social_test;

namespace {

std::string golden_text() {
    std::ifstream f(std::string(CLOUT_SOURCE_DIR) + "/tests/data/golden/x-archive-report.json", std::ios::binary);
    REQUIRE(f.good());
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

// t read back and written again gives t; so does the reader fed a member at a time.
void check_roundtrip(const std::string& t, const std::string& what) {
    INFO(what);
    const Report r = report_from_json(t);
    CHECK(report_to_json(r) == t);

    const nlohmann::json j = nlohmann::json::parse(t);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    std::reverse(keys.begin(), keys.end());  // any order
    ReportReader reader;
    for (const auto& k : keys)
        if (k != "trend") reader.member(k, j[k].dump());
    reader.trend(r.trend);
    CHECK(report_to_json(reader.finish()) == t);
}

std::string report_text(const Activity& a, const ReportOptions& o = {}) { return report_to_json(build_report(a, o)); }

std::string report_of_paths(const std::vector<std::string>& paths) { return report_text(import_paths(paths)); }

// The golden report with one change made to its parsed form.
template <class F>
std::string damaged(F change) {
    nlohmann::ordered_json j = nlohmann::ordered_json::parse(golden_text());
    change(j);
    return j.dump(2);
}

std::string error_of(const std::string& text) {
    try {
        report_from_json(text);
    } catch (const InputError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("report round trip: the golden report") {
    const std::string t = golden_text();
    check_roundtrip(t, "golden");
    const Report r = report_from_json(t);
    // typed fields, not only bytes
    CHECK(r.result.score >= 1);
    CHECK(format_day(r.as_of_day) == nlohmann::json::parse(t)["as_of"].get<std::string>());
    CHECK(!r.trend.empty());
    CHECK(r.trend.back().day == r.as_of_day);
    CHECK(r.networks.size() == 1);
    CHECK(r.networks[0].network == Network::X);
    CHECK(!r.top_posts.empty());
    CHECK(r.top_posts[0].id_kind == IdKind::Decimal);
    CHECK(r.inputs.posts > 0);
    CHECK(score_inputs(r.inputs).exact_q == r.result.exact_q);  // what_if.inputs is the whole combined input
}

TEST_CASE("report round trip: generated exports of every network, alone and together") {
    TempDir d("roundtrip");
    gen::XArchiveOptions xo;
    xo.seed = 11;
    xo.tweets = 900;
    xo.likes = 200;
    xo.followers = 150;
    gen::write_x_archive(d / "x.zip", xo);
    gen::MastodonSpec ms;
    ms.seed = 5;
    gen::write_mastodon_archive(ms, d / "mastodon", gen::ArchiveKind::Folder);
    gen::BlueskySpec bs;
    bs.seed = 9;
    std::string car;
    gen::make_bluesky_car(bs, car);
    write_file(d / "bsky.car", car);
    gen::Expected ig, th, fb, li, tt, rd;
    gen::write_export_dir(gen::gen_instagram({}, ig, th), d / "instagram");  // Instagram and Threads
    gen::write_export_dir(gen::gen_facebook({}, fb), d / "facebook");
    gen::write_export_dir(gen::gen_linkedin({}, li), d / "linkedin");
    gen::write_export_dir(gen::gen_tiktok({}, tt), d / "tiktok");
    gen::write_export_dir(gen::gen_reddit({}, rd), d / "reddit");
    const std::vector<std::string> all = {d / "x.zip",    d / "mastodon", d / "bsky.car", d / "instagram",
                                          d / "facebook", d / "linkedin", d / "tiktok",   d / "reddit"};
    for (const auto& p : all) check_roundtrip(report_of_paths({p}), p);
    const std::string together = report_of_paths(all);
    CHECK(report_from_json(together).networks.size() == 9);
    check_roundtrip(together, "every network at once");

    // each id encoding comes back as it was (Bluesky record keys, Reddit base 36, hashes)
    const Report r = report_from_json(together);
    const Report built = build_report(import_paths(all));
    REQUIRE(r.top_posts.size() == built.top_posts.size());
    for (size_t i = 0; i < r.top_posts.size(); ++i) {
        CHECK(format_post_id(r.top_posts[i].id, r.top_posts[i].id_kind) ==
              format_post_id(built.top_posts[i].id, built.top_posts[i].id_kind));
        CHECK(r.top_posts[i].network == built.top_posts[i].network);
    }
}

TEST_CASE("report round trip: generated profiles on each network, and nearly empty reports") {
    int n = 0;
    for (gen::Profile p : gen::all_profiles()) {
        for (Network net : {Network::X, Network::Mastodon, Network::Bluesky, Network::Reddit, Network::LinkedIn}) {
            gen::ActivityGenOptions o;
            o.seed = static_cast<uint64_t>(++n);
            o.network = net;
            check_roundtrip(report_text(gen::make_activity(p, o)), std::string(gen::profile_id(p)) + " on " + network_id(net));
        }
    }
    // no activity at all: only an as-of day
    Activity empty;
    empty.normalize();
    ReportOptions ro;
    ro.as_of_day = 19000;
    const std::string t = report_text(empty, ro);
    check_roundtrip(t, "empty");
    const Report r = report_from_json(t);
    CHECK(r.top_posts.empty());
    CHECK(r.sources.empty());
    CHECK(r.result.score == 1);
    // a one-day trend
    ro.trend_days = 1;
    check_roundtrip(report_text(empty, ro), "empty, one day");
}

TEST_CASE("report round trip: the real sample exports") {
    const std::string s = CLOUT_SAMPLES_DIR;
    const std::vector<std::string> samples = {s + "/mastodon/archive-2022",         s + "/mastodon/archive-2024",
                                              s + "/bluesky/fakermaker.repo.car",   s + "/bluesky/greenground.repo.car",
                                              s + "/bluesky/paul_staging.repo.car", s + "/meta/facebook",
                                              s + "/meta/instagram"};
    for (const auto& p : samples) check_roundtrip(report_of_paths({p}), p);
    check_roundtrip(report_of_paths(samples), "every sample at once");
}

TEST_CASE("report round trip: a text that is not valid UTF-8 comes back as the report wrote it") {
    gen::ActivityGenOptions o;
    o.seed = 3;
    Report r = build_report(gen::make_activity(gen::Profile::Median, o));
    REQUIRE(!r.top_posts.empty());
    r.top_posts[0].snippet = "caf\xE9 \xFF\xFE";    // Latin-1, as a file name or an old export may hold
    r.warnings.push_back("file r\xE9sum\xE9.csv");
    const std::string t = report_to_json(r);
    CHECK(t.find("\xEF\xBF\xBD") != std::string::npos);
    check_roundtrip(t, "Latin-1 text");
}

TEST_CASE("report reader: a damaged report is an InputError naming what is wrong") {
    using OJ = nlohmann::ordered_json;
    CHECK(error_of("") == "report: not valid JSON");
    CHECK(error_of("{\"schema\": ") == "report: not valid JSON");
    CHECK(error_of("[1, 2]") == "report: not a JSON object");
    CHECK(error_of("{}") == "report: 'schema' is missing (not a clout report)");
    CHECK(error_of(damaged([](OJ& j) { j["schema"] = "clout.roster.v1"; })).find("'schema' is not \"clout.report.v2\"") !=
          std::string::npos);
    CHECK(error_of(damaged([](OJ& j) { j.erase("tips"); })) == "report: 'tips' is missing");
    CHECK(error_of(damaged([](OJ& j) { j["extra"] = 1; })) == "report: 'extra' is not a member of a clout.report.v2 report");
    CHECK(error_of(damaged([](OJ& j) { j["score"] = "90"; })) == "report: 'score' is not an integer");
    CHECK(error_of(damaged([](OJ& j) { j["as_of"] = "2024-13-01"; })) ==
          "report: 'as_of' is not a date (YYYY-MM-DD): \"2024-13-01\"");
    CHECK(error_of(damaged([](OJ& j) { j["trend"][2]["date"] = "2024-1-1"; })) ==
          "report: 'trend[2].date' is not a date (YYYY-MM-DD): \"2024-1-1\"");
    CHECK(error_of(damaged([](OJ& j) { j["trend"][0]["points"].erase(0); })) ==
          "report: 'trend[0].points' has 4 entries, not 5");
    CHECK(error_of(damaged([](OJ& j) { j["top_posts"][1]["time"] = "yesterday"; })) ==
          "report: 'top_posts[1].time' is not a time (YYYY-MM-DDTHH:MM:SSZ): \"yesterday\"");
    CHECK(error_of(damaged([](OJ& j) { j["top_posts"][0]["id"] = "12 34"; })) ==
          "report: 'top_posts[0].id' is not a post id: \"12 34\"");
    CHECK(error_of(damaged([](OJ& j) { j["top_posts"][0]["likes"] = -3; })) == "report: 'top_posts[0].likes' is negative");
    CHECK(error_of(damaged([](OJ& j) { j["top_posts"][0]["kind"] = "story"; })) ==
          "report: 'top_posts[0].kind' is not a post kind (post, reply, quote, repost): \"story\"");
    CHECK(error_of(damaged([](OJ& j) { j["networks"][0]["network"] = "myspace"; })) ==
          "report: 'networks[0].network' is not a network: \"myspace\"");
    CHECK(error_of(damaged([](OJ& j) { j["components"].erase(4); })) == "report: 'components' has 4 entries, not 5");
    CHECK(error_of(damaged([](OJ& j) { j["components"][1]["label"] = "Reach"; })) ==
          "report: 'components[1].label' is not \"Amplification\"");
    CHECK(error_of(damaged([](OJ& j) { j["components"][2]["inputs"].erase("reaction_h_index"); })) ==
          "report: 'components[2].inputs.reaction_h_index' is missing");
    CHECK(error_of(damaged([](OJ& j) { j["components"][0]["inputs"]["followers"] = 12345678; })) ==
          "report: 'components' disagree with what_if.inputs on followers (12345678 vs 900)");
    CHECK(error_of(damaged([](OJ& j) { j["activity_heatmap"]["counts"][6].erase(0); })) ==
          "report: 'activity_heatmap.counts[6]' has 23 entries, not 24");
    CHECK(error_of(damaged([](OJ& j) { j["engaged_accounts"][0]["total"] = 0; })) ==
          "report: 'engaged_accounts[0].total' is not the sum of the account's counts");
    CHECK(error_of(damaged([](OJ& j) { j["style"]["creating_share"] = nullptr; })) ==
          "report: 'style.creating_share' is not a number");
    CHECK(error_of(damaged([](OJ& j) { j["warnings"] = {1}; })) == "report: 'warnings[0]' is not a string");
    CHECK(error_of(damaged([](OJ& j) { j["what_if"]["inputs"].erase("posts"); })).find("'what_if.inputs' is not valid") !=
          std::string::npos);
    CHECK(error_of(damaged([](OJ& j) { j["sources"][0]["counts"] = 7; })) == "report: 'sources[0].counts' is not an object");

    // a member at a time: a damaged member, a member twice, one missing
    ReportReader reader;
    CHECK_THROWS_WITH_AS(reader.member("model", std::string_view("{\"a\"")), "report: 'model' is not valid JSON", InputError);
    CHECK_THROWS_WITH_AS(reader.member("model", std::string_view("3")), "report: 'model' is not a string", InputError);
    reader.member("model", std::string_view("\"m\""));
    CHECK_THROWS_WITH_AS(reader.member("model", std::string_view("\"m\"")), "report: 'model' is given twice", InputError);
    CHECK_THROWS_WITH_AS(reader.finish(), "report: 'schema' is missing", InputError);
}
