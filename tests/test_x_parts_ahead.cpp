// Reading one X archive with two copies of the engine (the page's two import workers,
// importers/x_archive.h): parts read ahead, sent over as bytes and given to the import
// make the report byte for byte the one of reading everything in one place; damaged
// bytes from the other copy are a clear error, never a crash.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "importers/x_archive.h"
#include "io/container.h"
#include "report/report.h"
#include "social_test_util.h"
#include "util/error.h"
#include "x_archive_gen.h"
#include "zip_writer.h"

using namespace clout;

namespace {

gen::XArchiveOptions archive(int damaged_part = -1) {
    gen::XArchiveOptions o;
    o.seed = 91;
    o.tweets = 2500;
    o.parts = 4;
    o.note_tweets = 12;
    o.community_tweets = 15;
    o.likes = 700;
    o.followers = 300;
    o.following = 120;
    o.damaged_part = damaged_part;
    return o;
}

std::string report_of(Activity& a) {
    a.normalize();
    return report_to_json(build_report(a));
}

// The report of `path` read in one place (one thread).
std::string read_whole(const std::string& path, std::vector<std::string>* warnings = nullptr) {
    Activity a;
    ImportContext ctx;
    ctx.threads = 1;
    import_path(path, a, ctx);
    if (warnings) *warnings = a.warnings;
    return report_of(a);
}

// One data file of `path` read as the other worker reads it (its own container).
PartAhead read_part(const std::string& path, const std::string& file) {
    ImportContext ctx;
    auto c = open_input(path, ctx);
    return read_x_archive_part(*c, file, ctx);
}

// Reads the files `ahead` of `path` as another copy would (each in its own container, sent
// over as bytes when `as_bytes`), then imports `path` with them given.
std::string read_with_parts(const std::string& path, const std::vector<std::string>& ahead, bool as_bytes,
                            std::vector<std::string>* warnings = nullptr, size_t* left = nullptr) {
    std::vector<PartAhead> parts;
    for (const std::string& file : ahead) {
        PartAhead p = read_part(path, file);
        parts.push_back(std::move(p));
    }
    PartsAhead given;
    given.parts = as_bytes ? decode_parts_ahead(encode_parts_ahead(parts)) : std::move(parts);
    Activity a;
    ImportContext ctx;
    ctx.threads = 1;
    ctx.pre_read = &given;
    import_path(path, a, ctx);
    if (warnings) *warnings = a.warnings;
    if (left) *left = given.parts.size();
    return report_of(a);
}

std::vector<std::string> part_paths(const std::string& path) {
    ImportContext ctx;
    auto c = open_input(path, ctx);
    std::vector<std::string> out;
    for (const DataFile& f : x_archive_part_files(*c, ctx)) out.push_back(f.path);
    return out;
}

}  // namespace

TEST_CASE("parts ahead: the files an X archive reads as parts, in order, with sizes") {
    social_test::TempDir dir("ahead-list");
    std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, archive());
    ImportContext ctx;
    auto c = open_input(zip, ctx);
    std::vector<DataFile> files = x_archive_part_files(*c, ctx);
    // 4 tweets parts, community tweets, likes, followers, following.
    REQUIRE(files.size() == 8);
    CHECK(files[0].path.find("tweets") != std::string::npos);
    CHECK(files[4].path.find("community-tweet") != std::string::npos);
    CHECK(files[5].path.find("like") != std::string::npos);
    CHECK(files[7].path.find("following") != std::string::npos);
    for (const DataFile& f : files) CHECK(f.size > 0);
}

TEST_CASE("parts ahead: not an X archive has no parts") {
    social_test::TempDir dir("ahead-none");
    std::string path = dir / "posts.json";
    social_test::write_file(path, "[{\"title\": \"a post\", \"timestamp\": 1700000000}]");
    ImportContext ctx;
    auto c = open_input(path, ctx);
    CHECK(x_archive_part_files(*c, ctx).empty());
}

TEST_CASE("parts ahead: any set of files read ahead gives the same report, in memory or as bytes") {
    social_test::TempDir dir("ahead-same");
    std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, archive());
    const std::string whole = read_whole(zip);
    const std::vector<std::string> files = part_paths(zip);
    REQUIRE(files.size() == 8);
    // Every file; every other one (the page's split); only the last; the first two.
    std::vector<std::vector<std::string>> sets = {
        files, {files[0], files[2], files[4], files[6]}, {files.back()}, {files[0], files[1]}};
    for (const auto& set : sets) {
        for (bool bytes : {false, true}) {
            CAPTURE(set.size());
            CAPTURE(bytes);
            size_t left = 99;
            CHECK(read_with_parts(zip, set, bytes, nullptr, &left) == whole);
            CHECK(left == 0);  // every part given was taken
        }
    }
}

TEST_CASE("parts ahead: a damaged part keeps its sound start and the same warning") {
    social_test::TempDir dir("ahead-damaged");
    std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, archive(1));
    std::vector<std::string> w1, w2;
    const std::string whole = read_whole(zip, &w1);
    REQUIRE(w1.size() == 1);
    const std::vector<std::string> files = part_paths(zip);
    CHECK(read_with_parts(zip, files, true, &w2) == whole);
    CHECK(w2 == w1);
}

