// `clout score --tz ZONE`: the activity heatmap in an IANA zone read from the system's
// zoneinfo or in a fixed offset, labelled with the zone; bad zones are refused with one
// line and exit status 2. Runs the `clout` binary next to this test executable (native only).
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "social_test_util.h"
#include "x_archive_gen.h"

using namespace social_test;

namespace {

std::string clout_bin() {
    return (fs::path(fs::read_symlink("/proc/self/exe")).parent_path() / "clout").string();
}

struct Out {
    int status = -1;
    std::string out, err;
};

Out run(const std::string& args, const TempDir& d) {
    const std::string err = d / "stderr.txt";
    const std::string cmd = "'" + clout_bin() + "' " + args + " 2>'" + err + "'";
    Out o;
    FILE* p = popen(cmd.c_str(), "r");
    REQUIRE(p);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) o.out.append(buf, n);
    const int st = pclose(p);
    o.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    o.err = read_file(err);
    return o;
}

}  // namespace

TEST_CASE("cli --tz: the heatmap in a fixed offset and in an IANA zone, labelled") {
    if (!fs::exists(clout_bin())) {
        MESSAGE("clout binary not built next to the tests; skipped");
        return;
    }
    TempDir d("cli-tz");
    clout::gen::XArchiveOptions xo;
    xo.tweets = 800;
    xo.seed = 3;
    const std::string zip = d / "x.zip";
    clout::gen::write_x_archive(zip, xo);
    const Out u = run("score '" + zip + "' --json", d);
    REQUIRE(u.status == 0);
    const auto ju = nlohmann::json::parse(u.out);
    CHECK(ju["activity_heatmap"]["label"] == "Times in UTC");

    const Out f = run("score '" + zip + "' --json --tz -05:00", d);
    REQUIRE(f.status == 0);
    const auto jf = nlohmann::json::parse(f.out);
    CHECK(jf["activity_heatmap"]["timezone"] == "UTC-05:00");
    CHECK(jf["activity_heatmap"]["label"] == "Times in UTC-05:00");
    for (int day = 0; day < 7; ++day)
        for (int h = 0; h < 24; ++h) {
            const int uh = h + 5, ud = uh >= 24 ? (day + 1) % 7 : day;
            CHECK(jf["activity_heatmap"]["counts"][day][h] == ju["activity_heatmap"]["counts"][ud][uh % 24]);
        }
    CHECK(jf["score"] == ju["score"]);

    if (!fs::exists("/usr/share/zoneinfo/America/New_York")) {
        MESSAGE("/usr/share/zoneinfo not installed (tzdata): the IANA part is skipped");
        return;
    }
    const Out ny = run("score '" + zip + "' --json --tz America/New_York", d);
    REQUIRE(ny.status == 0);
    const auto jn = nlohmann::json::parse(ny.out);
    CHECK(jn["activity_heatmap"]["timezone"] == "America/New_York");
    const std::string label = jn["activity_heatmap"]["label"];
    CHECK(label.rfind("Times in America/New_York (E", 0) == 0);
    int64_t a = 0, b = 0;
    for (int day = 0; day < 7; ++day)
        for (int h = 0; h < 24; ++h) a += jn["activity_heatmap"]["counts"][day][h].get<int64_t>(),
                                     b += ju["activity_heatmap"]["counts"][day][h].get<int64_t>();
    CHECK(a == b);
    CHECK(jn["activity_heatmap"]["counts"] != ju["activity_heatmap"]["counts"]);
    CHECK(jn["score"] == ju["score"]);
}

TEST_CASE("cli --tz: unknown or malformed zones are refused with one line") {
    if (!fs::exists(clout_bin())) return;
    TempDir d("cli-tz-bad");
    clout::gen::XArchiveOptions xo;
    xo.tweets = 50;
    const std::string zip = d / "x.zip";
    clout::gen::write_x_archive(zip, xo);
    for (const char* z : {"Mars/Olympus_Mons", "../../etc/passwd", "+25:00", "Europe"}) {
        CAPTURE(z);
        const Out o = run("score '" + zip + "' --tz '" + z + "'", d);
        CHECK(o.status == 2);
        CHECK(o.out.empty());
        CHECK(o.err.rfind("error: --tz: ", 0) == 0);
        CHECK(std::count(o.err.begin(), o.err.end(), '\n') == 2);  // the line, then "(see clout --help)"
    }
    const Out m = run("score '" + zip + "' --tz", d);
    CHECK(m.status == 2);
    CHECK(m.err.find("--tz needs a time zone") != std::string::npos);
}
