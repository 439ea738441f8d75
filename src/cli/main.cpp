// The native command-line front end. Thin: parses arguments, runs the pipeline
// (containers -> importers -> activity -> scoring -> report), prints the result.
// Exit status: 0 success, 2 bad input, 1 internal error.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#if CLOUT_CLI_FETCH
#include "fetch_curl.h"
#endif
#include "importers/importer.h"
#include "rank/roster.h"
#include "report/report.h"
#include "score/score.h"
#include "share/report_csv.h"  // --csv
#include "util/time.h"
#include "util/error.h"
#include "util/tz.h"

#ifdef __EMSCRIPTEN__
#include "file_source.h"  // the CLI under Node (scripts/bench.sh) reads as the wasm worker does
#endif

namespace {

const char* kUsage =
    "clout - your influence score from your own social-network exports, computed locally\n"
    "\n"
    "Usage:\n"
    "  clout score FILE... [options]   score one or more exports (zip, tar.gz, CAR, JSON, CSV, or a folder)\n"
    "  clout rank ROSTER.csv [options] rank a CSV of accounts by score (docs/RANKING.md)\n"
    "  clout --version                 print the version and the scoring model\n"
    "  clout --help                    this text\n"
    "\n"
    "Options for score:\n"
    "  --json                 print the full report as JSON (schema clout.report.v2)\n"
    "  --csv FILE             also write the trend and components as CSV to FILE (docs/REPORT.md)\n"
    "  --as-of YYYY-MM-DD     score as of this day (default: the export's own date)\n"
    "  --followers N          your follower count, for exports without one (Mastodon, Bluesky);\n"
    "                         when every export has a count, N replaces them\n"
    "  --fetch-public-counts  ask Bluesky's public AppView / the Mastodon account's own server for the\n"
    "                         follower count and your posts' reaction counts, which these exports\n"
    "                         lack (sends the DID or account name and your posts' ids; docs/FETCH.md)\n"
    "  --tz ZONE              time zone of the activity heatmap: an IANA name (Europe/Berlin, read\n"
    "                         from the system's zoneinfo, $TZDIR) or a fixed offset (+05:30) [UTC]\n"
    "  --reactions-per-post N about how many reactions (likes, reposts, replies) a post of yours\n"
    "                         gets (5, or 0.4 with at most two decimals), for exports without\n"
    "                         reaction counts (Bluesky, Instagram, ...);\n"
    "                         marked as typed in the report (docs/SCORING.md section 4)\n"
    "  --reshares-per-post N  about how many reposts or quotes a post of yours gets, likewise\n"
    "  --threads N            threads that read an X archive's data files [all cores, at most 4];\n"
    "                         the report is the same for any N\n"
    "  --skip-unreadable      with several FILEs, score the ones that can be read and print a\n"
    "                         warning for each one skipped (default: stop at the first, exit 2);\n"
    "                         a media-only part of an X archive is always left out with a note\n"
    "\n"
    "Options for rank:\n"
    "  --json | --csv         print the ranking as JSON (schema clout.rank.v1) or CSV (default: a table)\n"
    "  --top N                only the N first rows\n"
    "\n"
    "Limits against broken or hostile input (docs/LIMITS.md; defaults in brackets):\n"
    "  --max-entry-mb N       largest file inside an archive, once inflated [2048]\n"
    "  --max-total-mb N       most bytes inflated from one export [16384]\n"
    "  --max-file-mb N        largest file read whole into memory (JSON documents, CAR) [512]\n"
    "  --max-field-mb N       longest CSV field or JSON string [64]\n"
    "  --max-posts N          most posts in one report [20000000]\n"
    "  --max-depth N          deepest JSON / CBOR nesting [512; at most 4096; CBOR at most 256]\n"
    "\n"
    "Exit status: 0 success, 2 bad input, 1 internal error.\n";

// --tz: a fixed offset, or a zone of the system's zoneinfo read as a TZif file (the engine
// takes the zone as data and never looks at the system's zone itself). Empty = ok.
std::string load_zone(const std::string& v, clout::TimeZone& zone) {
    int32_t off = 0;
    if (clout::parse_fixed_offset(v, off)) {
        zone = clout::fixed_zone(clout::format_utc_offset(off), off);
        return {};
    }
    bool ok = !v.empty() && v.size() <= 100 && v[0] != '/' && v.find("..") == std::string::npos;
    for (char c : v)
        ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '/' || c == '_' ||
                    c == '-' || c == '+');
    if (!ok) return "'" + v + "' is neither a time zone name like Europe/Berlin nor an offset like +05:30";
    const char* env = std::getenv("TZDIR");
    const std::string dir = env && *env ? env : "/usr/share/zoneinfo";
    const std::string path = dir + "/" + v;
    std::ifstream in(path, std::ios::binary);
    if (!in) return "unknown time zone '" + v + "' (no file " + path + "; is the tzdata package installed?)";
    std::ostringstream ss;
    ss << in.rdbuf();
    if (!in.good() && !in.eof()) return "could not read " + path;
    try {
        zone = clout::parse_tzif(ss.str(), v);
    } catch (const clout::InputError& e) {
        return path + ": " + e.what();
    }
    return {};
}

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "error: %s\n(see clout --help)\n", msg.c_str());
    return 2;
}

