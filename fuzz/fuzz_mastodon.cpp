// libFuzzer target: the importer for the Mastodon archive (outbox.json streamed item by item, actor.json, likes.json, following_accounts.csv),
// then normalize and the report. The input is one file (taken as outbox.json) or a bundle of
// files (see fuzz_common.h).
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static auto imp = clout::make_mastodon_importer();
    auto c = clout_fuzz::unbundle(data, size, "outbox.json");
    clout_fuzz::run_importer(*imp, *c);
    return 0;
}
