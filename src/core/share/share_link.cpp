#include "share/share_link.h"

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "util/error.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {

namespace {

constexpr const char* kB64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr size_t kFixedBytes = 1 + 1 + 3 + 5 + 5 + 2 + 1 + 4 + 2 + 1 + 1 + 4;  // everything with no count
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

int points_sum(const std::array<int, kComponentCount>& a) {
    int s = 0;
    for (int v : a) s += v;
    return s;
}

// Every rule a card obeys; the first broken one as a sentence, or "" when all hold.
std::string card_problem(const ShareCard& c) {
    char buf[200];
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
    // 99 when every component is available; less when a whole group of them is not
    // (docs/SCORING.md §4), never more.
    if (max_total < 1 || max_total > 99) {
        std::snprintf(buf, sizeof buf, "components worth %d points in all (at most 99)", max_total);
        return buf;
    }
    if (points_sum(c.points) != c.score - 1) {
        std::snprintf(buf, sizeof buf, "component points adding up to %d, not to the score minus one (%d)",
                      points_sum(c.points), c.score - 1);
        return buf;
    }
    if (c.as_of_day < 0 || c.as_of_day > 0xFFFF) return "a date outside the years 1970 to 2149";
    if (c.model.size() != 22 || c.model.rfind("clout-score-", 0) != 0 || c.model[12] < '1' || c.model[12] > '9' ||
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
    return "";
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
};

}  // namespace

uint32_t share_crc32(const uint8_t* data, size_t n) {
    return static_cast<uint32_t>(::crc32_z(0, data, n));  // zlib's CRC-32: the same bytes as zip's
}

ShareCard card_from_report(const Report& r, std::string_view name) {
    ShareCard c;
    c.score = r.result.score;
    c.model = r.model;
    c.as_of_day = r.as_of_day;
    c.d1 = r.d1;
    c.d7 = r.d7;
    c.d30 = r.d30;
    for (size_t i = 0; i < kComponentCount; ++i) {
        const ComponentResult& comp = r.result.components[i];
        if (comp.id != static_cast<ComponentId>(i))
            throw InputError("This report cannot be shared: its components are out of order.");
        c.points[i] = comp.points;
        c.max_points[i] = comp.max_points;
    }
    for (const auto& n : r.networks) c.networks.emplace_back(n.network, n.result.score);
    std::sort(c.networks.begin(), c.networks.end());
    if (r.trend.empty()) throw InputError("This report cannot be shared: it has no trend.");
    for (int k = kShareTrendPoints - 1; k >= 0; --k) {
        const int64_t idx = static_cast<int64_t>(r.trend.size()) - 1 - static_cast<int64_t>(k) * kShareTrendStep;
        if (idx < 0) continue;
        c.trend.push_back(r.trend[static_cast<size_t>(idx)].score);
    }
    // The card's d7 is the last weekly step; the report's d7 is the same difference.
    c.name = clean_name(name);
    const std::string problem = card_problem(c);
    if (!problem.empty()) throw InputError("This report cannot be shared: it holds " + problem + ".");
    return c;
}

ShareCard card_from_report_json(std::string_view text, std::string_view name) {
    Report r;
    try {
        r = report_from_json(text);
    } catch (const InputError& e) {
        std::string why = e.what();
        if (why.rfind("report: ", 0) == 0) why.erase(0, 8);
        throw InputError("This is not a clout report: " + why + ".");
    }
    return card_from_report(r, name);
}

std::string encode_share(const ShareCard& c) {
    const std::string problem = card_problem(c);
    if (!problem.empty()) throw InputError("This card cannot be shared: it holds " + problem + ".");
    std::vector<uint8_t> b;
    b.push_back(kShareFormat);
    b.push_back(static_cast<uint8_t>(c.score));
    for (int d : {c.d1, c.d7, c.d30}) b.push_back(static_cast<uint8_t>(static_cast<int8_t>(d)));
    for (int p : c.points) b.push_back(static_cast<uint8_t>(p));
    for (int p : c.max_points) b.push_back(static_cast<uint8_t>(p));
    put16(b, static_cast<uint32_t>(c.as_of_day));
    b.push_back(static_cast<uint8_t>(c.model[12] - '0'));
    put32(b, static_cast<uint32_t>(std::stoul(c.model.substr(14), nullptr, 16)));
    uint32_t mask = 0;
    for (const auto& n : c.networks) mask |= 1u << static_cast<int>(n.first);
    put16(b, mask);
    for (const auto& n : c.networks) b.push_back(static_cast<uint8_t>(n.second));
    b.push_back(static_cast<uint8_t>(c.trend.size()));
    for (int v : c.trend) b.push_back(static_cast<uint8_t>(v));
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
    if (b[0] != kShareFormat) {
        if (b[0] > kShareFormat && b[0] < 64)
            throw InputError("This share link was made by a newer version of clout (link format " + std::to_string(b[0]) +
                             "); this page reads format " + std::to_string(kShareFormat) + ". Reload the page to update it.");
        throw InputError("This share link is damaged: it does not start like a clout link.");
    }
    if (b.size() < kFixedBytes + 1 + 1)  // + one network score + one trend point
        throw InputError("This share link is incomplete: it ends early (was it cut off when copied?).");
    const size_t body = b.size() - 4;
    const uint32_t stored = uint32_t{b[body]} | (uint32_t{b[body + 1]} << 8) | (uint32_t{b[body + 2]} << 16) |
                            (uint32_t{b[body + 3]} << 24);
    if (share_crc32(b.data(), body) != stored)
        throw InputError("This share link is damaged: its checksum does not match (it was changed, mistyped or cut off).");

    Reader r{b, 1, body};
    ShareCard c;
    c.score = static_cast<int>(r.u8());
    c.d1 = r.i8();
    c.d7 = r.i8();
    c.d30 = r.i8();
    for (auto& p : c.points) p = static_cast<int>(r.u8());
    for (auto& p : c.max_points) p = static_cast<int>(r.u8());
    c.as_of_day = r.u16();
    const uint32_t major = r.u8();
    const uint32_t hash = r.u32();
    char model[40];
    std::snprintf(model, sizeof model, "clout-score-%u.%08x", major, hash);
    c.model = model;
    const uint32_t mask = r.u16();
    if (mask >> kNetworkCount) throw InputError("This share link holds impossible values: an unknown network.");
    for (int i = 0; i < kNetworkCount; ++i)
        if (mask & (1u << i)) c.networks.emplace_back(static_cast<Network>(i), static_cast<int>(r.u8()));
    const uint32_t t = r.u8();
    if (t < 1 || t > kShareTrendPoints) throw InputError("This share link holds impossible values: a trend of the wrong length.");
    for (uint32_t i = 0; i < t; ++i) c.trend.push_back(static_cast<int>(r.u8()));
    const uint32_t l = r.u8();
    if (l > kShareNameMax) throw InputError("This share link holds impossible values: a name that is too long.");
    for (uint32_t i = 0; i < l; ++i) c.name += static_cast<char>(r.u8());
    if (r.pos != body) throw InputError("This share link is damaged: it has extra data at the end.");
    const std::string problem = card_problem(c);
    if (!problem.empty()) throw InputError("This share link holds impossible values: " + problem + ".");
    return c;
}

std::string card_to_json(const ShareCard& c) {
    using OJ = nlohmann::ordered_json;
    OJ j;
    j["format"] = kShareFormat;
    j["score"] = c.score;
    j["change"] = OJ{{"d1", c.d1}, {"d7", c.d7}, {"d30", c.d30}};
    OJ comps = OJ::array();
    for (int i = 0; i < kComponentCount; ++i) {
        const auto id = static_cast<ComponentId>(i);
        comps.push_back(OJ{{"id", component_id(id)},
                           {"label", component_label(id)},
                           {"points", c.points[static_cast<size_t>(i)]},
                           {"max_points", c.max_points[static_cast<size_t>(i)]},
                           {"available", c.max_points[static_cast<size_t>(i)] > 0}});
    }
    j["components"] = std::move(comps);
    j["as_of"] = format_day(c.as_of_day);
    j["model"] = c.model;
    OJ nets = OJ::array();
    for (const auto& n : c.networks)
        nets.push_back(OJ{{"network", network_id(n.first)}, {"label", network_label(n.first)}, {"score", n.second}});
    j["networks"] = std::move(nets);
    j["trend"] = c.trend;
    j["trend_step_days"] = kShareTrendStep;
    j["name"] = c.name;
    return j.dump();
}

std::string share_clean_name(std::string_view raw) { return clean_name(raw); }

}  // namespace clout
