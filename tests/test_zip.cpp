// The zip reader (src/core/container/zip.cpp) against archives written by tools/gen/zip_writer.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "io/container.h"
#include "util/error.h"
#include "zip_writer.h"

using namespace clout;
using clout::gen::ZipMethod;
using clout::gen::ZipOptions;
using clout::gen::ZipWriter;

namespace {
std::string temp_path(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "clout-test-zip";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}
std::string read_entry(Container& c, const std::string& suffix, ImportContext& ctx) {
    long i = c.find_suffix(suffix);
    REQUIRE(i >= 0);
    return c.read_all(static_cast<size_t>(i), ctx);
}
}  // namespace

TEST_CASE("zip: stored and deflated entries round-trip, with and without descriptors and ZIP64") {
    std::string big(300000, 'x');
    for (size_t i = 0; i < big.size(); ++i) big[i] = static_cast<char>('a' + (i * 7919 % 26));
    for (int variant = 0; variant < 4; ++variant) {
        ZipOptions o;
        o.data_descriptors = variant & 1;
        o.force_zip64 = variant & 2;
        o.root_folder = variant == 3 ? "twitter-2024" : "";
        std::string path = temp_path("rt" + std::to_string(variant) + ".zip");
        {
            ZipWriter w(path, o);
            w.add("data/a.txt", "hello", ZipMethod::Stored);
            w.add("data/b.js", big, ZipMethod::Deflated);
            w.add("data/empty.js", "", ZipMethod::Deflated);
            w.add_directory("data/tweets_media");
            w.add("__MACOSX/data/._b.js", "junk");
            w.finish();
        }
        ImportContext ctx;
        auto c = open_input(path, ctx);
        CHECK(std::string(c->kind()) == "zip");
        CHECK(c->entries().size() == 3);
        CHECK(read_entry(*c, "data/a.txt", ctx) == "hello");
        CHECK(read_entry(*c, "data/b.js", ctx) == big);
        CHECK(read_entry(*c, "data/empty.js", ctx).empty());
    }
}
