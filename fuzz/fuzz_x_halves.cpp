// libFuzzer target, differential: an X archive's tweets file read whole, and read in two
// halves as the page's two workers read it (json::SplitFinder; each half by its own copy of
// the reader, read_x_archive_part, then the import given both). Any input must give the same
// outcome both ways: the same report JSON and warnings, or the same one-line error. The input
// is one file (taken as data/tweets.js) or a bundle of files (see fuzz_common.h).
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_common.h"
#include "importers/x_archive.h"

namespace {

// The import's outcome as text: the report and warnings, or the error.
std::string outcome(clout::Container& c, bool halves) {
    static auto imp = clout::make_x_archive_importer();
    clout::ImportContext ctx = clout_fuzz::fuzz_context();
    ctx.threads = 1;
    ctx.halves_from = halves ? 1 : UINT64_MAX;
    clout::PartsAhead given;
    clout::Activity a;
    try {
        if (!imp->detect(c, ctx)) return "not detected";
        if (halves) {
            // Each half as another copy of the engine reads it; one that fails is read by
            // the import itself, as the page does.
            for (const clout::DataFile& f : clout::x_archive_part_files(c, ctx)) {
                clout::ImportContext own = clout_fuzz::fuzz_context();
                own.halves_from = 1;
                try {
                    given.parts.push_back(clout::read_x_archive_part(c, f.path, own));
                } catch (const clout::InputError&) {
                }
            }
            ctx.pre_read = &given;
        }
        imp->read(c, a, ctx);
    } catch (const clout::InputError& e) {
        return std::string("error: ") + e.what();
    }
    a.normalize();
    std::string out;
    for (const std::string& w : a.warnings) out += "warning: " + w + "\n";
    try {
        out += clout::report_to_json(clout::build_report(a));
    } catch (const clout::InputError& e) {
        out += std::string("report error: ") + e.what();
    }
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto c = clout_fuzz::unbundle(data, size, "data/tweets.js");
    const std::string whole = outcome(*c, false), halves = outcome(*c, true);
    if (whole != halves) {
        // Say where they differ before stopping: the first line that is not the same.
        size_t at = 0;
        while (at < whole.size() && at < halves.size() && whole[at] == halves[at]) ++at;
        std::fprintf(stderr, "read whole:  ...%s\nread halves: ...%s\n", whole.substr(at > 80 ? at - 80 : 0, 240).c_str(),
                     halves.substr(at > 80 ? at - 80 : 0, 240).c_str());
        std::abort();  // the halves must not change anything
    }
    return 0;
}
