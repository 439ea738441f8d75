// The X/Twitter archive importer against archives from tools/gen/x_archive_gen, generated
// at test time. Expected numbers come from the generator, which decides every tweet's
// kind and counts as it writes them (never from the importer): see docs/FORMATS.md.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>

#include "importers/importer.h"
#include "importers/x_archive.h"
#include "io/container.h"
#include "util/error.h"
#include "x_archive_gen.h"
#include "zip_writer.h"

using namespace clout;
using clout::gen::XArchiveExpected;
using clout::gen::XArchiveOptions;

namespace {

std::string temp_path(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / "clout-test-x";
    std::filesystem::create_directories(dir);
    return (dir / name).string();
}

struct Counts {
    int64_t records = 0, posts = 0, originals = 0, replies = 0, replies_self = 0, replies_other = 0, quotes = 0,
            reposts = 0, with_media = 0, with_link = 0, likes = 0, reposts_received = 0, text_length = 0,
            repost_known_counts = 0;
};

Counts count(const Activity& a) {
    Counts c;
    for (const Post& p : a.posts) {
        ++c.records;
        switch (p.kind) {
            case PostKind::Original: ++c.originals; break;
            case PostKind::Reply:
                ++c.replies;
                if (p.reply_target == ReplyTarget::Self) ++c.replies_self;
                if (p.reply_target == ReplyTarget::Other) ++c.replies_other;
                break;
            case PostKind::Quote: ++c.quotes; break;
            case PostKind::Repost: ++c.reposts; break;
        }
        if (p.kind != PostKind::Repost) ++c.posts;
        if (p.kind == PostKind::Repost && (p.likes >= 0 || p.reposts >= 0)) ++c.repost_known_counts;
        if (p.has_media) ++c.with_media;
        if (p.has_link) ++c.with_link;
        if (p.likes > 0) c.likes += p.likes;
        if (p.reposts > 0) c.reposts_received += p.reposts;
        c.text_length += p.text_length;
    }
    return c;
}

Activity import(const std::string& path, ImportContext& ctx) {
    Activity a;
    import_path(path, a, ctx);
    a.normalize();
    return a;
}

void check_against(const Activity& a, const XArchiveExpected& e) {
    Counts c = count(a);
    REQUIRE(a.accounts.size() == 1);
    const Account& acc = a.accounts[0];
    CHECK(c.records == e.records);
    CHECK(c.posts == e.posts);
    CHECK(c.originals == e.originals);
    CHECK(c.replies == e.replies);
    CHECK(c.replies_self == e.replies_self);
    CHECK(c.replies_other == e.replies_other);
    CHECK(c.quotes == e.quotes);
    CHECK(c.reposts == e.reposts);
    CHECK(c.with_media == e.with_media);
    CHECK(c.with_link == e.with_link);
    CHECK(c.likes == e.likes_received);
    CHECK(c.reposts_received == e.reposts_received);
    CHECK(c.text_length == e.text_length);
    CHECK(c.repost_known_counts == 0);
    CHECK(acc.likes_given == e.likes_given);
    CHECK(acc.followers == e.followers);
    CHECK(acc.following == e.following);
    CHECK(acc.signals.followers == (e.followers >= 0));
    CHECK(acc.signals.likes_received);
    CHECK(acc.signals.reposts_received);
    CHECK_FALSE(acc.signals.replies_received);
    CHECK_FALSE(acc.signals.quotes_received);
    CHECK(acc.handle == e.handle);
    CHECK(acc.display_name == e.display_name);
    CHECK(acc.id == e.account_id);
    CHECK(acc.export_time == e.export_time);
    CHECK(acc.created_time == e.created_time);
    CHECK(acc.network == Network::X);
    CHECK(acc.format == "x-archive");
    CHECK(static_cast<int64_t>(a.warnings.size()) == e.warnings);
}

}  // namespace

