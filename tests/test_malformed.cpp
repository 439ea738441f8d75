// The malformed-input corpus: every input is made here, at test time, and every one must
// end in either a clear one-line InputError or a result built from the sound part with a
// warning naming what was skipped -- never a crash, another exception, or a silent loss.
// (Memory is checked on the real binary in test_cli_errors.cpp; how long hostile inputs
// take is measured by tools/bench/bench_hostile.cpp.) See docs/LIMITS.md.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "bluesky_gen.h"
#include "importers/importer.h"
#include "report/report.h"
#include "social_gen.h"
#include "social_test_util.h"
#include "util/error.h"
#include "util/text.h"
#include "tar_writer.h"
#include "x_archive_gen.h"
#include "zip_writer.h"

using namespace social_test;

namespace {

struct Outcome {
    bool error = false;       // an InputError was thrown
    bool limit = false;       // ... and it was a LimitError
    std::string message;
    clout::Activity activity;
};

Outcome run(const std::string& path, const clout::Limits& limits = {}) {
    Outcome o;
    try {
        clout::ImportContext ctx;
        ctx.limits = limits;
        clout::import_path(path, o.activity, ctx);
        o.activity.normalize();
    } catch (const clout::LimitError& e) {
        o.error = o.limit = true;
        o.message = e.what();
    } catch (const clout::InputError& e) {
        o.error = true;
        o.message = e.what();
    }
    return o;
}

// The common bar for every case: fast, and an error is one clear line.
void check_clean(const Outcome& o) {
    if (o.error) {
        CHECK(!o.message.empty());
        CHECK(o.message.find('\n') == std::string::npos);
        CHECK(clout::utf8_valid(o.message));
        CHECK(o.message.size() <= 500);
    }
    for (const auto& w : o.activity.warnings) {
        CHECK(w.find('\n') == std::string::npos);
        CHECK(clout::utf8_valid(w));
    }
}

std::string random_bytes(size_t n, uint64_t seed) {
    std::string s(n, '\0');
    uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    for (auto& c : s) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        c = static_cast<char>(x >> 24);
    }
    return s;
}

// A small sound X archive zip (12 tweets) for damaging.
std::string x_zip(const TempDir& d, const std::string& name = "x.zip") {
    clout::gen::XArchiveOptions o;
    o.tweets = 12;
    o.likes = 3;
    clout::gen::write_x_archive(d / name, o);
    return read_file(d / name);
}

const char* kTweetHead = "window.YTD.tweets.part0 = ";

std::string tweet(const std::string& id, const std::string& fav, const std::string& text = "hello") {
    return R"({"tweet":{"id_str":")" + id + R"(","created_at":"Sat Jun 01 10:00:00 +0000 2024","full_text":")" + text +
           R"(","favorite_count":)" + fav + R"(,"retweet_count":"1","entities":{}}})";
}

std::string deep(size_t n, char open, char close, const std::string& inner = "1") {
    return std::string(n, open) + inner + std::string(n, close);
}

}  // namespace

