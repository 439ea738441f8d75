// Regression tests for what fuzzing (fuzz/, docs/FUZZING.md) and the sanitizer runs
// found: one TEST_CASE per finding, its input inline (or a small file under
// tests/data/regress/TARGET/, which scripts/fuzz.sh also feeds back as seeds).
#include <doctest/doctest.h>

#include <zlib.h>

#include <map>
#include <string>

#include "importers/importer.h"
#include "importers/json_doc.h"
#include "report/report.h"
#include "social_test_util.h"
#include "util/error.h"
#include "io/json_items.h"
#include "util/text.h"
#include "zip_writer.h"
#include "mastodon_gen.h"
#include "social_gen.h"

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
    CHECK_THROWS_AS(clout::parse_json_doc(R"({"a":[-1e999]})", ctx), clout::InputError);
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
TEST_CASE("regression: a bare gzip bomb stops at the entry limit") {
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
    try {
        clout::import_path(d / "bomb.json.gz", a, ctx);
        FAIL("a 300 MB gzip bomb was accepted with a 64 MB entry limit");
    } catch (const clout::LimitError& e) {
        CHECK(std::string(e.what()).find("--max-entry-mb") != std::string::npos);
    }
    CHECK(ctx.inflated_total <= (65ull << 20));
}

// Review for the one-line error display: messages quote the input (zip entry names can
// hold line breaks and any bytes), so an error could span lines or carry invalid UTF-8.
// InputError now makes its text one line of valid UTF-8, at most 500 bytes.
TEST_CASE("regression: error messages are one line of valid UTF-8") {
    CHECK(std::string(clout::InputError("a\nb\r\tc\xff").what()) == "a b  c\xEF\xBF\xBD");
    std::string longer(2000, 'x');
    std::string w = clout::InputError(longer).what();
    CHECK(w.size() <= 500);
    CHECK(w.substr(w.size() - 3) == "...");
    std::string cjk;
    for (int i = 0; i < 300; ++i) cjk += "\xE6\x97\xA5";
    w = clout::LimitError(cjk).what();
    CHECK(w.size() <= 500);
    CHECK(clout::utf8_valid(w));

    TempDir d("regress-oneline");
    {
        clout::gen::ZipWriter z(d / "evil.zip");
        z.add("evil\nname\xff.txt", "hello");
        z.finish();
    }
    std::string zip = read_file(d / "evil.zip");
    size_t cen = zip.find(std::string("PK\x01\x02", 4));
    REQUIRE(cen != std::string::npos);
    zip[cen + 42] = '\x70';  // local header offset past the central directory
    zip[cen + 43] = '\x70';
    write_file(d / "evil.zip", zip);
    std::string err = import_error(d / "evil.zip");
    CHECK(err.find("evil name") != std::string::npos);
    CHECK(err.find('\n') == std::string::npos);
    CHECK(clout::utf8_valid(err));
}

// Review for the malformed corpus (invalid UTF-8): CSV fields were never checked, so a
// LinkedIn or Reddit text with invalid UTF-8 reached the report, whose JSON writer
// (nlohmann's dump) threw type_error 316 -- an internal error. CSV fields are now made
// valid as they are read, and the report's JSON replaces what is still invalid (a file
// name given in Latin-1).
TEST_CASE("regression: invalid UTF-8 in CSV texts and file names gives a valid report") {
    TempDir d("regress-csv-utf8");
    const std::string bad = "caf\xE9 \xC3\x28 #tag\xFF end";
    write_file(d / "Basic_LinkedInDataExport_01-02-2024\xE9/Shares.csv",
               "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"" +
                   bad + "\",,,MEMBER_NETWORK\n");
    clout::Activity a;
    REQUIRE(import_error(d / "Basic_LinkedInDataExport_01-02-2024\xE9", &a).empty());
    REQUIRE(a.posts.size() == 1);
    CHECK(clout::utf8_valid(a.snippet(a.posts[0])));
    std::string j = clout::report_to_json(clout::build_report(a));
    CHECK(clout::utf8_valid(j));
}

// ASan (fuzz_seeds, built with clang -fsanitize=address): mastodon_gen.h and social_gen.h
// both defined clout::gen::GenFile with different members; the linker kept one copy of
// std::vector<GenFile>'s code for both, so gen_instagram overflowed a stack object. The
// Mastodon one is now MastodonFile. This test runs both generators in one program.
TEST_CASE("regression: the Mastodon and social generators run side by side") {
    clout::gen::Expected ig, th;
    clout::gen::InstagramOptions io;
    io.posts = 3;
    auto g = clout::gen::gen_instagram(io, ig, th);
    CHECK_FALSE(g.empty());
    clout::gen::MastodonSpec ms;
    ms.originals = 3;
    std::vector<clout::gen::MastodonFile> files;
    clout::gen::mastodon_files(ms, files);
    CHECK_FALSE(files.empty());
}

