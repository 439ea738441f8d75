// The report's JSON form read back into a Report: the inverse of report_to_json
// (report_json.cpp), so that report_to_json(report_from_json(t)) == t for every t that
// report_to_json wrote. Every reader of a report (the CSV, the share card, the page's
// panels) then reads typed fields instead of its own string-keyed lookups.
//
// What the JSON does not hold stays at the struct's default: TrendPoint::exact_q and, for
// each network, the ScoreInputs that its components do not print (posts, medians, the top
// lists, the *_known flags). The JSON's fixed texts (schema, the statement's method, the
// heatmap's labels, what_if.params) are checked, not stored.
//
// Anything else is an InputError naming the member and what is wrong with it.
//
// Index of this file:
//   [SECTION] Checked access: members, numbers, strings, days, times
//   [SECTION] Enumerations, post ids, provenance
//   [SECTION] Composite values: components, what-if parameters, posts
//   [SECTION] The members, one at a time (read_member)
//   [SECTION] ReportReader and report_from_json
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdlib>
#include <limits>

#include "report/report.h"
#include "util/error.h"
#include "util/time.h"

namespace clout {

namespace {

using J = nlohmann::json;
using namespace score_const;

// ---- [SECTION] Checked access: members, numbers, strings, days, times
[[noreturn]] void fail(const std::string& path, const std::string& what) {
    throw InputError("report: '" + path + "' " + what);
}

const J& member(const J& obj, const std::string& path, const char* key) {
    auto it = obj.find(key);
    if (it == obj.end()) fail(path.empty() ? key : path + "." + key, "is missing");
    return *it;
}
std::string sub(const std::string& path, const char* key) { return path.empty() ? key : path + "." + key; }
std::string idx(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

const J& object(const J& v, const std::string& path) {
    if (!v.is_object()) fail(path, "is not an object");
    return v;
}
const J& array(const J& v, const std::string& path) {
    if (!v.is_array()) fail(path, "is not an array");
    return v;
}
const J& array_n(const J& v, const std::string& path, size_t n) {
    array(v, path);
    if (v.size() != n) fail(path, "has " + std::to_string(v.size()) + " entries, not " + std::to_string(n));
    return v;
}

int64_t as_i64(const J& v, const std::string& path) {
    if (v.is_number_unsigned()) {
        if (v.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int64_t>::max())) fail(path, "is out of range");
        return static_cast<int64_t>(v.get<uint64_t>());
    }
    if (!v.is_number_integer()) fail(path, "is not an integer");
    return v.get<int64_t>();
}
int as_int(const J& v, const std::string& path) {
    const int64_t x = as_i64(v, path);
    if (x < std::numeric_limits<int>::min() || x > std::numeric_limits<int>::max()) fail(path, "is out of range");
    return static_cast<int>(x);
}
int64_t i64(const J& o, const std::string& path, const char* key) { return as_i64(member(o, path, key), sub(path, key)); }
int i32(const J& o, const std::string& path, const char* key) { return as_int(member(o, path, key), sub(path, key)); }
// A count the export may not hold: null = -1.
int64_t count(const J& o, const std::string& path, const char* key) {
    const J& v = member(o, path, key);
    if (v.is_null()) return -1;
    const int64_t x = as_i64(v, sub(path, key));
    if (x < 0) fail(sub(path, key), "is negative");
    return x;
}
bool boolean(const J& o, const std::string& path, const char* key) {
    const J& v = member(o, path, key);
    if (!v.is_boolean()) fail(sub(path, key), "is not true or false");
    return v.get<bool>();
}
double real(const J& o, const std::string& path, const char* key) {
    const J& v = member(o, path, key);
    if (!v.is_number()) fail(sub(path, key), "is not a number");
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(sub(path, key), "is not a finite number");
    return d;
}
// A per-post value (per_post_text: at most two decimals) in hundredths; -1 for null.
int64_t hundredths(const J& o, const std::string& path, const char* key) {
    const J& v = member(o, path, key);
    if (v.is_null()) return -1;
    if (v.is_number_integer()) {
        const int64_t x = as_i64(v, sub(path, key));
        if (x < 0) fail(sub(path, key), "is negative");
        if (x > 10000000000000LL) fail(sub(path, key), "is out of range");
        return x * 100;
    }
    const double d = real(o, path, key);
    if (d < 0) fail(sub(path, key), "is negative");
    if (d > 1e13) fail(sub(path, key), "is out of range");
    return std::llround(d * 100);
}
// A fixed decimal written as q / 10^4 (or 10^6): back to the integer it came from.
int64_t fixed(const J& o, const std::string& path, const char* key, double scale) {
    const double d = real(o, path, key) * scale;
    if (std::fabs(d) > 9e15) fail(sub(path, key), "is out of range");
    return std::llround(d);
}
std::string string(const J& o, const std::string& path, const char* key) {
    const J& v = member(o, path, key);
    if (!v.is_string()) fail(sub(path, key), "is not a string");
    return v.get<std::string>();
}
std::vector<std::string> strings(const J& o, const std::string& path, const char* key) {
    const std::string p = sub(path, key);
    const J& v = array(member(o, path, key), p);
    std::vector<std::string> out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        if (!v[i].is_string()) fail(idx(p, i), "is not a string");
        out.push_back(v[i].get<std::string>());
    }
    return out;
}
void constant(const J& o, const std::string& path, const char* key, const char* expected) {
    if (string(o, path, key) != expected) fail(sub(path, key), std::string("is not \"") + expected + "\"");
}

int64_t day(const J& o, const std::string& path, const char* key) {
    const std::string s = string(o, path, key);
    int64_t d = 0;
    if (!parse_ymd(s, d) || format_day(d) != s) fail(sub(path, key), "is not a date (YYYY-MM-DD): \"" + s + "\"");
    return d;
}
int64_t time(const J& o, const std::string& path, const char* key) {
    const std::string s = string(o, path, key);
    int64_t t = 0;
    if (!parse_iso8601(s, t) || format_time(t) != s)
        fail(sub(path, key), "is not a time (YYYY-MM-DDTHH:MM:SSZ): \"" + s + "\"");
    return t;
}
// A time that may be missing: null = 0 (time_or_null).
int64_t time_or_zero(const J& o, const std::string& path, const char* key) {
    if (member(o, path, key).is_null()) return 0;
    const int64_t t = time(o, path, key);
    if (t == 0) fail(sub(path, key), "is 1970-01-01T00:00:00Z, which the report writes as null");
    return t;
}

// ---- [SECTION] Enumerations, post ids, provenance
Network network(const J& o, const std::string& path, const char* key) {
    const std::string s = string(o, path, key);
    Network n{};
    if (!parse_network(s, n) || s != network_id(n)) fail(sub(path, key), "is not a network: \"" + s + "\"");
    return n;
}
PostKind kind(const J& o, const std::string& path, const char* key) {
    const std::string s = string(o, path, key);
    if (s == "post") return PostKind::Original;
    if (s == "reply") return PostKind::Reply;
    if (s == "quote") return PostKind::Quote;
    if (s == "repost") return PostKind::Repost;
    fail(sub(path, key), "is not a post kind (post, reply, quote, repost): \"" + s + "\"");
}
ComponentId component(const std::string& s, const std::string& path) {
    for (int i = 0; i < kComponentCount; ++i)
        if (s == component_id(static_cast<ComponentId>(i))) return static_cast<ComponentId>(i);
    fail(path, "is not a component: \"" + s + "\"");
}

// A post id as format_post_id printed it. The JSON does not say how the id was encoded:
// each encoding that prints the same text back is as good as the other, so the network's
// own one is tried first, then the others.
void post_id(const J& o, const std::string& path, Network net, uint64_t& id, IdKind& k) {
    const std::string s = string(o, path, "id");
    auto fits = [&](IdKind kk, uint64_t v) {
        if (format_post_id(v, kk) != s) return false;
        id = v;
        k = kk;
        return true;
    };
    auto digits = [&](int base, uint64_t& v) {
        if (s.empty() || s.size() > 20) return false;
        uint64_t x = 0;
        for (char ch : s) {
            int d = -1;
            if (ch >= '0' && ch <= '9') d = ch - '0';
            else if (ch >= 'a' && ch <= 'z') d = ch - 'a' + 10;
            if (d < 0 || d >= base) return false;
            if (x > (std::numeric_limits<uint64_t>::max() - static_cast<uint64_t>(d)) / static_cast<uint64_t>(base)) return false;
            x = x * static_cast<uint64_t>(base) + static_cast<uint64_t>(d);
        }
        v = x;
        return true;
    };
    uint64_t v = 0;
    if (s.size() == 17 && s[0] == 'h') {
        const std::string hex = s.substr(1);
        bool ok = true;
        for (char ch : hex) ok = ok && ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'));
        if (ok && fits(IdKind::Hash, std::strtoull(hex.c_str(), nullptr, 16))) return;
    }
    if (net == Network::Bluesky && decode_tid(s, v) && fits(IdKind::Tid, v)) return;
    if (net == Network::Reddit && digits(36, v) && fits(IdKind::Base36, v)) return;
    if (digits(10, v) && fits(IdKind::Decimal, v)) return;
    if (decode_tid(s, v) && fits(IdKind::Tid, v)) return;
    if (digits(36, v) && fits(IdKind::Base36, v)) return;
    fail(sub(path, "id"), "is not a post id: \"" + s + "\"");
}

// A list of provenance ids ("export", "insights", "typed", "fetched") as bits (prov_bit).
uint8_t provenance_bits(const J& o, const std::string& path, const char* key) {
    uint8_t bits = 0;
    for (const std::string& id : strings(o, path, key)) {
        int k = -1;
        for (int i = 0; i < kProvenanceCount; ++i)
            if (id == provenance_id(static_cast<Provenance>(i))) k = i;
        if (k < 0) fail(sub(path, key), "names an unknown provenance: \"" + id + "\"");
        bits |= prov_bit(static_cast<Provenance>(k));
    }
    return bits;
}

// ---- [SECTION] Composite values: components, what-if parameters, posts
// The points no export could measure (ScoreResult::unmeasured_points): null when none.
void check_partial(const J& o, const std::string& path, const ScoreResult& res) {
    const J& v = member(o, path, "partial");
    const std::string pp = sub(path, "partial");
    if (!res.partial()) {
        if (!v.is_null()) fail(pp, "is not null for a score with every component known");
        return;
    }
    object(v, pp);
    std::vector<std::string> unknown;
    for (const auto& c : res.components)
        if (!c.available) unknown.push_back(component_id(c.id));
    if (strings(v, pp, "unknown") != unknown) fail(sub(pp, "unknown"), "does not list the unknown components");
    if (i64(v, pp, "unmeasured_points") != res.unmeasured_points()) fail(sub(pp, "unmeasured_points"), "is not their maxima's sum");
}

// One window's components (components_json): their results, and the inputs they print.
void components(const J& v, const std::string& path, ScoreInputs& in, ScoreResult& res) {
    array_n(v, path, kComponentCount);
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string p = idx(path, i);
        const J& c = object(v[i], p);
        ComponentResult& cr = res.components[i];
        cr.id = component(string(c, p, "id"), sub(p, "id"));
        if (string(c, p, "label") != component_label(cr.id)) fail(sub(p, "label"), std::string("is not \"") + component_label(cr.id) + "\"");
        cr.max_points = i32(c, p, "max_points");
        cr.available = boolean(c, p, "known");
        if (boolean(c, p, "available") != cr.available) fail(sub(p, "available"), "is not the same as known");
        // An unknown component has no points: null, never 0.
        if (cr.available) {
            cr.points = i32(c, p, "points");
            cr.points_q = fixed(c, p, "points_exact", 1e4);
        } else {
            if (!member(c, p, "points").is_null()) fail(sub(p, "points"), "is not null for an unknown component");
            if (!member(c, p, "points_exact").is_null()) fail(sub(p, "points_exact"), "is not null for an unknown component");
        }
        const uint8_t prov = provenance_bits(c, p, "provenance");
        const J& value = member(c, p, "value");
        if (cr.available) {
            cr.value_q = fixed(c, p, "value", 1e6);
        } else if (!value.is_null()) {
            fail(sub(p, "value"), "is not null for a component that is not available");
        }
        const std::string ip = sub(p, "inputs");
        const J& x = object(member(c, p, "inputs"), ip);
        switch (cr.id) {
            case ComponentId::Reach:
                in.followers = count(x, ip, "followers");
                in.followers_from = prov;
                break;
            case ComponentId::Amplification:
                in.posts_with_reshares = i64(x, ip, "posts_with_reshare_counts");
                in.reshared_posts = i64(x, ip, "reshared_posts");
                in.reshares_total = i64(x, ip, "reshares_total");
                res.h_reshares = i32(x, ip, "reshare_h_index");
                in.reshares_known = cr.available;
                in.reshares_from = prov;
                break;
            case ComponentId::Engagement:
                in.posts_with_reactions = i64(x, ip, "posts_with_reaction_counts");
                in.reactions_total = i64(x, ip, "reactions_total");
                res.h_reactions = i32(x, ip, "reaction_h_index");
                in.reactions_known = cr.available;
                in.reactions_from = prov;
                break;
            case ComponentId::Consistency:
                in.weeks_active = i32(x, ip, "weeks_active");
                if (i64(x, ip, "weeks") != kWeeks) fail(sub(ip, "weeks"), "is not " + std::to_string(kWeeks));
                break;
            case ComponentId::Conversation:
                in.replies = i64(x, ip, "replies_to_others");
                in.qualifying_replies = i64(x, ip, "qualifying_replies");
                break;
        }
    }
}

