#include "share/share_link.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "share/report_csv.h"
#include "util/error.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {

namespace {

constexpr const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr size_t kFixedBytes1 = 1 + 1 + 3 + 5 + 5 + 2 + 1 + 4 + 2 + 1 + 1 + 4;  // format 1, everything with no count
constexpr size_t kFixedBytes2 = 1 + 1 + 3 + 2 + 1 + 4 + 2 + 1 + 1 + 4;  // format 2, without the scores' inputs
constexpr size_t kPayloadMax = kShareLinkMax;  // characters; a whole link must also fit

std::string b64url(const std::vector<uint8_t>& in) {
    std::string out;
    out.reserve((in.size() * 4 + 2) / 3);
    size_t i = 0;
    for (; i + 3 <= in.size(); i += 3) {
        const uint32_t v = (uint32_t{in[i]} << 16) | (uint32_t{in[i + 1]} << 8) | in[i + 2];
        for (int k = 18; k >= 0; k -= 6) out += kB64[(v >> k) & 63];
    }
    if (in.size() - i == 1) {
        const uint32_t v = uint32_t{in[i]} << 16;
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
    } else if (in.size() - i == 2) {
        const uint32_t v = (uint32_t{in[i]} << 16) | (uint32_t{in[i + 1]} << 8);
        out += kB64[(v >> 18) & 63];
        out += kB64[(v >> 12) & 63];
        out += kB64[(v >> 6) & 63];
    }
    return out;
}

int b64_value(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '-') return 62;
    if (c == '_') return 63;
    return -1;
}

std::vector<uint8_t> b64url_decode(std::string_view s) {
    if (s.size() % 4 == 1) throw InputError("This share link is damaged: its length is impossible (was it cut off when copied?).");
    std::vector<uint8_t> out;
    out.reserve(s.size() * 3 / 4);
    uint32_t acc = 0;
    int bits = 0;
    for (char c : s) {
        const int v = b64_value(c);
        if (v < 0) throw InputError("This share link is damaged: it contains characters a clout link never has.");
        acc = (acc << 6) | static_cast<uint32_t>(v);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.push_back(static_cast<uint8_t>((acc >> bits) & 0xFF));
        }
    }
    // Canonical form only: the unused low bits of the last character must be zero.
    if (bits > 0 && (acc & ((1u << bits) - 1)) != 0)
        throw InputError("This share link is damaged: its last character was changed.");
    return out;
}

// The name as the card shows it: no control characters, runs of spaces made one, trimmed,
// valid UTF-8, at most kShareNameMax bytes cut on a character boundary.
std::string clean_name(std::string_view raw) {
    const std::string valid = utf8_sanitize(raw);
    std::string out;
    bool space = false;
    for (size_t i = 0; i < valid.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(valid[i]);
        if (ch < 0x20 || ch == 0x7F || ch == ' ') {
            space = !out.empty();
            continue;
        }
        // C1 controls (U+0080..U+009F) are encoded C2 80..C2 9F.
        if (ch == 0xC2 && i + 1 < valid.size() && static_cast<unsigned char>(valid[i + 1]) <= 0x9F) {
            ++i;
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += static_cast<char>(ch);
    }
    std::string cut(utf8_prefix(out, kShareNameMax));
    while (!cut.empty() && cut.back() == ' ') cut.pop_back();
    return cut;
}

bool name_ok(std::string_view s) {
    return s.size() <= kShareNameMax && utf8_valid(s) && clean_name(s) == s;
}

bool host_ok(std::string_view s) {
    if (s.empty() || s.size() > kShareHostMax || !utf8_valid(s)) return false;
    for (size_t i = 0; i < s.size(); ++i) {
        const unsigned char ch = static_cast<unsigned char>(s[i]);
        if (ch < 0x80) {
            if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || (ch != 0 && std::strchr(".-_:[]", ch))))
                return false;
            continue;
        }
        // An internationalised name: letters, not the characters that hide or reorder text
        // (C1 controls and no-break space U+0080..U+00A0; U+2000..U+207F: spaces, zero-width
        // and bidirectional marks; U+3000 ideographic space; U+FEFF).
        const unsigned char n1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        const unsigned char n2 = i + 2 < s.size() ? static_cast<unsigned char>(s[i + 2]) : 0;
        if (ch == 0xC2 && n1 <= 0xA0) return false;
        if (ch == 0xE2 && (n1 == 0x80 || n1 == 0x81)) return false;
        if (ch == 0xE3 && n1 == 0x80 && n2 == 0x80) return false;
        if (ch == 0xEF && n1 == 0xBB && n2 == 0xBF) return false;
    }
    return true;
}

