// TikTok user data JSON made by tools/gen, old and new layouts; exact counts.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "social_gen.h"
#include "social_test_util.h"
#include "util/error.h"

using namespace clout;
using namespace social_test;

TEST_CASE("tiktok export: old and new layouts") {
    for (bool new_layout : {true, false}) {
        CAPTURE(new_layout);
        gen::TikTokOptions o;
        o.new_layout = new_layout;
        gen::Expected e;
        auto files = gen::gen_tiktok(o, e);
        TempDir d("tt");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        REQUIRE(accounts_of(a, Network::TikTok) == 1);
        Counts c = count_posts(a, Network::TikTok);
        CHECK(c.originals == e.originals);
        CHECK(c.replies == e.replies);
        const Account* acc = account_of(a, Network::TikTok);
        CHECK(acc->handle == e.handle);
        CHECK(acc->followers == e.followers);
        CHECK(acc->following == e.following);
        CHECK(acc->likes_given == e.likes_given);
        CHECK(acc->likes_received_total == e.likes_received_total);
        CHECK(acc->signals.likes_received);
        long long sum = 0;
        long with_likes = 0, decimal = 0;
        for (const auto& p : a.posts) {
            if (p.kind != PostKind::Original) continue;
            if (p.likes >= 0) {
                sum += p.likes;
                ++with_likes;
            }
            decimal += p.id_kind == IdKind::Decimal;
        }
        CHECK(sum == e.likes_received_sum);
        CHECK(with_likes == e.videos_with_likes);
        CHECK(decimal == e.originals);
        // A loose file is recognised too, whatever its name.
        TempDir d2("tt-loose");
        write_file(d2 / "my_tiktok.json", files[0].bytes);
        Activity b = import_paths({d2 / "my_tiktok.json"});
        CHECK(count_posts(b, Network::TikTok).originals == e.originals);
    }
}

TEST_CASE("tiktok: the same export twice counts once; a damaged file is a clear error") {
    gen::TikTokOptions o;
    gen::Expected e;
    auto files = gen::gen_tiktok(o, e);
    TempDir d("tt-twice");
    write_file(d / "a/user_data_tiktok.json", files[0].bytes);
    write_file(d / "b/user_data_tiktok.json", files[0].bytes);
    Activity a = import_paths({d / "a", d / "b"});
    CHECK(accounts_of(a, Network::TikTok) == 1);
    CHECK(count_posts(a, Network::TikTok).posts == e.posts());
    CHECK(account_of(a, Network::TikTok)->likes_given == e.likes_given);

    write_file(d / "c/user_data_tiktok.json", files[0].bytes.substr(0, files[0].bytes.size() / 3));
    try {
        import_paths({d / "c"});
        FAIL("no error");
    } catch (const InputError& ex) {
        CHECK(std::string(ex.what()).find("user_data_tiktok.json: damaged JSON at line") == 0);
    }
}

TEST_CASE("tiktok layouts 2021 / 2025 / 2026: comments, likes, videos and follows wherever each year keeps them") {
    for (int layout : {2021, 2025, 2026}) {
        CAPTURE(layout);
        gen::TikTokOptions o;
        o.layout = layout;
        o.comments = 216;
        gen::Expected e;
        gen::LayoutFacts facts;
        auto files = gen::gen_tiktok(o, e, &facts);
        REQUIRE(files.size() == 1);
        CHECK(files[0].path == (layout == 2021 ? "user_data.json" : "user_data_tiktok.json"));
        TempDir d("tt-layout");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        REQUIRE(accounts_of(a, Network::TikTok) == 1);
        Counts c = count_posts(a, Network::TikTok);
        CHECK(c.originals == 25);
        CHECK(c.originals == e.originals);
        CHECK(c.replies == 216);
        CHECK(c.replies == e.replies);
        const Account* acc = account_of(a, Network::TikTok);
        CHECK(acc->handle == e.handle);
        CHECK(acc->followers == 300);
        CHECK(acc->following == 80);
        CHECK(acc->likes_given == 120);
        CHECK(acc->likes_received_total == e.likes_received_total);
        long long sum = 0;
        long decimal = 0;
        int64_t first = 0, last = 0;
        for (const auto& p : a.posts) {
            if (first == 0 || p.time < first) first = p.time;
            if (p.time > last) last = p.time;
            if (p.kind != PostKind::Original) continue;
            sum += p.likes;
            decimal += p.id_kind == IdKind::Decimal;
        }
        CHECK(sum == e.likes_received_sum);
        // A Link holding several URLs is one post, named by its first URL.
        CHECK(decimal == e.originals);
        CHECK(first == facts.first_post_time);
        CHECK(last == facts.last_post_time);
        CHECK(a.warnings.empty());
    }
}

TEST_CASE("tiktok: list entries that are not records are a counted warning") {
    gen::TikTokOptions o;
    o.layout = 2021;
    gen::Expected e;
    auto files = gen::gen_tiktok(o, e);
    auto doc = nlohmann::json::parse(files[0].bytes);
    doc["Activity"]["Comments"]["CommentsList"].push_back("not a comment");
    doc["Activity"]["Like List"]["ItemFavoriteList"].push_back(42);
    TempDir d("tt-odd");
    write_file(d / "user_data.json", doc.dump());
    Activity a = import_paths({d / "user_data.json"});
    CHECK(count_posts(a, Network::TikTok).replies == e.replies);
    CHECK(account_of(a, Network::TikTok)->likes_given == e.likes_given);
    REQUIRE(a.warnings.size() == 1);
    CHECK(a.warnings[0] == "user_data.json: 2 list entries that are not records (videos, comments, follows or likes) were skipped");
}
