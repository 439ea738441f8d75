// libFuzzer target: the importer for the TikTok user_data JSON,
// then normalize and the report. The input is one file (taken as user_data_tiktok.json) or a bundle of
// files (see fuzz_common.h).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static auto imp = clout::make_tiktok_importer();
    auto c = clout_fuzz::unbundle(data, size, "user_data_tiktok.json");
    clout_fuzz::run_importer(*imp, *c);
    return 0;
}