int points_sum(const std::array<int, kComponentCount>& a) {
    int s = 0;
    for (int v : a) s += v;
    return s;
}

const int kFixedMax[kComponentCount] = {score_const::kMaxReach, score_const::kMaxAmplification,
                                        score_const::kMaxEngagement, score_const::kMaxConsistency,
                                        score_const::kMaxConversation};

std::array<bool, kComponentCount> known_of(const ScoreCore& c) {
    return {c.followers >= 0, c.reshares_known, c.reactions_known, true, c.replies_known};
}

// A format-2 score whose stated numbers are not what its inputs give; "" when they agree.
std::string recompute_problem(const ShareScore& s, const char* what) {
    char buf[200];
    const ScoreCore& c = s.core;
    if (c.h_reactions < 0 || c.h_reactions > score_const::kHCap || c.h_reshares < 0 || c.h_reshares > score_const::kHCap ||
        c.weeks_active < 0 || c.weeks_active > score_const::kWeeks || c.posts_with_reshares < 0 || c.reshared_posts < 0 ||
        c.reshared_posts > c.posts_with_reshares || c.qualifying_replies < 0 ||
        c.followers > 1000000000000LL) {
        std::snprintf(buf, sizeof buf, "inputs out of range for %s", what);
        return buf;
    }
    const ScoreResult r = score_core(c);
    if (r.score != s.score) {
        std::snprintf(buf, sizeof buf, "%s stated as %d while its inputs give %d", what, s.score, r.score);
        return buf;
    }
    for (int i = 0; i < kComponentCount; ++i)
        if (r.components[static_cast<size_t>(i)].points != s.points[static_cast<size_t>(i)]) {
            std::snprintf(buf, sizeof buf, "%s points for %s stated as %d while its inputs give %d", component_label(static_cast<ComponentId>(i)),
                          what, s.points[static_cast<size_t>(i)], r.components[static_cast<size_t>(i)].points);
            return buf;
        }
    return "";
}

