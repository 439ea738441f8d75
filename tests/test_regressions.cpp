// Regression tests for what fuzzing (fuzz/, docs/FUZZING.md) and the sanitizer runs
// found: one TEST_CASE per finding, its input inline (or a small file under
// tests/data/regress/TARGET/, which scripts/fuzz.sh also feeds back as seeds).
#include <doctest/doctest.h>

#include <zlib.h>

#include <chrono>
#include <string>

#include "importers/importer.h"
#include "importers/json_doc.h"
#include "social_test_util.h"
#include "util/error.h"
#include "util/json_items.h"

using namespace social_test;

namespace {

// Imports `path`; returns the InputError message, or "" when it was read.
std::string import_error(const std::string& path, clout::Activity* out = nullptr) {
    clout::Activity a;
    try {
        clout::ImportContext ctx;
        clout::import_path(path, a, ctx);
        a.normalize();
    } catch (const clout::InputError& e) {
        return e.what();
    }
    if (out) *out = std::move(a);
    return {};
}

}  // namespace

// fuzz_json / fuzz_tiktok: a number too large for a double made nlohmann's DOM parser
// throw json::out_of_range (406), which is not a parse_error: it escaped as an internal
// error instead of "damaged JSON".
TEST_CASE("regression: JSON number overflow (1e400) is damaged JSON, not an internal error") {
    clout::ImportContext ctx;
    CHECK_THROWS_AS(clout::parse_json_doc(R"({"a":1e400})", ctx), clout::InputError);
    CHECK_THROWS_AS(clout::parse_json_document(R"({"a":[-1e999]})", ctx), clout::InputError);
    try {
        clout::parse_json_doc(R"({"a":1e400})", ctx);
    } catch (const clout::InputError& e) {
        CHECK(std::string(e.what()).find("number overflow") != std::string::npos);
    }
    TempDir d("regress-1e400");
    write_file(d / "user_data_tiktok.json", R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u","likesReceived":1e400}}}})");
    std::string err = import_error(d / "user_data_tiktok.json");
    CHECK(err.find("damaged JSON") != std::string::npos);
    write_file(d / "m/outbox.json", R"({"type":"OrderedCollection","totalItems":1e999,"orderedItems":[]})");
    write_file(d / "m/actor.json", R"({"type":"Person","preferredUsername":"a","likes":1e999})");
    err = import_error(d / "m");
    CHECK(err.find('\n') == std::string::npos);
}

// Review of the gzip reader for the malformed corpus: a bare .gz file (no tar inside) is
// one entry, but its scan inflated up to max_total_bytes (16 GB by default, tens of
// seconds) before anything said no. It now stops at max_entry_bytes.
TEST_CASE("regression: a bare gzip bomb stops at the entry limit, quickly") {
    TempDir d("regress-gzbomb");
    std::string gz;
    {
        z_stream z{};
        REQUIRE(deflateInit2(&z, 1, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY) == Z_OK);
        std::string zeros(1 << 20, '\0');
        std::string out(1 << 16, '\0');
        for (int i = 0; i <= 300; ++i) {
            z.next_in = reinterpret_cast<Bytef*>(zeros.data());
            z.avail_in = i < 300 ? static_cast<uInt>(zeros.size()) : 0;
            int flush = i < 300 ? Z_NO_FLUSH : Z_FINISH;
            do {
                z.next_out = reinterpret_cast<Bytef*>(out.data());
                z.avail_out = static_cast<uInt>(out.size());
                deflate(&z, flush);
                gz.append(out.data(), out.size() - z.avail_out);
            } while (z.avail_out == 0);
        }
        deflateEnd(&z);
    }
    write_file(d / "bomb.json.gz", gz);
    clout::ImportContext ctx;
    ctx.limits.max_entry_bytes = 64ull << 20;
    clout::Activity a;
    auto t0 = std::chrono::steady_clock::now();
    try {
        clout::import_path(d / "bomb.json.gz", a, ctx);
        FAIL("a 300 MB gzip bomb was accepted with a 64 MB entry limit");
    } catch (const clout::LimitError& e) {
        CHECK(std::string(e.what()).find("--max-entry-mb") != std::string::npos);
    }
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 10.0);
    CHECK(ctx.inflated_total <= (65ull << 20));
}
