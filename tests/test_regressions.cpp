// Regression tests for what fuzzing (fuzz/, docs/FUZZING.md) and the sanitizer runs
// found: one TEST_CASE per finding, its input inline (or a small file under
// tests/data/regress/TARGET/, which scripts/fuzz.sh also feeds back as seeds).
#include <doctest/doctest.h>

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