// Every rule a card obeys; the first broken one as a sentence, or "" when all hold.
std::string card_problem(const ShareCard& c) {
    char buf[200];
    if (c.format < 1 || c.format > kShareFormat) return "an unknown link format";
    if (c.score < 1 || c.score > 100) {
        std::snprintf(buf, sizeof buf, "a score of %d (scores go from 1 to 100)", c.score);
        return buf;
    }
    const int ds[3] = {c.d1, c.d7, c.d30};
    for (int d : ds)
        if (c.score - d < 1 || c.score - d > 100) {
            std::snprintf(buf, sizeof buf, "a change of %+d from a score of %d", d, c.score);
            return buf;
        }
    int max_total = 0;
    for (int i = 0; i < kComponentCount; ++i) {
        if (c.max_points[static_cast<size_t>(i)] < 0 || c.points[static_cast<size_t>(i)] < 0 ||
            c.points[static_cast<size_t>(i)] > c.max_points[static_cast<size_t>(i)]) {
            std::snprintf(buf, sizeof buf, "%d of %d points for %s", c.points[static_cast<size_t>(i)],
                          c.max_points[static_cast<size_t>(i)], component_label(static_cast<ComponentId>(i)));
            return buf;
        }
        max_total += c.max_points[static_cast<size_t>(i)];
    }
    if (c.format == 1) {
        // Model 1 gave a missing signal's points to the others: 99 when every component is
        // available, less when a whole group is not, never more.
        if (max_total < 1 || max_total > 99) {
            std::snprintf(buf, sizeof buf, "components worth %d points in all (at most 99)", max_total);
            return buf;
        }
        if (points_sum(c.points) != c.score - 1) {
            std::snprintf(buf, sizeof buf, "component points adding up to %d, not to the score minus one (%d)",
                          points_sum(c.points), c.score - 1);
            return buf;
        }
    } else {
        for (int i = 0; i < kComponentCount; ++i) {
            if (c.max_points[static_cast<size_t>(i)] != kFixedMax[i]) return "a component maximum that is not the model's";
            if (!c.known[static_cast<size_t>(i)] && c.points[static_cast<size_t>(i)] != 0) return "points for an unknown component";
        }
        if (c.base_points != score_const::kBasePoints) return "a base that is not the model's";
        if (c.base_points + points_sum(c.points) != c.score) {
            std::snprintf(buf, sizeof buf, "a base and component points adding up to %d, not to the score (%d)",
                          c.base_points + points_sum(c.points), c.score);
            return buf;
        }
    }
    if (c.as_of_day < 0 || c.as_of_day > 0xFFFF) return "a date outside the years 1970 to 2149";
    if (c.model.size() != 22 || c.model.rfind("clout-score-", 0) != 0 || c.model[12] - '0' != (c.format == 1 ? 1 : 2) ||
        c.model[13] != '.' || c.model.find_first_not_of("0123456789abcdef", 14) != std::string::npos)
        return "a model version that is not clout's";
    if (c.networks.empty()) return "no network";
    for (size_t i = 0; i < c.networks.size(); ++i) {
        if (static_cast<int>(c.networks[i].first) >= kNetworkCount) return "an unknown network";
        if (i > 0 && c.networks[i].first <= c.networks[i - 1].first) return "networks out of order";
        if (c.networks[i].second < 1 || c.networks[i].second > 100) {
            std::snprintf(buf, sizeof buf, "a %s score of %d", network_label(c.networks[i].first), c.networks[i].second);
            return buf;
        }
    }
    if (c.trend.empty() || c.trend.size() > kShareTrendPoints) return "a trend of the wrong length";
    for (int v : c.trend)
        if (v < 1 || v > 100) {
            std::snprintf(buf, sizeof buf, "a trend point of %d", v);
            return buf;
        }
    if (c.trend.back() != c.score) return "a trend that does not end at the score";
    if (c.trend.size() >= 2 && c.trend[c.trend.size() - 1] - c.trend[c.trend.size() - 2] != c.d7)
        return "a 7-day change that disagrees with the trend";
    if (!name_ok(c.name)) return "a name that is not plain text";
    // Format 3 is the format of a card with fetches, and only of one.
    if (c.format == 3 && c.fetched.empty()) return "an empty list of fetched numbers";
    if (c.format != 3 && !c.fetched.empty()) return "fetched numbers in a link format that has none";
    for (size_t i = 0; i < c.fetched.size(); ++i) {
        const ShareFetch& f = c.fetched[i];
        if (i > 0 && f.network <= c.fetched[i - 1].network) return "fetched numbers out of network order";
        bool listed = false;
        for (const auto& n : c.networks) listed |= n.first == f.network;
        if (!listed) return "fetched numbers for a network the card does not show";
        if (!f.host.empty() && !host_ok(f.host)) return "a host name that is not a host name";
        if (f.day < 0 || f.day > 0xFFFF) return "a fetch date outside the years 1970 to 2149";
    }
    return "";
}

// A score reads a fetched number: a known component's input came from a fetch.
bool reads_fetched(const ShareScore& s) {
    const uint8_t fetched = prov_bit(Provenance::Fetched);
    const std::array<bool, kComponentCount> known = known_of(s.core);
    return (known[0] && (s.followers_from & fetched)) || (known[1] && (s.reshares_from & fetched)) ||
           (known[2] && (s.reactions_from & fetched));
}

