// The scoring model: a pure function from compact window aggregates (ScoreInputs) to
// an influence score 1..100 and its breakdown (ScoreResult): a base point plus five
// components with fixed maxima on every network. A component whose signal is missing is
// unknown: it keeps its maximum, scores nothing, and no other component takes its points. No I/O, no activity, no
// clock. The formula, every constant and a worked example are in docs/SCORING.md.
//
// Who uses what:
//  - the report engine (report/report.h) builds ScoreInputs from an Activity for the
//    91-day window ending at each day and calls score_inputs();
//  - the web app's WHAT-IF sliders call apply_what_if(report.what_if.inputs, params);
//  - the audience roster (a CSV of accounts) maps each row with inputs_from_aggregates().
//
// Determinism: every real number is quantised before it is used (component values to
// 1e-6, points to 1e-4, as integers), logarithms come from det_ln() (no libm), so the
// result is bit-identical in the native and the wasm build.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace clout {

// ---- constants (published in docs/SCORING.md; any change changes model_version())
namespace score_const {
constexpr int kWindowDays = 91;          // the rolling window, ending at the day scored (inclusive)
constexpr int kWeeks = 13;               // the window cut in 13 blocks of 7 days
constexpr int kHCap = 300;               // h-indexes are computed up to this value
constexpr double kReachCeiling = 1000000;        // followers at which reach is 1
constexpr double kAmpShrink = 10;                // posts added to the denominator of the reshared share
constexpr double kAmpHCeiling = 30;              // reshare h-index at which its half is 1
constexpr double kEngagementHCeiling = 300;      // reaction h-index at which engagement is 1
constexpr double kConversationCeiling = 150;     // qualifying replies at which conversation is 1
constexpr int kMaxReach = 25, kMaxAmplification = 20, kMaxEngagement = 34;  // audience group: 79
constexpr int kMaxConsistency = 10, kMaxConversation = 10;                  // activity group: 20
constexpr int kBasePoints = 1;           // every score starts here: base + the five maxima = 100
// Reactions (counted, or a filled-in mean's share) a published post needs to qualify; it also
// decides, since model 2's filled-in means, which posts such a mean leaves qualifying.
constexpr int kQualifyMinReactions = 1;
}  // namespace score_const

enum class ComponentId : uint8_t { Reach, Amplification, Engagement, Consistency, Conversation };
constexpr int kComponentCount = 5;
const char* component_id(ComponentId c);     // "reach", "amplification", ...
const char* component_label(ComponentId c);  // "Reach", "Amplification", ...

// The published constants as "name=value" lines, and the model version derived from
// them: "clout-score-2." + 8 hex digits of hash64(constants_table()). Model 1 (the same
// components, with the points of a missing signal given to the others) is gone; its share
// links still open, marked as model 1.
std::string constants_table();
std::string model_version();

// Deterministic natural logarithm (frexp + atanh series): the same bits everywhere.
double det_ln(double x);

// Where a filled signal came from: the export's own per-post or follower data, the
// export's aggregate insights (an estimate), a number the person typed, or a public count
// fetched from the network. Kept as bit sets (1 << Provenance) when several accounts mix.
enum class Provenance : uint8_t { Export = 0, Insights = 1, Typed = 2, Fetched = 3 };
constexpr int kProvenanceCount = 4;
const char* provenance_id(Provenance p);  // "export", "insights", "typed", "fetched"
// The ids of a bit set, in enum order ("export", "typed").
std::vector<std::string> provenance_ids(uint8_t bits);
inline uint8_t prov_bit(Provenance p) { return static_cast<uint8_t>(1u << static_cast<int>(p)); }

// Reactions per post estimated from a total over `posts` posts (aggregates spread evenly):
// the path roster rows and an export's insights share. 0 when there are no posts.
int64_t per_post_from_total(int64_t total, int64_t posts);

// Aggregates of ONE 91-day window (one network, or several combined). Counts are over
// "published posts": originals, quotes and replies (reposts never count).
struct ScoreInputs {
    int64_t followers = -1;            // -1 = unknown -> reach unavailable
    bool reactions_known = false;      // the export records reactions (likes/reposts/replies/quotes received)
    bool reshares_known = false;       // the export records reposts or quotes received
    bool replies_known = true;         // replies made are known (false only for roster rows without them)
    int64_t posts = 0;                 // published posts in the window
    int64_t posts_with_reactions = 0;  // published posts whose export records reactions
    int64_t posts_with_reshares = 0;   // published posts whose export records reshares
    int64_t reshared_posts = 0;        // ... of which reshared at least once
    int64_t reactions_total = 0;       // sum of reactions on those posts (display, what-if)
    int64_t reshares_total = 0;
    int64_t median_reactions = 0;      // per post (what-if: what an added post receives)
    int64_t median_reshares = 0;
    std::vector<int64_t> top_reactions;  // the largest per-post reaction counts, descending, at most kHCap
    std::vector<int64_t> top_reshares;   // the largest per-post reshare counts, descending, at most kHCap
    int64_t replies = 0;               // replies to other accounts
    int64_t qualifying_replies = 0;    // ... that received a reaction (or whose export records none)
    int weeks_active = 0;              // 7-day blocks (of 13) with a qualifying post
    // Provenance bit sets (prov_bit) of the filled signals; 0 = the signal is unknown.
    uint8_t followers_from = 0;        // reach
    uint8_t reactions_from = 0;        // engagement (reaction counts per post)
    uint8_t reshares_from = 0;         // amplification (reshare counts per post)
};

