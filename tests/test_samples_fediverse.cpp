// The real public samples (../shared/samples): exact counts derived independently
// (python3 json / a separate python CAR walker; see tests/README-samples.md).
// The Mastodon folders are also packed as a server would: .tar.gz (with and without a
// top folder) and .zip.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "importers/importer.h"
#include "report/report.h"
#include "tar_writer.h"
#include "zip_writer.h"
#include "util/error.h"
#include "temp_dir.h"

using namespace clout;
namespace fs = std::filesystem;

namespace {

const std::string kSamples = CLOUT_SAMPLES_DIR;

struct Expected {
    int posts, replies, self_replies, boosts, likes_given, direct, hashtags, mentions, with_media;
    int following;
    std::string handle, display_name;
};

struct Seen {
    int posts = 0, replies = 0, self_replies = 0, quotes = 0, reposts = 0, hashtags = 0, mentions = 0, media = 0;
};

Seen seen(const Activity& a) {
    Seen s;
    for (auto& p : a.posts) {
        if (p.kind == PostKind::Repost) {
            ++s.reposts;
            continue;
        }
        ++s.posts;
        s.replies += p.kind == PostKind::Reply;
        s.self_replies += p.reply_target == ReplyTarget::Self;
        s.quotes += p.kind == PostKind::Quote;
        s.hashtags += p.n_hashtags;
        s.mentions += p.n_mentions;
        s.media += p.has_media;
    }
    return s;
}

Activity import(const std::string& path) {
    ImportContext ctx;
    Activity a;
    import_path(path, a, ctx);
    a.normalize();
    return a;
}

void check_mastodon(const Activity& a, const Expected& e) {
    REQUIRE(a.accounts.size() == 1);
    const Account& acc = a.accounts[0];
    Seen s = seen(a);
    CHECK(acc.handle == e.handle);
    CHECK(acc.display_name == e.display_name);
    CHECK(s.posts == e.posts);
    CHECK(s.replies == e.replies);
    CHECK(s.self_replies == e.self_replies);
    CHECK(s.reposts == e.boosts);
    CHECK(acc.likes_given == e.likes_given);
    CHECK(acc.direct_messages == e.direct);
    CHECK(s.hashtags == e.hashtags);
    CHECK(s.mentions == e.mentions);
    CHECK(s.media == e.with_media);
    CHECK(acc.following == e.following);
    CHECK(acc.followers == -1);
    CHECK_FALSE(acc.signals.likes_received);
    CHECK_FALSE(acc.signals.reposts_received);
    CHECK_FALSE(acc.signals.followers);
    CHECK(a.warnings.empty());
}

const Expected k2024{1225, 404, 228, 326, 1115, 35, 127, 298, 159, -1, "dealingwith@indieweb.social", "dealingwith"};
const Expected k2022{1416, 160, 151, 51, 498, 9, 34, 22, 112, -1, "purplerain@o3o.ca",
                     "\xe5\xb8\x8c\xe6\x9c\x9b\xe6\x88\x91\xe7\x9a\x84\xe7\x83\xa6\xe6\x81\xbc\xe5\x8f\xaf\xe4\xbb\xa5"
                     "\xe5\xa6\x82\xe6\xad\xa4\xe5\xae\x9e\xe9\x99\x85\xe5\xb0\xb1\xe5\xa5\xbd\xe4\xba\x86"};

using clout_test::TempDir;

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

// Packs a sample folder as a server would, optionally under a top folder.
void pack_tar_gz(const std::string& folder, const std::string& out, const std::string& top) {
    gen::TarWriter w(out, true);
    for (const char* n : {"outbox.json", "actor.json", "likes.json", "bookmarks.json"})
        w.add(top.empty() ? std::string(n) : top + "/" + n, slurp(fs::path(folder) / n));
}

void pack_zip(const std::string& folder, const std::string& out, const std::string& top) {
    gen::ZipOptions o;
    o.root_folder = top;
    gen::ZipWriter w(out, o);
    for (const char* n : {"outbox.json", "actor.json", "likes.json", "bookmarks.json"}) w.add(n, slurp(fs::path(folder) / n));
    w.finish();
}

}  // namespace

