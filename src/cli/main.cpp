// The native command-line front end. Thin: parses arguments, runs the pipeline
// (containers -> importers -> activity -> scoring -> report), prints the result.
// Exit status: 0 success, 2 bad input, 1 internal error.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "rank/roster.h"
#include "report/report.h"
#include "score/score.h"
#include "util/time.h"
#include "util/error.h"

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
    "  --json                 print the full report as JSON (schema clout.report.v1)\n"
    "  --as-of YYYY-MM-DD     score as of this day (default: the export's own date)\n"
    "  --followers N          your follower count, for exports without one (Mastodon, Bluesky);\n"
    "                         when every export has a count, N replaces them\n"
    "\n"
    "Options for rank:\n"
    "  --json | --csv         print the ranking as JSON (schema clout.rank.v1) or CSV (default: a table)\n"
    "  --top N                only the N first rows\n"
    "\n"
    "Exit status: 0 success, 2 bad input, 1 internal error.\n";

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "error: %s\n(see clout --help)\n", msg.c_str());
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
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
    if (args[0] == "rank") {
        std::string out, err;
        int rc = clout::rank_command(std::vector<std::string>(args.begin() + 1, args.end()), out, err);
        std::fputs(err.c_str(), stderr);
        std::fwrite(out.data(), 1, out.size(), stdout);
        return rc;
    }
    if (args[0] != "score") return usage_error("unknown command '" + args[0] + "'");

    std::vector<std::string> files;
    bool json = false;
    int64_t as_of = clout::kNoDay;
    int64_t followers = -1;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") {
            json = true;
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
        if (a.size() > 1 && a[0] == '-') return usage_error("unknown option '" + a + "'");
        files.push_back(a);
    }
    if (files.empty()) return usage_error("score needs at least one FILE");

    clout::Activity activity;
    for (const auto& f : files) {
        try {
            clout::ImportContext ctx;
            clout::import_path(f, activity, ctx);
        } catch (const clout::InputError& e) {
            std::fprintf(stderr, "error: %s: %s\n", f.c_str(), e.what());
            return 2;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "internal error: %s: %s\n", f.c_str(), e.what());
            return 1;
        }
    }
    try {
        activity.normalize();
        if (followers >= 0) clout::supply_followers(activity, followers);
        clout::ReportOptions opt;
        opt.as_of_day = as_of;
        clout::Report report = clout::build_report(activity, opt);
        const std::string out = json ? clout::report_to_json(report) : clout::report_to_text(report);
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