// Formats 2 and 3: the stated numbers must be what the inputs give, with this engine; the
// first disagreement as a sentence, or "".
std::string inputs_problem(const ShareCard& c) {
    if (c.format >= 2) {
        std::string p = recompute_problem(c.combined, "the score");
        if (!p.empty()) return p;
        if (c.combined.score != c.score || c.combined.points != c.points || known_of(c.combined.core) != c.known)
            return "a score that is not its inputs' score";
        if (c.network_scores.size() != c.networks.size()) return "networks without their inputs";
        for (size_t i = 0; i < c.networks.size(); ++i) {
            const std::string what = std::string("the ") + network_label(c.networks[i].first) + " score";
            p = recompute_problem(c.network_scores[i], what.c_str());
            if (!p.empty()) return p;
            if (c.network_scores[i].score != c.networks[i].second) return "a network score that is not its inputs' score";
        }
        // A host and day are said only of numbers that were fetched.
        for (const ShareFetch& f : c.fetched)
            for (size_t i = 0; i < c.networks.size(); ++i)
                if (c.networks[i].first == f.network && !reads_fetched(c.network_scores[i]))
                    return std::string("a fetch date for ") + network_label(f.network) + " numbers that were not fetched";
    }
    return "";
}

void put_varint(std::vector<uint8_t>& b, uint64_t v) {
    while (v >= 0x80) {
        b.push_back(static_cast<uint8_t>(v | 0x80));
        v >>= 7;
    }
    b.push_back(static_cast<uint8_t>(v));
}

void put16(std::vector<uint8_t>& b, uint32_t v) {
    b.push_back(static_cast<uint8_t>(v & 0xFF));
    b.push_back(static_cast<uint8_t>((v >> 8) & 0xFF));
}
void put32(std::vector<uint8_t>& b, uint32_t v) {
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}

struct Reader {
    const std::vector<uint8_t>& b;
    size_t pos = 0;
    size_t end;
    uint32_t u8() {
        if (pos >= end) throw InputError("This share link is incomplete: it ends early (was it cut off when copied?).");
        return b[pos++];
    }
    int i8() { return static_cast<int8_t>(static_cast<uint8_t>(u8())); }
    uint32_t u16() { const uint32_t lo = u8(); return lo | (u8() << 8); }
    uint32_t u32() { const uint32_t lo = u16(); return lo | (u16() << 16); }
    uint64_t varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            const uint32_t byte = u8();
            v |= static_cast<uint64_t>(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        throw InputError("This share link holds impossible values: a number that is too long.");
    }
};

void put_score(std::vector<uint8_t>& b, const ShareScore& s) {
    const ScoreCore& c = s.core;
    b.push_back(static_cast<uint8_t>((c.followers >= 0 ? 1 : 0) | (c.reactions_known ? 2 : 0) | (c.reshares_known ? 4 : 0) |
                                     (c.replies_known ? 8 : 0)));
    b.push_back(static_cast<uint8_t>((s.followers_from & 15) | ((s.reactions_from & 15) << 4)));
    b.push_back(static_cast<uint8_t>(s.reshares_from & 15));
    if (c.followers >= 0) put_varint(b, static_cast<uint64_t>(c.followers));
    put_varint(b, static_cast<uint64_t>(c.posts_with_reshares));
    put_varint(b, static_cast<uint64_t>(c.reshared_posts));
    put_varint(b, static_cast<uint64_t>(c.h_reactions));
    put_varint(b, static_cast<uint64_t>(c.h_reshares));
    put_varint(b, static_cast<uint64_t>(c.qualifying_replies));
    b.push_back(static_cast<uint8_t>(c.weeks_active));
    for (int p : s.points) b.push_back(static_cast<uint8_t>(p));
    b.push_back(static_cast<uint8_t>(s.score));
}

