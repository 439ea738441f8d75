// The zip reader (src/core/container/zip.cpp) against archives written by tools/gen/zip_writer.
#include <doctest/doctest.h>

#include <filesystem>
#include <cstring>
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

namespace {
void patch(const std::string& path, uint64_t off, const void* bytes, size_t n) {
    FILE* f = std::fopen(path.c_str(), "r+b");
    REQUIRE(f);
    REQUIRE(fseeko(f, static_cast<off_t>(off), SEEK_SET) == 0);
    REQUIRE(std::fwrite(bytes, 1, n, f) == n);
    std::fclose(f);
}
void patch32(const std::string& path, uint64_t off, uint32_t v) {
    unsigned char b[4] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v >> 16),
                          static_cast<unsigned char>(v >> 24)};
    patch(path, off, b, 4);
}
void patch16(const std::string& path, uint64_t off, uint16_t v) {
    unsigned char b[2] = {static_cast<unsigned char>(v), static_cast<unsigned char>(v >> 8)};
    patch(path, off, b, 2);
}
void patch64(const std::string& path, uint64_t off, uint64_t v) {
    patch32(path, off, static_cast<uint32_t>(v));
    patch32(path, off + 4, static_cast<uint32_t>(v >> 32));
}
std::string file_bytes(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}
void write_bytes(const std::string& path, const std::string& b) {
    std::ofstream f(path, std::ios::binary | std::ios::trunc);
    f.write(b.data(), static_cast<std::streamsize>(b.size()));
}
std::string text_of(size_t n) {
    std::string s(n, ' ');
    for (size_t i = 0; i < n; ++i) s[i] = static_cast<char>('a' + (i * 31 + i / 7) % 26);
    return s;
}
// A small archive: a stored and a deflated entry. Returns the writer's entry records.
std::vector<gen::ZipEntryInfo> small_zip(const std::string& path, ZipOptions o = {}, uint64_t* eocd = nullptr) {
    ZipWriter w(path, o);
    w.add("data/stored.txt", text_of(1000), ZipMethod::Stored);
    w.add("data/tweets.js", text_of(50000), ZipMethod::Deflated);
    w.finish();
    if (eocd) *eocd = w.end_record_offset();
    return w.entries();
}
// Opens the zip and reads every entry; returns the InputError message ("" when it all read).
std::string read_everything(const std::string& path, ImportContext& ctx) {
    try {
        auto c = open_input(path, ctx);
        for (size_t i = 0; i < c->entries().size(); ++i) {
            auto s = c->open(i, ctx);
            char buf[4096];
            while (s->read(buf, sizeof buf) > 0) {
            }
        }
        return "";
    } catch (const InputError& e) {
        return e.what();
    }
}
bool contains(const std::string& s, const char* what) { return s.find(what) != std::string::npos; }
}  // namespace

TEST_CASE("zip hostile: truncated file") {
    std::string path = temp_path("trunc.zip");
    small_zip(path);
    std::string b = file_bytes(path);
    for (size_t cut : {b.size() - 1, b.size() - 30, b.size() / 2, size_t(100), size_t(10)}) {
        write_bytes(path, b.substr(0, cut));
        ImportContext ctx;
        std::string err = read_everything(path, ctx);
        CAPTURE(cut);
        CHECK(!err.empty());
    }
    write_bytes(path, b.substr(0, b.size() / 2));
    ImportContext ctx;
    CHECK(contains(read_everything(path, ctx), "end-of-central-directory"));
}

