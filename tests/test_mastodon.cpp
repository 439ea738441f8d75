// Mastodon archives: generated ones (the generator's counts are the truth) in a folder,
// a .tar.gz and a .tar, with and without a top folder, 4.3 counts, direct messages,
// following_accounts.csv, and damaged files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "importers/importer.h"
#include "mastodon_gen.h"
#include "util/error.h"
#include "importers/json_doc.h"
#include "io/json_items.h"
#include "temp_dir.h"

using namespace clout;
namespace fs = std::filesystem;

namespace {

using clout_test::TempDir;

struct Counts {
    int posts = 0, replies = 0, self_replies = 0, boosts = 0, media = 0, hashtags = 0, mentions = 0, links = 0;
    int64_t likes = 0, reposts = 0;
    int follows = 0, boost_targets = 0;
};

Counts count(const Activity& a) {
    Counts c;
    for (auto& p : a.posts) {
        if (p.kind == PostKind::Repost) {
            ++c.boosts;
            if (p.target_account) ++c.boost_targets;
            continue;
        }
        ++c.posts;
        if (p.kind == PostKind::Reply) ++c.replies;
        if (p.reply_target == ReplyTarget::Self) ++c.self_replies;
        c.media += p.has_media;
        c.links += p.has_link;
        c.hashtags += p.n_hashtags;
        c.mentions += p.n_mentions;
        if (p.likes > 0) c.likes += p.likes;
        if (p.reposts > 0) c.reposts += p.reposts;
    }
    for (auto& i : a.interactions) c.follows += i.kind == InteractionKind::Follow;
    return c;
}

Activity import(const std::string& path) {
    ImportContext ctx;
    Activity a;
    import_path(path, a, ctx);
    a.normalize();
    return a;
}

void check_truth(const Activity& a, const gen::MastodonSpec& sp, const gen::MastodonTruth& tr) {
    REQUIRE(a.accounts.size() == 1);
    const Account& acc = a.accounts[0];
    Counts c = count(a);
    CHECK(acc.network == Network::Mastodon);
    CHECK(acc.format == "mastodon-archive");
    CHECK(acc.handle == sp.user + "@" + sp.host);
    CHECK(acc.id == "https://" + sp.host + "/users/" + sp.user);
    CHECK(acc.display_name == sp.display_name);
    CHECK(c.posts == tr.posts);
    CHECK(c.replies == tr.replies);
    CHECK(c.self_replies == tr.self_replies);
    CHECK(c.boosts == tr.boosts);
    CHECK(c.boost_targets == tr.boosts);  // /objects/ boosts: the author comes from cc
    CHECK(c.media == tr.with_media);
    CHECK(c.hashtags == tr.hashtags);
    CHECK(c.mentions == tr.mentions);
    CHECK(acc.direct_messages == tr.direct);
    CHECK(acc.likes_given == tr.likes_given);
    CHECK(acc.followers == -1);
    CHECK_FALSE(acc.signals.followers);
    CHECK_FALSE(acc.signals.replies_received);
    CHECK(acc.created_time == sp.start_time - sp.start_time % 86400);
    if (sp.following >= 0) {
        CHECK(acc.following == sp.following);
        CHECK(c.follows == sp.following);
        CHECK(acc.signals.following);
    } else {
        CHECK(acc.following == -1);
    }
    if (sp.counts_43) {
        CHECK(acc.signals.likes_received);
        CHECK(acc.signals.reposts_received);
        CHECK(c.likes == tr.likes_received);
        CHECK(c.reposts == tr.boosts_received);
    } else {
        CHECK_FALSE(acc.signals.likes_received);
        CHECK_FALSE(acc.signals.reposts_received);
        for (auto& p : a.posts) CHECK(p.likes == kUnknownCount);
    }
    bool follower_note = false, diff_note = false;
    for (auto& n : acc.notes) {
        if (n.find("follower count") != std::string::npos) follower_note = true;
        if (n.find("states " + std::to_string(tr.total_items)) != std::string::npos) diff_note = true;
    }
    CHECK(follower_note);
    CHECK(diff_note == (tr.total_items != tr.items));
    for (auto& p : a.posts)
        if (p.kind != PostKind::Repost) CHECK(p.id_kind == IdKind::Decimal);
}

}  // namespace

TEST_CASE("nlohmann's DOM parser keeps the last of duplicate keys (the 2024 outbox relies on it)") {
    ImportContext ctx;
    auto j = parse_json_doc(R"({"orderedItems":[],"orderedItems":[1,2]})", ctx);
    CHECK(j["orderedItems"].size() == 2);
}

