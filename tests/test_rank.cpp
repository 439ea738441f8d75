// Audience ranking: roster CSV -> rows -> scores (the scoring engine's pure function),
// forgiving headers, warnings with line numbers, deterministic order, output formats,
// and a 100 000-row roster.
#include <doctest/doctest.h>


#include <nlohmann/json.hpp>

#include "io/byte_source.h"
#include "rank/roster.h"
#include "roster_gen.h"
#include "score/score.h"
#include "io/csv.h"
#include "util/error.h"

using namespace clout;

namespace {
Roster roster_of(const std::string& text) {
    auto src = memory_source(text);
    auto st = source_stream(*src, 0, src->size());
    Roster r = read_roster(*st);
    rank_roster(r);
    return r;
}
const RosterRow* find(const Roster& r, const std::string& handle) {
    for (const auto& x : r.rows)
        if (x.handle == handle) return &x;
    return nullptr;
}
}  // namespace

TEST_CASE("rank: forgiving header names and number spellings") {
    Roster r = roster_of(
        "Notes: exported from our CRM\n\n"
        "USER NAME,Social Network,followers_count,Number of posts,Likes Received,Shares,Comments,period\n"
        "alice,Twitter,\"12,400\",30,2.1K,300,150,30\n"
        "bob,IG,1.2M,10,50000,,2000,30\n");
    REQUIRE(r.rows.size() == 2);
    const RosterRow* a = find(r, "alice");
    REQUIRE(a);
    CHECK(a->network == "x");
    CHECK(a->agg.followers == 12400);
    CHECK(a->agg.likes_received == 2100);
    CHECK(a->agg.reposts_received == 300);
    CHECK(a->agg.replies_received == 150);
    CHECK(a->agg.period_days == 30);
    // "Number of posts" is not a known spelling: posts unavailable.
    CHECK_FALSE(a->posts_known);
    const RosterRow* b = find(r, "bob");
    CHECK(b->network == "instagram");
    CHECK(b->agg.followers == 1200000);
    CHECK(b->agg.reposts_received == -1);
    CHECK(r.columns.size() == 7);
}

TEST_CASE("rank: each row is scored by the engine's pure function, with its breakdown") {
    Roster r = roster_of("handle,network,followers,posts,likes,reposts,replies,replies_made,period_days\n"
                         "alice,x,12400,30,2100,300,150,40,30\n");
    REQUIRE(r.rows.size() == 1);
    Aggregates g;
    g.followers = 12400;
    g.posts = 30;
    g.likes_received = 2100;
    g.reposts_received = 300;
    g.replies_received = 150;
    g.replies_made = 40;
    g.period_days = 30;
    ScoreResult want = score_inputs(inputs_from_aggregates(g));
    const ScoreResult& got = r.rows[0].result;
    CHECK(got.score == want.score);
    CHECK(got.exact_q == want.exact_q);
    int sum = 0;
    for (const auto& c : got.components) sum += c.available ? c.points : 0;
    CHECK(sum == got.score - 1);
}

TEST_CASE("rank: bad rows are warnings with their line, not failures") {
    Roster r = roster_of("handle,followers,posts,likes,period_days\n"
                         "alice,100,5,50,30\n"
                         ",100,5,50,30\n"
                         "carol,lots,5,50,30\n"
                         "dave,100,5,50,-4\n"
                         "\"erin\nsmith\",100,5,50,30\n"
                         "frank,100\n");
    CHECK(r.rows.size() == 5);
    REQUIRE(r.warnings.size() == 3);
    CHECK(r.warnings[0] == "line 3: no handle; row skipped");
    CHECK(r.warnings[1] == "line 4: followers 'lots' is not a number; unavailable");
    CHECK(r.warnings[2].rfind("line 5: period_days -4 is out of range", 0) == 0);
    const RosterRow* f = find(r, "frank");
    REQUIRE(f);
    CHECK(f->line == 8);
    CHECK(f->agg.likes_received == -1);
    CHECK(find(r, "carol")->agg.followers == -1);
}

TEST_CASE("rank: no handle column is a clear error") {
    auto src = memory_source("followers,posts\n1,2\n");
    auto st = source_stream(*src, 0, src->size());
    CHECK_THROWS_AS(read_roster(*st), InputError);
}