ShareScore get_score(Reader& r) {
    auto count = [&](uint64_t most) -> int64_t {
        const uint64_t v = r.varint();
        if (v > most) throw InputError("This share link holds impossible values: a count out of range.");
        return static_cast<int64_t>(v);
    };
    ShareScore s;
    ScoreCore& c = s.core;
    const uint32_t known = r.u8();
    if (known >> 4) throw InputError("This share link holds impossible values: unknown flags.");
    const uint32_t p1 = r.u8(), p2 = r.u8();
    if (p2 >> 4) throw InputError("This share link holds impossible values: an unknown source of a number.");
    s.followers_from = static_cast<uint8_t>(p1 & 15);
    s.reactions_from = static_cast<uint8_t>(p1 >> 4);
    s.reshares_from = static_cast<uint8_t>(p2);
    c.reactions_known = (known & 2) != 0;
    c.reshares_known = (known & 4) != 0;
    c.replies_known = (known & 8) != 0;
    c.followers = (known & 1) ? count(1000000000000ULL) : -1;
    c.posts_with_reshares = count(1ULL << 40);
    c.reshared_posts = count(1ULL << 40);
    c.h_reactions = static_cast<int>(count(score_const::kHCap));
    c.h_reshares = static_cast<int>(count(score_const::kHCap));
    c.qualifying_replies = count(1ULL << 40);
    c.weeks_active = static_cast<int>(r.u8());
    for (auto& p : s.points) p = static_cast<int>(r.u8());
    s.score = static_cast<int>(r.u8());
    return s;
}

}  // namespace

uint32_t share_crc32(const uint8_t* data, size_t n) {
    return static_cast<uint32_t>(::crc32_z(0, data, n));  // zlib's CRC-32: the same bytes as zip's
}

ShareCard card_from_report(const Report& r, std::string_view name) {
    auto bad = [](const std::string& what) { return InputError("This is not a clout report: " + what + "."); };
    // The ranges a card's numbers can take (the link's varints hold at most 2^40).
    auto in_range = [&](int64_t v, const char* key) -> int64_t {
        if (v < -1000000 || v > 1000000000000LL) throw bad(std::string(key) + " out of range");
        return v;
    };
    // One score (the combined one or a network's) from its components' inputs.
    auto score_of = [&](const ScoreInputs& in, const ScoreResult& res) {
        ShareScore s;
        s.score = static_cast<int>(in_range(res.score, "score"));
        for (size_t i = 0; i < kComponentCount; ++i) {
            const ComponentResult& comp = res.components[i];
            if (comp.id != static_cast<ComponentId>(i)) throw bad("its components are out of order");
            if (comp.available) s.points[i] = static_cast<int>(in_range(comp.points, "points"));
        }
        const auto& cs = res.components;
        ScoreCore& c = s.core;
        c.followers = cs[0].available ? in_range(in.followers, "followers") : -1;
        c.reshares_known = cs[1].available;
        c.posts_with_reshares = in_range(in.posts_with_reshares, "posts_with_reshare_counts");
        c.reshared_posts = in_range(in.reshared_posts, "reshared_posts");
        c.h_reshares = static_cast<int>(in_range(res.h_reshares, "reshare_h_index"));
        c.reactions_known = cs[2].available;
        c.h_reactions = static_cast<int>(in_range(res.h_reactions, "reaction_h_index"));
        c.weeks_active = static_cast<int>(in_range(in.weeks_active, "weeks_active"));
        c.replies_known = cs[4].available;
        c.qualifying_replies = in_range(in.qualifying_replies, "qualifying_replies");
        s.followers_from = component_provenance_bits(ComponentId::Reach, in);
        s.reshares_from = component_provenance_bits(ComponentId::Amplification, in);
        s.reactions_from = component_provenance_bits(ComponentId::Engagement, in);
        return s;
    };
    ShareCard c;
    c.model = r.model;
    c.as_of_day = r.as_of_day;
    c.d1 = static_cast<int>(in_range(r.d1, "d1"));
    c.d7 = static_cast<int>(in_range(r.d7, "d7"));
    c.d30 = static_cast<int>(in_range(r.d30, "d30"));
    c.combined = score_of(r.inputs, r.result);
    c.score = c.combined.score;
    c.base_points = static_cast<int>(in_range(r.result.base_points, "base_points"));
    c.points = c.combined.points;
    c.known = known_of(c.combined.core);
    for (size_t i = 0; i < kComponentCount; ++i) c.max_points[i] = kFixedMax[i];
    std::vector<std::pair<Network, ShareScore>> nets;
    for (const auto& n : r.networks) nets.emplace_back(n.network, score_of(n.inputs, n.result));
    std::stable_sort(nets.begin(), nets.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& n : nets) {
        c.networks.emplace_back(n.first, n.second.score);
        c.network_scores.push_back(n.second);
        // Where the network's fetched numbers came from: its first account that was fetched.
        if (!reads_fetched(n.second)) continue;
        if (!c.fetched.empty() && c.fetched.back().network == n.first) continue;  // the same network twice
        for (const SourceInfo& src : r.sources) {
            if (src.network != n.first || src.fetched_host.empty()) continue;
            c.fetched.push_back(ShareFetch{n.first, host_ok(src.fetched_host) ? src.fetched_host : std::string(), src.fetched_day});
            break;
        }
    }
    c.format = c.fetched.empty() ? 2 : 3;
    if (r.trend.empty()) throw bad("it has no trend");
    for (int k = kShareTrendPoints - 1; k >= 0; --k) {
        const int64_t idx = static_cast<int64_t>(r.trend.size()) - 1 - static_cast<int64_t>(k) * kShareTrendStep;
        if (idx < 0) continue;
        c.trend.push_back(static_cast<int>(in_range(r.trend[static_cast<size_t>(idx)].score, "score")));
    }
    // The card's d7 is the last weekly step; the report's d7 is the same difference.
    c.name = clean_name(name);
    std::string problem = card_problem(c);
    if (problem.empty()) problem = inputs_problem(c);
    if (!problem.empty()) throw InputError("This report cannot be shared: it holds " + problem + ".");
    return c;
}

