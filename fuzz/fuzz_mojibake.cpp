// libFuzzer target: Meta's mojibake repair (util/mojibake.h) and the UTF-8 helpers it
// relies on. Properties checked: the repair never produces invalid UTF-8 from valid
// UTF-8, and a repaired string is never longer than the original.
#include "fuzz_common.h"
#include "util/mojibake.h"
#include "util/text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string s(reinterpret_cast<const char*>(data), size);
    const bool valid = clout::utf8_valid(s);
    std::string r = s;
    bool changed = clout::repair_mojibake(r);
    if (!changed && r != s) __builtin_trap();
    if (valid && !clout::utf8_valid(r)) __builtin_trap();
    if (r.size() > s.size()) __builtin_trap();
    if (clout::repaired(s) != r) __builtin_trap();
    std::string clean = clout::utf8_sanitize(s);
    if (!clout::utf8_valid(clean)) __builtin_trap();
    return 0;
}
