// The file sources (io/byte_source.h, src/worker/file_source.h): every read returns exactly
// the file's bytes, whatever the offsets, sizes and order. The wasm builds read through a
// read-ahead buffer (large blocks inside a range given to advise(), small ones elsewhere),
// so the reads here cross its block edges, jump back and forth, run to the end of the file
// and past it. Both sources are tested in both builds; open_file_source is the platform's.
#include <doctest/doctest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "file_source.h"
#include "io/byte_source.h"
#include "util/error.h"
#include "social_test_util.h"

using namespace clout;

namespace {

// 9 MB of bytes that differ from one offset to the next (a mistaken offset shows).
std::string pattern(size_t n) {
    std::string s(n, '\0');
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < n; ++i) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        s[i] = static_cast<char>(x >> 56);
    }
    return s;
}

bool same_at(ByteSource& src, const std::string& want, uint64_t off, size_t n) {
    std::vector<char> buf(n + 1, '\x5A');
    const size_t got = src.read_at(off, buf.data(), n);
    const size_t expect = off >= want.size() ? 0 : std::min<size_t>(n, want.size() - static_cast<size_t>(off));
    if (got != expect) return false;
    if (buf[n] != '\x5A') return false;  // nothing written past the request
    return std::string(buf.data(), got) == want.substr(std::min<size_t>(static_cast<size_t>(off), want.size()), expect);
}

using Opener = std::unique_ptr<ByteSource> (*)(const std::string&);

// Each part starts from a freshly opened source (an empty read-ahead buffer).
void check_reads(Opener open, const std::string& path, const std::string& data) {
    {
        INFO("in order, small reads (a zip's headers, a CSV read 64 KB at a time)");
        auto src = open(path);
        REQUIRE(src->size() == data.size());
        uint64_t off = 0;
        size_t k = 0;
        const size_t sizes[] = {30, 4096, 65536, 1, 131071, 300000};
        while (off < data.size()) {
            const size_t n = sizes[k++ % 6];
            CHECK(same_at(*src, data, off, n));
            off += n;
        }
    }
    {
        INFO("an advised range read to its end, then what follows it");
        auto src = open(path);
        const uint64_t start = 1234567, len = 5u << 20;
        src->advise(start, len);
        uint64_t off = start;
        while (off < start + len) {
            CHECK(same_at(*src, data, off, 65536));
            off += 65536;
        }
        CHECK(same_at(*src, data, start + len - 10, 100));  // across the range's end
        CHECK(same_at(*src, data, start + len + 7, 70000));
    }
    {
        INFO("large reads, backwards jumps, the end of the file and past it");
        auto src = open(path);
        CHECK(same_at(*src, data, 0, 3u << 20));
        CHECK(same_at(*src, data, 100, 50));
        CHECK(same_at(*src, data, (3u << 20) - 5, 4u << 20));
        CHECK(same_at(*src, data, 17, 1));
        CHECK(same_at(*src, data, data.size() - 1000, 5000));  // short: the file ends
        CHECK(same_at(*src, data, data.size(), 10));           // at the end: nothing
        CHECK(same_at(*src, data, data.size() + 5, 10));       // past it: nothing
        uint64_t x = 88172645463325252ull;                     // random places and sizes
        for (int i = 0; i < 400; ++i) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            const uint64_t off = x % data.size();
            const size_t n = static_cast<size_t>((x >> 32) % (i % 10 == 0 ? (6u << 20) : 200000)) + 1;
            if (i % 7 == 0) src->advise(off, n);
            REQUIRE(same_at(*src, data, off, n));
        }
    }
    {
        INFO("read_exact: the whole file, and a clear error past its end");
        auto src = open(path);
        std::string all(data.size(), '\0');
        src->read_exact(0, all.data(), all.size());
        CHECK(all == data);
        char b[8];
        CHECK_THROWS_WITH_AS(src->read_exact(data.size() - 4, b, 8), doctest::Contains("truncated"), InputError);
    }
}

}  // namespace

TEST_CASE("byte source: reads anywhere return the file's exact bytes") {
    social_test::TempDir dir("bytesrc");
    const std::string data = pattern(9u << 20);
    const std::string path = dir / "f.bin";
    social_test::write_file(path, data);
    SUBCASE("the platform's (open_file_source)") { check_reads(&open_file_source, path, data); }
    SUBCASE("pread") { check_reads(&open_pread_file_source, path, data); }
    SUBCASE("read-ahead (the wasm builds')") { check_reads(&open_read_ahead_file_source, path, data); }
}

TEST_CASE("byte source: a file that cannot be opened is a clear error") {
    for (Opener open : {Opener(&open_pread_file_source), Opener(&open_read_ahead_file_source)})
        CHECK_THROWS_WITH_AS(open("/nonexistent/clout-file.bin"), doctest::Contains("cannot open"), InputError);
}
