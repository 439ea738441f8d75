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