// fuzz_zip: a zip whose central directory is empty (0 bytes) read it into an empty
// vector, passing its null data() to memcpy (UBSan: null pointer passed as argument 1).
// ByteSource reads of 0 bytes now return at once. The input is kept in
// tests/data/regress/zip/empty-central-directory (run below with every kept crasher).
TEST_CASE("regression: reading 0 bytes into a null buffer") {
    auto src = clout::memory_source("abc");
    src->read_exact(1, nullptr, 0);
    CHECK(src->read_at(0, nullptr, 0) == 0);
    clout::ImportContext ctx;
    std::string empty_zip = std::string("PK\x05\x06", 4) + std::string(18, '\0');
    auto c = clout::open_zip(clout::memory_source(empty_zip), "empty.zip", ctx);
    CHECK(c->entries().empty());
}

// Every input kept under tests/data/regress/TARGET/ (minimised fuzz crashers) goes
// through the reader its target drives and must end cleanly: a result or an InputError.
TEST_CASE("regression: every kept fuzz crasher is answered cleanly") {
    const fs::path root = fs::path(CLOUT_SOURCE_DIR) / "tests" / "data" / "regress";
    REQUIRE(fs::is_directory(root));  // part of the repository
    size_t n = 0;
    for (const auto& dir : fs::directory_iterator(root)) {
        if (!dir.is_directory()) continue;
        const std::string target = dir.path().filename().string();
        for (const auto& f : fs::directory_iterator(dir.path())) {
            CAPTURE(f.path().string());
            const std::string bytes = read_file(f.path().string());
            clout::ImportContext ctx;
            clout::Activity a;
            try {
                if (target == "zip" || target == "tar") {
                    auto c = clout::open_source(clout::memory_source(bytes), "crasher", ctx);
                    char buf[4096];
                    for (size_t i = 0; i < c->entries().size() && i < 64; ++i) {
                        try {
                            auto s = c->open(i, ctx);
                            while (s->read(buf, sizeof buf) > 0) {
                            }
                        } catch (const clout::LimitError&) {
                            throw;
                        } catch (const clout::InputError&) {
                        }
                    }
                } else {
                    // One file (or a bundle "@@ PATH\nBYTES..." of several) in a folder.
                    static const std::map<std::string, std::string> where = {
                        {"x_archive", "data/tweets.js"}, {"mastodon", "outbox.json"},
                        {"meta", "your_instagram_activity/content/posts_1.json"}, {"tiktok", "user_data_tiktok.json"},
                        {"linkedin", "Shares.csv"}, {"reddit", "comments.csv"}, {"car", "repo.car"}, {"import", "export.bin"}};
                    TempDir d("regress-crasher");
                    auto it = where.find(target);
                    std::string def = it == where.end() ? "input.bin" : it->second;
                    if (bytes.rfind("@@ ", 0) == 0) {
                        size_t pos = 0;
                        while (pos < bytes.size()) {
                            size_t nl = bytes.find('\n', pos);
                            if (nl == std::string::npos) break;
                            std::string path = bytes.substr(pos + 3, nl - pos - 3);
                            size_t next = bytes.find("\n@@ ", nl + 1);
                            size_t stop = next == std::string::npos ? bytes.size() : next;
                            if (!path.empty() && path.find("..") == std::string::npos && path[0] != '/')
                                write_file(d / path, bytes.substr(nl + 1, stop - nl - 1));
                            if (next == std::string::npos) break;
                            pos = next + 1;
                        }
                    } else {
                        write_file(d / def, bytes);
                    }
                    clout::import_path(target == "import" || target == "car" ? d / def : d.str(), a, ctx);
                    a.normalize();
                    CHECK_FALSE(clout::report_to_json(clout::build_report(a)).empty());
                }
            } catch (const clout::InputError&) {
            }
            ++n;
        }
    }
    CHECK(n > 0);
}

// Malformed corpus (negative numbers): TikTok's account-level likesReceived took a
// negative number as it was (-5 likes received). A negative count is now unknown (-1).
TEST_CASE("regression: a negative TikTok likesReceived is unknown") {
    TempDir d("regress-tiktok-neg");
    write_file(d / "user_data_tiktok.json",
               R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u","likesReceived":-5}}},"Video":{"Videos":{"VideoList":[{"Date":"2024-01-02 10:00:00","Link":"https://www.tiktokv.com/share/video/7300000000000000001/","Likes":"-3","Title":"hi"}]}}})");
    clout::Activity a;
    REQUIRE(import_error(d / "user_data_tiktok.json", &a).empty());
    REQUIRE(a.accounts.size() == 1);
    CHECK(a.accounts[0].likes_received_total == -1);
    for (const auto& p : a.posts) CHECK(p.likes >= -1);
}
