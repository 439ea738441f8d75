// Instagram exports in each layout people download (older top-level folders, 2024, 2026),
// made by tools/gen, read with exact counts: posts wherever they sit, likes given (post
// likes + comment likes, each once), following by title and /_u/ link, Threads replies
// naming whom they answer.
#include <doctest/doctest.h>

#include "social_gen.h"
#include "social_test_util.h"

using namespace clout;
using namespace social_test;

namespace {
long self_replies(const Activity& a, Network n) {
    long k = 0;
    for (const auto& p : a.posts)
        if (a.accounts[p.account].network == n && p.kind == PostKind::Reply && p.reply_target == ReplyTarget::Self) ++k;
    return k;
}
void check(const Activity& a, Network n, const gen::Expected& e) {
    CAPTURE(network_id(n));
    REQUIRE(accounts_of(a, n) == 1);
    Counts c = count_posts(a, n);
    CHECK(c.originals == e.originals);
    CHECK(c.replies == e.replies);
    CHECK(c.reposts == e.reposts);
    CHECK(self_replies(a, n) == e.self_replies);
    const Account* acc = account_of(a, n);
    CHECK(acc->followers == e.followers);
    CHECK(acc->following == e.following);
    CHECK(acc->likes_given == e.likes_given);
    CHECK(acc->handle == e.handle);
}
bool has_path(const gen::GenExport& files, const std::string& path) {
    for (const auto& f : files)
        if (f.path == path) return true;
    return false;
}
}  // namespace

TEST_CASE("instagram layouts: older, 2024 and 2026 exports each read in full") {
    struct Case {
        const char* name;
        bool new_layout, layout_2026;
        const char* posts_path;
    };
    for (const Case& k : {Case{"older", false, false, "content/posts_1.json"},
                          Case{"2024", true, false, "your_instagram_activity/content/posts_1.json"},
                          Case{"2026", true, true, "your_instagram_activity/media/posts_1.json"}}) {
        CAPTURE(k.name);
        gen::InstagramOptions o;
        o.new_layout = k.new_layout;
        o.layout_2026 = k.layout_2026;
        o.likes = 75;
        o.comment_likes = 26;
        gen::Expected ig, th;
        auto files = gen::gen_instagram(o, ig, th);
        CHECK(has_path(files, k.posts_path));
        if (!k.new_layout) CHECK(has_path(files, "followers_and_following/followers.json"));
        TempDir d("ig-layout");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        check(a, Network::Instagram, ig);
        check(a, Network::Threads, th);
        // Likes given: every liked post and every liked comment once (75 + 26), although the
        // comments' links point at posts, several at one post and some at liked posts.
        CHECK(ig.likes_given == 101);
        CHECK(account_of(a, Network::Instagram)->likes_given == 101);
        CHECK(a.warnings.empty());
    }
}

TEST_CASE("instagram 2026: label_values likes, following by title, Threads replies to whom") {
    gen::InstagramOptions o;
    o.layout_2026 = true;
    o.likes = 158;   // the real 2026 export this shape comes from held 158 likes
    gen::Expected ig, th;
    auto files = gen::gen_instagram(o, ig, th);
    TempDir d("ig-2026");
    gen::write_export_dir(files, d.str());
    Activity a = import_paths({d.str()});
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    CHECK(acc->likes_given == 158);
    CHECK(acc->following == o.following);
    // Followed accounts are named by their title, not by their /_u/ link.
    long follows_named = 0;
    for (const auto& i : a.interactions)
        if (i.kind == InteractionKind::Follow && a.accounts[i.account].network == Network::Instagram &&
            a.strings.view(i.target_account).rfind("creator_", 0) == 0)
            ++follows_named;
    CHECK(follows_named == o.following);
    // Likes keep the owner of the liked post from the nested "Owner" values.
    long liked_owner = 0;
    for (const auto& i : a.interactions)
        if (i.kind == InteractionKind::Like && a.accounts[i.account].network == Network::Instagram &&
            a.strings.view(i.target_account).rfind("creator_", 0) == 0)
            ++liked_owner;
    CHECK(liked_owner == 158);
    // Threads: replies to the person's own threads by in_reply_to_username.
    CHECK(th.self_replies == 2);
    CHECK(self_replies(a, Network::Threads) == 2);
    CHECK(count_posts(a, Network::Threads).replies == o.threads_replies);
}

