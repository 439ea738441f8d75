#include "util/mojibake.h"

#include "util/text.h"

namespace clout {

bool repair_mojibake(std::string& s) {
    // Fast path: ASCII only.
    size_t i = 0;
    while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80) ++i;
    if (i == s.size()) return false;
    std::string out;
    out.reserve(s.size());
    out.append(s, 0, i);
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++i;
            continue;
        }
        // Code points U+0080..U+00FF are C2 80..C3 BF in UTF-8.
        if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
            unsigned char d = static_cast<unsigned char>(s[i + 1]);
            if ((d & 0xC0) == 0x80) {
                out.push_back(static_cast<char>(((c & 0x03) << 6) | (d & 0x3F)));
                i += 2;
                continue;
            }
        }
        return false;  // a code point above U+00FF, or invalid UTF-8: keep as is
    }
    if (!utf8_valid(out)) return false;
    s = std::move(out);
    return true;
}

std::string repaired(std::string_view s) {
    std::string r(s);
    repair_mojibake(r);
    return r;
}

}  // namespace clout
