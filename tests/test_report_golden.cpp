// Golden report: the full report JSON of a fixed generated X archive, byte for byte, so a
// speed-up of the readers or the engine (scripts/bench.sh) cannot change a report
// unnoticed. The same archive written as a deflated zip, a stored zip, a zip with data
// descriptors and a folder gives the same bytes.
//
// When the report format or the scoring model changes ON PURPOSE, regenerate the file:
//   CLOUT_UPDATE_GOLDEN=1 ./build-native/clout_tests -tc="golden*"
// and review the diff of tests/data/golden/x-archive-report.json like any other change.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "importers/importer.h"
#include "io/container.h"
#include "report/report.h"
#include "social_test_util.h"
#include "x_archive_gen.h"

using namespace clout;

namespace {

gen::XArchiveOptions golden_options() {
    gen::XArchiveOptions o;
    o.seed = 2024;
    o.tweets = 4000;
    o.parts = 2;
    o.note_tweets = 12;
    o.community_tweets = 30;
    o.likes = 1500;
    o.followers = 900;
    o.following = 300;
    o.media_files = 40;
    return o;
}

// The report of a zip, named "x.zip" (the name is the report's source), or of a folder.
std::string report_of(const std::string& path) {
    Activity a;
    ImportContext ctx;
    if (std::filesystem::is_directory(path)) {
        import_path(path, a, ctx);
    } else {
        auto c = open_source(open_file_source(path), "x.zip", ctx);
        import_container(*c, a, ctx);
    }
    a.normalize();
    return report_to_json(build_report(a));
}

const std::string kGolden = std::string(CLOUT_SOURCE_DIR) + "/tests/data/golden/x-archive-report.json";

}  // namespace

TEST_CASE("golden: the full report JSON of a fixed generated X archive") {
    social_test::TempDir dir("golden");
    const std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, golden_options());
    const std::string json = report_of(zip);
    CHECK(json == report_of(zip));  // twice in one process: the same bytes

    if (std::getenv("CLOUT_UPDATE_GOLDEN")) {
        std::ofstream(kGolden, std::ios::binary) << json;
        MESSAGE("wrote " << kGolden);
    }
    std::ifstream f(kGolden, std::ios::binary);
    REQUIRE_MESSAGE(f.good(), "no golden file: CLOUT_UPDATE_GOLDEN=1 ./build-native/clout_tests -tc=\"golden*\"");
    std::stringstream ss;
    ss << f.rdbuf();
    CHECK_MESSAGE(json == ss.str(), "the report changed; if on purpose: CLOUT_UPDATE_GOLDEN=1 ./build-native/clout_tests -tc=\"golden*\"");
}

TEST_CASE("golden: stored, data descriptors and folder forms give the same report bytes") {
    social_test::TempDir dir("golden-forms");
    gen::XArchiveOptions o = golden_options();
    gen::write_x_archive(dir / "deflated.zip", o);
    const std::string base = report_of(dir / "deflated.zip");
    o.stored = true;
    gen::write_x_archive(dir / "stored.zip", o);
    CHECK(report_of(dir / "stored.zip") == base);
    o.stored = false;
    o.data_descriptors = true;
    gen::write_x_archive(dir / "dd.zip", o);
    CHECK(report_of(dir / "dd.zip") == base);
    o.data_descriptors = false;
    gen::write_x_archive_dir(dir / "folder", o);
    // The folder's name is the report's source: compare everything else.
    std::string folder = report_of(dir / "folder");
    const std::string zname = "x.zip", fname = dir / "folder";
    for (size_t at; (at = folder.find(fname)) != std::string::npos;) folder.replace(at, fname.size(), zname);
    CHECK(folder == base);
}
