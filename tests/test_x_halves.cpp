// An X archive's only tweets file read in two halves at once (importers/x_archive.h, json::
// SplitFinder): on two threads natively, by the page's two workers as parts read ahead. The
// report must be byte for byte the one of one reader, whatever the file holds: damage
// before or after the split point, a file without X's layout, a split-point pattern inside
// an element, a long post that tweets of both halves would take.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "importers/x_archive.h"
#include "io/container.h"
#include "io/json_scan.h"
#include "report/report.h"
#include "social_test_util.h"
#include "util/error.h"
#include "x_archive_gen.h"

using namespace clout;

namespace {

gen::XArchiveOptions one_file() {
    gen::XArchiveOptions o;
    o.seed = 57;
    o.tweets = 1600;
    o.parts = 1;
    o.note_tweets = 12;
    o.community_tweets = 10;
    o.likes = 300;
    o.followers = 200;
    o.following = 50;
    return o;
}

struct Read {
    std::string report;
    std::vector<std::string> warnings;
    Activity activity;
};

// `path` read on `threads` threads; halves for any tweets file when `halves`.
Read read(const std::string& path, unsigned threads, bool halves = true, PreRead* ahead = nullptr) {
    Read r;
    ImportContext ctx;
    ctx.threads = threads;
    ctx.halves_from = halves ? 1 : UINT64_MAX;
    ctx.pre_read = ahead;
    import_path(path, r.activity, ctx);
    r.warnings = r.activity.warnings;
    r.activity.normalize();
    r.report = report_to_json(build_report(r.activity));
    return r;
}

std::vector<std::string> part_names(const std::string& path) {
    ImportContext ctx;
    ctx.halves_from = 1;
    auto c = open_input(path, ctx);
    std::vector<std::string> out;
    for (const DataFile& f : x_archive_part_files(*c, ctx)) out.push_back(f.path);
    return out;
}

// The archive's data files copied into a folder (an X archive can be read as one), so a
// test can change tweets.js.
void unpack(const std::string& zip, const std::string& dir) {
    ImportContext ctx;
    auto c = open_input(zip, ctx);
    for (size_t i = 0; i < c->entries().size(); ++i) {
        const std::string& p = c->entries()[i].path;
        if (p.rfind("data/", 0) == 0 && p.size() > 3 && p.substr(p.size() - 3) == ".js")
            social_test::write_file(dir + "/" + p, c->read_all(i, ctx));
    }
}

std::string tweets_path(const std::string& dir) { return dir + "/data/tweets.js"; }

// one_file() generated and unpacked into the folder `dir`/x; returns the folder.
std::string unpacked_one_file(const social_test::TempDir& dir) {
    gen::write_x_archive(dir / "x.zip", one_file());
    const std::string folder = dir / "x";
    unpack(dir / "x.zip", folder);
    return folder;
}

// The offset of the first X element boundary ("\n  }, {") at or after `from`: its '{'.
size_t boundary_after(const std::string& s, size_t from) {
    size_t at = s.find("\n  }, {", from);
    REQUIRE(at != std::string::npos);
    return at + 6;
}

// Damages the element that starts at the first boundary past `fraction` of the folder's
// tweets.js (a raw newline inside a string); returns the file's new text.
std::string damage_after(const std::string& folder, double fraction) {
    std::string t = social_test::read_file(tweets_path(folder));
    const size_t at = boundary_after(t, static_cast<size_t>(static_cast<double>(t.size()) * fraction));
    t.insert(at + 1, "\"broken");
    social_test::write_file(tweets_path(folder), t);
    return t;
}

}  // namespace

TEST_CASE("halves: the split point is found the same whatever blocks the bytes come in") {
    const std::string s = std::string("[ {\n    \"a\" : {\n  }, {\n    \"x\" : 1\n  }, {\n    \"y\" : 2\n  },\n  {\n  } ]");
    const size_t first = s.find("\n  }, {") + 6;
    const size_t second = s.find("\n  }, {", first) + 6;
    const size_t old_style = s.find("\n  },\n  {") + 8;
    std::mt19937 rng(3);
    for (int round = 0; round < 200; ++round) {
        const uint64_t from = static_cast<uint64_t>(round % static_cast<int>(s.size()));
        const uint64_t expect = from <= first ? first : from <= second ? second : from <= old_style ? old_style : 0;
        json::SplitFinder f(from);
        size_t at = 0;
        while (at < s.size() && !f.found()) {
            size_t n = std::min<size_t>(s.size() - at, 1 + rng() % 7);
            f.feed(s.data() + at, n, at);
            at += n;
        }
        CAPTURE(from);
        CHECK(f.found() == (expect != 0));
        if (expect) CHECK(f.split() == expect);
    }
    // Exact: the offset given, no pattern needed.
    json::SplitFinder exact(5, true);
    CHECK_FALSE(exact.feed(s.data(), 5, 0));
    CHECK(exact.feed(s.data() + 5, 3, 5));
    CHECK(exact.split() == 5);
}