ShareCard card_from_report_json(std::string_view text, std::string_view name) {
    return card_from_report(share_report_from_json(text), name);
}

std::string encode_share(const ShareCard& c) {
    std::string problem = card_problem(c);
    if (problem.empty()) problem = inputs_problem(c);
    if (!problem.empty()) throw InputError("This card cannot be shared: it holds " + problem + ".");
    if (c.format == 1) throw InputError("This card cannot be shared again: it was made with score model 1.");
    std::vector<uint8_t> b;
    b.push_back(static_cast<uint8_t>(c.format));  // 3 with fetches, else 2 (card_problem holds them to it)
    b.push_back(static_cast<uint8_t>(c.score));
    for (int d : {c.d1, c.d7, c.d30}) b.push_back(static_cast<uint8_t>(static_cast<int8_t>(d)));
    put16(b, static_cast<uint32_t>(c.as_of_day));
    b.push_back(static_cast<uint8_t>(c.model[12] - '0'));
    put32(b, static_cast<uint32_t>(std::stoul(c.model.substr(14), nullptr, 16)));
    put_score(b, c.combined);
    uint32_t mask = 0;
    for (const auto& n : c.networks) mask |= 1u << static_cast<int>(n.first);
    put16(b, mask);
    for (const auto& n : c.network_scores) put_score(b, n);
    b.push_back(static_cast<uint8_t>(c.trend.size()));
    for (int v : c.trend) b.push_back(static_cast<uint8_t>(v));
    if (c.format == 3) {
        b.push_back(static_cast<uint8_t>(c.fetched.size()));
        for (const ShareFetch& f : c.fetched) {
            b.push_back(static_cast<uint8_t>(f.network));
            put16(b, static_cast<uint32_t>(f.day));
            b.push_back(static_cast<uint8_t>(f.host.size()));
            b.insert(b.end(), f.host.begin(), f.host.end());
        }
    }
    b.push_back(static_cast<uint8_t>(c.name.size()));
    b.insert(b.end(), c.name.begin(), c.name.end());
    put32(b, share_crc32(b.data(), b.size()));
    return b64url(b);
}

