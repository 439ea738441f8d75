// Share links (src/core/share/share_link.h) and the report CSV (report_csv.h).
// Expected values come from the report itself (report_to_json / Report fields) and, for
// the byte layout, from payloads assembled by hand here with zlib's CRC-32 (the test
// generators' crc32_of) and a bit-by-bit base64url written for this test: an encoder and
// decoder that agreed only with each other would not pass.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "score_helpers.h"
#include "share/report_csv.h"
#include "share/share_link.h"
#include "zip_writer.h"

using namespace clout;
using namespace score_test;

namespace {

std::string test_b64url(const std::string& bytes) {
    const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string bits;
    for (unsigned char ch : bytes)
        for (int k = 7; k >= 0; --k) bits += ((ch >> k) & 1) ? '1' : '0';
    while (bits.size() % 6) bits += '0';
    std::string out;
    for (size_t i = 0; i < bits.size(); i += 6) out += abc[std::stoi(bits.substr(i, 6), nullptr, 2)];
    return out;
}

std::string le16(int v) { return {static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF)}; }
std::string le32(uint32_t v) { return le16(static_cast<int>(v & 0xFFFF)) + le16(static_cast<int>(v >> 16)); }

// A format-1 (score model 1) payload assembled field by field (see the layout in share_link.h).
struct RawCard {
    int format = 1, score = 42, d1 = 1, d7 = 3, d30 = -5;
    std::vector<int> points = {10, 8, 15, 6, 2}, max_points = {25, 20, 34, 10, 10};
    int as_of = 19844;  // 2024-05-01
    int major = 1;
    uint32_t hash = 0x9167511d;
    int mask = 0b101;   // X, Bluesky
    std::vector<int> net_scores = {40, 30};
    std::vector<int> trend = {30, 35, 39, 42};
    std::string name = "Ada";
    std::string bytes() const {
        std::string b;
        for (int v : {format, score}) b += static_cast<char>(v);
        for (int v : {d1, d7, d30}) b += static_cast<char>(static_cast<int8_t>(v));
        for (int v : points) b += static_cast<char>(v);
        for (int v : max_points) b += static_cast<char>(v);
        b += le16(as_of);
        b += static_cast<char>(major);
        b += le32(hash);
        b += le16(mask);
        for (int v : net_scores) b += static_cast<char>(v);
        b += static_cast<char>(trend.size());
        for (int v : trend) b += static_cast<char>(v);
        b += static_cast<char>(name.size());
        b += name;
        return b;
    }
    std::string payload() const {
        const std::string b = bytes();
        return test_b64url(b + le32(gen::crc32_of(b)));
    }
};

// A format-2 payload assembled field by field: the inputs of each score, then its stated
// points and score.
struct RawScore {
    int known = 0b1111, prov1 = 0x11, prov2 = 0x01;  // followers and reactions: export; reshares: export
    int64_t followers = 1000;
    int64_t posts_with_reshares = 40, reshared_posts = 12, h_reactions = 7, h_reshares = 3, qualifying_replies = 20;
    int weeks_active = 11;
    std::vector<int> points = {13, 6, 12, 9, 6};  // the worked example of docs/SCORING.md
    int score = 47;
    static std::string varint(uint64_t v) {
        std::string b;
        while (v >= 0x80) {
            b += static_cast<char>((v & 0x7F) | 0x80);
            v >>= 7;
        }
        return b + static_cast<char>(v);
    }
    std::string bytes() const {
        std::string b;
        b += static_cast<char>(known);
        b += static_cast<char>(prov1);
        b += static_cast<char>(prov2);
        if (known & 1) b += varint(static_cast<uint64_t>(followers));
        for (int64_t v : {posts_with_reshares, reshared_posts, h_reactions, h_reshares, qualifying_replies})
            b += varint(static_cast<uint64_t>(v));
        b += static_cast<char>(weeks_active);
        for (int v : points) b += static_cast<char>(v);
        b += static_cast<char>(score);
        return b;
    }
};