WhatIfParams what_if_params(const J& v, const std::string& path) {
    object(v, path);
    WhatIfParams p;
    p.posts_factor = real(v, path, "posts_factor");
    p.replies_factor = real(v, path, "replies_factor");
    p.reactions_factor = real(v, path, "reactions_factor");
    p.followers = count(v, path, "followers");
    const J& w = member(v, path, "weeks_active");
    p.weeks_active = w.is_null() ? -1 : as_int(w, sub(path, "weeks_active"));
    if (!w.is_null() && (p.weeks_active < 0 || p.weeks_active > kWeeks))
        fail(sub(path, "weeks_active"), "is not 0.." + std::to_string(kWeeks));
    return p;
}

std::vector<StatementPost> statement_posts(const J& v, const std::string& path) {
    array(v, path);
    std::vector<StatementPost> out;
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string p = idx(path, i);
        const J& x = object(v[i], p);
        StatementPost s;
        s.network = network(x, p, "network");
        post_id(x, p, s.network, s.id, s.id_kind);
        s.time = time(x, p, "time");
        s.kind = kind(x, p, "kind");
        s.reactions = count(x, p, "reactions");
        s.points_q = fixed(x, p, "points_exact", 1e4);
        s.snippet = string(x, p, "text");
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<TopPost> top_posts(const J& v, const std::string& path) {
    array(v, path);
    std::vector<TopPost> out;
    auto count32 = [](const J& x, const std::string& p, const char* key) {
        const int64_t c = count(x, p, key);
        if (c > std::numeric_limits<int32_t>::max()) fail(sub(p, key), "is out of range");
        return static_cast<int32_t>(c);
    };
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string p = idx(path, i);
        const J& x = object(v[i], p);
        TopPost t;
        t.network = network(x, p, "network");
        post_id(x, p, t.network, t.id, t.id_kind);
        t.time = time(x, p, "time");
        t.kind = kind(x, p, "kind");
        t.likes = count32(x, p, "likes");
        t.reposts = count32(x, p, "reposts");
        t.replies = count32(x, p, "replies");
        t.quotes = count32(x, p, "quotes");
        t.reactions = i64(x, p, "reactions");
        t.snippet = string(x, p, "text");
        out.push_back(std::move(t));
    }
    return out;
}