ShareCard decode_share(std::string_view s) {
    const size_t mark = s.find("#s=");
    if (mark != std::string_view::npos) s.remove_prefix(mark + 3);
    else if (s.rfind("s=", 0) == 0) s.remove_prefix(2);
    if (s.empty()) throw InputError("This share link is empty: it carries no score card.");
    if (s.size() > kPayloadMax) throw InputError("This share link is too long to be a clout link.");
    const std::vector<uint8_t> b = b64url_decode(s);
    if (b.empty()) throw InputError("This share link is incomplete: it ends early (was it cut off when copied?).");
    if (b[0] < 1 || b[0] > kShareFormat) {
        if (b[0] > kShareFormat && b[0] < 64)
            throw InputError("This share link was made by a newer version of clout (link format " + std::to_string(b[0]) +
                             "); this page reads formats 1 to " + std::to_string(kShareFormat) + ". Reload the page to update it.");
        throw InputError("This share link is damaged: it does not start like a clout link.");
    }
    const size_t fixed = b[0] == 1 ? kFixedBytes1 : kFixedBytes2;
    if (b.size() < fixed + 1 + 1)  // + one network + one trend point
        throw InputError("This share link is incomplete: it ends early (was it cut off when copied?).");
    const size_t body = b.size() - 4;
    const uint32_t stored = uint32_t{b[body]} | (uint32_t{b[body + 1]} << 8) | (uint32_t{b[body + 2]} << 16) |
                            (uint32_t{b[body + 3]} << 24);
    if (share_crc32(b.data(), body) != stored)
        throw InputError("This share link is damaged: its checksum does not match (it was changed, mistyped or cut off).");

    Reader r{b, 1, body};
    ShareCard c;
    c.format = b[0];
    c.score = static_cast<int>(r.u8());
    c.d1 = r.i8();
    c.d7 = r.i8();
    c.d30 = r.i8();
    if (c.format == 1) {
        for (auto& p : c.points) p = static_cast<int>(r.u8());
        for (auto& p : c.max_points) p = static_cast<int>(r.u8());
        for (size_t i = 0; i < kComponentCount; ++i) c.known[i] = c.max_points[i] > 0;
    }
    c.as_of_day = r.u16();
    const uint32_t major = r.u8();
    const uint32_t hash = r.u32();
    char model[40];
    std::snprintf(model, sizeof model, "clout-score-%u.%08x", major, hash);
    c.model = model;
    if (c.format >= 2) {
        c.combined = get_score(r);
        c.base_points = score_const::kBasePoints;
        c.points = c.combined.points;
        c.known = known_of(c.combined.core);
        for (size_t i = 0; i < kComponentCount; ++i) c.max_points[i] = kFixedMax[i];
    }
    const uint32_t mask = r.u16();
    if (mask >> kNetworkCount) throw InputError("This share link holds impossible values: an unknown network.");
    for (int i = 0; i < kNetworkCount; ++i) {
        if (!(mask & (1u << i))) continue;
        if (c.format == 1) {
            c.networks.emplace_back(static_cast<Network>(i), static_cast<int>(r.u8()));
        } else {
            c.network_scores.push_back(get_score(r));
            c.networks.emplace_back(static_cast<Network>(i), c.network_scores.back().score);
        }
    }
    const uint32_t t = r.u8();
    if (t < 1 || t > kShareTrendPoints) throw InputError("This share link holds impossible values: a trend of the wrong length.");
    for (uint32_t i = 0; i < t; ++i) c.trend.push_back(static_cast<int>(r.u8()));
    if (c.format == 3) {
        const uint32_t nf = r.u8();
        if (nf < 1 || nf > kNetworkCount) throw InputError("This share link holds impossible values: a list of fetched numbers of the wrong length.");
        for (uint32_t i = 0; i < nf; ++i) {
            ShareFetch f;
            const uint32_t net = r.u8();
            if (net >= static_cast<uint32_t>(kNetworkCount)) throw InputError("This share link holds impossible values: an unknown network.");
            f.network = static_cast<Network>(net);
            f.day = r.u16();
            const uint32_t h = r.u8();
            if (h > kShareHostMax) throw InputError("This share link holds impossible values: a host name that is too long.");
            for (uint32_t k = 0; k < h; ++k) f.host += static_cast<char>(r.u8());
            c.fetched.push_back(std::move(f));
        }
    }
    const uint32_t l = r.u8();
    if (l > kShareNameMax) throw InputError("This share link holds impossible values: a name that is too long.");
    for (uint32_t i = 0; i < l; ++i) c.name += static_cast<char>(r.u8());
    if (r.pos != body) throw InputError("This share link is damaged: it has extra data at the end.");
    const std::string problem = card_problem(c);
    if (!problem.empty()) throw InputError("This share link holds impossible values: " + problem + ".");
    const std::string disagree = inputs_problem(c);
    if (!disagree.empty()) {
        if (c.model != model_version())
            throw InputError("This share link was made with another version of score model 2 (" + c.model +
                             ") and its numbers cannot be checked here: " + disagree + ".");
        throw InputError("This share link is damaged: its numbers do not match its inputs (" + disagree + ").");
    }
    return c;
}

