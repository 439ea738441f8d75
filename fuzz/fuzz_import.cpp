// libFuzzer target: the whole front door: any bytes as a file given to `clout score`:
// container detection by magic bytes (zip / gzip / tar / loose file), every importer's
// detect in order, the chosen importer's read, then normalize and the report.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    clout::ImportContext ctx = clout_fuzz::fuzz_context();
    clout::Activity a;
    try {
        auto c = clout::open_source(clout::memory_source(std::string(reinterpret_cast<const char*>(data), size)),
                                    "export", ctx);
        clout::import_container(*c, a, ctx);
    } catch (const clout::InputError&) {
        return 0;
    }
    clout_fuzz::finish_pipeline(a);
    return 0;
}
