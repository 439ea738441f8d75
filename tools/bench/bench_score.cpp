// Benchmark: the full report (score, per-network scores, 365-day trend, activity
// statement, topics, tips, JSON) for 1,000,000 generated posts, after "parsing" (the
// activity is built in memory first). Prints the time and the model's memory.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>

#include "activity_gen.h"
#include "report/report.h"

using namespace clout;

int main(int argc, char** argv) {
    const int64_t n = argc > 1 ? std::atoll(argv[1]) : 1000000;
    gen::ActivityGenOptions o;
    o.posts_override = n;
    o.history_days = 730;
    o.with_text = false;
    auto t0 = std::chrono::steady_clock::now();
    Activity a = gen::make_activity(gen::Profile::Professional, o);
    auto t1 = std::chrono::steady_clock::now();
    Report r;
    double best_ms = 1e9, best_cpu_ms = 1e9;
    std::string json;
    for (int rep = 0; rep < 3; ++rep) {
        auto s = std::chrono::steady_clock::now();
        const std::clock_t c0 = std::clock();
        r = build_report(a);
        json = report_to_json(r);
        const std::clock_t c1 = std::clock();
        auto e = std::chrono::steady_clock::now();
        best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(e - s).count());
        best_cpu_ms = std::min(best_cpu_ms, 1000.0 * static_cast<double>(c1 - c0) / CLOCKS_PER_SEC);
    }
    std::printf("posts: %zu (generated in %.0f ms)\n", a.posts.size(),
                std::chrono::duration<double, std::milli>(t1 - t0).count());
    std::printf("model memory: %.1f MB\n", static_cast<double>(a.memory_bytes()) / 1e6);
    std::printf("report + JSON: %.1f ms wall, %.1f ms CPU (best of 3), %zu bytes of JSON, score %d\n", best_ms,
                best_cpu_ms, json.size(), r.result.score);
    return 0;
}