TEST_CASE("malformed: empty file, random bytes and other file types are refused in one line") {
    TempDir d("malformed-types");
    write_file(d / "empty.zip", "");
    write_file(d / "random.bin", random_bytes(256 * 1024, 7));
    write_file(d / "image.png", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + random_bytes(4000, 3));
    write_file(d / "doc.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    write_file(d / "notes.txt", "These are my notes.\nNot an export at all.\n");
    write_file(d / "random.zip", std::string("PK\x03\x04", 4) + random_bytes(5000, 9));
    write_file(d / "random.gz", std::string("\x1f\x8b\x08\x00", 4) + random_bytes(5000, 11));
    for (const char* f : {"empty.zip", "random.bin", "image.png", "doc.pdf", "notes.txt", "random.zip", "random.gz"}) {
        CAPTURE(f);
        Outcome o = run(d / f);
        check_clean(o);
        CHECK(o.error);
    }
    CHECK(run(d / "empty.zip").message == "the file is empty");
    CHECK(run(d / "notes.txt").message.find("not a recognised export") == 0);
    CHECK(run(d / "doc.pdf").message.find("not a recognised export") == 0);
    CHECK(run(d / "random.zip").message.find("zip") != std::string::npos);
    CHECK(run(d / "random.gz").message.find("gzip") != std::string::npos);
}

TEST_CASE("malformed: truncated zips and tars") {
    TempDir d("malformed-trunc");
    std::string zip = x_zip(d);
    for (size_t cut : {size_t(10), zip.size() / 3, zip.size() / 2, zip.size() - 30, zip.size() - 1}) {
        CAPTURE(cut);
        write_file(d / "cut.zip", zip.substr(0, cut));
        Outcome o = run(d / "cut.zip");
        check_clean(o);
        CHECK(o.error);
    }
    // A tar (and a tar.gz) of a Mastodon-like folder, cut at several places.
    std::string outbox = R"({"@context":"https://www.w3.org/ns/activitystreams","type":"OrderedCollection","orderedItems":[)";
    for (int i = 0; i < 40; ++i) {
        if (i) outbox += ",";
        outbox += R"({"type":"Create","published":"2024-01-0)" + std::to_string(1 + i % 9) +
                  R"(T10:00:00Z","object":{"id":"https://m.example/users/a/statuses/)" + std::to_string(1000 + i) +
                  R"(","type":"Note","content":"<p>post )" + std::to_string(i) + R"(</p>","to":["https://www.w3.org/ns/activitystreams#Public"]}})";
    }
    outbox += "]}";
    write_file(d / "m/outbox.json", outbox);
    write_file(d / "m/actor.json", R"({"type":"Person","preferredUsername":"a","id":"https://m.example/users/a"})");
    // Written with the project's own tar writer (no external tar/gzip: the suite also runs as
    // wasm under Node, where there is no shell).
    for (bool gz : {false, true}) {
        clout::gen::TarWriter w(d / (gz ? "m.tar.gz" : "m.tar"), gz);
        w.add("outbox.json", outbox);
        w.add("actor.json", read_file(d / "m/actor.json"));
        w.finish();
    }
    Outcome whole = run(d / "m.tar");
    check_clean(whole);
    REQUIRE_FALSE(whole.error);
    CHECK(whole.activity.posts.size() == 40);
    for (const char* f : {"m.tar", "m.tar.gz"}) {
        std::string t = read_file(d / f);
        for (size_t cut : {size_t(100), size_t(600), t.size() / 2, t.size() - 1030}) {
            CAPTURE(f);
            CAPTURE(cut);
            write_file(d / "cut.bin", t.substr(0, cut));
            Outcome o = run(d / "cut.bin");
            check_clean(o);
            // Either refused, or (cut inside the end padding) the whole outbox.
            if (!o.error) CHECK(o.activity.posts.size() == 40);
        }
    }
}

TEST_CASE("malformed: a zip whose central directory points outside the file") {
    TempDir d("malformed-cd");
    std::string zip = x_zip(d);
    // The end record's central-directory offset (bytes 16..19 of the record) made huge.
    size_t eocd = zip.rfind(std::string("PK\x05\x06", 4));
    REQUIRE(eocd != std::string::npos);
    std::string bad = zip;
    bad[eocd + 16] = '\xff', bad[eocd + 17] = '\xff', bad[eocd + 18] = '\xff', bad[eocd + 19] = '\x7f';
    write_file(d / "bad.zip", bad);
    Outcome o = run(d / "bad.zip");
    check_clean(o);
    CHECK(o.error);
    // One central record's local-header offset past the end.
    size_t cen = zip.find(std::string("PK\x01\x02", 4));
    REQUIRE(cen != std::string::npos);
    bad = zip;
    bad[cen + 42] = '\xf0', bad[cen + 43] = '\xff', bad[cen + 44] = '\xff', bad[cen + 45] = '\x0f';
    write_file(d / "bad2.zip", bad);
    o = run(d / "bad2.zip");
    check_clean(o);
    CHECK(o.error);
    CHECK(o.message.find("outside") != std::string::npos);
}

