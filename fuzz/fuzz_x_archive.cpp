// libFuzzer target: the importer for the X archive JSON (window.YTD.* = [...] data files; the streaming JSON scanner),
// then normalize and the report. The input is one file (taken as data/tweets.js) or a bundle of
// files (see fuzz_common.h).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static auto imp = clout::make_x_archive_importer();
    auto c = clout_fuzz::unbundle(data, size, "data/tweets.js");
    clout_fuzz::run_importer(*imp, *c);
    return 0;
}