// `clout rank ROSTER.csv [--json | --csv] [--top N]`: args after "rank".
int rank_main(const std::vector<std::string>& args) {
    clout::RankOptions opt;
    auto fail = [](const std::string& msg) {
        std::fprintf(stderr, "error: %s\n", msg.c_str());
        return 2;
    };
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            opt.format = clout::RankOptions::Format::Json;
        } else if (a == "--csv") {
            opt.format = clout::RankOptions::Format::Csv;
        } else if (a == "--top") {
            if (++i >= args.size()) return fail("--top needs a number");
            const std::string& v = args[i];
            if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos || std::stoull(v) == 0)
                return fail("--top needs a positive number, not '" + v + "'");
            opt.top = static_cast<size_t>(std::stoull(v));
        } else if (a.size() > 1 && a[0] == '-') {
            return fail("unknown option '" + a + "' for rank");
        } else if (opt.file.empty()) {
            opt.file = a;
        } else {
            return fail("rank takes one roster CSV");
        }
    }
    if (opt.file.empty()) return fail("rank needs a roster CSV (see docs/RANKING.md)");
    std::string out, err;
    const int rc = clout::rank_command(opt, out, err);
    std::fputs(err.c_str(), stderr);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return rc;
}

}  // namespace

int main(int argc, char** argv) {
#ifdef __EMSCRIPTEN__
    clout::install_wasm_file_source();
#endif
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args[0] == "--version" || args[0] == "-V") {
        std::printf("clout %s\nscoring model %s\n", CLOUT_VERSION, clout::model_version().c_str());
        return 0;
    }
    if (args[0] == "rank") return rank_main(std::vector<std::string>(args.begin() + 1, args.end()));
    if (args[0] != "score") return usage_error("unknown command '" + args[0] + "'");

    std::vector<std::string> files;
    bool json = false;
    std::string csv_path;  // --csv FILE
    clout::Limits limits;
    int64_t as_of = clout::kNoDay;
    int64_t followers = -1;
    clout::SuppliedSignals typed;  // --reactions-per-post / --reshares-per-post
    unsigned threads = 0;  // 0: clout::job_threads()
    bool fetch = false;
    bool skip_unreadable = false;
    clout::TimeZone zone;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            json = true;
            continue;
        }
        if (a == "--skip-unreadable") {
            skip_unreadable = true;
            continue;
        }
        if (a == "--csv") {
            if (++i >= args.size() || args[i].empty()) return usage_error("--csv needs a FILE to write");
            csv_path = args[i];
            continue;
        }
        if (a == "--as-of") {
            if (++i >= args.size()) return usage_error("--as-of needs a date YYYY-MM-DD");
            if (!clout::parse_ymd(args[i], as_of)) return usage_error("--as-of: '" + args[i] + "' is not a date YYYY-MM-DD");
            continue;
        }
        if (a == "--followers") {
            if (++i >= args.size()) return usage_error("--followers needs a count");
            const std::string& v = args[i];
            if (v.empty() || v.size() > 12 || v.find_first_not_of("0123456789") != std::string::npos)
                return usage_error("--followers: '" + v + "' is not a whole number of followers");
            followers = std::stoll(v);
            continue;
        }
        if (a == "--fetch-public-counts") {
#if CLOUT_CLI_FETCH
            fetch = true;
            continue;
#else
            // The wasm build of the CLI (for Node) is built without a network client.
            return usage_error("--fetch-public-counts is not in this build of clout (it has no network client); the native clout has it");
#endif
        }
        if (a == "--tz") {
            if (++i >= args.size()) return usage_error("--tz needs a time zone (Europe/Berlin) or an offset (+05:30)");
            const std::string err = load_zone(args[i], zone);
            if (!err.empty()) return usage_error("--tz: " + err);
            continue;
        }
        if (a == "--reactions-per-post" || a == "--reshares-per-post") {
            if (++i >= args.size()) return usage_error(a + " needs a count");
            const std::string& v = args[i];
            // A count per post: whole (5) or with up to two decimals (0.4: about 2 posts in 5).
            const size_t dot = v.find('.');
            const std::string whole = v.substr(0, dot), frac = dot == std::string::npos ? "" : v.substr(dot + 1);
            if (whole.empty() || whole.size() > 9 || whole.find_first_not_of("0123456789") != std::string::npos ||
                (dot != std::string::npos && (frac.empty() || frac.size() > 2 || frac.find_first_not_of("0123456789") != std::string::npos)))
                return usage_error(a + ": '" + v + "' is not a number per post (5, or 0.4 with at most two decimals)");
            (a == "--reactions-per-post" ? typed.reactions_per_post : typed.reshares_per_post) =
                static_cast<double>(std::stoll(whole) * 100 + (frac.empty() ? 0 : std::stoll(frac) * (frac.size() == 1 ? 10 : 1))) / 100;
            continue;
        }
        if (a == "--threads") {
            if (++i >= args.size()) return usage_error("--threads needs a number");
            const std::string& v = args[i];
            if (v.empty() || v.size() > 2 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) == 0 ||
                std::stoul(v) > 64)
                return usage_error("--threads: '" + v + "' is not a whole number from 1 to 64");
            threads = static_cast<unsigned>(std::stoul(v));
            continue;
        }
        if (a.rfind("--max-", 0) == 0) {
            uint64_t* mb = a == "--max-entry-mb"   ? &limits.max_entry_bytes
                           : a == "--max-total-mb" ? &limits.max_total_bytes
                           : a == "--max-file-mb"  ? &limits.max_file_in_memory
                           : a == "--max-field-mb" ? &limits.max_field_bytes
                                                   : nullptr;
            if (!mb && a != "--max-posts" && a != "--max-depth") return usage_error("unknown option '" + a + "'");
            if (++i >= args.size()) return usage_error(a + " needs a number");
            const std::string& v = args[i];
            // MB limits up to 16 TB; posts up to 10^12; depth up to 4096 (the JSON libraries recurse).
            const uint64_t most = mb ? (16ull << 20) : a == "--max-posts" ? 1'000'000'000'000ull : 4096ull;
            if (v.empty() || v.size() > 13 || v.find_first_not_of("0123456789") != std::string::npos ||
                std::stoull(v) == 0 || std::stoull(v) > most)
                return usage_error(a + ": '" + v + "' is not a whole number from 1 to " + std::to_string(most));
            const uint64_t n = std::stoull(v);
            if (mb) *mb = n << 20;
            else if (a == "--max-posts") limits.max_posts = n;
            else limits.max_depth = static_cast<uint32_t>(n);
            continue;
        }
        if (a.size() > 1 && a[0] == '-') return usage_error("unknown option '" + a + "'");
        files.push_back(a);
    }
    if (files.empty()) return usage_error("score needs at least one FILE");

    // Each file is read whole or not at all; which ones may be left out, and when the run
    // stops, is decided by clout::inputs_error, as on the page.
    clout::Activity activity;
    std::vector<clout::InputOutcome> outcomes;
    for (const auto& f : files) {
        try {
            clout::ImportContext ctx;
            ctx.limits = limits;
            ctx.threads = threads;
            outcomes.push_back(clout::import_input(f, activity, ctx));
        } catch (const std::exception& e) {
            std::fprintf(stderr, "internal error: %s: %s\n", f.c_str(), e.what());
            return 1;
        }
        const std::string err = clout::inputs_error(outcomes, skip_unreadable, false);
        if (!err.empty()) {
            std::fprintf(stderr, "error: %s\n", err.c_str());
            if (files.size() > 1) std::fputs("(--skip-unreadable scores the other files without it)\n", stderr);
            return 2;
        }
    }
    if (const std::string err = clout::inputs_error(outcomes, skip_unreadable, true); !err.empty()) {
        if (outcomes.size() > 1)
            for (const auto& o : outcomes) std::fprintf(stderr, "error: %s\n", clout::skipped_line(o).c_str());
        std::fprintf(stderr, "error: %s\n", err.c_str());
        return 2;
    }
    for (const auto& o : outcomes) {
        if (o.kind == clout::InputOutcome::Unreadable)
            std::fprintf(stderr, "warning: skipped %s\n", clout::skipped_line(o).c_str());
        else if (o.kind == clout::InputOutcome::NothingToScore)
            std::fprintf(stderr, "note: not scored: %s\n", clout::skipped_line(o).c_str());
    }
    try {
        activity.normalize();
        clout::ReportOptions opt;
        opt.as_of_day = as_of;
        if (fetch) {
            const int64_t d = as_of != clout::kNoDay ? as_of : clout::default_as_of_day(activity);
            if (d != clout::kNoDay) {
                // the posts the report looks at: the trend's days and the window before its first
                const int64_t from = d - (opt.trend_days - 1) - (clout::score_const::kWindowDays - 1);
#if CLOUT_CLI_FETCH
                if (int rc = clout_cli::fetch_public_counts(activity, from, d, false)) return rc;
#endif
            }
        }
        if (followers >= 0) clout::supply_followers(activity, followers);
        opt.zone = zone;
        if (typed.reactions_per_post >= 0 || typed.reshares_per_post >= 0) opt.supplied.push_back(typed);
        clout::Report report = clout::build_report(activity, opt);
        const std::string out = json ? clout::report_to_json(report) : clout::report_to_text(report);
        if (!csv_path.empty()) {  // the same bytes as the page's "Download CSV"
            const std::string csv = clout::report_csv(report);
            FILE* f = std::fopen(csv_path.c_str(), "wb");
            if (!f || std::fwrite(csv.data(), 1, csv.size(), f) != csv.size() || std::fclose(f) != 0) {
                std::fprintf(stderr, "error: %s: could not write the CSV file\n", csv_path.c_str());
                return 2;
            }
        }
        std::fwrite(out.data(), 1, out.size(), stdout);
    } catch (const clout::InputError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "internal error: %s\n", e.what());
        return 1;
    }
    return 0;
}