TEST_CASE("zip hostile: central directory and local offsets pointing outside the file") {
    std::string path = temp_path("outside.zip");
    uint64_t eocd = 0;
    auto es = small_zip(path, {}, &eocd);
    patch32(path, eocd + 16, 0x7FFFFFF0u);  // central directory offset
    ImportContext ctx;
    CHECK(contains(read_everything(path, ctx), "outside the file"));

    es = small_zip(path, {}, &eocd);
    patch32(path, es[1].central_offset + 42, 0x00FFFFFFu);  // local header offset of tweets.js
    ImportContext ctx2;
    std::string err = read_everything(path, ctx2);
    CHECK(contains(err, "data/tweets.js"));
    CHECK(contains(err, "outside"));

    es = small_zip(path, {}, &eocd);
    patch16(path, es[1].local_offset + 26, 60000);  // local name length runs past the data
    ImportContext ctx3;
    CHECK(contains(read_everything(path, ctx3), "data/tweets.js"));

    es = small_zip(path, {}, &eocd);
    patch16(path, es[0].central_offset + 28, 65000);  // central name length past the directory
    ImportContext ctx4;
    CHECK(contains(read_everything(path, ctx4), "central directory"));
}

TEST_CASE("zip hostile: an entry inflating past the limit (zip bomb)") {
    std::string path = temp_path("bomb.zip");
    {
        ZipWriter w(path);
        w.add_stream("data/tweets.js", 200ull << 20, [](uint64_t, char* b, size_t n) { std::memset(b, 0, n); },
                     ZipMethod::Deflated);
        w.finish();
    }
    ImportContext ctx;
    ctx.limits.max_entry_bytes = 8ull << 20;
    std::string err = read_everything(path, ctx);
    CHECK(contains(err, "data/tweets.js"));
    CHECK(contains(err, "max-entry-mb"));
    CHECK(ctx.inflated_total < (9ull << 20));
    ImportContext ctx2;
    ctx2.limits.max_total_bytes = 16ull << 20;
    CHECK(contains(read_everything(path, ctx2), "max-total-mb"));
    // A stated size that no deflate stream could reach from its compressed size.
    std::string path2 = temp_path("bomb2.zip");
    auto es = small_zip(path2);
    patch32(path2, es[1].central_offset + 24, 0xF0000000u);
    ImportContext ctx3;
    CHECK(contains(read_everything(path2, ctx3), "impossible"));
}

TEST_CASE("zip hostile: inconsistent ZIP64 sizes and records") {
    std::string path = temp_path("z64.zip");
    ZipOptions o;
    o.force_zip64 = true;
    uint64_t eocd = 0;
    auto es = small_zip(path, o, &eocd);
    // The ZIP64 extra field of tweets.js: uncompressed, compressed, offset.
    uint64_t extra = es[1].central_offset + 46 + es[1].name.size() + 4;
    patch64(path, extra, es[1].size * 3);  // a larger size than the stream holds
    ImportContext ctx;
    std::string err = read_everything(path, ctx);
    CHECK(contains(err, "data/tweets.js"));
    CHECK(contains(err, "truncated or damaged"));

    es = small_zip(path, o, &eocd);
    extra = es[1].central_offset + 46 + es[1].name.size() + 4;
    patch64(path, extra + 8, 1ull << 40);  // compressed size beyond the file
    ImportContext ctx2;
    CHECK(contains(read_everything(path, ctx2), "data/tweets.js"));

    es = small_zip(path, o, &eocd);
    patch16(path, es[1].central_offset + 32 - 2, 4);  // extra length too short for the ZIP64 fields
    ImportContext ctx3;
    CHECK(!read_everything(path, ctx3).empty());

    es = small_zip(path, o, &eocd);
    patch32(path, eocd - 20 + 8, 0x7FFFFFF0u);  // locator pointing outside the file
    ImportContext ctx4;
    CHECK(contains(read_everything(path, ctx4), "ZIP64 end record"));

    // Sizes announced as 0xFFFFFFFF without any ZIP64 extra field.
    es = small_zip(path, {}, &eocd);
    patch32(path, es[1].central_offset + 24, 0xFFFFFFFFu);
    ImportContext ctx5;
    CHECK(contains(read_everything(path, ctx5), "ZIP64"));
}

