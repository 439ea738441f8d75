// libFuzzer target: the share-link decoder (src/core/share/share_link.h). Any input either
// decodes to a card that re-encodes to the same payload and decodes again to the same
// card, or is refused with an InputError. The input is used twice: as the payload text
// itself, and as raw bytes written base64url with a correct checksum appended, so the
// fuzzer reaches the value checks behind the CRC.
#include <cstdlib>
#include <string>

#include "fuzz_common.h"
#include "share/share_link.h"

namespace {

std::string b64url(const std::string& in) {
    static const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (unsigned char c : in) {
        acc = (acc << 8) | c;
        bits += 8;
        while (bits >= 6) {
            bits -= 6;
            out += abc[(acc >> bits) & 63];
        }
    }
    if (bits > 0) out += abc[(acc << (6 - bits)) & 63];
    return out;
}

void check(const std::string& payload) {
    clout::ShareCard c;
    try {
        c = clout::decode_share(payload);
    } catch (const clout::InputError&) {
        return;
    }
    if (c.format == 1) {  // a model-1 card is shown, never encoded again
        (void)clout::card_to_json(c);
        return;
    }
    const std::string again = clout::encode_share(c);  // a decoded model-2 card always encodes
    const clout::ShareCard d = clout::decode_share(again);
    if (clout::card_to_json(c) != clout::card_to_json(d)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string raw(reinterpret_cast<const char*>(data), size);
    check(raw);
    std::string bytes = raw;
    const uint32_t crc = clout::share_crc32(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
    for (int k = 0; k < 4; ++k) bytes += static_cast<char>((crc >> (8 * k)) & 0xFF);
    check(b64url(bytes));
    return 0;
}
