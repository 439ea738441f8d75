// The real Meta samples (../shared/samples/meta, from NorseKode/Waultar-App test data).
// Expected numbers were obtained independently with python3's json module (see
// docs/FORMATS.md, "How the expected numbers were obtained").
#include <doctest/doctest.h>

#include "social_test_util.h"
#include "util/error.h"

using namespace clout;
using namespace social_test;

namespace {
const std::string kMeta = std::string(CLOUT_SAMPLES_DIR) + "/meta";
bool has_text(const Activity& a, Network n, std::string_view needle) {
    for (const auto& p : a.posts)
        if (a.accounts[p.account].network == n && a.snippet(p).find(needle) != std::string_view::npos) return true;
    return false;
}
bool any_mojibake(const Activity& a) {
    for (const auto& p : a.posts) {
        auto s = a.snippet(p);
        if (s.find("\xC3\x83") != std::string_view::npos || s.find("\xC3\xA2\xC2\x80") != std::string_view::npos) return true;
    }
    return false;
}
}  // namespace

TEST_CASE("meta samples: Facebook posts and comments, text repaired") {
    Activity a = import_paths({kMeta + "/facebook"});
    REQUIRE(accounts_of(a, Network::Facebook) == 1);
    Counts c = count_posts(a, Network::Facebook);
    CHECK(c.originals == 12);
    CHECK(c.reposts == 1);
    CHECK(c.replies == 6);
    CHECK(c.posts == 18);
    for (const auto& p : a.posts) {
        CHECK(p.id_kind == IdKind::Hash);
        CHECK(p.likes == kUnknownCount);
    }
    const Account* acc = account_of(a, Network::Facebook);
    CHECK(acc->followers == -1);
    CHECK_FALSE(acc->signals.likes_received);
    CHECK_FALSE(acc->signals.followers);
    // "Holb\u00c3\u00a6k" -> "Holbæk", "s\u00c3\u00a5" -> "så".
    CHECK(has_text(a, Network::Facebook, "Shinson Hapkido Holb\xC3\xA6k, hvis i gerne"));
    CHECK(has_text(a, Network::Facebook, "T\xC3\x98S"));
    CHECK_FALSE(any_mojibake(a));
}

TEST_CASE("meta samples: Instagram posts from two files, duplicates once, emoji repaired") {
    Activity one = import_paths({kMeta + "/instagram/instagram_post.json"});
    CHECK(count_posts(one, Network::Instagram).posts == 5);
    Activity two = import_paths({kMeta + "/instagram/instagram_media.json"});
    CHECK(count_posts(two, Network::Instagram).posts == 5);   // 4 posts + 1 IGTV video; the profile picture is not a post
    Activity both = import_paths({kMeta + "/instagram"});
    CHECK(count_posts(both, Network::Instagram).posts == 7);
    CHECK(accounts_of(both, Network::Instagram) == 1);
    // "\u00f0\u009f\u0098\u0082" is U+1F602 (face with tears of joy).
    CHECK(has_text(both, Network::Instagram, "almost there \xF0\x9F\x98\x82"));
    CHECK(has_text(both, Network::Instagram, "(f\xE2\x80\xA6 my foot)"));
    CHECK_FALSE(any_mojibake(both));
    // Hashtags are read from the repaired caption.
    bool found = false;
    for (const auto& p : both.posts)
        for (uint8_t k = 0; k < p.n_hashtags; ++k)
            if (both.strings.view(both.hashtags(p)[k]) == "backflip") found = true;
    CHECK(found);
}

TEST_CASE("meta samples: the same export twice counts once") {
    Activity a = import_paths({kMeta + "/facebook", kMeta + "/facebook", kMeta + "/instagram", kMeta + "/instagram/instagram_post.json"});
    CHECK(count_posts(a, Network::Facebook).posts == 18);
    CHECK(count_posts(a, Network::Instagram).posts == 7);
    CHECK(accounts_of(a, Network::Facebook) == 1);
    CHECK(accounts_of(a, Network::Instagram) == 1);
}

TEST_CASE("meta samples: corrupt.json gives a clear error") {
    Activity a;
    ImportContext ctx;
    try {
        import_path(kMeta + "/corrupt.json", a, ctx);
        FAIL("no error");
    } catch (const InputError& e) {
        std::string w = e.what();
        CHECK(w.find("not a recognised export (looked for ") == 0);
        CHECK(w.find("Instagram") != std::string::npos);
    }
    // A Meta file cut short (an interrupted download) is named with the place it breaks.
    TempDir d("meta-cut");
    std::string posts = read_file(kMeta + "/facebook/your_posts_1.json");
    write_file(d / "your_facebook_activity/posts/your_posts_1.json", posts.substr(0, posts.size() / 2));
    try {
        import_path(d.str(), a, ctx);
        FAIL("no error");
    } catch (const InputError& e) {
        std::string w = e.what();
        CHECK(w.find("your_posts_1.json: damaged JSON at line") != std::string::npos);
    }
    // With another good file beside it, the rest is read and the damage is a warning.
    write_file(d / "your_facebook_activity/comments_and_reactions/comments.json",
               read_file(kMeta + "/facebook/comments_and_reactions.json"));
    Activity b = import_paths({d.str()});
    CHECK(count_posts(b, Network::Facebook).replies == 6);
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].find("your_posts_1.json: damaged JSON at line") != std::string::npos);
}