TEST_CASE("real Mastodon archives packed as .zip (servers from 4.2 on), with and without a top folder") {
    TempDir d("samples-fedi");
    for (auto [name, e] : {std::pair{"archive-2024", k2024}, std::pair{"archive-2022", k2022}}) {
        for (std::string top : {"", "archive"}) {
            std::string out = (d.path / (std::string(name) + (top.empty() ? "-flat" : "-top") + ".zip")).string();
            pack_zip(kSamples + "/mastodon/" + name, out, top);
            CAPTURE(out);
            check_mastodon(import(out), e);
        }
    }
}

TEST_CASE("real Mastodon archive 2024 (zip era, duplicate orderedItems) read from its folder") {
    Activity a = import(kSamples + "/mastodon/archive-2024");
    check_mastodon(a, k2024);
    bool diff_note = false;
    for (auto& n : a.accounts[0].notes) diff_note |= n.find("states 1557 items but holds 1586") != std::string::npos;
    CHECK(diff_note);
}

TEST_CASE("real Mastodon archive 2022 (tar era, CJK, polls) read from its folder") {
    check_mastodon(import(kSamples + "/mastodon/archive-2022"), k2022);
}

TEST_CASE("real Mastodon archives packed as .tar.gz, with and without a top folder") {
    TempDir d("samples-fedi");
    for (auto [name, e] : {std::pair{"archive-2024", k2024}, std::pair{"archive-2022", k2022}}) {
        for (std::string top : {"", "archive"}) {
            std::string out = (d.path / (std::string(name) + (top.empty() ? "-flat" : "-top") + ".tar.gz")).string();
            pack_tar_gz(kSamples + "/mastodon/" + name, out, top);
            CAPTURE(out);
            check_mastodon(import(out), e);
        }
    }
}

TEST_CASE("real Bluesky repositories") {
    SUBCASE("paul_staging: v2 commit, legacy entities, deleted follows still in the file") {
        Activity a = import(kSamples + "/bluesky/paul_staging.repo.car");
        REQUIRE(a.accounts.size() == 1);
        const Account& acc = a.accounts[0];
        Seen s = seen(a);
        CHECK(acc.id == "did:plc:cmpvykrzb2l22kj4ojlv3ox4");
        CHECK(acc.display_name == "Paul");
        CHECK(acc.handle.empty());  // not in a repository
        CHECK(build_report(a).sources.at(0).account == "Paul");  // the profile's name, not the DID
        CHECK(s.posts == 101);
        CHECK(s.replies == 19);
        CHECK(s.self_replies == 11);
        CHECK(s.quotes == 6);
        CHECK(s.reposts == 15);
        CHECK(acc.likes_given == 60);
        CHECK(acc.following == 8);  // 17 follow records in the file, 8 reached from the commit
        CHECK(acc.followers == -1);
        CHECK(a.warnings.empty());
    }
    SUBCASE("fakermaker: -07:00 timestamps") {
        Activity a = import(kSamples + "/bluesky/fakermaker.repo.car");
        REQUIRE(a.accounts.size() == 1);
        Seen s = seen(a);
        CHECK(a.accounts[0].id == "did:plc:dpg45vsnuir2vqqqadsn6afg");
        CHECK(a.accounts[0].display_name == "Herminia Schroeder");
        CHECK(build_report(a).sources.at(0).account == "Herminia Schroeder");
        CHECK(s.posts == 26);
        CHECK(s.replies == 23);
        CHECK(s.self_replies == 0);
        CHECK(s.quotes == 0);
        CHECK(s.reposts == 15);
        CHECK(a.accounts[0].likes_given == 22);
        CHECK(a.accounts[0].following == 78);
        CHECK(a.warnings.empty());
    }
    SUBCASE("greenground: a tiny v3 repository with two follows") {
        Activity a = import(kSamples + "/bluesky/greenground.repo.car");
        REQUIRE(a.accounts.size() == 1);
        CHECK(a.accounts[0].id == "did:plc:kzcqyc3unb33eh5sxzsfs25z");
        CHECK(a.posts.empty());
        CHECK(a.accounts[0].likes_given == 0);
        CHECK(a.accounts[0].following == 2);
    }
}
