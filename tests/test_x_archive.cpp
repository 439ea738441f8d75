// The X/Twitter archive importer against archives from tools/gen/x_archive_gen, generated
// at test time. Expected numbers come from the generator, which decides every tweet's
// kind and counts as it writes them (never from the importer): see docs/FORMATS.md.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "importers/importer.h"
#include "io/container.h"
#include "util/error.h"
#include "x_archive_gen.h"

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
