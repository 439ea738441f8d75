// Reading an X archive's data files on several threads: the report is byte for
// byte the one a single thread gives, whatever the number of threads, for sound archives,
// damaged parts, limits and folders; and run_jobs itself keeps order, stops and reports.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "importers/importer.h"
#include "io/container.h"
#include "io/jobs.h"
#include "report/report.h"
#include "social_test_util.h"
#include "util/error.h"
#include "x_archive_gen.h"

using namespace clout;

namespace {

// The report JSON (or "error: ..." for a failure) of `path` read with `threads` threads.
std::string read_with(const std::string& path, unsigned threads, uint64_t max_posts = 0, std::vector<std::string>* warnings = nullptr) {
    Activity a;
    ImportContext ctx;
    ctx.threads = threads;
    if (max_posts) ctx.limits.max_posts = max_posts;
    try {
        import_path(path, a, ctx);
    } catch (const std::exception& e) {
        return std::string("error: ") + e.what();
    }
    a.normalize();
    if (warnings) *warnings = a.warnings;
    return report_to_json(build_report(a));
}

gen::XArchiveOptions many_parts() {
    gen::XArchiveOptions o;
    o.seed = 77;
    o.tweets = 3000;
    o.parts = 5;
    o.note_tweets = 10;
    o.community_tweets = 20;
    o.likes = 900;
    o.followers = 400;
    o.following = 150;
    return o;
}

}  // namespace

TEST_CASE("x archive in parallel: 1, 2, 3 and 8 threads give the same report") {
    social_test::TempDir dir("xpar");
    std::string zip = dir / "x.zip";
    gen::XArchiveExpected e = gen::write_x_archive(zip, many_parts());
    std::string one = read_with(zip, 1);
    REQUIRE(one.rfind("error", 0) != 0);
    CHECK(e.posts > 0);
    for (unsigned t : {2u, 3u, 8u}) {
        CAPTURE(t);
        CHECK(read_with(zip, t) == one);
    }
}

TEST_CASE("x archive in parallel: a damaged part gives the same warnings and report") {
    social_test::TempDir dir("xpar-damaged");
    gen::XArchiveOptions o = many_parts();
    o.damaged_part = 2;
    std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, o);
    std::vector<std::string> w1, w2;
    std::string one = read_with(zip, 1, 0, &w1);
    std::string two = read_with(zip, 2, 0, &w2);
    REQUIRE(w1.size() == 1);
    CHECK(w1[0].find("posts before it were kept") != std::string::npos);
    CHECK(w1 == w2);
    CHECK(one == two);
}

TEST_CASE("x archive in parallel: the post limit is exact across threads") {
    social_test::TempDir dir("xpar-limit");
    std::string zip = dir / "x.zip";
    gen::XArchiveExpected e = gen::write_x_archive(zip, many_parts());
    const uint64_t all = static_cast<uint64_t>(e.records);
    // One post short of the whole archive fails with the same message on any thread count.
    std::string one = read_with(zip, 1, all - 1), two = read_with(zip, 3, all - 1);
    CHECK(one == "error: more than " + std::to_string(all - 1) + " posts (limit --max-posts)");
    CHECK(two == one);
    // Exactly enough is fine.
    CHECK(read_with(zip, 3, all).rfind("error", 0) != 0);
}

TEST_CASE("x archive in parallel: a folder reads on several threads too") {
    social_test::TempDir dir("xpar-folder");
    std::string zip = dir / "x.zip", folder = dir / "unzipped";
    gen::XArchiveOptions o = many_parts();
    gen::write_x_archive(zip, o);
    gen::write_x_archive_dir(folder, o);
    // The report names its source: compare everything after it by reading both the same way.
    std::string f1 = read_with(folder, 1), f4 = read_with(folder, 4);
    REQUIRE(f1.rfind("error", 0) != 0);
    CHECK(f1 == f4);
}

TEST_CASE("run_jobs: every job once, results by index, idle errors stop the rest") {
    std::atomic<bool> stop{false};
    std::vector<int> out(50, 0);
    std::atomic<int> calls{0};
    run_jobs(out.size(), 4, stop, [&](size_t i, bool) { out[i] = static_cast<int>(i) * 2; ++calls; }, [] {});
    CHECK(calls == 50);
    for (size_t i = 0; i < out.size(); ++i) CHECK(out[i] == static_cast<int>(i) * 2);

    // One thread: in order, on the calling thread, idle between jobs.
    std::vector<size_t> order;
    int idles = 0;
    run_jobs(4, 1, stop, [&](size_t i, bool inline_run) { CHECK(inline_run); order.push_back(i); }, [&] { ++idles; });
    CHECK(order == std::vector<size_t>{0, 1, 2, 3});
    CHECK(idles == 3);

    // An idle() that throws (a cancellation) sets stop, waits for the jobs and rethrows.
    std::atomic<bool> stop2{false};
    bool threw = false;
    try {
        run_jobs(2, 2, stop2, [&](size_t, bool inline_run) {
            while (!inline_run && !stop2) std::this_thread::yield();  // (wasm: one thread, inline)
        }, [] { throw Cancelled(); });
    } catch (const Cancelled&) {
        threw = true;
    }
    CHECK(threw);
    CHECK(stop2);
}