// ---- [SECTION] The members, one at a time (read_member)
// The report's members, in the order report_to_json writes them.
const char* const kMembers[] = {"schema",  "model",   "as_of",  "window_days",        "score",      "score_exact",
                                "base_points", "partial", "components", "networks", "trend", "change",
                                "activity_statement", "sources", "topics",  "top_posts", "engaged_accounts", "style",
                                "activity_heatmap", "tips",    "what_if", "warnings", "warning_details"};
constexpr int kMemberCount = static_cast<int>(sizeof(kMembers) / sizeof(kMembers[0]));
static_assert(kMemberCount <= 32, "ReportReader keeps the members seen in 32 bits");

int member_index(std::string_view key) {
    for (int i = 0; i < kMemberCount; ++i)
        if (key == kMembers[i]) return i;
    return -1;
}

std::vector<TrendPoint> trend(const J& v, const std::string& path) {
    array(v, path);
    std::vector<TrendPoint> out;
    out.reserve(v.size());
    for (size_t i = 0; i < v.size(); ++i) {
        const std::string p = idx(path, i);
        const J& x = object(v[i], p);
        TrendPoint t;
        t.day = day(x, p, "date");
        t.score = i32(x, p, "score");
        const std::string pp = sub(p, "points");
        const J& pts = array_n(member(x, p, "points"), pp, kComponentCount);
        for (size_t k = 0; k < pts.size(); ++k) t.points[k] = as_int(pts[k], idx(pp, k));
        out.push_back(t);
    }
    return out;
}