TEST_CASE("parts ahead: the post limit still counts the parts given") {
    social_test::TempDir dir("ahead-limit");
    std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, archive());
    const std::vector<std::string> files = part_paths(zip);
    PartsAhead given;
    for (const std::string& f : files) given.parts.push_back(read_part(zip, f));
    Activity a;
    ImportContext ctx;
    ctx.threads = 1;
    ctx.limits.max_posts = 1000;
    ctx.pre_read = &given;
    CHECK_THROWS_WITH_AS(import_path(zip, a, ctx), "more than 1000 posts (limit --max-posts)", LimitError);
}

TEST_CASE("parts ahead: a file that is not a part is refused by name") {
    social_test::TempDir dir("ahead-refused");
    std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, archive());
    ImportContext ctx;
    auto c = open_input(zip, ctx);
    CHECK_THROWS_AS(read_x_archive_part(*c, "data/account.js", ctx), InputError);
}

TEST_CASE("parts ahead: damaged bytes from the other worker are an error, never a crash") {
    social_test::TempDir dir("ahead-bytes");
    std::string zip = dir / "x.zip";
    gen::XArchiveOptions o = archive();
    o.tweets = 300;
    o.parts = 1;
    gen::write_x_archive(zip, o);
    std::vector<PartAhead> one;
    one.push_back(read_part(zip, part_paths(zip)[0]));
    const PartAhead& p = one[0];
    REQUIRE(p.part.posts.size() == 300);
    const std::string bytes = encode_parts_ahead(one);
    // Every truncation is refused.
    size_t refused = 0;
    for (size_t n = 0; n < bytes.size(); n += 1 + n / 64) {
        try {
            decode_parts_ahead(std::string_view(bytes).substr(0, n));
        } catch (const InputError& e) {
            CHECK(std::string(e.what()) == "damaged data from the other import worker");
            ++refused;
            continue;
        }
        FAIL("a truncated part was accepted at " << n << " of " << bytes.size() << " bytes");
    }
    CHECK(refused > 100);
    // Flipped bytes either decode to a part whose every index is in range, or are refused.
    for (size_t at = 0; at < bytes.size(); at += 1 + at / 32) {
        std::string bad = bytes;
        bad[at] = static_cast<char>(bad[at] ^ 0xA5);
        try {
            Activity into;
            into.add_account(Account{});
            for (PartAhead& q : decode_parts_ahead(bad))
                into.merge_part(std::move(q.part), 0);  // must not read out of bounds (ASan)
            for (const Post& post : into.posts) CHECK(post.terms_begin + post.n_hashtags <= into.terms.size());
        } catch (const InputError&) {
        }
    }
    // Intact bytes decode to what was encoded.
    CHECK_THROWS_AS(decode_parts_ahead(bytes + "x"), InputError);  // bytes left over
    std::vector<PartAhead> qs = decode_parts_ahead(bytes);
    REQUIRE(qs.size() == 1);
    const PartAhead& q = qs[0];
    CHECK(q.path == p.path);
    CHECK(q.part.posts.size() == p.part.posts.size());
    CHECK(q.part.strings.size() == p.part.strings.size());
    CHECK(q.part.terms == p.part.terms);
}

// Found by fuzz_x_halves: a zip holding two entries of one name (zip allows it) gave both
// parts read ahead the first entry's posts, since a part was known by its path alone.
TEST_CASE("parts ahead: two entries of one name are two parts, each with its own posts") {
    social_test::TempDir dir("ahead-same-name");
    const std::string src = dir / "x.zip", zip = dir / "twice.zip";
    gen::XArchiveOptions o = archive();
    o.parts = 1;
    o.tweets = 400;
    gen::write_x_archive(src, o);
    ImportContext ctx;
    auto c = open_input(src, ctx);
    gen::ZipWriter w(zip);
    std::string tweets;
    for (size_t i = 0; i < c->entries().size(); ++i) {
        const std::string& p = c->entries()[i].path;
        if (p.empty() || p.back() == '/') continue;
        std::string bytes = c->read_all(i, ctx);
        if (p.size() >= 9 && p.substr(p.size() - 9) == "tweets.js") tweets = bytes;
        w.add(p, bytes);
    }
    REQUIRE(!tweets.empty());
    // The same name again, holding only the first tweet of the file.
    const size_t cut = tweets.find("\n  }, {");
    REQUIRE(cut != std::string::npos);
    w.add("data/tweets.js", tweets.substr(0, cut) + "\n  } ]");
    w.finish();
    const std::vector<std::string> files = part_paths(zip);
    CHECK(std::count(files.begin(), files.end(), "data/tweets.js") == 1);
    CHECK(std::count(files.begin(), files.end(), "data/tweets.js (2)") == 1);
    const std::string whole = read_whole(zip);
    CHECK(read_with_parts(zip, files, true) == whole);
}
