// Meta's export encoding bug: every byte of UTF-8 text is written as its own \u00XX
// escape, so "café" comes out as "cafÃ©" once parsed. The repair, applied to every
// string of a Meta export: when all code points of a string are <= U+00FF and at least
// one is >= U+0080, and those code points taken as bytes (Latin-1) form valid UTF-8, the
// string is replaced by that decoding; otherwise it is kept as it is (a correct "café"
// re-encodes to the invalid byte E9 alone, so it stays).
#pragma once

#include <string>
#include <string_view>

namespace clout {

// Returns true when `s` was changed.
bool repair_mojibake(std::string& s);
std::string repaired(std::string_view s);

}  // namespace clout