void read_member(Report& r, ScoreInputs& from_components, std::string& partial, int which, const J& v) {
    const std::string path = kMembers[which];
    const std::string_view key = kMembers[which];
    if (key == "schema") {
        if (!v.is_string() || v.get<std::string>() != "clout.report.v2")
            fail(path, "is not \"clout.report.v2\" (not a clout report, or one of another version)");
    } else if (key == "model") {
        if (!v.is_string()) fail(path, "is not a string");
        r.model = v.get<std::string>();
    } else if (key == "as_of") {
        const J o = J::object({{"as_of", v}});
        r.as_of_day = day(o, "", "as_of");
    } else if (key == "window_days") {
        if (as_i64(v, path) != kWindowDays) fail(path, "is not " + std::to_string(kWindowDays));
    } else if (key == "score") {
        r.result.score = as_int(v, path);
    } else if (key == "score_exact") {
        const J o = J::object({{"score_exact", v}});
        r.result.exact_q = fixed(o, "", "score_exact", 1e4);
    } else if (key == "base_points") {
        if (as_int(v, path) != score_const::kBasePoints) fail(path, "is not " + std::to_string(score_const::kBasePoints));
        r.result.base_points = score_const::kBasePoints;
    } else if (key == "partial") {
        partial = v.dump();  // checked against the components once both are read
    } else if (key == "components") {
        components(v, path, from_components, r.result);
    } else if (key == "networks") {
        array(v, path);
        r.networks.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string p = idx(path, i);
            const J& x = object(v[i], p);
            NetworkScore n;
            n.network = network(x, p, "network");
            n.result.score = i32(x, p, "score");
            n.result.exact_q = fixed(x, p, "score_exact", 1e4);
            if (i32(x, p, "base_points") != score_const::kBasePoints)
                fail(sub(p, "base_points"), "is not " + std::to_string(score_const::kBasePoints));
            components(member(x, p, "components"), sub(p, "components"), n.inputs, n.result);
            check_partial(x, p, n.result);
            r.networks.push_back(std::move(n));
        }
    } else if (key == "trend") {
        r.trend = trend(v, path);
    } else if (key == "change") {
        object(v, path);
        r.d1 = i32(v, path, "d1");
        r.d7 = i32(v, path, "d7");
        r.d30 = i32(v, path, "d30");
        const std::string cp = sub(path, "components_d30");
        const J& cd = object(member(v, path, "components_d30"), cp);
        if (cd.size() != static_cast<size_t>(kComponentCount))
            fail(cp, "has " + std::to_string(cd.size()) + " members, not " + std::to_string(kComponentCount));
        for (int i = 0; i < kComponentCount; ++i)
            r.components_d30[static_cast<size_t>(i)] = i32(cd, cp, component_id(static_cast<ComponentId>(i)));
    } else if (key == "activity_statement") {
        object(v, path);
        ActivityStatement& st = r.statement;
        st.from_day = day(v, path, "from");
        st.to_day = day(v, path, "to");
        string(v, path, "method");
        st.entered_count = i64(v, path, "entered_posts");
        st.left_count = i64(v, path, "left_posts");
        st.entered_points = i32(v, path, "entered_points");
        st.left_points = i32(v, path, "left_points");
        st.calendar_points = i32(v, path, "calendar_points");
        st.entered = statement_posts(member(v, path, "entered"), sub(path, "entered"));
        st.left = statement_posts(member(v, path, "left"), sub(path, "left"));
    } else if (key == "sources") {
        array(v, path);
        r.sources.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string p = idx(path, i);
            const J& x = object(v[i], p);
            SourceInfo s;
            s.network = network(x, p, "network");
            s.format = string(x, p, "format");
            s.account = string(x, p, "account");
            s.source_name = string(x, p, "source");
            const std::string cp = sub(p, "counts");
            const J& c = object(member(x, p, "counts"), cp);
            s.posts = i64(c, cp, "posts");
            s.replies = i64(c, cp, "replies");
            s.reposts = i64(c, cp, "reposts");
            s.likes_given = i64(c, cp, "likes_given");
            s.followers = count(c, cp, "followers");
            s.following = count(c, cp, "following");
            s.followers_supplied = count(x, p, "followers_supplied");
            {
                const std::string pp = sub(p, "provenance");
                const J& pv = object(member(x, p, "provenance"), pp);
                s.followers_from = provenance_bits(pv, pp, "followers");
                s.reactions_from = provenance_bits(pv, pp, "reactions");
                s.reshares_from = provenance_bits(pv, pp, "reshares");
                const std::string fp = sub(p, "filled");
                const J& fv = object(member(x, p, "filled"), fp);
                s.reactions_per_post_filled_c = hundredths(fv, fp, "reactions_per_post");
                s.reshares_per_post_filled_c = hundredths(fv, fp, "reshares_per_post");
            }
            // Reports written before public counts named their host have no "fetched".
            if (x.contains("fetched") && !x["fetched"].is_null()) {
                const std::string fp = sub(p, "fetched");
                const J& fv = object(x["fetched"], fp);
                s.fetched_host = string(fv, fp, "host");
                if (s.fetched_host.empty()) fail(sub(fp, "host"), "is empty (fetched is null when nothing was fetched)");
                if (!member(fv, fp, "date").is_null()) {
                    s.fetched_day = day(fv, fp, "date");
                    if (s.fetched_day <= 0) fail(sub(fp, "date"), "is not after 1970-01-01");
                }
            }
            s.first_post = time_or_zero(x, p, "first_post");
            s.last_post = time_or_zero(x, p, "last_post");
            s.lacks = strings(x, p, "lacks");
            s.notes = strings(x, p, "notes");
            r.sources.push_back(std::move(s));
        }
    } else if (key == "topics") {
        array(v, path);
        r.topics.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string p = idx(path, i);
            const J& x = object(v[i], p);
            Topic t;
            t.term = string(x, p, "term");
            const std::string k = string(x, p, "kind");
            if (k != "hashtag" && k != "keyword") fail(sub(p, "kind"), "is not hashtag or keyword: \"" + k + "\"");
            t.hashtag = k == "hashtag";
            t.posts = i64(x, p, "posts");
            t.reactions = i64(x, p, "reactions");
            t.weight = i64(x, p, "weight");
            r.topics.push_back(std::move(t));
        }
    } else if (key == "top_posts") {
        r.top_posts = top_posts(v, path);
    } else if (key == "engaged_accounts") {
        array(v, path);
        r.engaged_accounts.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string p = idx(path, i);
            const J& x = object(v[i], p);
            EngagedAccount e;
            e.account = string(x, p, "account");
            e.replies = i64(x, p, "replies");
            e.mentions = i64(x, p, "mentions");
            e.reposts = i64(x, p, "reposts");
            e.quotes = i64(x, p, "quotes");
            e.likes = i64(x, p, "likes");
            if (i64(x, p, "total") != e.total()) fail(sub(p, "total"), "is not the sum of the account's counts");
            r.engaged_accounts.push_back(std::move(e));
        }
    } else if (key == "style") {
        object(v, path);
        r.style.id = string(v, path, "id");
        r.style.label = string(v, path, "label");
        r.style.description = string(v, path, "description");
        r.style.creating_share = real(v, path, "creating_share");
        r.style.conversation_share = real(v, path, "conversation_share");
        r.style.high_response = boolean(v, path, "high_response");
        r.style.response = string(v, path, "response");
    } else if (key == "activity_heatmap") {
        object(v, path);
        r.heatmap_zone = string(v, path, "timezone");
        r.heatmap_abbreviations = strings(v, path, "abbreviations");
        r.heatmap_label = string(v, path, "label");
        constant(v, path, "rows", "weekday, Monday first");
        constant(v, path, "columns", "hour 0-23");
        const std::string cp = sub(path, "counts");
        const J& rows = array_n(member(v, path, "counts"), cp, 7);
        for (size_t d = 0; d < 7; ++d) {
            const J& row = array_n(rows[d], idx(cp, d), 24);
            for (size_t h = 0; h < 24; ++h) r.heatmap[d][h] = as_i64(row[h], idx(idx(cp, d), h));
        }
    } else if (key == "tips") {
        array(v, path);
        r.tips.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string p = idx(path, i);
            const J& x = object(v[i], p);
            Tip t;
            t.id = string(x, p, "id");
            t.text = string(x, p, "text");
            t.points = i32(x, p, "points");
            t.points_q = fixed(x, p, "points_exact", 1e4);
            t.params = what_if_params(member(x, p, "what_if"), sub(p, "what_if"));
            r.tips.push_back(std::move(t));
        }
    } else if (key == "what_if") {
        object(v, path);
        const J& in = object(member(v, path, "inputs"), sub(path, "inputs"));
        try {
            r.inputs = inputs_from_json(in.dump());
        } catch (const InputError& e) {
            fail(sub(path, "inputs"), std::string("is not valid: ") + e.what());
        }
        const WhatIfParams p = what_if_params(member(v, path, "params"), sub(path, "params"));
        const WhatIfParams d;
        if (p.posts_factor != d.posts_factor || p.replies_factor != d.replies_factor || p.reactions_factor != d.reactions_factor ||
            p.followers != d.followers || p.weeks_active != d.weeks_active)
            fail(sub(path, "params"), "are not the defaults (1, 1, 1, null, null)");
    } else if (key == "warnings") {
        const J o = J::object({{"warnings", v}});
        r.warnings = strings(o, "", "warnings");
    } else if (key == "warning_details") {
        array(v, path);
        r.warning_details.clear();
        for (size_t i = 0; i < v.size(); ++i) {
            const std::string p = idx(path, i);
            const J& x = object(v[i], p);
            ReportWarning w;
            w.code = string(x, p, "code");
            w.text = string(x, p, "text");
            const J& fix = member(x, p, "fix");
            if (!fix.is_null()) {
                w.fix = string(x, p, "fix");
                if (w.fix.empty()) fail(sub(p, "fix"), "is empty (null when there is none)");
            }
            const std::string np = sub(p, "networks");
            const J& nets = array(member(x, p, "networks"), np);
            for (size_t k = 0; k < nets.size(); ++k) {
                Network n;
                if (!nets[k].is_string() || !parse_network(nets[k].get<std::string>(), n)) fail(idx(np, k), "is not a network");
                w.networks.push_back(n);
            }
            r.warning_details.push_back(std::move(w));
        }
    }
}

