// Meta's \u00XX-per-byte mojibake repair.
#include <doctest/doctest.h>

#include "util/mojibake.h"

using namespace clout;

TEST_CASE("mojibake: Meta's per-byte escapes are repaired") {
    // "café" written byte by byte: U+00C3 U+00A9.
    CHECK(repaired("caf\xC3\x83\xC2\xA9") == "caf\xC3\xA9");
    // don’t: E2 80 99 as three code points.
    CHECK(repaired("don\xC3\xA2\xC2\x80\xC2\x99t") == "don\xE2\x80\x99t");
    // 😂 F0 9F 98 82
    CHECK(repaired("\xC3\xB0\xC2\x9F\xC2\x98\xC2\x82") == "\xF0\x9F\x98\x82");
}

TEST_CASE("mojibake: correct text is kept") {
    CHECK(repaired("plain ascii") == "plain ascii");
    CHECK(repaired("caf\xC3\xA9") == "caf\xC3\xA9");            // a real é: E9 alone is not UTF-8
    CHECK(repaired("\xE2\x80\x99") == "\xE2\x80\x99");          // above U+00FF: kept
    CHECK(repaired("\xF0\x9F\x98\x82 ok") == "\xF0\x9F\x98\x82 ok");
    CHECK(repaired("\xC3\xA9t\xC3\xA9") == "\xC3\xA9t\xC3\xA9"); // "été": E9 74 E9 is not UTF-8
    CHECK(repaired("") == "");
    std::string bad = "a\xFF";
    CHECK_FALSE(repair_mojibake(bad));                           // invalid UTF-8 left alone
    CHECK(bad == "a\xFF");
    // Mixed: a real ’ (above U+00FF) with mojibake beside it cannot be Latin-1: kept.
    CHECK(repaired("\xE2\x80\x99 caf\xC3\x83\xC2\xA9") == "\xE2\x80\x99 caf\xC3\x83\xC2\xA9");
}
