// Reddit CSV exports made by tools/gen; exact counts, base-36 ids, self-replies.
#include <doctest/doctest.h>

#include "social_gen.h"
#include "social_test_util.h"
#include "report/report.h"
#include "util/error.h"

using namespace clout;
using namespace social_test;

TEST_CASE("reddit export: posts, comments, votes") {
    for (bool variants : {true, false}) {
        gen::RedditOptions o;
        o.gilding_variants = variants;
        gen::Expected e;
        auto files = gen::gen_reddit(o, e);
        TempDir d("rd");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        REQUIRE(accounts_of(a, Network::Reddit) == 1);
        Counts c = count_posts(a, Network::Reddit);
        CHECK(c.originals == e.originals);
        CHECK(c.replies == e.replies);
        long self = 0;
        for (const auto& p : a.posts) {
            CHECK(p.id_kind == IdKind::Base36);
            CHECK(p.likes == kUnknownCount);
            self += p.kind == PostKind::Reply && p.reply_target == ReplyTarget::Self;
        }
        CHECK(self == e.self_replies);
        const Account* acc = account_of(a, Network::Reddit);
        CHECK(acc->handle == "quiet_owl");
        CHECK(acc->followers == -1);
        CHECK(acc->likes_given == e.likes_given);
        CHECK_FALSE(acc->signals.likes_received);
        bool said = false;
        for (auto& n : acc->notes) said |= n.find("no scores") != std::string::npos;
        CHECK(said);
        bool found = false;
        for (const auto& p : a.posts)
            if (a.snippet(p) == e.sample_text) found = true;
        CHECK(found);
    }
}

TEST_CASE("reddit: base-36 ids print back; twice counts once") {
    gen::RedditOptions o;
    gen::Expected e;
    auto files = gen::gen_reddit(o, e);
    TempDir d1("rd-a"), d2("rd-b");
    gen::write_export_dir(files, d1.str());
    gen::write_export_dir(files, d2.str());
    Activity a = import_paths({d1.str(), d2.str() + "/posts.csv", d2.str() + "/comments.csv"});
    CHECK(accounts_of(a, Network::Reddit) == 1);
    CHECK(count_posts(a, Network::Reddit).posts == e.posts());
    // The first id of posts.csv comes back as written.
    std::string csv = read_file(d1 / "posts.csv");
    std::string first_id = csv.substr(csv.find('\n') + 1, csv.find(',', csv.find('\n')) - csv.find('\n') - 1);
    bool found = false;
    for (const auto& p : a.posts) found |= format_post_id(p.id, p.id_kind) == first_id;
    CHECK(found);
}

TEST_CASE("social formats all together: one activity, every network once") {
    gen::Expected ig, th, fb, li, tt, rd;
    TempDir d("all");
    gen::write_export_dir(gen::gen_instagram({}, ig, th), d / "instagram");
    gen::write_export_dir(gen::gen_facebook({}, fb), d / "facebook");
    gen::write_export_dir(gen::gen_linkedin({}, li), d / "linkedin");
    gen::write_export_dir(gen::gen_tiktok({}, tt), d / "tiktok");
    gen::write_export_dir(gen::gen_reddit({}, rd), d / "reddit");
    Activity a = import_paths({d / "instagram", d / "facebook", d / "linkedin", d / "tiktok", d / "reddit",
                               std::string(CLOUT_SAMPLES_DIR) + "/meta/instagram"});
    CHECK(a.accounts.size() == 6);
    CHECK(count_posts(a, Network::Instagram).posts == ig.posts() + 7);
    CHECK(count_posts(a, Network::Threads).posts == th.posts());
    CHECK(count_posts(a, Network::Facebook).posts == fb.posts());
    CHECK(count_posts(a, Network::LinkedIn).posts == li.posts());
    CHECK(count_posts(a, Network::TikTok).posts == tt.posts());
    CHECK(count_posts(a, Network::Reddit).posts == rd.posts());
}

TEST_CASE("social formats together: one report, per network, the same bytes in any order") {
    gen::Expected ig, th, fb, li, tt, rd;
    TempDir d("all-report");
    gen::write_export_zip(gen::gen_instagram({}, ig, th), d / "ig.zip");
    gen::write_export_zip(gen::gen_facebook({}, fb), d / "fb.zip");
    gen::write_export_zip(gen::gen_linkedin({}, li), d / "li.zip");
    gen::write_export_zip(gen::gen_tiktok({}, tt), d / "tt.zip");
    gen::write_export_zip(gen::gen_reddit({}, rd), d / "rd.zip");
    std::vector<std::string> in = {d / "ig.zip", d / "fb.zip", d / "li.zip", d / "tt.zip", d / "rd.zip"};
    Activity a = import_paths(in);
    std::vector<std::string> rev(in.rbegin(), in.rend());
    rev.push_back(d / "ig.zip");   // and one given twice
    Activity b = import_paths(rev);
    Report ra = build_report(a), rb = build_report(b);
    CHECK(ra.networks.size() == 6);
    CHECK(ra.sources.size() == 6);
    for (const auto& s : ra.sources) {
        CAPTURE(network_id(s.network));
        if (s.network == Network::Instagram) CHECK(s.followers == ig.followers);
        if (s.network == Network::Threads) CHECK(s.followers == th.followers);
        if (s.network == Network::Facebook) CHECK(s.followers == fb.followers);
        if (s.network == Network::LinkedIn) CHECK(s.followers == li.followers);
        if (s.network == Network::TikTok) CHECK(s.followers == tt.followers);
        if (s.network == Network::Reddit) CHECK(s.followers == -1);
    }
    CHECK(ra.result.score >= 1);
    // Same inputs in another order (one twice): the same report, byte for byte.
    std::string ja = report_to_json(ra), jb = report_to_json(rb);
    CHECK(ja == jb);
    CHECK(ja.size() > 1000);
}
