// libFuzzer target: the importer for the Instagram / Threads / Facebook JSON with the mojibake repair,
// then normalize and the report. The input is one file (taken as your_instagram_activity/content/posts_1.json) or a bundle of
// files (see fuzz_common.h).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static auto imp = clout::make_meta_importer();
    auto c = clout_fuzz::unbundle(data, size, "your_instagram_activity/content/posts_1.json");
    clout_fuzz::run_importer(*imp, *c);
    return 0;
}