TEST_CASE("streamed items: every occurrence of the field, depth capped, damage reported") {
    ImportContext ctx;
    auto run = [&](const std::string& text, std::vector<nlohmann::json>& got) {
        auto src = memory_source(text);
        auto in = source_stream(*src, 0, src->size());
        return stream_json_items(*in, "orderedItems", [&](nlohmann::json& j) { got.push_back(j); }, ctx);
    };
    std::vector<nlohmann::json> got;
    auto r = run(R"({"totalItems":3,"orderedItems":[],"x":{"orderedItems":[9]},"orderedItems":[{"a":[1,{"b":2}]},"s",3]})", got);
    CHECK(r.ok);
    REQUIRE(got.size() == 3);
    CHECK(got[0]["a"][1]["b"] == 2);
    CHECK(got[1] == "s");
    CHECK(r.top_scalars["totalItems"] == 3);
    got.clear();
    r = run(R"({"orderedItems":[{"a":1},{"b":2},{"c":)", got);
    CHECK_FALSE(r.ok);
    CHECK(got.size() == 2);
    CHECK(r.error.find("damaged JSON at byte") == 0);
    got.clear();
    ctx.limits.max_depth = 20;
    CHECK_THROWS_AS(run("{\"orderedItems\":[" + std::string(50, '[') + std::string(50, ']') + "]}", got), LimitError);
}

TEST_CASE("Mastodon archive read from a folder, a .zip, a .tar.gz and a .tar, with or without a top folder") {
    TempDir d("masto-kinds");
    gen::MastodonSpec sp;
    sp.following = 23;
    int n = 0;
    for (auto kind : {gen::ArchiveKind::Folder, gen::ArchiveKind::Zip, gen::ArchiveKind::TarGz, gen::ArchiveKind::Tar}) {
        for (std::string top : {"", "archive-20240101"}) {
            sp.top_folder = top;
            sp.tar_era = kind != gen::ArchiveKind::Folder;
            sp.seed = static_cast<uint64_t>(++n);
            std::string p = d / ("a" + std::to_string(n) + (kind == gen::ArchiveKind::TarGz ? ".tar.gz" : kind == gen::ArchiveKind::Tar ? ".tar" : kind == gen::ArchiveKind::Zip ? ".zip" : ""));
            auto tr = gen::write_mastodon_archive(sp, p, kind);
            CAPTURE(p);
            check_truth(import(p), sp, tr);
        }
    }
}

TEST_CASE("Mastodon 4.3 archives carry likes and boosts received") {
    TempDir d("masto-43");
    gen::MastodonSpec sp;
    sp.counts_43 = true;
    sp.duplicate_ordered_items = false;
    sp.total_items_offset = 0;
    auto tr = gen::write_mastodon_archive(sp, d / "a", gen::ArchiveKind::Folder);
    check_truth(import(d / "a"), sp, tr);
}

TEST_CASE("a loose following_accounts.csv folds into the archive's account") {
    TempDir d("masto-csv");
    gen::MastodonSpec sp;
    auto tr = gen::write_mastodon_archive(sp, d / "a", gen::ArchiveKind::Folder);
    {
        std::ofstream f(d / "following_accounts.csv");
        f << gen::mastodon_following_csv(17, 5);
    }
    ImportContext ctx;
    Activity alone;
    import_path(d / "following_accounts.csv", alone, ctx);
    alone.normalize();
    REQUIRE(alone.accounts.size() == 1);
    CHECK(alone.accounts[0].network == Network::Mastodon);
    CHECK(alone.accounts[0].following == 17);
    CHECK(alone.accounts[0].handle.empty());
    CHECK(alone.posts.empty());

    Activity both;
    import_path(d / "a", both, ctx);
    import_path(d / "following_accounts.csv", both, ctx);
    both.normalize();
    REQUIRE(both.accounts.size() == 1);
    sp.following = 17;
    check_truth(both, sp, tr);
}

TEST_CASE("a loose outbox.json without actor.json is named from its items") {
    TempDir d("masto-loose");
    gen::MastodonSpec sp;
    gen::write_mastodon_archive(sp, d / "a", gen::ArchiveKind::Folder);
    Activity a = import(d / "a" + "/outbox.json");
    REQUIRE(a.accounts.size() == 1);
    CHECK(a.accounts[0].handle == "alice@example.social");
    CHECK(a.posts.size() > 50);
}

TEST_CASE("damaged Mastodon files: clear errors or warnings") {
    TempDir d("masto-damaged");
    gen::MastodonSpec sp;
    gen::write_mastodon_archive(sp, d / "a", gen::ArchiveKind::Folder);
    std::string outbox = d / "a/outbox.json";
    std::ifstream in(outbox, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), {});
    in.close();

    SUBCASE("cut in the middle: the items before the damage are read, with a warning") {
        std::ofstream(outbox, std::ios::binary) << text.substr(0, text.size() / 2);
        Activity a = import(d / "a");
        CHECK(a.posts.size() > 10);
        REQUIRE(a.warnings.size() == 1);
        CHECK(a.warnings[0].find("outbox.json: damaged JSON at byte") == 0);
    }
    SUBCASE("not JSON at all") {
        std::ofstream(outbox, std::ios::binary) << "<html>OrderedCollection</html>";
        CHECK_THROWS_WITH_AS(import(d / "a"), doctest::Contains("outbox.json: damaged JSON"), InputError);
    }
    SUBCASE("a broken actor.json") {
        std::ofstream(d / "a/actor.json", std::ios::binary) << "{\"id\":";
        CHECK_THROWS_WITH_AS(import(d / "a"), doctest::Contains("actor.json: damaged JSON"), InputError);
    }
    SUBCASE("JSON nested without end") {
        std::ofstream(outbox, std::ios::binary) << "{\"orderedItems\":[" + std::string(100000, '[');
        CHECK_THROWS_AS(import(d / "a"), LimitError);
    }
}