TEST_CASE("zip hostile: bad CRC, cut deflate stream, encryption, unknown method, too many entries") {
    std::string path = temp_path("crc.zip");
    auto es = small_zip(path);
    patch32(path, es[1].central_offset + 16, es[1].crc ^ 1u);
    ImportContext ctx;
    std::string err = read_everything(path, ctx);
    CHECK(contains(err, "data/tweets.js"));
    CHECK(contains(err, "CRC-32"));

    es = small_zip(path);
    unsigned char junk[8] = {0xde, 0xad, 0xbe, 0xef, 0xde, 0xad, 0xbe, 0xef};
    patch(path, es[1].data_offset + es[1].compressed_size / 2, junk, 8);  // damaged deflate data
    ImportContext ctx1;
    CHECK(contains(read_everything(path, ctx1), "data/tweets.js"));

    es = small_zip(path);
    patch32(path, es[1].central_offset + 20, static_cast<uint32_t>(es[1].compressed_size / 2));  // cut short
    ImportContext ctx2;
    err = read_everything(path, ctx2);
    CHECK(contains(err, "data/tweets.js"));

    es = small_zip(path);
    patch16(path, es[1].central_offset + 8, 0x0801);  // encrypted
    ImportContext ctx3;
    err = read_everything(path, ctx3);
    CHECK(contains(err, "data/tweets.js"));
    CHECK(contains(err, "encrypted"));

    es = small_zip(path);
    patch16(path, es[1].central_offset + 10, 12);  // bzip2
    ImportContext ctx4;
    err = read_everything(path, ctx4);
    CHECK(contains(err, "data/tweets.js"));
    CHECK(contains(err, "bzip2"));

    small_zip(path);
    ImportContext ctx5;
    ctx5.limits.max_entries = 1;
    CHECK(contains(read_everything(path, ctx5), "entries"));
}

TEST_CASE("zip: CP437 names, UTF-8 names without the flag, prepended bytes, comment") {
    std::string path = temp_path("names.zip");
    {
        ZipOptions o;
        o.utf8_names = false;
        o.comment = "archive comment PK\x05\x06 inside";
        ZipWriter w(path, o);
        w.add("caf\x82/na\x8Bve.txt", "cp437");           // CP437: é and ï
        w.add("z\xC3\xBCrich.txt", "utf8 without flag");  // valid UTF-8
        w.add("dir\\file.txt", "backslash");
        w.finish();
    }
    ImportContext ctx;
    auto c = open_input(path, ctx);
    REQUIRE(c->entries().size() == 3);
    CHECK(c->entries()[0].path == "caf\xC3\xA9/na\xC3\xAFve.txt");
    CHECK(c->entries()[1].path == "z\xC3\xBCrich.txt");
    CHECK(c->entries()[2].path == "dir/file.txt");
    CHECK(read_entry(*c, "file.txt", ctx) == "backslash");

    // A self-extractor stub in front shifts every offset.
    std::string b = file_bytes(path);
    write_bytes(path, std::string("PK\x03\x04") + std::string(4000, 'S') + b);
    ImportContext ctx2;
    auto c2 = open_input(path, ctx2);
    CHECK(read_entry(*c2, "dir/file.txt", ctx2) == "backslash");
}

TEST_CASE("zip hostile: random damage never crashes") {
    std::string path = temp_path("fuzz.zip");
    ZipOptions o;
    small_zip(path, o);
    std::string good = file_bytes(path);
    uint64_t x = 88172645463325252ull;
    int errors = 0;
    for (int iter = 0; iter < 1500; ++iter) {
        std::string b = good;
        int flips = 1 + static_cast<int>(iter % 4);
        for (int k = 0; k < flips; ++k) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            // Damage the headers and directory mostly (the data is checked by CRC anyway).
            size_t pos = (iter & 1) ? b.size() - 1 - (x % std::min<size_t>(b.size(), 300)) : x % b.size();
            b[pos] = static_cast<char>(x >> 24);
        }
        write_bytes(path, b);
        ImportContext ctx;
        try {
            if (!read_everything(path, ctx).empty()) ++errors;
        } catch (const std::exception& e) {
            FAIL("not an InputError: " << e.what());
        }
    }
    CHECK(errors > 100);
}