// The combined components print a part of what_if.inputs: the two must agree.
void check_components_agree(const ScoreInputs& c, const ScoreInputs& in) {
    auto same = [](const char* what, int64_t a, int64_t b) {
        if (a != b)
            fail(std::string("components"), std::string("disagree with what_if.inputs on ") + what + " (" + std::to_string(a) +
                                                 " vs " + std::to_string(b) + ")");
    };
    same("followers", c.followers, in.followers);
    same("posts_with_reshares", c.posts_with_reshares, in.posts_with_reshares);
    same("reshared_posts", c.reshared_posts, in.reshared_posts);
    same("reshares_total", c.reshares_total, in.reshares_total);
    same("posts_with_reactions", c.posts_with_reactions, in.posts_with_reactions);
    same("reactions_total", c.reactions_total, in.reactions_total);
    same("weeks_active", c.weeks_active, in.weeks_active);
    same("replies", c.replies, in.replies);
    same("qualifying_replies", c.qualifying_replies, in.qualifying_replies);
}

}  // namespace

// ---- [SECTION] ReportReader and report_from_json
void ReportReader::member_value(std::string_view key, const nlohmann::json& value) {
    const int k = member_index(key);
    if (k < 0) fail(std::string(key), "is not a member of a clout.report.v2 report");
    const uint32_t bit = 1u << k;
    if (seen_ & bit) fail(std::string(key), "is given twice");
    read_member(report_, from_components_, partial_, k, value);
    seen_ |= bit;
}