TEST_CASE("malformed: zip bombs stop at the limit") {
    TempDir d("malformed-bomb");
    {
        // data/tweets.js inflating to 40 MB of spaces after a sound start: deflates ~1000:1.
        clout::gen::ZipWriter w(d / "bomb.zip");
        w.add("data/manifest.js", "window.__THAR_CONFIG = {}");
        w.begin("data/tweets.js");
        w.write(std::string(kTweetHead) + "[" + tweet("1", "3"));
        std::string spaces(1 << 20, ' ');
        for (int i = 0; i < 40; ++i) w.write(spaces);
        w.write("]");
        w.end();
        w.finish();
    }
    clout::Limits lim;
    lim.max_entry_bytes = 16ull << 20;
    Outcome o = run(d / "bomb.zip", lim);
    check_clean(o);
    // The entry is damaged past the limit: refused in one line, or the tweets.js part
    // skipped with a warning naming it.
    if (o.error) {
        CHECK(o.limit);
        CHECK(o.message.find("data/tweets.js") != std::string::npos);
        CHECK(o.message.find("--max-entry-mb") != std::string::npos);
    } else {
        REQUIRE_FALSE(o.activity.warnings.empty());
    }
    clout::Limits tot;
    tot.max_total_bytes = 8ull << 20;
    o = run(d / "bomb.zip", tot);
    check_clean(o);
    CHECK(o.error);
    CHECK(o.limit);
    CHECK(o.message.find("--max-total-mb") != std::string::npos);
    // Within the limits: the one tweet, or a clear limit (the scanner buffers a run of
    // whitespace as it would an element, up to --max-field-mb).
    o = run(d / "bomb.zip");
    check_clean(o);
    if (o.error) CHECK(o.limit);
    else CHECK(o.activity.posts.size() == 1);
}

TEST_CASE("malformed: ZIP64 records with inconsistent sizes") {
    TempDir d("malformed-zip64");
    clout::gen::XArchiveOptions xo;
    xo.tweets = 5;
    xo.force_zip64 = true;
    clout::gen::write_x_archive(d / "z.zip", xo);
    std::string zip = read_file(d / "z.zip");
    REQUIRE_FALSE(run(d / "z.zip").error);
    // The ZIP64 end record's entry count (offset 32) made larger than the classic one.
    size_t z64 = zip.rfind(std::string("PK\x06\x06", 4));
    REQUIRE(z64 != std::string::npos);
    std::string bad = zip;
    bad[z64 + 32] = static_cast<char>(bad[z64 + 32] + 3);
    write_file(d / "bad.zip", bad);
    Outcome o = run(d / "bad.zip");
    check_clean(o);
    CHECK(o.error);
    // The ZIP64 central-directory size (offset 40) made 2^40.
    bad = zip;
    bad[z64 + 45] = '\x01';
    write_file(d / "bad2.zip", bad);
    o = run(d / "bad2.zip");
    check_clean(o);
    CHECK(o.error);
}

TEST_CASE("malformed: JSON nested 200000 deep in tweets.js, outbox.json and a TikTok file") {
    TempDir d("malformed-deep");
    const size_t n = 200000;
    write_file(d / "x/data/tweets.js", std::string(kTweetHead) + "[" + tweet("1", "2") + "," + deep(n, '[', ']') + "]");
    write_file(d / "m/outbox.json", R"({"type":"OrderedCollection","orderedItems":[)" + deep(n, '[', ']') + "]}");
    write_file(d / "m/actor.json", R"({"type":"Person","preferredUsername":"a"})");
    write_file(d / "t/user_data_tiktok.json", R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u"}}},"Your Activity":)" +
                                                  deep(n, '{', '}', "") + "}");
    // deep(n,'{','}',"") is not valid JSON past the first level either way: both a limit
    // and a damaged-JSON error are clear answers.
    write_file(d / "t2/user_data_tiktok.json", R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u"}}},"Video":)" +
                                                   deep(n, '[', ']') + "}");
    for (const char* f : {"x", "m", "t", "t2"}) {
        CAPTURE(f);
        Outcome o = run(d / f);
        check_clean(o);
        if (!o.error) {
            // Read from the sound part, with a warning naming what was skipped.
            REQUIRE_FALSE(o.activity.warnings.empty());
        } else {
            CHECK((o.message.find("deep") != std::string::npos || o.message.find("damaged") != std::string::npos));
        }
    }
    // The tweet before the deep element is kept in the X archive (the rest of the file
    // is damaged): a result with a warning, or a refusal.
    Outcome x = run(d / "x");
    if (!x.error) CHECK(x.activity.posts.size() == 1);
}

