// libFuzzer target: the importer for the LinkedIn CSV files (preambles, quoted multi-line fields),
// then normalize and the report. The input is one file (taken as Shares.csv) or a bundle of
// files (see fuzz_common.h).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static auto imp = clout::make_linkedin_importer();
    auto c = clout_fuzz::unbundle(data, size, "Shares.csv");
    clout_fuzz::run_importer(*imp, *c);
    return 0;
}
