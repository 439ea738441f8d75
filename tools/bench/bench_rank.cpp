// Benchmark: the RFC 4180 reader on a big CSV, and `clout rank` on a generated roster.
//   bench_rank [ROWS]   (default 100000)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "io/byte_source.h"
#include "rank/roster.h"
#include "roster_gen.h"
#include "io/csv.h"

using namespace clout;

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
    long rows = argc > 1 ? std::atol(argv[1]) : 100000;
    gen::RosterOptions o;
    o.rows = rows;
    o.bad_every = 10000;
    std::string text = gen::gen_roster(o);
    std::printf("roster: %ld rows, %.1f MB\n", rows, static_cast<double>(text.size()) / (1 << 20));

    auto t0 = std::chrono::steady_clock::now();
    {
        auto src = memory_source(text);
        auto st = source_stream(*src, 0, src->size());
        CsvReader r(*st);
        std::vector<std::string> row;
        size_t n = 0;
        while (r.next(row)) ++n;
        double ms = ms_since(t0);
        std::printf("csv reader: %zu records in %.0f ms (%.0f MB/s)\n", n, ms, static_cast<double>(text.size()) / (1 << 20) / (ms / 1000));
    }
    t0 = std::chrono::steady_clock::now();
    auto src = memory_source(text);
    auto st = source_stream(*src, 0, src->size());
    Roster r = read_roster(*st);
    double read_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    rank_roster(r);
    double rank_ms = ms_since(t0);
    t0 = std::chrono::steady_clock::now();
    std::string table = roster_table(r, 20), csv = roster_csv(r), json = roster_json(r);
    double out_ms = ms_since(t0);
    std::printf("rank: read %.0f ms, score+sort %.0f ms, output (table top 20 + CSV + JSON, %.1f MB) %.0f ms; %zu warnings\n", read_ms,
                rank_ms, static_cast<double>(csv.size() + json.size()) / (1 << 20), out_ms, r.warnings.size());
    std::fputs(table.c_str(), stdout);
    return 0;
}