TEST_CASE("zip: a writer without ZIP64 past 65 535 entries (the count wraps)") {
    std::string path = temp_path("legacy-count.zip");
    {
        ZipOptions o;
        o.legacy_no_zip64 = true;
        ZipWriter w(path, o);
        for (int i = 0; i < 65600; ++i) w.add("m/" + std::to_string(i), "x", ZipMethod::Stored);
        w.add("data/last.txt", "the last one");
        w.finish();
    }
    ImportContext ctx;
    auto c = open_input(path, ctx);
    CHECK(c->entries().size() == 65601);
    CHECK(read_entry(*c, "data/last.txt", ctx) == "the last one");
    ImportContext small;
    small.limits.max_entries = 65550;
    CHECK_THROWS_AS(open_input(path, small), LimitError);
}

TEST_CASE("zip: a writer without ZIP64 past 4 GiB (offsets wrap), sparse 4.3 GB file") {
    std::string path = temp_path("legacy-4g.zip");
    std::vector<gen::ZipEntryInfo> es;
    {
        ZipOptions o;
        o.legacy_no_zip64 = true;
        ZipWriter w(path, o);
        w.add("data/before.txt", "before");
        w.add_sparse("media/huge.mp4", (4ull << 30) + (300ull << 20));
        w.add("data/after.txt", text_of(100000));
        w.add("data/after2.txt", "after2", ZipMethod::Stored);
        w.finish();
        es = w.entries();
    }
    REQUIRE(es[2].local_offset > (4ull << 30));
    ImportContext ctx;
    auto c = open_input(path, ctx);
    REQUIRE(c->entries().size() == 4);
    CHECK(read_entry(*c, "data/before.txt", ctx) == "before");
    CHECK(read_entry(*c, "data/after.txt", ctx) == text_of(100000));
    CHECK(read_entry(*c, "data/after2.txt", ctx) == "after2");
    std::filesystem::remove(path);
}

TEST_CASE("zip: a proper ZIP64 archive past 4 GiB, sparse 4.3 GB file") {
    std::string path = temp_path("zip64-4g.zip");
    {
        ZipWriter w(path);
        w.add_sparse("media/huge.mp4", (4ull << 30) + (300ull << 20));
        w.add("data/after.txt", text_of(5000));
        w.finish();
    }
    ImportContext ctx;
    auto c = open_input(path, ctx);
    REQUIRE(c->entries().size() == 2);
    CHECK(c->entries()[0].size == (4ull << 30) + (300ull << 20));
    CHECK(read_entry(*c, "data/after.txt", ctx) == text_of(5000));
    std::filesystem::remove(path);
}