std::string card_to_json(const ShareCard& c) {
    using OJ = nlohmann::ordered_json;
    auto partial = [](const std::array<bool, kComponentCount>& known) {
        OJ unknown = OJ::array();
        int pts = 0;
        for (int i = 0; i < kComponentCount; ++i)
            if (!known[static_cast<size_t>(i)]) {
                unknown.push_back(component_id(static_cast<ComponentId>(i)));
                pts += kFixedMax[i];
            }
        return unknown.empty() ? OJ(nullptr) : OJ{{"unknown", std::move(unknown)}, {"unmeasured_points", pts}};
    };
    OJ j;
    j["format"] = c.format;
    j["model_major"] = c.format == 1 ? 1 : 2;
    j["score"] = c.score;
    j["base_points"] = c.base_points;
    j["partial"] = c.format == 1 ? OJ(nullptr) : partial(c.known);
    j["change"] = OJ{{"d1", c.d1}, {"d7", c.d7}, {"d30", c.d30}};
    OJ comps = OJ::array();
    for (int i = 0; i < kComponentCount; ++i) {
        const auto id = static_cast<ComponentId>(i);
        const bool known = c.known[static_cast<size_t>(i)];
        uint8_t prov = 0;
        if (c.format >= 2)
            prov = id == ComponentId::Reach           ? c.combined.followers_from
                   : id == ComponentId::Amplification ? c.combined.reshares_from
                   : id == ComponentId::Engagement    ? c.combined.reactions_from
                                                      : prov_bit(Provenance::Export);
        comps.push_back(OJ{{"id", component_id(id)},
                           {"label", component_label(id)},
                           {"points", known ? OJ(c.points[static_cast<size_t>(i)]) : OJ(nullptr)},
                           {"max_points", c.max_points[static_cast<size_t>(i)]},
                           {"known", known},
                           {"available", known},
                           {"provenance", known ? OJ(provenance_ids(prov)) : OJ::array()}});
    }
    j["components"] = std::move(comps);
    j["as_of"] = format_day(c.as_of_day);
    j["model"] = c.model;
    OJ nets = OJ::array();
    for (size_t i = 0; i < c.networks.size(); ++i) {
        const auto& n = c.networks[i];
        OJ x{{"network", network_id(n.first)}, {"label", network_label(n.first)}, {"score", n.second}};
        x["partial"] = c.format >= 2 && i < c.network_scores.size() ? partial(known_of(c.network_scores[i].core)) : OJ(nullptr);
        nets.push_back(std::move(x));
    }
    j["networks"] = std::move(nets);
    j["trend"] = c.trend;
    j["trend_step_days"] = kShareTrendStep;
    OJ fetched = OJ::array();
    for (const ShareFetch& f : c.fetched)
        fetched.push_back(OJ{{"network", network_id(f.network)},
                             {"label", network_label(f.network)},
                             {"host", f.host.empty() ? OJ(nullptr) : OJ(f.host)},
                             {"date", f.day > 0 ? OJ(format_day(f.day)) : OJ(nullptr)}});
    j["fetched"] = std::move(fetched);
    j["name"] = c.name;
    return j.dump();
}

std::string share_clean_name(std::string_view raw) { return clean_name(raw); }

bool share_host_ok(std::string_view host) { return host_ok(host); }

int share_unmeasured_points(const ShareScore& s) {
    const std::array<bool, kComponentCount> known = known_of(s.core);
    int pts = 0;
    for (int i = 0; i < kComponentCount; ++i)
        if (!known[static_cast<size_t>(i)]) pts += kFixedMax[i];
    return pts;
}

}  // namespace clout
