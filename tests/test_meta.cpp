// Instagram, Threads and Facebook exports made by tools/gen (both layouts), read with
// exact counts; the same export twice counts once; all formats together.
#include <doctest/doctest.h>

#include "social_gen.h"
#include "social_test_util.h"
#include "util/error.h"
#include "util/time.h"

#include <algorithm>

using namespace clout;
using namespace social_test;

namespace {
bool has_snippet(const Activity& a, Network n, const std::string& text) {
    for (const auto& p : a.posts)
        if (a.accounts[p.account].network == n && a.snippet(p) == std::string_view(text).substr(0, Activity::kSnippetBytes)) return true;
    return false;
}
long self_replies(const Activity& a, Network n) {
    long k = 0;
    for (const auto& p : a.posts)
        if (a.accounts[p.account].network == n && p.kind == PostKind::Reply && p.reply_target == ReplyTarget::Self) ++k;
    return k;
}
void check_account(const Activity& a, Network n, const gen::Expected& e) {
    CAPTURE(network_id(n));
    REQUIRE(accounts_of(a, n) == 1);
    Counts c = count_posts(a, n);
    CHECK(c.originals == e.originals);
    CHECK(c.replies == e.replies);
    CHECK(c.quotes == e.quotes);
    CHECK(c.reposts == e.reposts);
    CHECK(self_replies(a, n) == e.self_replies);
    const Account* acc = account_of(a, n);
    CHECK(acc->followers == e.followers);
    CHECK(acc->following == e.following);
    CHECK(acc->likes_given == e.likes_given);
    CHECK(acc->signals.followers == (e.followers >= 0));
    if (!e.handle.empty()) CHECK(acc->handle == e.handle);
    if (!e.sample_text.empty()) CHECK(has_snippet(a, n, e.sample_text));
}
}  // namespace

TEST_CASE("instagram + threads export, 2024 layout and the older one") {
    for (bool new_layout : {true, false}) {
        CAPTURE(new_layout);
        gen::InstagramOptions o;
        o.new_layout = new_layout;
        gen::Expected ig, th;
        auto files = gen::gen_instagram(o, ig, th);
        TempDir d("ig");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        check_account(a, Network::Instagram, ig);
        check_account(a, Network::Threads, th);
        const Account* acc = account_of(a, Network::Instagram);
        CHECK(acc->display_name == "Ana Sousa \xC3\x81vila");
        CHECK_FALSE(acc->signals.likes_received);
        CHECK(acc->notes.size() >= 2);
        for (const auto& p : a.posts) CHECK(p.id_kind == IdKind::Hash);
        // Repaired everywhere: no snippet keeps Meta's per-byte form.
        for (const auto& p : a.posts) CHECK(a.snippet(p).find("\xC3\x83") == std::string_view::npos);
        CHECK(a.warnings.empty());
    }
}

TEST_CASE("instagram: a repaired non-ASCII caption comes out exactly") {
    gen::InstagramOptions o;
    gen::Expected ig, th;
    auto files = gen::gen_instagram(o, ig, th);
    // Replace the first post's caption with a known one, written the Meta way.
    TempDir d("ig-cafe");
    gen::write_export_dir(files, d.str());
    write_file(d / "your_instagram_activity/content/posts_1.json",
               "[{\"media\":[{\"uri\":\"media/posts/a.jpg\",\"creation_timestamp\":1700000000,"
               "\"title\":\"Caf\\u00c3\\u00a9 au lait, don\\u00e2\\u0080\\u0099t judge \\u00f0\\u009f\\u0098\\u0082 #caf\\u00c3\\u00a9\"}]}]");
    Activity a = import_paths({d.str()});
    REQUIRE(count_posts(a, Network::Instagram).originals == o.reels + 1);
    bool found = false;
    for (const auto& p : a.posts) {
        if (a.snippet(p) == "Caf\xC3\xA9 au lait, don\xE2\x80\x99t judge \xF0\x9F\x98\x82 #caf\xC3\xA9") {
            found = true;
            REQUIRE(p.n_hashtags == 1);
            CHECK(a.strings.view(a.hashtags(p)[0]) == "caf\xC3\xA9");
            CHECK(p.text_length == 33);  // code points
        }
    }
    CHECK(found);
}

TEST_CASE("facebook export, 2024 layout and the older one") {
    for (bool new_layout : {true, false}) {
        CAPTURE(new_layout);
        gen::FacebookOptions o;
        o.new_layout = new_layout;
        gen::Expected fb;
        auto files = gen::gen_facebook(o, fb);
        TempDir d("fb");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        check_account(a, Network::Facebook, fb);
        CHECK(account_of(a, Network::Facebook)->display_name == o.name);
    }
}

