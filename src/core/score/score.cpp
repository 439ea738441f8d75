#include "score/score.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "model/activity.h"
#include "util/error.h"

namespace clout {

using namespace score_const;

namespace {

const char* const kCompIds[kComponentCount] = {"reach", "amplification", "engagement", "consistency", "conversation"};
const char* const kCompLabels[kComponentCount] = {"Reach", "Amplification", "Engagement", "Consistency",
                                                  "Conversation"};
const int kBaseMax[kComponentCount] = {kMaxReach, kMaxAmplification, kMaxEngagement, kMaxConsistency,
                                       kMaxConversation};

// L(x; c) = min(1, ln(1+x) / ln(1+c)), quantised to millionths.
int64_t log_sat_q(double x, double c) {
    if (x <= 0) return 0;
    // the ceilings' logarithms, computed once
    static const double ln_reach = det_ln(1.0 + kReachCeiling), ln_amp = det_ln(1.0 + kAmpHCeiling),
                        ln_eng = det_ln(1.0 + kEngagementHCeiling), ln_conv = det_ln(1.0 + kConversationCeiling);
    const double den = c == kReachCeiling ? ln_reach
                       : c == kAmpHCeiling ? ln_amp
                       : c == kEngagementHCeiling ? ln_eng
                       : c == kConversationCeiling ? ln_conv
                                                   : det_ln(1.0 + c);
    double v = det_ln(1.0 + x) / den;
    if (v >= 1.0) return 1000000;
    return std::llround(v * 1e6);
}

}  // namespace

const char* component_id(ComponentId c) { return kCompIds[static_cast<int>(c)]; }
const char* component_label(ComponentId c) { return kCompLabels[static_cast<int>(c)]; }

const char* provenance_id(Provenance p) {
    switch (p) {
        case Provenance::Export: return "export";
        case Provenance::Insights: return "insights";
        case Provenance::Typed: return "typed";
        case Provenance::Fetched: return "fetched";
    }
    return "export";
}

std::vector<std::string> provenance_ids(uint8_t bits) {
    std::vector<std::string> out;
    for (int i = 0; i < kProvenanceCount; ++i)
        if (bits & (1u << i)) out.push_back(provenance_id(static_cast<Provenance>(i)));
    return out;
}

int64_t per_post_from_total(int64_t total, int64_t posts) { return posts > 0 && total > 0 ? total / posts : 0; }

int ScoreResult::unmeasured_points() const {
    int n = 0;
    for (const auto& c : components)
        if (!c.available) n += c.max_points;
    return n;
}

double det_ln(double x) {
    if (!(x > 0)) return -HUGE_VAL;
    int e = 0;
    double m = std::frexp(x, &e);  // x = m * 2^e, m in [0.5, 1)
    if (m < 0.70710678118654752440) {
        m *= 2.0;
        e -= 1;
    }
    // ln(m) = 2 atanh(z), z = (m-1)/(m+1), |z| <= 0.1716
    const double z = (m - 1.0) / (m + 1.0);
    const double z2 = z * z;
    double term = z, sum = 0.0;
    for (int k = 0; k < 16; ++k) {
        sum += term / static_cast<double>(2 * k + 1);
        term *= z2;
    }
    return 2.0 * sum + static_cast<double>(e) * 0.69314718055994530942;
}

std::string constants_table() {
    struct C { const char* name; double v; };
    const C table[] = {
        {"window_days", kWindowDays},
        {"weeks", kWeeks},
        {"h_cap", kHCap},
        {"reach_ceiling_followers", kReachCeiling},
        {"amplification_shrink_posts", kAmpShrink},
        {"amplification_h_ceiling", kAmpHCeiling},
        {"engagement_h_ceiling", kEngagementHCeiling},
        {"conversation_ceiling_replies", kConversationCeiling},
        {"max_reach", kMaxReach},
        {"max_amplification", kMaxAmplification},
        {"max_engagement", kMaxEngagement},
        {"max_consistency", kMaxConsistency},
        {"max_conversation", kMaxConversation},
        {"base_points", kBasePoints},
        {"unknown_component_points", 0},  // a missing signal scores nothing and moves no points
        {"qualifying_min_reactions", kQualifyMinReactions},
    };
    std::string s;
    char buf[96];
    for (const auto& c : table) {
        std::snprintf(buf, sizeof buf, "%s=%.10g\n", c.name, c.v);
        s += buf;
    }
    return s;
}

std::string model_version() {
    char buf[64];
    std::snprintf(buf, sizeof buf, "clout-score-2.%08llx",
                  static_cast<unsigned long long>(hash64(constants_table()) >> 32));
    return buf;
}

std::string format_fixed(int64_t q, int decimals) {
    int64_t scale = 1;
    for (int i = 0; i < decimals; ++i) scale *= 10;
    bool neg = q < 0;
    uint64_t a = neg ? static_cast<uint64_t>(-(q + 1)) + 1 : static_cast<uint64_t>(q);
    std::string s = std::to_string(a / static_cast<uint64_t>(scale));
    if (decimals > 0) {
        std::string frac = std::to_string(a % static_cast<uint64_t>(scale));
        s += '.' + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
    }
    return neg ? "-" + s : s;
}

int h_index_desc(const std::vector<int64_t>& desc) {
    int h = 0;
    for (size_t i = 0; i < desc.size() && i < static_cast<size_t>(kHCap); ++i) {
        if (desc[i] >= static_cast<int64_t>(i + 1)) h = static_cast<int>(i + 1);
        else break;
    }
    return h;
}

ScoreCore core_of(const ScoreInputs& in) {
    ScoreCore c;
    c.followers = in.followers;
    c.reactions_known = in.reactions_known;
    c.reshares_known = in.reshares_known;
    c.replies_known = in.replies_known;
    c.posts_with_reshares = in.posts_with_reshares;
    c.reshared_posts = in.reshared_posts;
    std::vector<int64_t> r = in.top_reactions, s = in.top_reshares;
    std::sort(r.begin(), r.end(), std::greater<int64_t>());
    std::sort(s.begin(), s.end(), std::greater<int64_t>());
    c.h_reactions = h_index_desc(r);
    c.h_reshares = h_index_desc(s);
    c.qualifying_replies = in.qualifying_replies;
    c.weeks_active = in.weeks_active;
    return c;
}

ScoreResult score_core(const ScoreCore& c) {
    ScoreResult r;
    r.h_reactions = c.h_reactions;
    r.h_reshares = c.h_reshares;
    bool avail[kComponentCount] = {c.followers >= 0, c.reshares_known, c.reactions_known, true, c.replies_known};
    const int* max_pts = kBaseMax;

    int64_t value[kComponentCount] = {};
    if (avail[0]) value[0] = log_sat_q(static_cast<double>(c.followers), kReachCeiling);
    if (avail[1]) {
        // half: share of posts reshared, shrunk towards 0 by kAmpShrink; half: reshare h-index
        const double share = static_cast<double>(std::max<int64_t>(0, c.reshared_posts)) /
                             (static_cast<double>(std::max<int64_t>(0, c.posts_with_reshares)) + kAmpShrink);
        const int64_t share_q = std::llround(std::min(1.0, share) * 1e6);
        const int64_t h_q = log_sat_q(c.h_reshares, kAmpHCeiling);
        value[1] = (share_q + h_q + 1) / 2;
    }
    if (avail[2]) value[2] = log_sat_q(c.h_reactions, kEngagementHCeiling);
    {
        const int w = std::clamp(c.weeks_active, 0, kWeeks);
        value[3] = (static_cast<int64_t>(w) * 1000000 + kWeeks / 2) / kWeeks;
    }
    if (avail[4]) value[4] = log_sat_q(static_cast<double>(c.qualifying_replies), kConversationCeiling);

    int64_t sum_q = 0;
    for (int i = 0; i < kComponentCount; ++i) {
        auto& comp = r.components[static_cast<size_t>(i)];
        comp.id = static_cast<ComponentId>(i);
        comp.available = avail[i];
        comp.max_points = max_pts[i];
        comp.value_q = avail[i] ? value[i] : 0;
        comp.points_q = (static_cast<int64_t>(comp.max_points) * comp.value_q + 50) / 100;
        sum_q += comp.points_q;
    }
    r.exact_q = static_cast<int64_t>(kBasePoints) * 10000 + sum_q;
    r.score = static_cast<int>(std::clamp<int64_t>((r.exact_q + 5000) / 10000, 1, 100));
    // Whole points: floor, then the leftover points to the largest remainders.
    int given = 0;
    int64_t rem[kComponentCount];
    for (int i = 0; i < kComponentCount; ++i) {
        auto& comp = r.components[static_cast<size_t>(i)];
        comp.points = static_cast<int>(comp.points_q / 10000);
        rem[i] = comp.available ? comp.points_q % 10000 : -1;  // unknown components get no point
        given += comp.points;
    }
    for (int left = r.score - kBasePoints - given; left > 0; --left) {
        int best = -1;
        for (int i = 0; i < kComponentCount; ++i)
            if (rem[i] >= 0 && (best < 0 || rem[i] > rem[best])) best = i;
        if (best < 0) break;
        ++r.components[static_cast<size_t>(best)].points;
        rem[best] = -1;
    }
    return r;
}

ScoreResult score_inputs(const ScoreInputs& in) { return score_core(core_of(in)); }

namespace {
int64_t scale_count(int64_t v, double f) { return v <= 0 ? 0 : std::max<int64_t>(0, std::llround(static_cast<double>(v) * f)); }

// Changes the number of posts of a top list: removed posts are the least engaged ones,
// added posts receive `median`.
void resize_top(std::vector<int64_t>& top, int64_t old_n, int64_t new_n, int64_t median) {
    std::sort(top.begin(), top.end(), std::greater<int64_t>());
    if (new_n < old_n) {
        if (static_cast<int64_t>(top.size()) > new_n) top.resize(static_cast<size_t>(new_n));
    } else {
        for (int64_t i = old_n; i < new_n && static_cast<int64_t>(top.size()) < 4 * kHCap; ++i) top.push_back(median);
        std::sort(top.begin(), top.end(), std::greater<int64_t>());
    }
    if (top.size() > static_cast<size_t>(kHCap)) top.resize(static_cast<size_t>(kHCap));
}
}  // namespace

ScoreInputs what_if_inputs(const ScoreInputs& in, const WhatIfParams& p) {
    ScoreInputs o = in;
    const double pf = std::max(0.0, p.posts_factor), rf = std::max(0.0, p.replies_factor),
                 ef = std::max(0.0, p.reactions_factor);
    if (ef != 1.0) {
        for (auto& v : o.top_reactions) v = scale_count(v, ef);
        for (auto& v : o.top_reshares) v = scale_count(v, ef);
        o.reactions_total = scale_count(o.reactions_total, ef);
        o.reshares_total = scale_count(o.reshares_total, ef);
        o.median_reactions = scale_count(o.median_reactions, ef);
        o.median_reshares = scale_count(o.median_reshares, ef);
        if (ef == 0.0) o.reshared_posts = 0;
    }
    if (pf != 1.0) {
        const int64_t np = scale_count(o.posts, pf), nr = scale_count(o.posts_with_reactions, pf),
                      ns = scale_count(o.posts_with_reshares, pf);
        resize_top(o.top_reactions, o.posts_with_reactions, nr, o.median_reactions);
        resize_top(o.top_reshares, o.posts_with_reshares, ns, o.median_reshares);
        if (ns < o.posts_with_reshares) o.reshared_posts = std::min(o.reshared_posts, ns);
        else if (o.median_reshares > 0) o.reshared_posts += ns - o.posts_with_reshares;
        o.posts = np;
        o.posts_with_reactions = nr;
        o.posts_with_reshares = ns;
    }
    if (rf != 1.0) {
        o.replies = scale_count(o.replies, rf);
        o.qualifying_replies = scale_count(o.qualifying_replies, rf);
    }
    if (p.followers >= 0) o.followers = p.followers;
    if (p.weeks_active >= 0) o.weeks_active = std::min(p.weeks_active, kWeeks);
    return o;
}

ScoreResult apply_what_if(const ScoreInputs& in, const WhatIfParams& p) { return score_inputs(what_if_inputs(in, p)); }

ScoreInputs inputs_from_aggregates(const Aggregates& a) {
    ScoreInputs in;
    const double f = a.period_days > 0 ? static_cast<double>(kWindowDays) / static_cast<double>(a.period_days) : 1.0;
    in.followers = a.followers;
    if (a.followers >= 0) in.followers_from = prov_bit(Provenance::Export);
    const int64_t posts = scale_count(a.posts, f);
    in.posts = posts;
    in.reactions_known = a.likes_received >= 0 || a.reposts_received >= 0 || a.replies_received >= 0;
    in.reshares_known = a.reposts_received >= 0;
    if (in.reactions_known) in.reactions_from = prov_bit(Provenance::Export);
    if (in.reshares_known) in.reshares_from = prov_bit(Provenance::Export);
    const int64_t reactions = scale_count(std::max<int64_t>(0, a.likes_received), f) +
                              scale_count(std::max<int64_t>(0, a.reposts_received), f) +
                              scale_count(std::max<int64_t>(0, a.replies_received), f);
    const int64_t reshares = scale_count(std::max<int64_t>(0, a.reposts_received), f);
    if (in.reactions_known) {
        in.posts_with_reactions = posts;
        in.reactions_total = reactions;
        in.median_reactions = per_post_from_total(reactions, posts);
        in.top_reactions.assign(static_cast<size_t>(std::min<int64_t>(posts, kHCap)), in.median_reactions);
    }
    if (in.reshares_known) {
        in.posts_with_reshares = posts;
        in.reshares_total = reshares;
        in.median_reshares = per_post_from_total(reshares, posts);
        in.top_reshares.assign(static_cast<size_t>(std::min<int64_t>(posts, kHCap)), in.median_reshares);
        in.reshared_posts = std::min(posts, reshares);
    }
    in.replies_known = a.replies_made >= 0;
    if (in.replies_known) {
        in.replies = scale_count(a.replies_made, f);
        // replies qualify in the same share as posts receive a reaction
        in.qualifying_replies = (!in.reactions_known || in.median_reactions >= kQualifyMinReactions || posts == 0)
                                    ? in.replies
                                    : std::min(in.replies, reactions * in.replies / std::max<int64_t>(1, posts));
    }
    const int64_t qualifying = (!in.reactions_known || in.median_reactions >= kQualifyMinReactions) ? posts : std::min(posts, reactions);
    const double weeks_in_period = std::min(static_cast<double>(kWeeks), static_cast<double>(std::max<int64_t>(a.period_days, 1)) / 7.0);
    in.weeks_active = static_cast<int>(std::min<int64_t>(kWeeks, std::min<int64_t>(qualifying, std::llround(weeks_in_period * f))));
    return in;
}

std::string inputs_to_json(const ScoreInputs& in, int indent) {
    nlohmann::ordered_json j;
    j["followers"] = in.followers < 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(in.followers);
    j["reactions_known"] = in.reactions_known;
    j["reshares_known"] = in.reshares_known;
    j["replies_known"] = in.replies_known;
    j["posts"] = in.posts;
    j["posts_with_reactions"] = in.posts_with_reactions;
    j["posts_with_reshares"] = in.posts_with_reshares;
    j["reshared_posts"] = in.reshared_posts;
    j["reactions_total"] = in.reactions_total;
    j["reshares_total"] = in.reshares_total;
    j["median_reactions"] = in.median_reactions;
    j["median_reshares"] = in.median_reshares;
    j["top_reactions"] = in.top_reactions;
    j["top_reshares"] = in.top_reshares;
    j["replies"] = in.replies;
    j["qualifying_replies"] = in.qualifying_replies;
    j["weeks_active"] = in.weeks_active;
    j["followers_from"] = provenance_ids(in.followers_from);
    j["reactions_from"] = provenance_ids(in.reactions_from);
    j["reshares_from"] = provenance_ids(in.reshares_from);
    return j.dump(indent);
}

ScoreInputs inputs_from_json(const std::string& text) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object()) throw InputError("what-if inputs: not a JSON object");
    ScoreInputs in;
    auto get_int = [&](const char* k, int64_t& out, bool nullable = false) {
        auto it = j.find(k);
        if (it == j.end()) throw InputError(std::string("what-if inputs: missing '") + k + "'");
        if (nullable && it->is_null()) { out = -1; return; }
        if (!it->is_number_integer()) throw InputError(std::string("what-if inputs: '") + k + "' is not an integer");
        out = it->get<int64_t>();
        if (out < 0) throw InputError(std::string("what-if inputs: '") + k + "' is negative");
    };
    auto get_bool = [&](const char* k, bool& out) {
        auto it = j.find(k);
        if (it == j.end() || !it->is_boolean()) throw InputError(std::string("what-if inputs: '") + k + "' is not a boolean");
        out = it->get<bool>();
    };
    auto get_list = [&](const char* k, std::vector<int64_t>& out) {
        auto it = j.find(k);
        if (it == j.end() || !it->is_array()) throw InputError(std::string("what-if inputs: '") + k + "' is not a list");
        for (auto& v : *it) {
            if (!v.is_number_integer() || v.get<int64_t>() < 0)
                throw InputError(std::string("what-if inputs: '") + k + "' holds a non-count");
            out.push_back(v.get<int64_t>());
        }
    };
    get_int("followers", in.followers, true);
    get_bool("reactions_known", in.reactions_known);
    get_bool("reshares_known", in.reshares_known);
    get_bool("replies_known", in.replies_known);
    get_int("posts", in.posts);
    get_int("posts_with_reactions", in.posts_with_reactions);
    get_int("posts_with_reshares", in.posts_with_reshares);
    get_int("reshared_posts", in.reshared_posts);
    get_int("reactions_total", in.reactions_total);
    get_int("reshares_total", in.reshares_total);
    get_int("median_reactions", in.median_reactions);
    get_int("median_reshares", in.median_reshares);
    get_list("top_reactions", in.top_reactions);
    get_list("top_reshares", in.top_reshares);
    get_int("replies", in.replies);
    get_int("qualifying_replies", in.qualifying_replies);
    int64_t w = 0;
    get_int("weeks_active", w);
    in.weeks_active = static_cast<int>(std::min<int64_t>(w, kWeeks));
    // Provenance lists (optional: what-if inputs saved before model 2 lack them, and then
    // every known signal counts as the export's own).
    auto get_prov = [&](const char* k, bool known) -> uint8_t {
        auto it = j.find(k);
        if (it == j.end()) return known ? prov_bit(Provenance::Export) : 0;
        if (!it->is_array()) throw InputError(std::string("what-if inputs: '") + k + "' is not a list");
        uint8_t bits = 0;
        for (auto& v : *it) {
            bool ok = false;
            for (int i = 0; i < kProvenanceCount && v.is_string(); ++i)
                if (v.get<std::string>() == provenance_id(static_cast<Provenance>(i))) {
                    bits |= static_cast<uint8_t>(1u << i);
                    ok = true;
                }
            if (!ok) throw InputError(std::string("what-if inputs: '") + k + "' names an unknown source");
        }
        return bits;
    };
    in.followers_from = get_prov("followers_from", in.followers >= 0);
    in.reactions_from = get_prov("reactions_from", in.reactions_known);
    in.reshares_from = get_prov("reshares_from", in.reshares_known);
    return in;
}

}  // namespace clout