TEST_CASE("instagram likes: the same liked post in two exports counts once, comment likes stay apart") {
    gen::InstagramOptions o;
    o.comment_likes = 9;
    gen::Expected ig, th;
    auto files = gen::gen_instagram(o, ig, th);
    TempDir d("ig-likes");
    gen::write_export_dir(files, d / "a");
    gen::write_export_zip(files, d / "b.zip");
    Activity a = import_paths({d / "a", d / "b.zip"});
    CHECK(account_of(a, Network::Instagram)->likes_given == o.likes + o.comment_likes);
    // Only comment likes: nine comments under three posts are nine likes.
    TempDir e("ig-comment-likes");
    for (const auto& f : files)
        if (f.path.find("liked_comments") != std::string::npos) write_file(e / f.path, f.bytes);
    Activity c = import_paths({e.str()});
    REQUIRE(account_of(c, Network::Instagram));
    CHECK(account_of(c, Network::Instagram)->likes_given == 9);
}

TEST_CASE("instagram 2026: a liked_posts.json whose entries carry an empty media list is read as likes") {
    TempDir d("ig-2026-likes");
    write_file(d / "your_instagram_activity/likes/liked_posts.json",
               "[{\"timestamp\": 1767225600, \"media\": [], \"label_values\": [{\"label\": \"URL\", \"value\": "
               "\"https://www.instagram.com/p/DAbc/\", \"href\": \"https://www.instagram.com/p/DAbc/\"}, {\"title\": \"Owner\", "
               "\"dict\": [{\"dict\": [{\"label\": \"URL\", \"value\": \"https://www.instagram.com/bob\"}, {\"label\": \"Username\", "
               "\"value\": \"bob\"}], \"title\": \"\"}]}], \"fbid\": \"1\"},"
               "{\"timestamp\": 1767225700, \"media\": [], \"label_values\": [{\"label\": \"URL\", \"value\": "
               "\"https://www.instagram.com/p/DAbC/?igsh=x\"}], \"fbid\": \"2\"},"
               "{\"timestamp\": 1767225800, \"media\": [], \"label_values\": [{\"label\": \"URL\", \"value\": "
               "\"https://WWW.instagram.com/p/DAbc\"}], \"fbid\": \"3\"}]");
    Activity a = import_paths({d.str()});
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    // DAbc and DAbC are two posts (short codes are case-sensitive); the third is DAbc again.
    CHECK(acc->likes_given == 2);
}

TEST_CASE("threads 2026: in_reply_to_username marks a reply where is_reply is not given") {
    TempDir d("th-2026");
    write_file(d / "instagram-ana.sousa-2026-05-07-AbCd/your_instagram_activity/threads/threads_and_replies.json",
               "{\"text_post_app_text_posts\": [{\"media\": [{\"uri\": \"\", \"creation_timestamp\": 1767225600, \"title\": \"one\","
               " \"text_app_post\": {\"in_reply_to_username\": \"@Ana.Sousa\"}}]},"
               "{\"media\": [{\"uri\": \"\", \"creation_timestamp\": 1767225700, \"title\": \"two\","
               " \"text_app_post\": {\"in_reply_to_username\": \"bob\"}}]},"
               "{\"media\": [{\"uri\": \"\", \"creation_timestamp\": 1767225800, \"title\": \"three\","
               " \"text_app_post\": {\"is_reply\": false, \"in_reply_to_username\": null}}]}]}");
    Activity a = import_paths({d / "instagram-ana.sousa-2026-05-07-AbCd"});
    Counts c = count_posts(a, Network::Threads);
    CHECK(c.replies == 2);
    CHECK(c.originals == 1);
    CHECK(self_replies(a, Network::Threads) == 1);
}
