// The test environment itself, checked in both builds (native, and wasm under Node with
// -fwasm-exceptions and NODERAWFS): an InputError thrown deep in the engine reaches the
// caller with its type, the real sample exports are readable at CLOUT_SAMPLES_DIR, and
// temporary files can be written and read back.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "io/container.h"
#include "util/error.h"

TEST_CASE("an InputError thrown inside the engine reaches the caller") {
    clout::ImportContext ctx;
    CHECK_THROWS_AS(clout::open_input("/nonexistent/clout-platform-test", ctx), clout::InputError);
    try {
        clout::open_input("/nonexistent/clout-platform-test", ctx);
        FAIL("no exception");
    } catch (const clout::InputError& e) {
        CHECK(std::string(e.what()) == "no such file or folder");
    }
}

TEST_CASE("the real sample exports are readable") {
    const std::string path = std::string(CLOUT_SAMPLES_DIR) + "/mastodon/archive-2024/outbox.json";
    std::FILE* f = std::fopen(path.c_str(), "rb");
    REQUIRE_MESSAGE(f != nullptr, "samples not found at " CLOUT_SAMPLES_DIR " (set CLOUT_SAMPLES_DIR)");
    char first = 0;
    CHECK(std::fread(&first, 1, 1, f) == 1);
    std::fclose(f);
    CHECK(first == '{');
}

TEST_CASE("temporary files can be written and read back") {
    const char* tmp = std::getenv("TMPDIR");
    std::random_device rd;
    const std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/clout-platform-" + std::to_string(rd()) + ".bin";
    const std::string bytes("clout\0\xff\x01", 8);
    std::FILE* w = std::fopen(path.c_str(), "wb");
    REQUIRE(w != nullptr);
    CHECK(std::fwrite(bytes.data(), 1, bytes.size(), w) == bytes.size());
    std::fclose(w);
    clout::ImportContext ctx;
    auto c = clout::open_input(path, ctx);
    REQUIRE(c->entries().size() == 1);
    CHECK(c->read_all(0, ctx) == bytes);
    std::remove(path.c_str());
}