TEST_CASE("malformed: wrong JSON types") {
    TempDir d("malformed-types-json");
    write_file(d / "x/data/tweets.js", std::string(kTweetHead) + "[1, 2, 3]");
    write_file(d / "x2/data/tweets.js", std::string(kTweetHead) + R"({"tweet": 5})");
    write_file(d / "x3/data/tweets.js", std::string(kTweetHead) + R"([{"tweet":{"id_str":5,"full_text":["a"],"created_at":{},"favorite_count":[]}}])");
    write_file(d / "m/outbox.json", R"({"type":"OrderedCollection","orderedItems":"not a list"})");
    write_file(d / "m/actor.json", R"({"type":"Person","preferredUsername":"a"})");
    write_file(d / "m2/outbox.json", R"({"type":"OrderedCollection","orderedItems":[1,"two",null,{"type":5,"object":[]}]})");
    write_file(d / "m2/actor.json", R"(["not","an","object"])");
    write_file(d / "t/user_data_tiktok.json", R"({"Profile":"none","Video":{"Videos":{"VideoList":"x"}},"Activity":[1,2]})");
    write_file(d / "i/your_instagram_activity/content/posts_1.json", R"([1, "two", {"media": 3, "title": 7}])");
    for (const char* f : {"x", "x2", "x3", "m", "m2", "t", "i"}) {
        CAPTURE(f);
        Outcome o = run(d / f);
        check_clean(o);
        if (!o.error) CHECK(o.activity.posts.empty());
    }
}

TEST_CASE("malformed: huge, negative and non-numeric counts") {
    TempDir d("malformed-numbers");
    std::string js = std::string(kTweetHead) + "[" + tweet("1", "\"-5\"") + "," + tweet("2", "99999999999999999999") + "," +
                     tweet("3", "-7") + "," + tweet("4", "1e400") + "," + tweet("5", "\"12abc\"") + "," +
                     tweet("6", "-9223372036854775808") + "," + tweet("99999999999999999999", "4") + "," + tweet("7", "42") + "]";
    write_file(d / "x/data/tweets.js", js);
    Outcome o = run(d / "x");
    check_clean(o);
    REQUIRE_FALSE(o.error);
    REQUIRE(o.activity.posts.size() >= 7);
    for (const auto& p : o.activity.posts) {
        CHECK(p.likes >= -1);   // -1: unknown; never a negative count
        CHECK(p.reposts >= -1);
    }
    bool found42 = false;
    for (const auto& p : o.activity.posts) found42 |= p.likes == 42;
    CHECK(found42);
    // The report over such numbers is sound (no overflow in sums).
    clout::Report r = clout::build_report(o.activity);
    CHECK_FALSE(clout::report_to_json(r).empty());
}

TEST_CASE("malformed: invalid UTF-8 in texts and names") {
    TempDir d("malformed-utf8");
    std::string bad = "caf\xE9 \xC3\x28 \xF0\x9F\x98 \xED\xA0\x80 end";
    write_file(d / "x/data/tweets.js", std::string(kTweetHead) + "[" + tweet("1", "1", bad) + "]");
    Outcome o = run(d / "x");
    check_clean(o);
    if (!o.error) {
        for (const auto& p : o.activity.posts) CHECK(clout::utf8_valid(o.activity.snippet(p)));
        std::string j = clout::report_to_json(clout::build_report(o.activity));
        CHECK(clout::utf8_valid(j));
    }
    write_file(d / "l/Shares.csv", "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"" +
                                       bad + "\",,,MEMBER_NETWORK\n");
    o = run(d / "l");
    check_clean(o);
    if (!o.error) {
        std::string j = clout::report_to_json(clout::build_report(o.activity));
        CHECK(clout::utf8_valid(j));
    }
}

