// The report: from a normalized Activity to the full influence report (score,
// breakdown, per-network scores, daily trend, changes, activity statement, topics,
// top posts, engaged accounts, style, heatmap, tips, warnings), and its JSON
// (schema clout.report.v2, docs/REPORT.md) and plain-text forms.
//
// Cost: O(days + posts) for the trend (per-day counts, prefix sums and a sliding
// 101-bucket histogram for the h-indexes; see docs/SCORING.md "Trend"), plus one pass
// per network over the window's posts. No clock is read: the as-of day comes from the
// exports (Account::export_time, else the newest activity) or from the options.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/activity.h"
#include "score/score.h"
#include "util/tz.h"

namespace clout {

constexpr int64_t kNoDay = INT64_MIN;

// Signals the person (typed) or a public lookup (fetched) supplies for accounts whose
// export lacks them. Typed values never replace per-post counts an export has; a follower
// count replaces the export's only when `network` names the account's network.
// Public counts fetched on request are real counts and join the activity itself
// (fetch/public_counts.h, Account::fetched): the report marks them "fetched" with the host.
struct SuppliedSignals {
    int network = -1;                 // a Network as int; -1 = every account that lacks the signal
    int64_t followers = -1;           // -1 = not supplied
    // Per post, on average; taken to two decimals (a post is reshared 0.4 times: about 2 in 5).
    double reactions_per_post = -1;  // everything a post receives: likes, reposts, replies, quotes
    double reshares_per_post = -1;   // reposts and quotes a post receives
    Provenance provenance = Provenance::Typed;  // Typed or Fetched
    std::string host;                 // fetched: the server asked (e.g. "bsky.social")
    int64_t day = 0;                  // fetched: the day the counts were read (0 = unknown)
};

struct ReportOptions {
    int64_t as_of_day = kNoDay;  // day number (days since 1970-01-01); kNoDay = the export's own date
    int trend_days = 365;        // days in the trend, ending at as_of
    // The person's time zone for the hour-of-day views (the heatmap): its name and offsets
    // over time, given by the front end (util/tz.h). Days and windows of the score stay UTC.
    TimeZone zone;
    std::vector<SuppliedSignals> supplied;
};

// Sets Account::followers_supplied from a count the person typed in: on every account
// whose export has no follower count; when every account has one, on all of them (the
// person's count is newer than the export's).
void supply_followers(Activity& a, int64_t followers);

// The as-of day the report uses by default (kNoDay when the activity holds no date).
int64_t default_as_of_day(const Activity& a);

struct TrendPoint {
    int64_t day = 0;
    int score = 1;
    int64_t exact_q = 10000;
    std::array<int, kComponentCount> points{};  // whole points; unknown components hold 0
};

struct NetworkScore {
    Network network = Network::X;
    ScoreInputs inputs;
    ScoreResult result;
};

struct StatementPost {
    Network network = Network::X;
    uint64_t id = 0;
    IdKind id_kind = IdKind::Decimal;
    int64_t time = 0;
    PostKind kind = PostKind::Original;
    int64_t reactions = -1;   // -1 unknown
    int64_t points_q = 0;     // signed, ten-thousandths: what the post added (entered) or took away (left)
    std::string snippet;
};

struct ActivityStatement {
    int64_t from_day = 0, to_day = 0;   // as_of - 30 .. as_of
    int64_t entered_count = 0, left_count = 0;
    int entered_points = 0, left_points = 0, calendar_points = 0;  // add up to change.d30
    std::vector<StatementPost> entered, left;  // the largest effects, at most 20 each
};

// weight: the posts carrying the term, each weighted by its response (docs/REPORT.md, topics).
struct Topic { std::string term; bool hashtag = false; int64_t posts = 0; int64_t reactions = 0; int64_t weight = 0; };
struct TopPost {
    Network network = Network::X;
    uint64_t id = 0;
    IdKind id_kind = IdKind::Decimal;
    int64_t time = 0;
    PostKind kind = PostKind::Original;
    int32_t likes = -1, reposts = -1, replies = -1, quotes = -1;
    int64_t reactions = 0;
    std::string snippet;
};
struct EngagedAccount {
    std::string account;
    int64_t replies = 0, mentions = 0, reposts = 0, quotes = 0, likes = 0;
    int64_t total() const { return replies + mentions + reposts + quotes + likes; }
};
struct Style {
    std::string id, label, description;
    double creating_share = 0, conversation_share = 0;  // rounded to 4 decimals
    bool high_response = false;
    std::string response;  // "strong", "modest", or "unknown" when the exports hold no reactions
};
struct Tip {
    std::string id, text;
    WhatIfParams params;
    int points = 0;           // whole-score change if done
    int64_t points_q = 0;     // exact change, ten-thousandths
};
struct SourceInfo {
    Network network = Network::X;
    std::string format, account, source_name;
    int64_t posts = 0, replies = 0, reposts = 0, likes_given = 0, followers = -1, following = -1,
            followers_supplied = -1;
    int64_t first_post = 0, last_post = 0;  // unix seconds; 0 = none
    std::vector<std::string> lacks, notes;
    // Provenance (prov_bit sets, 0 = unknown) of this account's follower count and of its
    // reaction and reshare counts per post, and the per-post values filled in, in hundredths
    // (40 = 0.4 a post; -1 = none).
    uint8_t followers_from = 0, reactions_from = 0, reshares_from = 0;
    int64_t reactions_per_post_filled_c = -1, reshares_per_post_filled_c = -1;
    // Public counts fetched for this account: the host asked and the day (days since
    // 1970-01-01; 0 = not known). Empty host = nothing fetched.
    std::string fetched_host;
    int64_t fetched_day = 0;
};

// A warning as data: `code` names the case, `text` says it in words that fit every front
// end, and `fix` names what the person can give to lift it ("followers", "reactions" or
// ""), which each front end words its own way (the CLI: --followers N; the page: its fields).
struct ReportWarning {
    std::string code;   // e.g. "no_followers", "no_reactions", "import"
    std::string text;
    std::string fix;
    std::vector<Network> networks;
};

struct Report {
    std::string model;
    int64_t as_of_day = 0;
    ScoreInputs inputs;          // combined, window ending at as_of
    ScoreResult result;          // combined score
    std::vector<NetworkScore> networks;
    std::vector<TrendPoint> trend;  // ascending, last = as_of
    int d1 = 0, d7 = 0, d30 = 0;
    std::array<int, kComponentCount> components_d30{};
    ActivityStatement statement;
    std::vector<SourceInfo> sources;
    std::vector<Topic> topics;
    std::vector<TopPost> top_posts;
    std::vector<EngagedAccount> engaged_accounts;
    Style style;
    std::array<std::array<int64_t, 24>, 7> heatmap{};  // [weekday Monday=0][hour], local time, window posts
    std::string heatmap_zone = "UTC";                  // ReportOptions::zone's name
    std::vector<std::string> heatmap_abbreviations;    // in effect during the window: "CET", "CEST"
    std::string heatmap_label = "Times in UTC";        // "Times in Europe/Berlin (CET/CEST)"
    std::vector<Tip> tips;
    std::vector<std::string> warnings;           // = warning_details[i].text, in order
    std::vector<ReportWarning> warning_details;
};

// Decimals of the fixed reals the JSON prints: score_exact and points_exact are
// ten-thousandths (exact_q, points_q), a component's value millionths (value_q). Readers
// that print them again (the CSV) use format_fixed with these, from the integers.
constexpr int kExactDecimals = 4;
constexpr int kValueDecimals = 6;

// Provenance bits (prov_bit) of the input one component reads; 0 when it is unknown.
uint8_t component_provenance_bits(ComponentId id, const ScoreInputs& in);

// A per-post value in hundredths as a person reads it and the JSON prints it: "6", "0.4", "2.35".
std::string per_post_text(int64_t hundredths);

// The CLI's wording of a warning's fix ("" when it has none).
std::string warning_fix_cli(const ReportWarning& w);

// Builds the report. The activity must be normalized (Activity::normalize()).
// Throws InputError when there is nothing dated to score and no as-of day is given.
Report build_report(const Activity& a, const ReportOptions& opt = {});

// Deterministic JSON (2-space indent, fixed key order, reals as fixed decimals).
std::string report_to_json(const Report& r);
// A short readable summary for the terminal.
std::string report_to_text(const Report& r);

// The JSON read back (report_read.cpp), the one reader of the schema: for every text t
// that report_to_json wrote, report_to_json(report_from_json(t)) == t, byte for byte.
// What the JSON does not print stays at the struct's default (TrendPoint::exact_q; of a
// network's inputs, those its components do not show). Throws InputError naming the
// member and what is wrong with it ("report: 'top_posts[3].time' is not a time ...").
Report report_from_json(std::string_view text);

// The same reader a member at a time, for a page that takes a report in short tasks
// (src/web/bridge.cpp): each top-level member of the JSON object once, in any order, then
// finish(), which checks that none is missing. trend() takes the trend already typed
// instead of the "trend" member. Every call throws InputError on a bad member.
class ReportReader {
public:
    void member(std::string_view key, std::string_view json_text);
    void member_value(std::string_view key, const nlohmann::json& value);  // the member already parsed
    void trend(std::vector<TrendPoint> points);
    Report finish();

private:
    Report report_;
    ScoreInputs from_components_;  // what the combined components print, checked against what_if.inputs
    uint32_t seen_ = 0;            // members taken, a bit each
    std::string partial_;          // the combined score's "partial", checked against its components at the end
};

}  // namespace clout
