// The ranking panel's table (rank/rank_view.h): the worker encodes the ranked roster, the
// page decodes it and draws it. Every row, number and string must be what `clout rank
// --json` says for the same roster (checked against roster_json, parsed), warnings and
// the model version included; malformed bytes are refused, never read out of bounds.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include <nlohmann/json.hpp>

#include "io/byte_source.h"
#include "rank/rank_view.h"
#include "rank/roster.h"
#include "roster_gen.h"
#include "score/score.h"

using namespace clout;

namespace {
Roster ranked(const std::string& text) {
    auto src = memory_source(text);
    auto st = source_stream(*src, 0, src->size());
    Roster r = read_roster(*st);
    rank_roster(r);
    return r;
}
int64_t opt(const nlohmann::json& v) { return v.is_null() ? -1 : v.get<int64_t>(); }
int64_t q(const std::string& s, int decimals) {  // "12.3456" -> 123456
    int64_t ip = 0, fp = 0;
    size_t i = 0;
    for (; i < s.size() && s[i] != '.'; ++i) ip = ip * 10 + (s[i] - '0');
    int d = 0;
    for (++i; i < s.size(); ++i, ++d) fp = fp * 10 + (s[i] - '0');
    for (; d < decimals; ++d) fp *= 10;
    int64_t m = 1;
    for (int k = 0; k < decimals; ++k) m *= 10;
    return ip * m + fp;
}
}  // namespace

TEST_CASE("rank view: every row equals the CLI's JSON") {
    gen::RosterOptions o;
    o.rows = 2000;
    o.seed = 21;
    o.bad_every = 97;
    o.blank_handle_every = 211;
    Roster r = ranked(gen::gen_roster(o));
    const std::string bytes = encode_rank_view(r);
    RankView v;
    REQUIRE(decode_rank_view(bytes.data(), bytes.size(), v));
    const auto j = nlohmann::json::parse(roster_json(r));
    REQUIRE(v.rows.size() == j["rows"].size());
    CHECK(v.model_version == j["model_version"].get<std::string>());
    CHECK(v.data_rows == 2000);
    CHECK(v.skipped() == 2000 / 211);
    REQUIRE(v.warnings.size() == j["warnings"].size());
    for (size_t i = 0; i < v.warnings.size(); ++i) CHECK(v.warnings[i] == j["warnings"][i].get<std::string>());
    CHECK(!v.columns.empty());
    size_t unavailable = 0;
    for (size_t i = 0; i < v.rows.size(); ++i) {
        const RankViewRow& x = v.rows[i];
        const auto& e = j["rows"][i];
        REQUIRE(x.rank == e["rank"].get<uint32_t>());
        CHECK(std::string(v.handle(x)) == e["handle"].get<std::string>());
        CHECK(std::string(v.network(x)) == (e["network"].is_null() ? std::string() : e["network"].get<std::string>()));
        CHECK(x.line == e["line"].get<uint64_t>());
        CHECK(x.score == e["score"].get<int>());
        CHECK(x.exact_q == q(e["score_exact"].get<std::string>(), 4));
        for (int k = 0; k < 5; ++k) {
            const auto& c = e["components"][static_cast<size_t>(k)];
            if (c["available"].get<bool>()) {
                CHECK(x.points[k] == c["points"].get<int>());
                CHECK(x.max_points[k] == c["max_points"].get<int>());
                CHECK(x.points_q[k] == q(c["points_exact"].get<std::string>(), 4));
                CHECK(x.value_q[k] == q(c["value"].get<std::string>(), 6));
            } else {
                ++unavailable;
                CHECK(x.points[k] == -1);
            }
        }
        const auto& in = e["inputs"];
        CHECK(x.followers == opt(in["followers"]));
        CHECK(x.posts == opt(in["posts"]));
        CHECK(x.likes == opt(in["likes_received"]));
        CHECK(x.reposts == opt(in["reposts_received"]));
        CHECK(x.replies_received == opt(in["replies_received"]));
        CHECK(x.replies_made == opt(in["replies_made"]));
        CHECK(x.period_days == in["period_days"].get<int64_t>());
    }
    CHECK(unavailable > 0);  // the generated roster has empty cells: "-" in the panel, never 0
}

TEST_CASE("rank view: the formula's measures are the engine's") {
    Roster r = ranked("handle,followers,posts,likes,reposts,replies,replies_made,period_days\n"
                      "a,5000,30,3000,300,90,40,91\n");
    const std::string bytes = encode_rank_view(r);
    RankView v;
    REQUIRE(decode_rank_view(bytes.data(), bytes.size(), v));
    REQUIRE(v.rows.size() == 1);
    const ScoreCore core = core_of(inputs_from_aggregates(r.rows[0].agg));
    CHECK(v.rows[0].h_reactions == core.h_reactions);
    CHECK(v.rows[0].h_reshares == core.h_reshares);
    CHECK(v.rows[0].weeks_active == core.weeks_active);
    CHECK(v.rows[0].qualifying_replies == core.qualifying_replies);
    // 3000 likes + 90 replies spread evenly over 30 posts: 103 reactions each -> h = 30
    CHECK(v.rows[0].h_reactions == 30);
}

TEST_CASE("rank view: malformed bytes are refused") {
    Roster r = ranked("handle,followers\nx,10\ny,20\n");
    const std::string bytes = encode_rank_view(r);
    RankView v;
    CHECK(decode_rank_view(bytes.data(), bytes.size(), v));
    CHECK(v.rows.size() == 2);
    for (size_t cut : {size_t(0), size_t(3), size_t(10), bytes.size() - 1}) CHECK_FALSE(decode_rank_view(bytes.data(), cut, v));
    std::string bad = bytes;
    bad[0] = 'X';
    CHECK_FALSE(decode_rank_view(bad.data(), bad.size(), v));
    // a handle offset outside the pool
    bad = bytes;
    RankViewRow row;
    const size_t at = bad.size() - 2 * sizeof(RankViewRow);
    std::memcpy(&row, bad.data() + at, sizeof row);
    row.handle_off = 1u << 30;
    std::memcpy(bad.data() + at, &row, sizeof row);
    CHECK_FALSE(decode_rank_view(bad.data(), bad.size(), v));
    CHECK(v.rows.empty());
}

TEST_CASE("rank view: clout-gen roster --names gives unique people-like handles and a name column") {
    gen::RosterOptions o;
    o.rows = 1500;  // past the 576 first/last combinations: numbered handles follow
    o.names = true;
    Roster r = ranked(gen::gen_roster(o));
    REQUIRE(r.rows.size() == 1500);
    std::vector<std::string> handles;
    size_t named = 0;
    for (const auto& x : r.rows) {
        handles.push_back(x.handle);
        if (!x.name.empty() && x.name.find(' ') != std::string::npos) ++named;
    }
    std::sort(handles.begin(), handles.end());
    CHECK(std::adjacent_find(handles.begin(), handles.end()) == handles.end());
    CHECK(named == 1500);
    const std::string bytes = encode_rank_view(r);
    RankView v;
    REQUIRE(decode_rank_view(bytes.data(), bytes.size(), v));
    CHECK(std::string(v.name(v.rows[0])) == r.rows[0].name);
}