TEST_CASE("malformed: CAR headers and varints that lie or never end, missing MST blocks") {
    TempDir d("malformed-car");
    // A header length varint that never ends.
    write_file(d / "a.car", std::string(64, '\xff'));
    // A header length far past the end of the file.
    write_file(d / "b.car", std::string("\xff\xff\x03", 3) + "\xa2" + "eroots" + std::string(10, '\0'));
    // A sound header (roots: one CID) then a block length that lies.
    std::string cid = std::string("\x01\x71\x12\x20", 4) + std::string(32, '\x11');
    std::string hdr = std::string("\xa2\x65roots\x81\xd8\x2a\x58\x25\x00", 13) + cid + std::string("\x67version\x01", 9);
    std::string car = std::string(1, static_cast<char>(hdr.size())) + hdr;
    write_file(d / "c.car", car + std::string("\xff\xff\xff\xff\x0f", 5) + cid + "xx");
    // The root named but its block missing.
    write_file(d / "d.car", car);
    for (const char* f : {"a.car", "b.car", "c.car", "d.car"}) {
        CAPTURE(f);
        Outcome o = run(d / f);
        check_clean(o);
        CHECK(o.error);
    }
    CHECK(run(d / "d.car").message.find("missing") != std::string::npos);
}

TEST_CASE("malformed: a CSV with a 40 MB line") {
    TempDir d("malformed-csv");
    std::string head = "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n";
    std::string row1 = "2024-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"hello\",,,MEMBER_NETWORK\n";
    std::string big = "2024-01-03 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A2,\"" + std::string(40u << 20, 'a') +
                      "\",,,MEMBER_NETWORK\n";
    write_file(d / "l/Shares.csv", head + row1 + big);
    big.clear();
    big.shrink_to_fit();
    // Within the default field limit (64 MB): read, both posts.
    Outcome o = run(d / "l");
    check_clean(o);
    REQUIRE_FALSE(o.error);
    CHECK(o.activity.posts.size() == 2);
    // With --max-field-mb 8: a clear limit error naming the line.
    clout::Limits lim;
    lim.max_field_bytes = 8ull << 20;
    o = run(d / "l", lim);
    check_clean(o);
    CHECK(o.error);
    CHECK(o.limit);
}

TEST_CASE("limits: max_posts is enforced by every reader") {
    TempDir d("malformed-maxposts");
    clout::Limits lim;
    lim.max_posts = 3;
    // X archive
    clout::gen::XArchiveOptions xo;
    xo.tweets = 20;
    clout::gen::write_x_archive(d / "x.zip", xo);
    // Meta, TikTok, LinkedIn, Reddit
    clout::gen::Expected ig, th, tt, li, rd;
    clout::gen::write_export_dir(clout::gen::gen_instagram({}, ig, th), d / "ig");
    clout::gen::write_export_dir(clout::gen::gen_tiktok({}, tt), d / "tt");
    clout::gen::write_export_dir(clout::gen::gen_linkedin({}, li), d / "li");
    clout::gen::write_export_dir(clout::gen::gen_reddit({}, rd), d / "rd");
    std::string car;
    clout::gen::make_bluesky_car({}, car);
    write_file(d / "b.car", car);
    for (const char* f : {"x.zip", "ig", "tt", "li", "rd", "b.car"}) {
        CAPTURE(f);
        Outcome o = run(d / f, lim);
        check_clean(o);
        CHECK(o.error);
        CHECK(o.limit);
        CHECK(o.message.find("--max-posts") != std::string::npos);
        CHECK_FALSE(run(d / f).error);
    }
}

TEST_CASE("limits: max_depth is enforced by the JSON readers") {
    TempDir d("malformed-maxdepth");
    clout::Limits lim;
    lim.max_depth = 8;
    write_file(d / "x/data/tweets.js", std::string(kTweetHead) + "[" + tweet("1", "2") + "," + deep(20, '[', ']') + "]");
    write_file(d / "t/user_data_tiktok.json", R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u"}}},"Video":)" +
                                                  deep(20, '[', ']') + "}");
    write_file(d / "m/outbox.json", R"({"type":"OrderedCollection","orderedItems":[)" + deep(20, '[', ']') + "]}");
    write_file(d / "m/actor.json", R"({"type":"Person","preferredUsername":"a"})");
    for (const char* f : {"x", "t", "m"}) {
        CAPTURE(f);
        Outcome o = run(d / f, lim);
        check_clean(o);
        if (o.error) CHECK(o.message.find("deep") != std::string::npos);
        else CHECK_FALSE(o.activity.warnings.empty());
    }
}