TEST_CASE("rank: ties by score then handle, whatever the row order") {
    std::string head = "handle,network,followers,posts,likes,period_days\n";
    std::vector<std::string> rows = {"zed,x,100,5,50,30\n", "Amy,x,100,5,50,30\n", "bob,x,100,5,50,30\n",
                                     "big,x,900000,40,90000,30\n", "none,x,,,,\n"};
    std::string fwd = head, rev = head;
    for (auto& x : rows) fwd += x;
    for (auto it = rows.rbegin(); it != rows.rend(); ++it) rev += *it;
    Roster a = roster_of(fwd), b = roster_of(rev);
    REQUIRE(a.rows.size() == 5);
    std::vector<std::string> order;
    for (auto& x : a.rows) order.push_back(x.handle);
    CHECK(order == std::vector<std::string>{"big", "Amy", "bob", "zed", "none"});
    for (size_t i = 0; i < a.rows.size(); ++i) {
        CHECK(a.rows[i].handle == b.rows[i].handle);
        CHECK(a.rows[i].rank == i + 1);
    }
    // The outputs do not depend on the input order either (line numbers aside).
    CHECK(roster_table(a) == roster_table(b));
}

TEST_CASE("rank: table, CSV and JSON outputs") {
    Roster r = roster_of("handle,network,followers,posts,likes,reposts,replies,period_days\n"
                         "alice,x,12400,30,2100,300,150,30\n"
                         "b\xC3\xA9" "a,instagram,500,4,20,1,3,30\n"
                         "\"c,d\",tiktok,,5,100,,,30\n");
    std::string t = roster_table(r);
    CHECK(t.find("#  handle") == 0);
    CHECK(t.find("3 accounts ranked") != std::string::npos);
    // Aligned: every row line has the same width in code points.
    size_t w = 0, lines = 0;
    for (size_t p = 0, q; (q = t.find('\n', p)) != std::string::npos && lines < 5; p = q + 1, ++lines) {
        std::string line = t.substr(p, q - p);
        if (lines == 1) continue;   // the rule
        size_t len = 0;
        for (unsigned char c : line) len += (c & 0xC0) != 0x80;
        if (w == 0) w = len;
        CHECK(len == w);
    }
    std::string c = roster_csv(r, 2);
    auto rows = parse_csv_text(c);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "rank");
    CHECK(rows[1][1] == "alice");
    auto j = nlohmann::json::parse(roster_json(r));
    CHECK(j["schema"] == "clout.rank.v1");
    CHECK(j["rows"].size() == 3);
    CHECK(j["rows"][0]["components"].size() == 5);
    bool cd = false;
    for (const auto& row : j["rows"])
        if (row["handle"] == "c,d") {
            cd = true;
            CHECK(row["inputs"]["followers"].is_null());
            CHECK(row["network"] == "tiktok");
        }
    CHECK(cd);

    // (The command's arguments: tests/test_cli_errors.cpp.)
    std::string out, err;
    RankOptions opt;
    opt.file = "/nonexistent/roster.csv";
    CHECK(rank_command(opt, out, err) == 2);
    CHECK(err.rfind("error: /nonexistent/roster.csv: ", 0) == 0);
    CHECK(out.empty());
}

// (How long it takes: tools/bench/bench_rank.cpp.)
TEST_CASE("rank: a 100 000-row roster ranks in full") {
    gen::RosterOptions o;
    o.rows = 100000;
    o.bad_every = 10000;
    o.blank_handle_every = 25001;   // rows 25000, 50001, 75002 (none also a bad-number row)
    std::string text = gen::gen_roster(o);
    auto src = memory_source(text);
    auto st = source_stream(*src, 0, src->size());
    Roster r = read_roster(*st);
    rank_roster(r);
    std::string table = roster_table(r, 20);
    std::string json = roster_json(r);
    CHECK(r.rows.size() == 100000 - 3);
    CHECK(r.warnings.size() == 10 + 3);
    for (size_t i = 1; i < r.rows.size(); ++i) CHECK_LE(r.rows[i].result.score, r.rows[i - 1].result.score);
    CHECK(table.find(r.rows[0].handle) != std::string::npos);
    CHECK(nlohmann::json::parse(json)["rows"].size() == r.rows.size());
}