TEST_CASE("halves: one tweets file read in two halves gives the report of one reader") {
    social_test::TempDir dir("halves-same");
    const std::string zip = dir / "x.zip";
    gen::write_x_archive(zip, one_file());
    const Read one = read(zip, 1, false);
    // The two halves are listed as parts, with about half the size each.
    const std::vector<std::string> names = part_names(zip);
    REQUIRE(names.size() >= 2);
    CHECK(names[0] == "data/tweets.js (first half)");
    CHECK(names[1] == "data/tweets.js (second half)");
    for (unsigned threads : {1u, 2u, 4u}) {
        CAPTURE(threads);
        Read r = read(zip, threads);
        CHECK(r.report == one.report);
        CHECK(r.warnings == one.warnings);
    }
    // As the page reads it: any of the parts read ahead by other copies, sent as bytes.
    for (const std::vector<std::string>& set : std::vector<std::vector<std::string>>{
             {names[0], names[1]}, {names[0]}, {names[1]}, names}) {
        CAPTURE(set.size());
        std::vector<PartAhead> parts;
        for (const std::string& n : set) {
            ImportContext ctx;
            ctx.halves_from = 1;
            auto c = open_input(zip, ctx);
            parts.push_back(read_x_archive_part(*c, n, ctx));
        }
        PartsAhead given;
        given.parts = decode_parts_ahead(encode_parts_ahead(parts));
        Read r = read(zip, 1, true, &given);
        CHECK(r.report == one.report);
        CHECK(given.parts.empty());
    }
}

TEST_CASE("halves: damage after the split point keeps the same posts and warning as one reader") {
    social_test::TempDir dir("halves-damage-late");
    const std::string folder = unpacked_one_file(dir);
    damage_after(folder, 0.75);
    const Read one = read(folder, 1, false);
    REQUIRE(one.warnings.size() == 1);
    CHECK(one.warnings[0].find("data/tweets.js: damaged JSON at byte ") == 0);
    CHECK(one.warnings[0].find("posts before it were kept") != std::string::npos);
    for (unsigned threads : {2u, 4u}) {
        Read r = read(folder, threads);
        CHECK(r.report == one.report);
        CHECK(r.warnings == one.warnings);
    }
}

TEST_CASE("halves: damage before the split point: the second half is not used") {
    social_test::TempDir dir("halves-damage-early");
    const std::string folder = unpacked_one_file(dir);
    const std::string t = damage_after(folder, 0.25);
    const Read one = read(folder, 1, false);
    REQUIRE(one.warnings.size() == 1);
    Read r = read(folder, 2);
    CHECK(r.report == one.report);
    CHECK(r.warnings == one.warnings);
    // A file cut short before its middle, too.
    social_test::write_file(tweets_path(folder), t.substr(0, t.size() / 3));
    CHECK(read(folder, 2).report == read(folder, 1, false).report);
}

TEST_CASE("halves: without X's layout, or with its pattern inside an element, the file is read whole") {
    social_test::TempDir dir("halves-layout");
    const std::string folder = unpacked_one_file(dir);
    const std::string original = social_test::read_file(tweets_path(folder));
    SUBCASE("no split point: elements separated otherwise") {
        std::string t = original;
        for (size_t at = 0; (at = t.find("\n  }, {", at)) != std::string::npos;) t.replace(at, 7, "\n }, {");
        social_test::write_file(tweets_path(folder), t);
    }
    SUBCASE("the pattern inside an element, past the middle") {
        // A last value of the element that holds the middle, with "\n  }, {" one level
        // down: the first pattern past the middle, but not between two elements.
        std::string t = original;
        const std::string extra = ",\n    \"extra\" : [ {\n  }, {\n  } ]";
        const size_t mid = (t.size() + extra.size()) / 2;
        const size_t next = boundary_after(t, mid);
        REQUIRE(t.rfind("\n  }, {", next - 7) + 6 < mid);
        t.insert(next - 6, extra);
        social_test::write_file(tweets_path(folder), t);
    }
    const Read one = read(folder, 1, false);
    Read r = read(folder, 2);
    CHECK(r.report == one.report);
    CHECK(r.warnings == one.warnings);
}

TEST_CASE("halves: a long post that tweets of both halves would take goes to the first, as with one reader") {
    // Every tweet is the same truncated long post, posted the same second: one reader gives
    // the one note to the first tweet only. Each half alone would give it to its own first.
    social_test::TempDir dir("halves-notes");
    const std::string folder = dir / "x";
    const std::string full = "This is a long post about gardening, tomatoes and the rain this week, "
                             "which goes on well past the old limit of characters of a tweet.";
    std::string t = "window.YTD.tweets.part0 = [ ";
    for (int i = 0; i < 60; ++i) {
        if (i) t += ", ";
        t += "{\n    \"tweet\" : {\n      \"id_str\" : \"" + std::to_string(1000 + i) +
             "\",\n      \"created_at\" : \"Sat Feb 18 12:33:11 +0000 2023\",\n      \"full_text\" : \"" +
             full.substr(0, 60) + "\xE2\x80\xA6\",\n      \"favorite_count\" : \"3\",\n      \"retweet_count\" : \"1\"\n    }\n  }";
    }
    t += " ]";
    social_test::write_file(folder + "/data/tweets.js", t);
    social_test::write_file(folder + "/data/account.js",
                            "window.YTD.account.part0 = [ {\"account\" : {\"username\" : \"me\", \"accountId\" : \"42\"}} ]");
    social_test::write_file(folder + "/data/note-tweet.js",
                            "window.YTD.note_tweet.part0 = [ {\"noteTweet\" : {\"createdAt\" : \"2023-02-18T12:33:11.000Z\", "
                            "\"core\" : {\"text\" : \"" + full + "\"}}} ]");
    const Read one = read(folder, 1, false);
    const Read two = read(folder, 2);
    CHECK(two.report == one.report);
    auto with_note = [&](const Activity& a) {
        return std::count_if(a.posts.begin(), a.posts.end(), [&](const Post& p) { return p.text_length == full.size(); });
    };
    CHECK(with_note(one.activity) == 1);
    CHECK(with_note(two.activity) == 1);
}
