// LinkedIn exports made by tools/gen: preamble, BOM, CRLF, multi-line quoted fields,
// all-comma rows, Shares_N.csv splits; exact counts.
#include <doctest/doctest.h>

#include "social_gen.h"
#include "social_test_util.h"
#include "util/error.h"

using namespace clout;
using namespace social_test;

namespace {
long self_replies(const Activity& a) {
    long k = 0;
    for (const auto& p : a.posts)
        if (p.kind == PostKind::Reply && p.reply_target == ReplyTarget::Self) ++k;
    return k;
}
}  // namespace

TEST_CASE("linkedin export: shares, comments, reactions, connections") {
    for (bool split : {false, true}) {
        CAPTURE(split);
        gen::LinkedInOptions o;
        o.split_shares = split;
        gen::Expected e;
        auto files = gen::gen_linkedin(o, e);
        TempDir d("li");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        REQUIRE(accounts_of(a, Network::LinkedIn) == 1);
        Counts c = count_posts(a, Network::LinkedIn);
        CHECK(c.originals == e.originals);
        CHECK(c.reposts == e.reposts);
        CHECK(c.quotes == e.quotes);
        CHECK(c.replies == e.replies);
        CHECK(self_replies(a) == e.self_replies);
        const Account* acc = account_of(a, Network::LinkedIn);
        CHECK(acc->followers == e.followers);
        CHECK(acc->signals.followers);
        CHECK(acc->likes_given == e.likes_given);
        CHECK(acc->display_name == "Ada Lovelace");
        bool note = false;
        for (auto& n : acc->notes) note |= n.find("connections") != std::string::npos;
        CHECK(note);
        // A multi-line share with "" escapes comes out whole.
        bool found = false;
        for (const auto& p : a.posts)
            if (a.snippet(p) == std::string_view(e.sample_text).substr(0, Activity::kSnippetBytes)) found = true;
        CHECK(found);
        CHECK(e.sample_text.find("\"quotes\"") != std::string::npos);
        // Ids come from urn:li:activity when the link has one.
        long decimal = 0;
        for (const auto& p : a.posts) decimal += p.id_kind == IdKind::Decimal;
        CHECK(decimal > 0);
        CHECK(a.warnings.empty());
    }
}

TEST_CASE("linkedin: a loose Connections.csv is recognised by its header after the notes") {
    gen::LinkedInOptions o;
    gen::Expected e;
    auto files = gen::gen_linkedin(o, e);
    TempDir d("li-loose");
    for (auto& f : files)
        if (f.path == "Connections.csv") write_file(d / "contacts export.csv", f.bytes);
    Activity a = import_paths({d / "contacts export.csv"});
    CHECK(account_of(a, Network::LinkedIn)->followers == o.connections);
    CHECK(a.posts.empty());
}

TEST_CASE("linkedin: the same export twice counts once; bad dates are warned with the line") {
    gen::LinkedInOptions o;
    gen::Expected e;
    auto files = gen::gen_linkedin(o, e);
    TempDir d1("li-a"), d2("li-b");
    gen::write_export_dir(files, d1.str());
    gen::write_export_dir(files, d2.str());
    Activity a = import_paths({d1.str(), d2.str()});
    CHECK(accounts_of(a, Network::LinkedIn) == 1);
    CHECK(count_posts(a, Network::LinkedIn).posts == e.posts());
    CHECK(account_of(a, Network::LinkedIn)->followers == e.followers);
    CHECK(account_of(a, Network::LinkedIn)->likes_given == e.likes_given);

    write_file(d1 / "Comments.csv", "Date,Link,Message\r\nyesterday,https://x,hello\r\n2024-01-02 10:00:00,https://y,\"multi\r\nline\"\r\n");
    Activity b = import_paths({d1 / "Comments.csv"});
    CHECK(count_posts(b, Network::LinkedIn).replies == 1);
    REQUIRE(b.warnings.size() == 1);
    CHECK(b.warnings[0].find("1 rows without a readable date were skipped (first at line 2)") != std::string::npos);
}

namespace {
struct TimeSpan {
    int64_t first = 0, last = 0;
};
TimeSpan post_times(const Activity& a) {
    TimeSpan s;
    for (const auto& p : a.posts) {
        if (s.first == 0 || p.time < s.first) s.first = p.time;
        if (p.time > s.last) s.last = p.time;
    }
    return s;
}
}  // namespace