TEST_CASE("a Mastodon tar.gz with a big media folder reads the outbox without holding media") {
    TempDir d("masto-big");
    gen::MastodonSpec sp;
    sp.originals = 300;
    sp.media_files = 64;
    sp.media_bytes = 3 << 20;  // 192 MB of incompressible media ahead of the JSON
    std::string p = d / "archive-20220601000000-0123456789abcdef0123456789abcdef.tar.gz";
    auto tr = gen::write_mastodon_archive(sp, p, gen::ArchiveKind::TarGz);
    Activity a = import(p);
    check_truth(a, sp, tr);
    CHECK(a.accounts[0].export_time == 1654041600);  // from the archive's name
}

TEST_CASE("a Mastodon zip with a big media folder reads in time proportional to the outbox") {
    TempDir d("masto-bigzip");
    gen::MastodonSpec sp;
    sp.originals = 300;
    sp.media_files = 64;
    sp.media_bytes = 3 << 20;
    std::string p = d / "archive-20240715123456-0123456789abcdef0123456789abcdef.zip";
    auto tr = gen::write_mastodon_archive(sp, p, gen::ArchiveKind::Zip);
    ImportContext ctx;
    Activity a;
    auto c = open_input(p, ctx);
    CHECK(std::string(c->kind()) == "zip");
    import_container(*c, a, ctx);
    a.normalize();
    check_truth(a, sp, tr);
    CHECK(a.accounts[0].export_time == 1721046896);  // 2024-07-15T12:34:56Z from the name
    // Only the JSON files were inflated: the 192 MB of media were never read.
    CHECK(ctx.inflated_total < (8u << 20));
}

TEST_CASE("Mastodon: an outbox whose totalItems is below its items (1557 stated, 1586 there) counts the items, with a note") {
    TempDir d("total");
    gen::MastodonSpec sp;
    sp.total_items_offset = -29;  // the real export's 1557 stated against 1586 present
    sp.originals = 120;
    auto tr = gen::write_mastodon_archive(sp, d / "a.zip", gen::ArchiveKind::Zip);
    REQUIRE(tr.total_items == tr.items - 29);
    Activity a = import(d / "a.zip");
    check_truth(a, sp, tr);  // posts, replies, boosts, DMs from the items present
    int64_t records = 0;
    for (auto& p : a.posts) records += 1;
    CHECK(records + tr.direct == tr.items);
    const std::string note = "outbox.json states " + std::to_string(tr.total_items) + " items but holds " +
                             std::to_string(tr.items) + "; counted the " + std::to_string(tr.items) + " that are there";
    bool noted = false;
    for (auto& n : a.accounts[0].notes) noted |= n == note;
    CHECK(noted);
    // A note on the source, not a warning about damage.
    for (auto& w : a.warnings) CHECK(w.find("totalItems") == std::string::npos);
    for (auto& w : a.warnings) CHECK(w.find("states") == std::string::npos);
}

TEST_CASE("Mastodon: following_accounts.csv with quoted fields holding line breaks and commas") {
    TempDir d("csvq");
    const std::string csv = gen::mastodon_following_csv(40, 3, /*quoted_newlines=*/true);
    // the generated file has more lines than rows: the breaks inside quotes
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 40 + 14);
    {
        std::ofstream f(d / "following_accounts.csv", std::ios::binary);
        f << csv;
    }
    Activity alone = import(d / "following_accounts.csv");
    REQUIRE(alone.accounts.size() == 1);
    CHECK(alone.accounts[0].following == 40);
    std::vector<std::string> follows;
    for (auto& i : alone.interactions)
        if (i.kind == InteractionKind::Follow) follows.push_back(std::string(alone.strings.view(i.target_account)));
    REQUIRE(follows.size() == 40);
    for (auto& f : follows) {
        CAPTURE(f);
        CHECK(f.find('@') != std::string::npos);  // an address, never a piece of a Languages field
        CHECK(f.find('"') == std::string::npos);
        CHECK(f.find("de,fr") == std::string::npos);
    }

    SUBCASE("inside the archive") {
        gen::MastodonSpec sp;
        sp.following = 33;
        sp.following_quoted_newlines = true;
        auto tr = gen::write_mastodon_archive(sp, d / "b.tar.gz", gen::ArchiveKind::TarGz);
        check_truth(import(d / "b.tar.gz"), sp, tr);
    }
}
