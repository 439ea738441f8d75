// libFuzzer target: the zip container (central directory, ZIP64, local headers, inflate,
// CRC, limits) as the pipeline uses it: open, find entries, peek, read whole, stream.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    clout::ImportContext ctx = clout_fuzz::fuzz_context();
    try {
        auto c = clout::open_zip(clout::memory_source(std::string(reinterpret_cast<const char*>(data), size)),
                                 "fuzz.zip", ctx);
        (void)c->find_suffix("data/tweets.js");
        (void)c->find_glob("tweets-part*.js", "data");
        for (size_t i = 0; i < c->entries().size() && i < 4; ++i) {
            try {
                (void)c->peek(i, 256, ctx);
                if (c->entries()[i].size < (1u << 20)) (void)c->read_all(i, ctx);
            } catch (const clout::LimitError&) {
                throw;
            } catch (const clout::InputError&) {
            }
        }
        clout_fuzz::drain_entries(*c, ctx);
    } catch (const clout::InputError&) {
    }
    return 0;
}