// The inflater (ISA-L natively where built with it, zlib otherwise) behind the same stream:
// any read size gives the same bytes, across deflate's stored, fixed and dynamic blocks and
// at every compression level; damage is named by the entry with what went wrong.
TEST_CASE("zip: deflated entries read the same in any read size; damage named precisely") {
    // Text (dynamic Huffman blocks), random bytes (stored blocks inside the deflate stream),
    // a short entry (a fixed Huffman block) and a long run of one byte (long matches).
    std::string mixed = text_of(700000);
    uint32_t x = 12345;
    for (int i = 0; i < 200000; ++i) {
        x = x * 1103515245u + 12345u;
        mixed += static_cast<char>(x >> 24);
    }
    mixed += std::string(300000, '{') + text_of(123457);
    for (int level : {1, 6, 9}) {
        ZipOptions o;
        o.level = level;
        std::string path = temp_path("sizes" + std::to_string(level) + ".zip");
        {
            ZipWriter w(path, o);
            w.add("data/tweets.js", mixed, ZipMethod::Deflated);
            w.add("data/short.js", "window.YTD.tweets.part0 = []", ZipMethod::Deflated);
            w.finish();
        }
        ImportContext ctx;
        auto c = open_input(path, ctx);
        CHECK(read_entry(*c, "data/short.js", ctx) == "window.YTD.tweets.part0 = []");
        for (size_t step : {size_t(1) << 20, size_t(65536), size_t(4093), size_t(7)}) {
            auto s = c->open(static_cast<size_t>(c->find_suffix("data/tweets.js")), ctx);
            std::string got;
            std::string buf(step, '\0');
            for (size_t r; (r = s->read(buf.data(), step)) > 0;) got.append(buf.data(), r);
            CHECK(got.size() == mixed.size());
            CHECK(got == mixed);
        }
    }

    std::string path = temp_path("damage.zip");
    auto es = small_zip(path);
    // A deflate block type that does not exist (BTYPE 11) right at the start.
    unsigned char bad = 0x07;
    patch(path, es[1].data_offset, &bad, 1);
    ImportContext ctx1;
    std::string err = read_everything(path, ctx1);
    CHECK(err == "data/tweets.js: damaged compressed data");  // the same words from ISA-L and zlib

    es = small_zip(path);
    patch32(path, es[1].central_offset + 20, static_cast<uint32_t>(es[1].compressed_size / 2));
    ImportContext ctx2;
    err = read_everything(path, ctx2);
    CHECK(err == "data/tweets.js: damaged compressed data (the deflate stream is cut short)");

    // A stated size smaller than what the stream holds.
    es = small_zip(path);
    patch32(path, es[1].central_offset + 24, 40000);
    ImportContext ctx3;
    err = read_everything(path, ctx3);
    CHECK(err == "data/tweets.js: inflates past its stated size of 40000 bytes");
}

// Large deflated entries are inflated on a thread of their own, blocks ahead of the reader
// (natively): the same bytes, damage after the same bytes whatever the read size, limits
// still met, and a stream dropped half-read stops its thread.
TEST_CASE("zip: large entries inflated ahead on a thread") {
    std::string big = text_of(20u << 20);  // past the 16 MB from which entries are read ahead
    std::string path = temp_path("ahead.zip");
    std::vector<gen::ZipEntryInfo> es;
    {
        ZipWriter w(path);
        w.add("data/tweets.js", big, ZipMethod::Deflated);
        w.finish();
        es = w.entries();
    }
    {
        ImportContext ctx;
        auto c = open_input(path, ctx);
        CHECK(read_entry(*c, "data/tweets.js", ctx) == big);
        auto s = c->open(0, ctx);  // dropped after a few bytes: must not hang or leak
        char b[10];
        CHECK(s->read(b, sizeof b) == sizeof b);
        CHECK(std::string(b, 10) == big.substr(0, 10));
    }
    {
        ImportContext ctx;
        ctx.limits.max_entry_bytes = 8ull << 20;
        CHECK(contains(read_everything(path, ctx), "max-entry-mb"));
    }
    // Cut short: every byte before the cut arrives, then the error, in small or large reads.
    patch32(path, es[0].central_offset + 20, static_cast<uint32_t>(es[0].compressed_size / 2));
    uint64_t before[2] = {0, 0};
    for (int k = 0; k < 2; ++k) {
        ImportContext ctx;
        auto c = open_input(path, ctx);
        auto s = c->open(0, ctx);
        std::string buf(k == 0 ? 4093 : (3u << 20), '\0');
        std::string err;
        try {
            for (size_t r; (r = s->read(buf.data(), buf.size())) > 0;) {
                CHECK(std::memcmp(buf.data(), big.data() + before[k], r) == 0);
                before[k] += r;
            }
        } catch (const InputError& e) {
            err = e.what();
        }
        CHECK(err == "data/tweets.js: damaged compressed data (the deflate stream is cut short)");
    }
    CHECK(before[0] == before[1]);
    CHECK(before[0] > big.size() / 3);
}