struct RawCard2 {
    int format = 2, score = 47, d1 = 1, d7 = 3, d30 = -5;
    int as_of = 19844;  // 2024-05-01
    RawScore combined;
    int mask = 0b1;  // X
    std::vector<RawScore> nets = {RawScore()};
    std::vector<int> trend = {30, 35, 44, 47};
    std::string name = "Ada";
    std::string bytes() const {
        std::string b;
        for (int v : {format, score}) b += static_cast<char>(v);
        for (int v : {d1, d7, d30}) b += static_cast<char>(static_cast<int8_t>(v));
        b += le16(as_of);
        b += static_cast<char>(2);
        b += le32(static_cast<uint32_t>(std::stoul(model_version().substr(14), nullptr, 16)));
        b += combined.bytes();
        b += le16(mask);
        for (const auto& n : nets) b += n.bytes();
        b += static_cast<char>(trend.size());
        for (int v : trend) b += static_cast<char>(v);
        b += static_cast<char>(name.size());
        b += name;
        return b;
    }
    std::string payload() const {
        const std::string b = bytes();
        return test_b64url(b + le32(gen::crc32_of(b)));
    }
};

std::string decode_error(const std::string& payload) {
    try {
        decode_share(payload);
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

Activity multi_network(uint64_t seed) {
    Activity a;
    gen::add_profile_activity(a, gen::Profile::SmallBusiness, opts(seed, Network::X));
    gen::add_profile_activity(a, gen::Profile::Median, opts(seed + 1, Network::Mastodon));
    gen::add_profile_activity(a, gen::Profile::Professional, opts(seed + 2, Network::Bluesky));
    a.normalize();
    return a;
}

}  // namespace

TEST_CASE("share link: a hand-assembled format-2 payload decodes to its inputs, and the viewer recomputes them") {
    RawCard2 raw;
    const ShareCard c = decode_share(raw.payload());
    CHECK(c.format == 2);
    CHECK(c.score == 47);
    CHECK(c.base_points == 1);
    CHECK(c.points == std::array<int, 5>{13, 6, 12, 9, 6});
    CHECK(c.max_points == std::array<int, 5>{25, 20, 34, 10, 10});
    CHECK(c.model == model_version());
    CHECK(c.combined.core.followers == 1000);
    CHECK(c.combined.core.h_reactions == 7);
    CHECK(c.combined.core.h_reshares == 3);
    CHECK(c.combined.core.qualifying_replies == 20);
    CHECK(c.combined.core.weeks_active == 11);
    REQUIRE(c.networks.size() == 1);
    CHECK(c.networks[0] == std::pair<Network, int>(Network::X, 47));
    CHECK(c.name == "Ada");
    CHECK(encode_share(c) == raw.payload());
    const auto j = nlohmann::json::parse(card_to_json(c));
    CHECK(j["model_major"] == 2);
    CHECK(j["base_points"] == 1);
    CHECK(j["partial"].is_null());
    int sum = j["base_points"].get<int>();
    for (const auto& comp : j["components"]) sum += comp["points"].get<int>();
    CHECK(sum == j["score"].get<int>());

    // Unknown followers and reactions: the card says which and how many points.
    RawCard2 p;
    p.combined.known = 0b1100;  // reshares and replies known
    p.combined.prov1 = 0;
    p.combined.h_reactions = 0;
    ScoreCore core;
    core.followers = -1;
    core.reshares_known = true;
    core.replies_known = true;
    core.posts_with_reshares = 40;
    core.reshared_posts = 12;
    core.h_reshares = 3;
    core.qualifying_replies = 20;
    core.weeks_active = 11;
    const ScoreResult expect = score_core(core);
    p.combined.score = expect.score;
    for (size_t i = 0; i < 5; ++i) p.combined.points[i] = expect.components[i].points;
    p.score = expect.score;
    p.nets = {p.combined};
    p.trend = {expect.score};
    p.d7 = p.d1 = p.d30 = 0;
    const ShareCard pc = decode_share(p.payload());
    const auto pj = nlohmann::json::parse(card_to_json(pc));
    CHECK(pj["partial"]["unmeasured_points"] == 59);
    CHECK(pj["partial"]["unknown"] == nlohmann::json::array({"reach", "engagement"}));
    CHECK(pj["components"][0]["points"].is_null());
    CHECK(pj["components"][0]["known"] == false);
    CHECK(pj["components"][0]["max_points"] == 25);
    CHECK(pj["networks"][0]["partial"]["unmeasured_points"] == 59);
}

TEST_CASE("share link: a link whose stated numbers disagree with its inputs opens as damaged") {
    RawCard2 r;
    r.combined.score = 48;  // the inputs give 47
    r.score = 48;
    r.trend = {48};
    r.d1 = r.d7 = r.d30 = 0;
    r.combined.points = {14, 6, 12, 9, 6};
    CHECK(decode_error(r.payload()).find("damaged") != std::string::npos);
    CHECK(decode_error(r.payload()).find("stated as 48 while its inputs give 47") != std::string::npos);
    r = RawCard2();
    r.combined.points = {12, 7, 12, 9, 6};  // the same sum, points moved from reach to amplification
    CHECK(decode_error(r.payload()).find("damaged") != std::string::npos);
    r = RawCard2();
    r.combined.followers = 1000000;  // inputs changed, stated numbers kept
    CHECK(decode_error(r.payload()).find("inputs give") != std::string::npos);
    r = RawCard2();
    r.nets[0].weeks_active = 2;  // a network's inputs disagree with its score
    CHECK(decode_error(r.payload()).find("X score") != std::string::npos);
    r = RawCard2();
    r.combined.h_reactions = 301;
    CHECK(decode_error(r.payload()).find("out of range") != std::string::npos);
    r = RawCard2();
    r.combined.known = 0b1110;  // followers unknown while reach holds 13 points
    CHECK(!decode_error(r.payload()).empty());
}

TEST_CASE("share link: a model-1 link still opens, marked as model 1") {
    RawCard raw;
    const ShareCard c = decode_share(raw.payload());
    CHECK(c.format == 1);
    CHECK(c.base_points == 0);
    const auto j = nlohmann::json::parse(card_to_json(c));
    CHECK(j["model_major"] == 1);
    CHECK(j["model"] == "clout-score-1.9167511d");
    CHECK_THROWS_AS(encode_share(c), InputError);  // it is shown, never re-shared as model 2
}

TEST_CASE("share link: a hand-assembled model-1 payload decodes to its fields") {
    RawCard raw;
    const ShareCard c = decode_share(raw.payload());
    CHECK(c.score == 42);
    CHECK(c.d1 == 1);
    CHECK(c.d7 == 3);
    CHECK(c.d30 == -5);
    CHECK(c.points == std::array<int, 5>{10, 8, 15, 6, 2});
    CHECK(c.max_points == std::array<int, 5>{25, 20, 34, 10, 10});
    CHECK(format_day(c.as_of_day) == "2024-05-01");
    CHECK(c.model == "clout-score-1.9167511d");
    REQUIRE(c.networks.size() == 2);
    CHECK(c.networks[0] == std::pair<Network, int>(Network::X, 40));
    CHECK(c.networks[1] == std::pair<Network, int>(Network::Bluesky, 30));
    CHECK(c.trend == std::vector<int>{30, 35, 39, 42});
    CHECK(c.name == "Ada");
    // A whole link, or "s=...", is read the same.
    CHECK(decode_share("https://example.org/clout/#s=" + raw.payload()).score == 42);
    CHECK(decode_share("s=" + raw.payload()).score == 42);
    CHECK(share_crc32(reinterpret_cast<const uint8_t*>("123456789"), 9) == 0xCBF43926u);
}

TEST_CASE("share link: round trip from real reports, every profile and several networks") {
    std::vector<Activity> acts;
    for (auto p : gen::all_profiles()) acts.push_back(gen::make_activity(p, opts(7)));
    acts.push_back(gen::make_activity(gen::Profile::Median, opts(8, Network::Mastodon)));
    acts.push_back(gen::make_activity(gen::Profile::Median, opts(9, Network::Reddit)));
    acts.push_back(multi_network(10));
    for (const Activity& a : acts) {
        const Report r = build_report(a);
        const std::string json = report_to_json(r);
        const ShareCard c = card_from_report_json(json);
        CHECK(card_to_json(card_from_report(r)) == card_to_json(c));  // typed and from the text: one card
        CHECK(c.score == r.result.score);
        CHECK(c.d1 == r.d1);
        CHECK(c.d7 == r.d7);
        CHECK(c.d30 == r.d30);
        CHECK(c.as_of_day == r.as_of_day);
        CHECK(c.model == r.model);
        for (size_t i = 0; i < 5; ++i) {
            CHECK(c.points[i] == r.result.components[i].points);
            CHECK(c.max_points[i] == r.result.components[i].max_points);
            CHECK(c.known[i] == r.result.components[i].available);
        }
        // the card's numbers add up: base + known points = score
        int sum = c.base_points;
        for (size_t i = 0; i < 5; ++i) sum += c.known[i] ? c.points[i] : 0;
        CHECK(sum == c.score);
        REQUIRE(c.networks.size() == r.networks.size());
        for (size_t i = 0; i < c.networks.size(); ++i) {
            CHECK(c.networks[i].first == r.networks[i].network);
            CHECK(c.networks[i].second == r.networks[i].result.score);
        }
        // Weekly: the trend's score on as_of - 7k, k = 52..0.
        REQUIRE(c.trend.size() == 53);
        for (size_t k = 0; k < 53; ++k) CHECK(c.trend[52 - k] == r.trend[r.trend.size() - 1 - 7 * k].score);
        const std::string payload = encode_share(c);
        CHECK(payload.size() < 400);
        const ShareCard back = decode_share(payload);
        CHECK(card_to_json(back) == card_to_json(c));
        CHECK(encode_share(back) == payload);
    }
}

TEST_CASE("share link: the display name is included only when given, cleaned and capped") {
    const std::string json = report_to_json(build_report(multi_network(3)));
    CHECK(card_from_report_json(json).name.empty());
    CHECK(card_from_report_json(json, "  Ada \t Lovelace\n").name == "Ada Lovelace");
    CHECK(card_from_report_json(json, "a\x01" "b\x7f" "c\xC2\x85" "d").name == "a b c d");
    // Markup is kept as the text it is: the page renders names as text only.
    const std::string markup = "<img src=x onerror=alert(1)>";
    CHECK(decode_share(encode_share(card_from_report_json(json, markup))).name == markup);
    // 64 bytes at most, never cutting a character (each "é" is two bytes).
    std::string long_name;
    for (int i = 0; i < 40; ++i) long_name += "\xC3\xA9";
    const ShareCard c = card_from_report_json(json, "x" + long_name);
    CHECK(c.name.size() == 63);
    CHECK(decode_share(encode_share(c)).name == c.name);
    // Invalid UTF-8 becomes U+FFFD.
    CHECK(card_from_report_json(json, "a\xFF").name == "a\xEF\xBF\xBD");
    // The longest card (every network, a 64-byte name) still makes a short link.
    ShareCard big = c;
    big.networks.clear();
    big.network_scores.clear();
    for (int i = 0; i < kNetworkCount; ++i) {
        big.networks.emplace_back(static_cast<Network>(i), big.combined.score);
        big.network_scores.push_back(big.combined);
    }
    big.name = std::string(64, 'W');
    const std::string link = "https://someone.github.io/some/long/folder/name/#s=" + encode_share(big);
    CHECK(link.size() < 700);
    CHECK(link.size() <= kShareLinkMax);
}

// The page takes the card from the import worker as a payload without a name and adds the
// name itself (src/web/bridge_share.cpp clout_web_share_set_card): the same card and link as
// card_from_report_json with the name.
TEST_CASE("share link: the worker's nameless card plus share_clean_name is the named card") {
    const std::string json = report_to_json(build_report(multi_network(3)));
    for (const std::string& name : std::vector<std::string>{"", "  Ada \t Lovelace\n", "a\x01" "b\x7f" "c\xC2\x85" "d", "a\xFF", std::string(70, 'W')}) {
        ShareCard c = decode_share(encode_share(card_from_report_json(json)));
        c.name = share_clean_name(name);
        const ShareCard direct = card_from_report_json(json, name);
        CHECK(card_to_json(c) == card_to_json(direct));
        CHECK(encode_share(c) == encode_share(direct));
    }
}

TEST_CASE("share link: damage gives a clear message, never a card") {
  for (const std::string& good : {RawCard().payload(), RawCard2().payload()}) {
    CHECK(decode_error(good).empty());

    CHECK(decode_error("").find("empty") != std::string::npos);
    CHECK(decode_error("https://x/#s=").find("empty") != std::string::npos);
    CHECK(decode_error(good.substr(0, 10) + "!" + good.substr(11)).find("characters") != std::string::npos);
    CHECK(decode_error(std::string(3000, 'A')).find("too long") != std::string::npos);

    // Every truncation fails, with a message about length or checksum.
    for (size_t n = 1; n < good.size(); ++n) {
        const std::string e = decode_error(good.substr(0, n));
        CHECK_MESSAGE(!e.empty(), n);
    }
    // Every one-character change fails (CRC-32 catches every burst of up to 32 bits).
    const std::string abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int tried = 0;
    for (size_t i = 0; i < good.size(); ++i)
        for (char ch : {'A', 'q', '7', '_'}) {
            if (good[i] == ch) continue;
            std::string t = good;
            t[i] = ch;
            ++tried;
            CHECK_MESSAGE(!decode_error(t).empty(), "position " << i << " -> " << ch);
        }
    CHECK(tried > 200);
    // Extra data after the checksum.
    CHECK(!decode_error(good + "AAAA").empty());
  }
}

TEST_CASE("share link: version, lengths and values are checked even under a valid checksum") {
    RawCard r;
    r.format = 3;
    CHECK(decode_error(r.payload()).find("newer version of clout") != std::string::npos);
    r.format = 0;
    CHECK(decode_error(r.payload()).find("does not start like a clout link") != std::string::npos);

    r = RawCard();
    r.score = 101;
    CHECK(decode_error(r.payload()).find("impossible values") != std::string::npos);
    r = RawCard();
    r.points = {10, 8, 15, 6, 3};  // adds up to 42, not 41
    CHECK(decode_error(r.payload()).find("add") != std::string::npos);
    r = RawCard();
    r.points = {26, 0, 10, 5, 0};  // 26 of 25
    CHECK(decode_error(r.payload()).find("26 of 25 points for Reach") != std::string::npos);
    r = RawCard();
    r.max_points = {25, 20, 34, 10, 11};
    CHECK(decode_error(r.payload()).find("worth") != std::string::npos);
    r = RawCard();
    r.d30 = 42;  // would mean a score of 0 thirty days ago
    CHECK(decode_error(r.payload()).find("change") != std::string::npos);
    r = RawCard();
    r.trend = {30, 35, 39, 41};  // does not end at 42
    CHECK(decode_error(r.payload()).find("does not end at the score") != std::string::npos);
    r = RawCard();
    r.d7 = 4;  // the trend says 3
    r.trend = {30, 35, 39, 42};
    CHECK(decode_error(r.payload()).find("7-day change") != std::string::npos);
    r = RawCard();
    r.trend = {0, 42};
    CHECK(decode_error(r.payload()).find("trend point of 0") != std::string::npos);
    r = RawCard();
    r.trend.clear();
    CHECK(decode_error(r.payload()).find("trend of the wrong length") != std::string::npos);
    r = RawCard();
    r.mask = 1 << 9;
    r.net_scores = {40};
    CHECK(decode_error(r.payload()).find("unknown network") != std::string::npos);
    r = RawCard();
    r.mask = 0;
    r.net_scores = {};
    CHECK(decode_error(r.payload()).find("no network") != std::string::npos);
    r = RawCard();
    r.net_scores = {40, 0};
    CHECK(decode_error(r.payload()).find("Bluesky score of 0") != std::string::npos);
    r = RawCard();
    r.name = "a\nb";
    CHECK(decode_error(r.payload()).find("name") != std::string::npos);
    r = RawCard();
    r.name = std::string(65, 'x');
    CHECK(decode_error(r.payload()).find("too long") != std::string::npos);
    r = RawCard();
    r.major = 0;
    CHECK(decode_error(r.payload()).find("model version") != std::string::npos);
    // The count of network scores must match the bits: one score too few shifts everything.
    r = RawCard();
    r.net_scores = {40};
    CHECK(!decode_error(r.payload()).empty());
}

TEST_CASE("share link: card_from_report_json refuses what is not a report") {
    CHECK_THROWS_AS(card_from_report_json("not json"), InputError);
    CHECK_THROWS_AS(card_from_report_json("{}"), InputError);
    CHECK_THROWS_AS(card_from_report_json("{\"schema\":\"clout.report.v2\",\"score\":\"high\"}"), InputError);
    // a model-1 report (schema v1) is not shared as a model-2 card
    CHECK_THROWS_AS(card_from_report_json("{\"schema\":\"clout.report.v1\",\"score\":40}"), InputError);
    CHECK_THROWS_AS(card_from_report_json("[1,2]"), InputError);
    CHECK_THROWS_WITH(card_from_report_json("{\"schema\":\"clout.roster.v1\"}"),
                      doctest::Contains("This is not a clout report: its schema is not clout.report.v2"));
    Report r = build_report(gen::make_activity(gen::Profile::Median, opts(3)));
    r.trend.clear();  // no trend: nothing to draw on a card
    CHECK_THROWS_WITH_AS(card_from_report(r), "This is not a clout report: it has no trend.", InputError);
}

TEST_CASE("report CSV: rows, columns and values agree with the report") {
    const Report r = build_report(multi_network(5));
    const std::string csv = report_csv(r);
    CHECK(csv == report_csv_from_json(report_to_json(r)));
    std::vector<std::string> lines;
    size_t pos = 0;
    while (pos < csv.size()) {
        const size_t nl = csv.find('\n', pos);
        REQUIRE(nl != std::string::npos);
        lines.push_back(csv.substr(pos, nl - pos));
        pos = nl + 1;
    }
    CHECK(lines[0] == "section,date,network,component,score,score_exact,points,points_exact,max_points,value,known,"
                      "provenance,unmeasured_points");
    const size_t nets = r.networks.size();
    CHECK(nets == 3);
    CHECK(lines.size() == 1 + 7 + nets * 7 + 365);
    for (const auto& l : lines) CHECK(std::count(l.begin(), l.end(), ',') == 12);
    const std::string day = format_day(r.as_of_day);
    CHECK(lines[1] == "score," + day + ",all,," + std::to_string(r.result.score) + "," +
                          format_fixed(r.result.exact_q, 4) + ",,,,,,," + std::to_string(r.result.unmeasured_points()));
    CHECK(lines[2] == "component," + day + ",all,base,,,1,1.0000,1,,true,,");
    for (size_t i = 0; i < 5; ++i) {
        const auto& c = r.result.components[i];
        const std::string value = c.available ? format_fixed(c.value_q, 6) : "";
        std::string prov;
        for (const auto& id : provenance_ids(component_provenance_bits(c.id, r.inputs))) prov += (prov.empty() ? "" : "+") + id;
        CHECK(lines[3 + i] == "component," + day + ",all," + component_id(c.id) + ",,," +
                                  (c.available ? std::to_string(c.points) : std::string()) + "," +
                                  (c.available ? format_fixed(c.points_q, 4) : std::string()) + "," +
                                  std::to_string(c.max_points) + "," + value + "," + (c.available ? "true" : "false") +
                                  "," + prov + ",");
    }
    // Each section's points column adds up to its score.
    {
        std::string section;
        int sum = 0, score = -1;
        auto cell = [](const std::string& l, int k) {
            size_t a = 0;
            for (int i = 0; i < k; ++i) a = l.find(',', a) + 1;
            return l.substr(a, l.find(',', a) - a);
        };
        int sections = 0;
        for (size_t i = 1; i < lines.size(); ++i) {
            const std::string kind = cell(lines[i], 0);
            if (kind == "score" || kind == "trend") {
                if (score >= 0) {
                    CHECK(sum == score);
                    ++sections;
                }
                score = kind == "score" ? std::stoi(cell(lines[i], 4)) : -1;
                sum = 0;
            } else if (kind == "component" && !cell(lines[i], 6).empty()) {
                sum += std::stoi(cell(lines[i], 6));
            }
        }
        CHECK(sections == 4);
    }
    CHECK(lines[8].rfind("score," + day + ",x,,", 0) == 0);
    CHECK(lines[8].substr(lines[8].size() - 2) == ",0");  // X measures everything
    CHECK(lines[15].rfind("score," + day + ",mastodon,,", 0) == 0);
    // Mastodon exports carry no follower count: reach is unknown, its points and value empty.
    CHECK(lines[17] == "component," + day + ",mastodon,reach,,,,,25,,false,,");
    for (size_t k = 0; k < 365; ++k) {
        const auto& t = r.trend[k];
        CHECK(lines[1 + 7 + nets * 7 + k] == "trend," + format_day(t.day) + ",all,," + std::to_string(t.score) + ",,,,,,,,");
    }
    CHECK_THROWS_AS(report_csv_from_json("{\"schema\":\"other\"}"), InputError);
    CHECK_THROWS_AS(report_csv_from_json("{"), InputError);
}
