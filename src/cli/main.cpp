// The native command-line front end. Thin: parses arguments, runs the pipeline
// (containers -> importers -> activity -> scoring -> report), prints the result.
// Exit status: 0 success, 2 bad input, 1 internal error.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "util/error.h"

namespace {

const char* kUsage =
    "clout - your influence score from your own social-network exports, computed locally\n"
    "\n"
    "Usage:\n"
    "  clout score FILE... [options]   score one or more exports (zip, tar.gz, CAR, JSON, CSV, or a folder)\n"
    "  clout --version                 print the version and the scoring model\n"
    "  clout --help                    this text\n"
    "\n"
    "Options for score:\n"
    "  --json                 print the full report as JSON (schema clout.report.v1)\n"
    "  --as-of YYYY-MM-DD     score as of this day (default: the export's own date)\n"
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
        std::printf("clout %s\n", CLOUT_VERSION);
        return 0;
    }
    if (args[0] != "score") return usage_error("unknown command '" + args[0] + "'");

    std::vector<std::string> files;
    for (size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        if (a == "--json") continue;
        if (a == "--as-of") {
            if (++i >= args.size()) return usage_error("--as-of needs a date YYYY-MM-DD");
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
    activity.normalize();
    std::fprintf(stderr, "internal error: scoring is not built yet\n");
    return 1;
}