struct ComponentResult {
    ComponentId id = ComponentId::Reach;
    bool available = false;  // the signal is known (JSON "known"); unknown = no points, max kept
    int max_points = 0;      // the fixed maximum (25, 20, 34, 10, 10), known or not
    int64_t value_q = 0;     // component value in [0,1], in millionths (0 when unknown)
    int64_t points_q = 0;    // max_points * value, in ten-thousandths of a point (0 when unknown)
    int points = 0;          // whole points (largest remainder); base + the known ones = score
    bool known() const { return available; }
    double value() const { return static_cast<double>(value_q) / 1e6; }
    double points_exact() const { return static_cast<double>(points_q) / 1e4; }
};

struct ScoreResult {
    int score = 1;                     // 1..100 = base_points + the whole points of the known components
    int base_points = score_const::kBasePoints;
    int64_t exact_q = 10000;           // base + sum of points_q, in ten-thousandths
    std::array<ComponentResult, kComponentCount> components{};
    int h_reactions = 0, h_reshares = 0;  // the h-indexes used (capped at kHCap)
    double score_exact() const { return static_cast<double>(exact_q) / 1e4; }
    const ComponentResult& operator[](ComponentId c) const { return components[static_cast<int>(c)]; }
    // The maxima of the unknown components: points the score could not measure.
    int unmeasured_points() const;
    bool partial() const { return unmeasured_points() > 0; }
};

// h-index of a descending list, capped at kHCap: the largest h with h values >= h.
int h_index_desc(const std::vector<int64_t>& desc);

// The score of one window's aggregates.
ScoreResult score_inputs(const ScoreInputs& in);

// The scalar core the formula actually reads (ScoreInputs with the h-indexes taken).
// The report engine uses it for the daily trend; everyone else should use score_inputs().
struct ScoreCore {
    int64_t followers = -1;
    bool reactions_known = false, reshares_known = false, replies_known = true;
    int64_t posts_with_reshares = 0, reshared_posts = 0;
    int h_reactions = 0, h_reshares = 0;
    int64_t qualifying_replies = 0;
    int weeks_active = 0;
};
ScoreCore core_of(const ScoreInputs& in);
ScoreResult score_core(const ScoreCore& c);

// WHAT-IF: change a person's inputs and score again (the web app's sliders, and tips).
struct WhatIfParams {
    double posts_factor = 1.0;      // post this many times as often; added posts receive the
                                    // median reactions/reshares, removed posts are the least engaged
    double replies_factor = 1.0;    // reply to others this many times as often (same reaction rate)
    double reactions_factor = 1.0;  // every post receives this many times its reactions and reshares
    int64_t followers = -1;         // >= 0: this follower count instead
    int weeks_active = -1;          // 0..13: this many active weeks instead
};
ScoreInputs what_if_inputs(const ScoreInputs& in, const WhatIfParams& p);
ScoreResult apply_what_if(const ScoreInputs& in, const WhatIfParams& p);

// A row of aggregates over a period (the audience roster): followers, posts
// published, likes/reposts/replies received and replies made over `period_days`.
// Unknown values are -1. The row is scaled to the 91-day window and its reactions are
// assumed evenly spread over its posts (docs/SCORING.md, "Aggregates").
struct Aggregates {
    int64_t followers = -1;
    int64_t posts = 0;
    int64_t likes_received = -1;
    int64_t reposts_received = -1;
    int64_t replies_received = -1;
    int64_t replies_made = -1;
    int64_t period_days = score_const::kWindowDays;
};
ScoreInputs inputs_from_aggregates(const Aggregates& a);

// JSON text <-> ScoreInputs (the report's what_if.inputs object). from_json throws
// InputError on a malformed object.
std::string inputs_to_json(const ScoreInputs& in, int indent = -1);
ScoreInputs inputs_from_json(const std::string& text);

// Fixed-decimal text of q / 10^decimals ("12.3456"), for reports.
std::string format_fixed(int64_t q, int decimals);

}  // namespace clout