TEST_CASE("meta: the same export given twice counts once (hash ids are deterministic)") {
    gen::InstagramOptions o;
    gen::Expected ig, th;
    auto files = gen::gen_instagram(o, ig, th);
    TempDir d1("ig-a"), d2("ig-b");
    gen::write_export_dir(files, d1.str());
    gen::write_export_dir(files, d2.str());
    Activity a = import_paths({d1.str(), d2.str()});
    check_account(a, Network::Instagram, ig);
    check_account(a, Network::Threads, th);
    // Without a profile file (no handle anywhere) the two anonymous accounts still fold.
    std::filesystem::remove_all(d1.path / "personal_information");
    std::filesystem::remove_all(d2.path / "personal_information");
    Activity b = import_paths({d1.str(), d2.str()});
    CHECK(accounts_of(b, Network::Instagram) == 1);
    CHECK(count_posts(b, Network::Instagram).posts == ig.posts());
    CHECK(account_of(b, Network::Instagram)->followers == ig.followers);
}

TEST_CASE("meta: loose files are recognised by content") {
    gen::FacebookOptions o;
    gen::Expected fb;
    auto files = gen::gen_facebook(o, fb);
    TempDir d("fb-loose");
    for (const auto& f : files) {
        if (f.path.find("comments.json") == std::string::npos) continue;
        write_file(d / "renamed.json", f.bytes);   // a name that says nothing
    }
    Activity a = import_paths({d / "renamed.json"});
    CHECK(count_posts(a, Network::Facebook).replies == fb.replies);
}

TEST_CASE("meta, linkedin, tiktok, reddit: zipped exports as the networks name them") {
    TempDir d("social-zip");
    gen::Expected ig, th, fb, li, tt, rd;
    // Instagram: Meta's own zip name carries the user and the export day; a root folder
    // as a re-zip adds; no profile file, so the handle comes from the name.
    auto igf = gen::gen_instagram({}, ig, th);
    igf.erase(std::remove_if(igf.begin(), igf.end(), [](const gen::GenFile& f) { return f.path.find("personal_information") != std::string::npos; }),
              igf.end());
    std::string igzip = d / "instagram-ana.sousa-2024-09-01-AbCd.zip";
    gen::write_export_zip(igf, igzip, "instagram-ana.sousa-2024-09-01-AbCd");
    std::string fbzip = d / "facebook-bjorn-2024-09-02-XyZ.zip";
    gen::write_export_zip(gen::gen_facebook({}, fb), fbzip);
    std::string lizip = d / "Basic_LinkedInDataExport_09-03-2024.zip";
    gen::write_export_zip(gen::gen_linkedin({}, li), lizip);
    std::string ttzip = d / "tiktok.zip";
    gen::write_export_zip(gen::gen_tiktok({}, tt), ttzip);
    std::string rdzip = d / "export_quiet_owl_20240901.zip";
    gen::write_export_zip(gen::gen_reddit({}, rd), rdzip);

    Activity a = import_paths({igzip, fbzip, lizip, ttzip, rdzip});
    check_account(a, Network::Instagram, ig);
    check_account(a, Network::Threads, th);
    check_account(a, Network::Facebook, fb);
    CHECK(count_posts(a, Network::LinkedIn).posts == li.posts());
    CHECK(count_posts(a, Network::TikTok).posts == tt.posts());
    CHECK(count_posts(a, Network::Reddit).posts == rd.posts());
    CHECK(account_of(a, Network::Instagram)->export_time == days_from_civil(2024, 9, 1) * 86400);
    CHECK(account_of(a, Network::Threads)->handle == "ana.sousa");
    CHECK(account_of(a, Network::Facebook)->export_time == days_from_civil(2024, 9, 2) * 86400);
    CHECK(account_of(a, Network::LinkedIn)->export_time == days_from_civil(2024, 9, 3) * 86400);
    CHECK(account_of(a, Network::LinkedIn)->followers == li.followers);
    CHECK(account_of(a, Network::TikTok)->followers == tt.followers);
    CHECK(a.warnings.empty());

    // The same zips again, and as folders: nothing counts twice.
    TempDir f("social-dirs");
    gen::write_export_dir(gen::gen_linkedin({}, li), f / "linkedin");
    gen::write_export_dir(gen::gen_tiktok({}, tt), f / "tiktok");
    Activity b = import_paths({igzip, fbzip, lizip, ttzip, rdzip, igzip, f / "linkedin", f / "tiktok"});
    CHECK(b.accounts.size() == a.accounts.size());
    CHECK(b.posts.size() == a.posts.size());
    CHECK(b.interactions.size() == a.interactions.size());
}
