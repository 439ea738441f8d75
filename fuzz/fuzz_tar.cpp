// libFuzzer target: tar and gzip-compressed tar (.tar.gz, multi-member gzip, a bare
// gzip file), with the inflate checkpoints used to reopen entries. Inputs starting with
// the gzip magic go through the gzip path, the others through plain tar.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    clout::ImportContext ctx = clout_fuzz::fuzz_context();
    bool gz = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    try {
        auto c = clout::open_tar(clout::memory_source(std::string(reinterpret_cast<const char*>(data), size)),
                                 gz ? "fuzz.tar.gz" : "fuzz.tar", gz, ctx);
        // Reopen entries in reverse order too: checkpoints must serve any entry.
        for (size_t k = c->entries().size(); k-- > 0 && c->entries().size() - k <= 4;) {
            try {
                (void)c->peek(k, 512, ctx);
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
