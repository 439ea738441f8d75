// The report's JSON form (schema documented in docs/REPORT.md): deterministic key order,
// 2-space indent, reals as fixed decimals.
#include <nlohmann/json.hpp>

#include "report/report.h"
#include "util/time.h"

namespace clout {

using namespace score_const;

namespace {
const char* kind_id(PostKind k) {
    switch (k) {
        case PostKind::Original: return "post";
        case PostKind::Reply: return "reply";
        case PostKind::Quote: return "quote";
        case PostKind::Repost: return "repost";
    }
    return "post";
}
}  // namespace

namespace {
using OJ = nlohmann::ordered_json;
constexpr double scale_of(int n) { return n == 0 ? 1.0 : 10.0 * scale_of(n - 1); }
double q4(int64_t q) { return static_cast<double>(q) / scale_of(kExactDecimals); }
double q6(int64_t q) { return static_cast<double>(q) / scale_of(kValueDecimals); }
OJ count_or_null(int64_t v) { return v < 0 ? OJ(nullptr) : OJ(v); }
OJ time_or_null(int64_t t) { return t == 0 ? OJ(nullptr) : OJ(format_time(t)); }

OJ component_inputs(ComponentId id, const ScoreInputs& in, const ScoreResult& r) {
    OJ j = OJ::object();
    switch (id) {
        case ComponentId::Reach: j["followers"] = count_or_null(in.followers); break;
        case ComponentId::Amplification:
            j["posts_with_reshare_counts"] = in.posts_with_reshares;
            j["reshared_posts"] = in.reshared_posts;
            j["reshares_total"] = in.reshares_total;
            j["reshare_h_index"] = r.h_reshares;
            break;
        case ComponentId::Engagement:
            j["posts_with_reaction_counts"] = in.posts_with_reactions;
            j["reactions_total"] = in.reactions_total;
            j["reaction_h_index"] = r.h_reactions;
            break;
        case ComponentId::Consistency:
            j["weeks_active"] = in.weeks_active;
            j["weeks"] = kWeeks;
            break;
        case ComponentId::Conversation:
            j["replies_to_others"] = in.replies;
            j["qualifying_replies"] = in.qualifying_replies;
            break;
    }
    return j;
}

// Where a component's input came from: followers for reach, reaction or reshare counts
// for engagement and amplification; the activity components read the export's posts.

OJ partial_json(const ScoreResult& r) {
    if (!r.partial()) return OJ(nullptr);
    OJ unknown = OJ::array();
    for (const auto& c : r.components)
        if (!c.available) unknown.push_back(component_id(c.id));
    return OJ{{"unknown", std::move(unknown)}, {"unmeasured_points", r.unmeasured_points()}};
}

OJ components_json(const ScoreInputs& in, const ScoreResult& r) {
    OJ arr = OJ::array();
    for (const auto& c : r.components) {
        OJ j;
        j["id"] = component_id(c.id);
        j["label"] = component_label(c.id);
        // An unknown component shows its maximum and no points: null, never 0.
        j["points"] = c.available ? OJ(c.points) : OJ(nullptr);
        j["points_exact"] = c.available ? OJ(q4(c.points_q)) : OJ(nullptr);
        j["max_points"] = c.max_points;
        j["value"] = c.available ? OJ(q6(c.value_q)) : OJ(nullptr);
        j["known"] = c.available;
        j["available"] = c.available;  // = known, for readers written against schema v1
        j["provenance"] = provenance_ids(component_provenance_bits(c.id, in));
        j["inputs"] = component_inputs(c.id, in, r);
        arr.push_back(std::move(j));
    }
    return arr;
}

OJ what_if_params_json(const WhatIfParams& p) {
    OJ j;
    j["posts_factor"] = p.posts_factor;
    j["replies_factor"] = p.replies_factor;
    j["reactions_factor"] = p.reactions_factor;
    j["followers"] = count_or_null(p.followers);
    j["weeks_active"] = p.weeks_active < 0 ? OJ(nullptr) : OJ(p.weeks_active);
    return j;
}
}  // namespace

// Where a component's input came from: followers for reach, reaction or reshare counts
// for engagement and amplification; the activity components read the export's posts.
uint8_t component_provenance_bits(ComponentId id, const ScoreInputs& in) {
    switch (id) {
        case ComponentId::Reach: return in.followers >= 0 ? in.followers_from : 0;
        case ComponentId::Amplification: return in.reshares_known ? in.reshares_from : 0;
        case ComponentId::Engagement: return in.reactions_known ? in.reactions_from : 0;
        default: return prov_bit(Provenance::Export);
    }
}

std::string report_to_json(const Report& r) {
    OJ j;
    j["schema"] = "clout.report.v2";
    j["model"] = r.model;
    j["as_of"] = format_day(r.as_of_day);
    j["window_days"] = kWindowDays;
    j["score"] = r.result.score;
    j["score_exact"] = q4(r.result.exact_q);
    j["base_points"] = r.result.base_points;
    j["partial"] = partial_json(r.result);
    j["components"] = components_json(r.inputs, r.result);
    OJ nets = OJ::array();
    for (const auto& n : r.networks) {
        OJ x;
        x["network"] = network_id(n.network);
        x["score"] = n.result.score;
        x["score_exact"] = q4(n.result.exact_q);
        x["base_points"] = n.result.base_points;
        x["partial"] = partial_json(n.result);
        x["components"] = components_json(n.inputs, n.result);
        nets.push_back(std::move(x));
    }
    j["networks"] = std::move(nets);
    OJ trend = OJ::array();
    for (const auto& t : r.trend) {
        // points: the day's whole points per component (order of `components`; an unknown
        // component, see components[].known, stacks as 0); base_points + these = score, so
        // a chart can stack them exactly.
        OJ pts = OJ::array();
        for (int i = 0; i < kComponentCount; ++i) pts.push_back(t.points[static_cast<size_t>(i)]);
        trend.push_back(OJ{{"date", format_day(t.day)}, {"score", t.score}, {"points", std::move(pts)}});
    }
    j["trend"] = std::move(trend);
    OJ ch;
    ch["d1"] = r.d1;
    ch["d7"] = r.d7;
    ch["d30"] = r.d30;
    OJ cd = OJ::object();
    for (int i = 0; i < kComponentCount; ++i) cd[component_id(static_cast<ComponentId>(i))] = r.components_d30[static_cast<size_t>(i)];
    ch["components_d30"] = std::move(cd);
    j["change"] = std::move(ch);

    const auto& st = r.statement;
    OJ sj;
    sj["from"] = format_day(st.from_day);
    sj["to"] = format_day(st.to_day);
    sj["method"] = "Whole points: entered = score(as_of) - score(as_of without the posts of the last 30 days); "
                   "left = score(as_of-30 without the posts that left) - score(as_of-30); calendar = the rest (the same "
                   "posts seen in differently aligned weeks); the three add up to change.d30. Per post: leave-one-out, "
                   "the exact score with the post minus without it.";
    sj["entered_posts"] = st.entered_count;
    sj["left_posts"] = st.left_count;
    sj["entered_points"] = st.entered_points;
    sj["left_points"] = st.left_points;
    sj["calendar_points"] = st.calendar_points;
    auto posts_json = [](const std::vector<StatementPost>& v) {
        OJ arr = OJ::array();
        for (const auto& p : v) {
            OJ x;
            x["network"] = network_id(p.network);
            x["id"] = format_post_id(p.id, p.id_kind);
            x["time"] = format_time(p.time);
            x["kind"] = kind_id(p.kind);
            x["reactions"] = count_or_null(p.reactions);
            x["points_exact"] = q4(p.points_q);
            x["text"] = p.snippet;
            arr.push_back(std::move(x));
        }
        return arr;
    };
    sj["entered"] = posts_json(st.entered);
    sj["left"] = posts_json(st.left);
    j["activity_statement"] = std::move(sj);

    OJ src = OJ::array();
    for (const auto& s : r.sources) {
        OJ x;
        x["network"] = network_id(s.network);
        x["format"] = s.format;
        x["account"] = s.account;
        x["source"] = s.source_name;
        x["counts"] = OJ{{"posts", s.posts},
                         {"replies", s.replies},
                         {"reposts", s.reposts},
                         {"likes_given", s.likes_given},
                         {"followers", count_or_null(s.followers)},
                         {"following", count_or_null(s.following)}};
        x["followers_supplied"] = count_or_null(s.followers_supplied);
        x["provenance"] = OJ{{"followers", provenance_ids(s.followers_from)},
                             {"reactions", provenance_ids(s.reactions_from)},
                             {"reshares", provenance_ids(s.reshares_from)}};
        // hundredths as the number a person typed: 6, 0.4, 2.35
        auto per_post = [](int64_t c) { return c < 0 ? OJ(nullptr) : OJ::parse(per_post_text(c)); };
        x["filled"] = OJ{{"reactions_per_post", per_post(s.reactions_per_post_filled_c)},
                         {"reshares_per_post", per_post(s.reshares_per_post_filled_c)}};
        x["fetched"] = s.fetched_host.empty()
                           ? OJ(nullptr)
                           : OJ{{"host", s.fetched_host}, {"date", s.fetched_day > 0 ? OJ(format_day(s.fetched_day)) : OJ(nullptr)}};
        x["first_post"] = time_or_null(s.first_post);
        x["last_post"] = time_or_null(s.last_post);
        x["lacks"] = s.lacks;
        x["notes"] = s.notes;
        src.push_back(std::move(x));
    }
    j["sources"] = std::move(src);

    OJ topics = OJ::array();
    for (const auto& t : r.topics)
        topics.push_back(OJ{{"term", t.term}, {"kind", t.hashtag ? "hashtag" : "keyword"}, {"posts", t.posts},
                            {"reactions", t.reactions}, {"weight", t.weight}});
    j["topics"] = std::move(topics);
    OJ tops = OJ::array();
    for (const auto& t : r.top_posts) {
        OJ x;
        x["network"] = network_id(t.network);
        x["id"] = format_post_id(t.id, t.id_kind);
        x["time"] = format_time(t.time);
        x["kind"] = kind_id(t.kind);
        x["likes"] = count_or_null(t.likes);
        x["reposts"] = count_or_null(t.reposts);
        x["replies"] = count_or_null(t.replies);
        x["quotes"] = count_or_null(t.quotes);
        x["reactions"] = t.reactions;
        x["text"] = t.snippet;
        tops.push_back(std::move(x));
    }
    j["top_posts"] = std::move(tops);
    OJ eng = OJ::array();
    for (const auto& e : r.engaged_accounts)
        eng.push_back(OJ{{"account", e.account},
                         {"total", e.total()},
                         {"replies", e.replies},
                         {"mentions", e.mentions},
                         {"reposts", e.reposts},
                         {"quotes", e.quotes},
                         {"likes", e.likes}});
    j["engaged_accounts"] = std::move(eng);
    j["style"] = OJ{{"id", r.style.id},
                    {"label", r.style.label},
                    {"description", r.style.description},
                    {"creating_share", r.style.creating_share},
                    {"conversation_share", r.style.conversation_share},
                    {"high_response", r.style.high_response},
                    {"response", r.style.response}};
    OJ hm;
    hm["timezone"] = r.heatmap_zone;
    hm["abbreviations"] = r.heatmap_abbreviations;
    hm["label"] = r.heatmap_label;
    hm["rows"] = "weekday, Monday first";
    hm["columns"] = "hour 0-23";
    OJ rows = OJ::array();
    for (const auto& row : r.heatmap) rows.push_back(OJ(std::vector<int64_t>(row.begin(), row.end())));
    hm["counts"] = std::move(rows);
    j["activity_heatmap"] = std::move(hm);
    OJ tips = OJ::array();
    for (const auto& t : r.tips)
        tips.push_back(OJ{{"id", t.id}, {"text", t.text}, {"points", t.points}, {"points_exact", q4(t.points_q)},
                          {"what_if", what_if_params_json(t.params)}});
    j["tips"] = std::move(tips);
    OJ wi;
    wi["inputs"] = OJ::parse(inputs_to_json(r.inputs));
    wi["params"] = what_if_params_json(WhatIfParams{});
    j["what_if"] = std::move(wi);
    j["warnings"] = r.warnings;
    OJ wd = OJ::array();
    for (const auto& w : r.warning_details) {
        OJ nets = OJ::array();
        for (Network n : w.networks) nets.push_back(network_id(n));
        wd.push_back(OJ{{"code", w.code}, {"text", w.text}, {"fix", w.fix.empty() ? OJ(nullptr) : OJ(w.fix)}, {"networks", std::move(nets)}});
    }
    j["warning_details"] = std::move(wd);
    // replace: a string that is not valid UTF-8 (a file name given in Latin-1, say) comes
    // out with U+FFFD instead of making the whole report fail.
    return j.dump(2, ' ', false, OJ::error_handler_t::replace) + "\n";
}

}  // namespace clout