TEST_CASE("x archive: modern archive with every kind of file") {
    XArchiveOptions o;
    o.tweets = 3000;
    o.parts = 3;
    o.note_tweets = 12;
    o.community_tweets = 9;
    o.deleted_tweets = 5;
    o.likes = 400;
    o.followers = 777;
    o.follower_parts = 3;
    o.following = 123;
    std::string path = temp_path("modern.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    REQUIRE(e.long_posts == 12);
    ImportContext ctx;
    Activity a = import(path, ctx);
    check_against(a, e);
    CHECK(e.export_time > 0);
}

TEST_CASE("x archive: 2019-era tweet.js with bare tweet objects and numeric ids, no manifest") {
    XArchiveOptions o;
    o.era2019 = true;
    o.tweets = 1500;
    o.likes = 50;
    o.followers = 10;
    o.following = 20;
    std::string path = temp_path("y2019.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    ImportContext ctx;
    Activity a = import(path, ctx);
    check_against(a, e);
    CHECK(a.accounts[0].export_time == 0);
}

TEST_CASE("x archive: 2019-era archive split into tweet-part files") {
    XArchiveOptions o;
    o.era2019 = true;
    o.tweets = 900;
    o.parts = 4;
    std::string path = temp_path("y2019parts.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    ImportContext ctx;
    Activity a = import(path, ctx);
    check_against(a, e);
    CHECK(a.accounts[0].followers == -1);
}

TEST_CASE("x archive: no manifest, nested root folder, __MACOSX, data descriptors, ZIP64") {
    XArchiveOptions o;
    o.tweets = 1200;
    o.parts = 2;
    o.manifest = false;
    o.root_folder = "twitter-2024-06-01-0123abcd";
    o.macosx = true;
    o.data_descriptors = true;
    o.force_zip64 = true;
    o.followers = 5;
    std::string path = temp_path("nested.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    CHECK(e.export_time == 0);
    ImportContext ctx;
    Activity a = import(path, ctx);
    check_against(a, e);
}

TEST_CASE("x archive: an unzipped folder reads the same") {
    XArchiveOptions o;
    o.tweets = 700;
    o.parts = 2;
    o.note_tweets = 3;
    o.likes = 30;
    o.followers = 40;
    o.following = 50;
    o.root_folder = "twitter-2024";
    std::string dir = temp_path("unzipped");
    std::filesystem::remove_all(dir);
    XArchiveExpected e = gen::write_x_archive_dir(dir, o);
    ImportContext ctx;
    Activity a = import(dir, ctx);
    check_against(a, e);
}

TEST_CASE("x archive: 70 000 media entries and a large stored video are never read") {
    XArchiveOptions o;
    o.tweets = 500;
    o.media_files = 70000;
    o.media_bytes = 64ull << 20;
    o.followers = 3;
    std::string path = temp_path("media.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    ImportContext ctx;
    auto c = open_input(path, ctx);
    CHECK(c->entries().size() > 70000);
    Activity a;
    import_container(*c, a, ctx);
    a.normalize();
    check_against(a, e);
    // Only the data files were inflated: far less than the media.
    CHECK(ctx.inflated_total < 4u << 20);
}

TEST_CASE("x archive: a damaged part gives a warning and the other parts") {
    XArchiveOptions o;
    o.tweets = 1000;
    o.parts = 3;
    o.damaged_part = 1;
    o.followers = 8;
    std::string path = temp_path("damaged.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    REQUIRE(e.warnings == 1);
    ImportContext ctx;
    Activity a = import(path, ctx);
    check_against(a, e);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0].find("tweets-part1.js") != std::string::npos);
    CHECK(a.warnings[0].find("damaged JSON at byte") != std::string::npos);
}

TEST_CASE("x archive: the same archive gives the same model whatever the seed of file order") {
    XArchiveOptions o;
    o.tweets = 400;
    o.parts = 2;
    std::string p1 = temp_path("order1.zip"), p2 = temp_path("order2.zip");
    gen::write_x_archive(p1, o);
    o.stored = true;
    gen::write_x_archive(p2, o);
    ImportContext ctx;
    Activity a = import(p1, ctx), b = import(p2, ctx);
    REQUIRE(a.posts.size() == b.posts.size());
    for (size_t i = 0; i < a.posts.size(); ++i) {
        CHECK(a.posts[i].id == b.posts[i].id);
        CHECK(a.posts[i].text_length == b.posts[i].text_length);
    }
}

namespace {
const char* kAccount =
    "window.YTD.account.part0 = [ { \"account\" : { \"username\" : \"bob\", \"accountId\" : \"42\", "
    "\"createdAt\" : \"2010-01-02T03:04:05.000Z\", \"accountDisplayName\" : \"Bob \\u00e9\" } } ]";
std::string tweet(const std::string& id, const std::string& extra, const std::string& text) {
    return "{ \"tweet\" : { \"id_str\" : \"" + id + "\", \"created_at\" : \"Sat Feb 18 12:33:11 +0000 2023\", " + extra +
           "\"full_text\" : \"" + text + "\" } }";
}
}  // namespace

TEST_CASE("x archive: hand-written edge cases of the data files") {
    std::string path = temp_path("edge.zip");
    {
        gen::ZipWriter w(path);
        w.add("data/account.js", kAccount);
        // BOM, a trailing semicolon, numbers as numbers, escaped keys and slashes, entities.
        w.add("data/tweets.js",
              "\xEF\xBB\xBFwindow.YTD.tweets.part0 = [ " +
                  tweet("1", "\"favorite_count\" : 7, \"retweet_count\" : \"2\", \"lang\" : \"fr\", ",
                        "caf\\u00e9 &amp; cr\\u00e8me &lt;3 \\ud83d\\ude00") +
                  ", " +
                  tweet("2", "\"in_reply_to_status_id_str\" : \"1\", \"in_reply_to_user_id_str\" : \"42\", ", "self reply") +
                  ", " +
                  tweet("3",
                        "\"entities\" : { \"urls\" : [ { \"expanded_url\" : \"https:\\/\\/x.com\\/carol\\/status\\/9\" } ], "
                        "\"hashtags\" : [ { \"text\" : \"T\\u00e4g\" } ], \"user_mentions\" : [ ] }, ",
                        "a quote") +
                  ", " + tweet("4", "\"in_reply_to_stat\\u0075s_id\" : \"1\", ", "escaped key: still a reply") + ", " +
                  tweet("5", "\"favorite_count\" : \"9\", ", "RT @dave: not mine") + " ];\n");
        w.finish();
    }
    ImportContext ctx;
    Activity a = import(path, ctx);
    REQUIRE(a.posts.size() == 5);
    CHECK(a.warnings.empty());
    const Account& acc = a.accounts[0];
    CHECK(acc.handle == "bob");
    CHECK(acc.display_name == "Bob \xC3\xA9");
    CHECK(acc.created_time == 1262401445);
    CHECK(acc.followers == -1);
    CHECK_FALSE(acc.signals.followers);
    std::map<uint64_t, const Post*> by;
    for (const Post& p : a.posts) by[p.id] = &p;
    // "café & crème <3 😀" = 17 code points
    CHECK(by[1]->text_length == 17);
    CHECK(by[1]->likes == 7);
    CHECK(by[1]->reposts == 2);
    CHECK(a.strings.view(by[1]->lang) == "fr");
    CHECK(by[2]->kind == PostKind::Reply);
    CHECK(by[2]->reply_target == ReplyTarget::Self);
    CHECK(by[3]->kind == PostKind::Quote);
    CHECK(a.strings.view(by[3]->target_account) == "carol");
    CHECK(by[3]->n_hashtags == 1);
    CHECK(a.strings.view(a.hashtags(*by[3])[0]) == "t\xC3\xA4g");
    CHECK(by[4]->kind == PostKind::Reply);
    CHECK(by[4]->reply_target == ReplyTarget::Other);
    CHECK(by[5]->kind == PostKind::Repost);
    CHECK(by[5]->likes == kUnknownCount);
    CHECK(a.strings.view(by[5]->target_account) == "dave");
}

TEST_CASE("x archive: damaged files give warnings; nothing readable is an error") {
    std::string good = "window.YTD.tweets.part0 = [ " + tweet("1", "", "one") + ", " + tweet("2", "", "two") + " ]";
    SUBCASE("bad JSON in one part, good other part") {
        std::string path = temp_path("bad1.zip");
        {
            gen::ZipWriter w(path);
            w.add("data/account.js", kAccount);
            w.add("data/tweets.js", good);
            w.add("data/tweets-part1.js", "window.YTD.tweets.part1 = [ " + tweet("3", "", "three") + ", {\"tweet\" : { ] ]");
            w.finish();
        }
        ImportContext ctx;
        Activity a = import(path, ctx);
        CHECK(a.posts.size() == 3);
        REQUIRE(a.warnings.size() == 1);
        CHECK(a.warnings[0].find("data/tweets-part1.js: damaged JSON at byte") == 0);
        CHECK(a.warnings[0].find("1 posts before it were kept") != std::string::npos);
    }
    SUBCASE("a CRC mismatch and a cut deflate stream in parts") {
        std::string path = temp_path("bad2.zip");
        std::vector<gen::ZipEntryInfo> es;
        {
            gen::ZipWriter w(path);
            w.add("data/tweets.js", good);
            w.add("data/tweets-part1.js", "window.YTD.tweets.part1 = [ " + tweet("3", "", "three") + " ]");
            w.add("data/tweets-part2.js", "window.YTD.tweets.part2 = [ " + tweet("4", "", std::string(3000, 'x')) + " ]");
            w.finish();
            es = w.entries();
        }
        FILE* f = std::fopen(path.c_str(), "r+b");
        REQUIRE(f);
        unsigned char bad[4] = {1, 2, 3, 4};
        std::fseek(f, static_cast<long>(es[1].central_offset + 16), SEEK_SET);
        std::fwrite(bad, 1, 4, f);  // CRC of part1
        uint32_t half = static_cast<uint32_t>(es[2].compressed_size / 2);
        unsigned char hb[4] = {static_cast<unsigned char>(half), static_cast<unsigned char>(half >> 8), 0, 0};
        std::fseek(f, static_cast<long>(es[2].central_offset + 20), SEEK_SET);
        std::fwrite(hb, 1, 4, f);  // compressed size of part2: the stream is cut
        std::fclose(f);
        ImportContext ctx;
        Activity a = import(path, ctx);
        REQUIRE(a.warnings.size() == 2);
        CHECK(a.warnings[0].find("data/tweets-part1.js: damaged (CRC-32 mismatch)") == 0);
        CHECK(a.warnings[1].find("data/tweets-part2.js") == 0);
        // A small entry is read whole into the buffer before parsing starts, so its CRC
        // mismatch is found first and none of its tweets is used.
        CHECK(a.posts.size() == 2);
        CHECK(a.accounts[0].handle.empty());
    }
    SUBCASE("nothing readable") {
        std::string path = temp_path("bad3.zip");
        {
            gen::ZipWriter w(path);
            w.add("data/tweets.js", "window.YTD.tweets.part0 = [ {\"tweet\" : ");
            w.finish();
        }
        ImportContext ctx;
        Activity a;
        try {
            import_path(path, a, ctx);
            FAIL("no error");
        } catch (const InputError& e) {
            std::string m = e.what();
            CHECK(m.find("nothing could be read from this X archive: data/tweets.js: damaged JSON at byte") == 0);
        }
    }
    SUBCASE("damaged follower file: the count is unknown, not a wrong number") {
        std::string path = temp_path("bad4.zip");
        {
            gen::ZipWriter w(path);
            w.add("data/tweets.js", good);
            w.add("data/follower.js", "window.YTD.follower.part0 = [ { \"follower\" : { \"accountId\" : \"1\" } } ]");
            w.add("data/follower-part1.js", "window.YTD.follower.part1 = [ { \"follower\" : { \"accountId\" : 2 ");
            w.finish();
        }
        ImportContext ctx;
        Activity a = import(path, ctx);
        CHECK(a.accounts[0].followers == -1);
        CHECK_FALSE(a.accounts[0].signals.followers);
        CHECK(a.warnings.size() == 1);
    }
}

TEST_CASE("x archive: data files past 4 GiB of media in a zip without ZIP64 records") {
    XArchiveOptions o;
    o.tweets = 300;
    o.followers = 12;
    o.legacy_zip = true;
    o.sparse_media_bytes = (4ull << 30) + (100ull << 20);
    std::string path = temp_path("legacy-4g-x.zip");
    XArchiveExpected e = gen::write_x_archive(path, o);
    REQUIRE(e.file_bytes > (4ull << 30));
    ImportContext ctx;
    Activity a = import(path, ctx);
    check_against(a, e);
    std::filesystem::remove(path);
}

TEST_CASE("x archive: a loose tweets.js, and random damage to it never crashes") {
    std::string good = "window.YTD.tweets.part0 = [ " + tweet("1", "\"favorite_count\" : \"3\", ", "one &amp; \\u00e9") + ", " +
                       tweet("2", "\"entities\" : { \"hashtags\" : [ { \"text\" : \"x\" } ], \"urls\" : [ ] }, ", "two #x") +
                       ", " + tweet("3", "\"in_reply_to_status_id\" : 5, \"in_reply_to_user_id\" : 6, ", "three") + " ]";
    {
        ImportContext ctx;
        auto c = open_source(memory_source(good), "tweets.js", ctx);
        Activity a;
        import_container(*c, a, ctx);
        CHECK(a.posts.size() == 3);
        CHECK(a.warnings.empty());
    }
    uint64_t x = 0x2545F4914F6CDD1Dull;
    int errors = 0, partial = 0;
    for (int iter = 0; iter < 3000; ++iter) {
        std::string b = good;
        int edits = 1 + iter % 3;
        for (int k = 0; k < edits; ++k) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            if (b.size() < 40) break;
            size_t pos = 27 + x % (b.size() - 27);  // keep the `window.YTD... =` head mostly
            switch ((x >> 40) % 4) {
                case 0: b[pos] = static_cast<char>(x >> 48); break;
                case 1: b.erase(pos, 1 + (x >> 52) % 8); break;
                case 2: b.insert(pos, 1, "{}[]\",:\\"[(x >> 50) % 8]); break;
                default: b.resize(pos); break;
            }
        }
        ImportContext ctx;
        ctx.limits.max_depth = 64;
        Activity a;
        try {
            auto c = open_source(memory_source(b), "tweets.js", ctx);
            import_container(*c, a, ctx);
            a.normalize();
            if (!a.warnings.empty()) ++partial;
        } catch (const InputError&) {
            ++errors;
        } catch (const std::exception& e) {
            FAIL("unexpected exception: " << e.what());
        }
    }
    CHECK(errors + partial > 1000);
}

TEST_CASE("x archive: a media-only later part (large archives come as several zips) is noted, not scored") {
    XArchiveOptions o;
    o.tweets = 800;
    o.likes = 50;
    o.followers = 40;
    o.media_files = 20;
    const std::string first = temp_path("several-1.zip");
    XArchiveExpected e = gen::write_x_archive(first, o);
    XArchiveOptions m;
    m.media_only_part = true;
    m.media_files = 300;
    const std::string second = temp_path("several-2.zip");
    gen::write_x_archive(second, m);
    m.root_folder = "twitter-2024-06-01-abc-part3";  // a re-zip with a top folder, Finder's leftovers
    m.macosx = true;
    const std::string third = temp_path("several-3.zip");
    gen::write_x_archive(third, m);
    const std::string kNote = "media-only part of an X archive: nothing to score in it, its media are not read";

    for (const std::string& part : {second, third}) {
        CAPTURE(part);
        ImportContext ctx;
        auto c = open_input(part, ctx);
        // Recognised as X's (not "not a recognised export"), with nothing to read ahead.
        CHECK(x_archive_part_files(*c, ctx).empty());
        Activity none;
        try {
            import_container(*c, none, ctx);
            FAIL("a media-only part must not import");
        } catch (const NothingToScore& err) {
            CHECK(std::string(err.what()) == kNote);
        }
        CHECK(none.posts.empty());
        CHECK(none.accounts.empty());
        CHECK(none.warnings.empty());
    }

    // Given together, in either order: the first part scored exactly as alone, the others noted.
    for (bool media_first : {false, true}) {
        Activity a;
        std::vector<InputOutcome> outcomes;
        const std::vector<std::string> order = media_first ? std::vector<std::string>{second, first, third}
                                                           : std::vector<std::string>{first, second, third};
        for (const auto& p : order) {
            ImportContext ctx;
            outcomes.push_back(import_input(p, a, ctx));
            CHECK(inputs_error(outcomes, /*skip_unreadable=*/false, /*finished=*/false).empty());
        }
        CHECK(inputs_error(outcomes, false, true).empty());
        int read = 0, noted = 0;
        for (const auto& out : outcomes) {
            read += out.kind == InputOutcome::Read;
            if (out.kind == InputOutcome::NothingToScore) {
                ++noted;
                CHECK(out.message == kNote);
                CHECK(skipped_line(out) == out.name + ": " + kNote);
            }
        }
        CHECK(read == 1);
        CHECK(noted == 2);
        a.normalize();
        check_against(a, e);
    }

    SUBCASE("a media-only part alone is an error naming it") {
        Activity a;
        ImportContext ctx;
        std::vector<InputOutcome> outcomes{import_input(second, a, ctx)};
        CHECK(inputs_error(outcomes, true, true) == second + ": " + kNote);
    }
    SUBCASE("a zip of other things is not taken for a media part") {
        const std::string other = temp_path("photos.zip");
        {
            gen::ZipWriter w(other);
            w.add("data/tweets_media/a.jpg", "x");
            w.add("holiday/b.jpg", "y");
            w.finish();
        }
        Activity a;
        ImportContext ctx;
        InputOutcome out = import_input(other, a, ctx);
        CHECK(out.kind == InputOutcome::Unreadable);
        CHECK(out.message.rfind("not a recognised export", 0) == 0);
    }
}

TEST_CASE("several inputs: the one rule both front ends follow (inputs_error)") {
    using K = InputOutcome;
    auto o = [](K::Kind k, const char* name) { return InputOutcome{k, name, k == K::Read ? "" : "why"}; };
    // The CLI's default stops at the first unreadable file; --skip-unreadable and the page go on.
    std::vector<InputOutcome> v{o(K::Read, "a.zip"), o(K::Unreadable, "notes.txt")};
    CHECK(inputs_error(v, false, false) == "notes.txt: why");
    CHECK(inputs_error(v, true, false).empty());
    CHECK(inputs_error(v, true, true).empty());
    // Nothing read: the single file's own message, or a count.
    CHECK(inputs_error({o(K::Unreadable, "x.txt")}, true, true) == "x.txt: why");
    CHECK(inputs_error({o(K::Unreadable, "x.txt"), o(K::NothingToScore, "p2.zip")}, true, true) ==
          "none of the 2 files could be scored");
    CHECK(inputs_error({o(K::NothingToScore, "p2.zip")}, false, false).empty());  // not yet: the first part may follow
    CHECK(inputs_error({o(K::NothingToScore, "p2.zip"), o(K::Read, "p1.zip")}, false, true).empty());
    CHECK(inputs_error({}, true, true) == "no file given");
}