TEST_CASE("linkedin layouts: 2017 UTF-16 tab-separated, 2024, 2026 case variants and broken doubled quoting") {
    for (int layout : {2017, 2024, 2026}) {
        CAPTURE(layout);
        gen::LinkedInOptions o;
        o.layout = layout;
        gen::Expected e;
        gen::LayoutFacts facts;
        auto files = gen::gen_linkedin(o, e, &facts);
        TempDir d("li-layout");
        gen::write_export_dir(files, d.str());
        Activity a = import_paths({d.str()});
        REQUIRE(accounts_of(a, Network::LinkedIn) == 1);
        Counts c = count_posts(a, Network::LinkedIn);
        // One post stays one post, however its text was quoted.
        CHECK(c.originals == e.originals);
        CHECK(c.reposts == e.reposts);
        CHECK(c.quotes == e.quotes);
        CHECK(c.replies == e.replies);
        CHECK(self_replies(a) == e.self_replies);
        const Account* acc = account_of(a, Network::LinkedIn);
        CHECK(acc->followers == e.followers);
        CHECK(acc->likes_given == e.likes_given);
        CHECK(acc->display_name == "Ada Lovelace");
        // Every date was read: the first and last post fall where they were written.
        TimeSpan s = post_times(a);
        CHECK(s.first == facts.first_post_time);
        CHECK(s.last == facts.last_post_time);
        CHECK(facts.dated_connections == o.connections);
        // The multi-line sample (for 2026, written so that it splits into records) comes out whole.
        REQUIRE(!e.sample_text.empty());
        bool found = false;
        for (const auto& p : a.posts)
            if (a.snippet(p) == std::string_view(e.sample_text).substr(0, Activity::kSnippetBytes)) found = true;
        CHECK(found);
        if (layout == 2017) {
            CHECK(e.replies == 0);
            CHECK(e.originals == 30);
            CHECK(e.followers == 250);
        }
        if (layout == 2026) {
            CHECK(facts.repaired_rows == 11);
            REQUIRE(a.warnings.size() == 1);
            CHECK(a.warnings[0] == "Shares.csv: 11 posts had broken quoting and were put back together (first at line 2); "
                                   "their words are kept, stray quote marks dropped");
        } else {
            CHECK(facts.repaired_rows == 0);
            CHECK(a.warnings.empty());
        }
    }
}

TEST_CASE("linkedin 2026: every repaired post keeps its words; no quote debris is left") {
    gen::LinkedInOptions o;
    o.layout = 2026;
    gen::Expected e;
    auto files = gen::gen_linkedin(o, e);
    TempDir d("li-2026");
    gen::write_export_dir(files, d.str());
    Activity a = import_paths({d.str()});
    long multi = 0;
    for (const auto& p : a.posts) {
        std::string_view t = a.snippet(p);
        if (t.find("Second paragraph") == std::string_view::npos) continue;
        ++multi;
        CHECK(t.find("\n\nSecond paragraph with \"quotes\", commas, and a list:\n- one\n- two") != std::string_view::npos);
        CHECK(t.find("\"\"") == std::string_view::npos);
        CHECK(t.front() != '"');
    }
    gen::LayoutFacts facts;
    gen::gen_linkedin(o, e, &facts);
    CHECK(multi == facts.repaired_rows);
}

TEST_CASE("linkedin: a continuation row with no post before it is a counted warning, not lost silently") {
    gen::LinkedInOptions o;
    o.layout = 2026;
    o.shares = 4;
    o.reposts = o.quotes = 0;
    gen::Expected e;
    auto files = gen::gen_linkedin(o, e);
    TempDir d("li-orphan");
    for (auto& f : files) {
        if (f.path != "Shares.csv") continue;
        // A stray line right after the header: no post to continue.
        size_t eol = f.bytes.find("\r\n") + 2;
        write_file(d / "Shares.csv", f.bytes.substr(0, eol) + "\"\"orphan line\"\",,,PUBLIC\r\n" + f.bytes.substr(eol));
    }
    Activity a = import_paths({d / "Shares.csv"});
    CHECK(count_posts(a, Network::LinkedIn).originals == e.originals);
    bool warned = false;
    for (const auto& w : a.warnings) warned |= w.find("1 rows without a readable date were skipped (first at line 2)") != std::string::npos;
    CHECK(warned);
}

TEST_CASE("linkedin: every date form LinkedIn has written is read to the second") {
    TempDir d("li-dates");
    write_file(d / "Comments.csv",
               "Date,Link,Message\r\n"
               "\"1/8/18, 6:14 PM\",https://x/1,one\r\n"
               "\"1/8/18, 12:05 AM\",https://x/2,two\r\n"
               "12/31/2019 23:05,https://x/3,three\r\n"
               "2017/06/08 08:15:44 UTC,https://x/4,four\r\n"
               "2025-11-19 09:59:30,https://x/5,five\r\n"
               "\"13/2/21, 9:00 AM\",https://x/6,six\r\n");
    Activity a = import_paths({d / "Comments.csv"}, false);
    REQUIRE(a.posts.size() == 6);
    std::vector<int64_t> want = {1515435240, 1515369900, 1577833500, 1496909744, 1763546370, 1613206800};
    std::vector<int64_t> got;
    for (const auto& p : a.posts) got.push_back(p.time);
    CHECK(got == want);
    CHECK(a.warnings.empty());
}