void ReportReader::member(std::string_view key, std::string_view json_text) {
    const J v = J::parse(json_text.begin(), json_text.end(), nullptr, false);
    if (v.is_discarded()) fail(std::string(key), "is not valid JSON");
    member_value(key, v);
}

void ReportReader::trend(std::vector<TrendPoint> points) {
    const uint32_t bit = 1u << member_index("trend");
    if (seen_ & bit) fail("trend", "is given twice");
    report_.trend = std::move(points);
    seen_ |= bit;
}

Report ReportReader::finish() {
    for (int i = 0; i < kMemberCount; ++i)
        if (!(seen_ & (1u << i))) fail(kMembers[i], "is missing");
    check_components_agree(from_components_, report_.inputs);
    check_partial(J::object({{"partial", J::parse(partial_)}}), "", report_.result);
    // The combined window's h-indexes are printed with its components; what_if.inputs
    // holds the lists they come from.
    Report out = std::move(report_);
    report_ = Report();
    from_components_ = ScoreInputs();
    seen_ = 0;
    partial_.clear();
    return out;
}

Report report_from_json(std::string_view text) {
    const J j = J::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded()) throw InputError("report: not valid JSON");
    if (!j.is_object()) throw InputError("report: not a JSON object");
    ReportReader reader;
    // The schema first, so that another file's JSON is named as such rather than by its first odd member.
    if (!j.contains("schema")) throw InputError("report: 'schema' is missing (not a clout report)");
    reader.member_value("schema", j["schema"]);
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "schema") reader.member_value(it.key(), it.value());
    return reader.finish();
}

}  // namespace clout
