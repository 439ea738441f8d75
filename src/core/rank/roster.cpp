#include "rank/roster.h"

#include <algorithm>
#include <cstring>

#include <cstdio>

#include "model/activity.h"
#include "io/csv.h"
#include "util/error.h"
#include "util/text.h"

namespace clout {

namespace {

enum class Col { Handle, Network, Name, Followers, Posts, Likes, Reposts, Quotes, RepliesReceived, RepliesMade, PeriodDays, Count };

const char* col_id(Col c) {
    static const char* const ids[] = {"handle", "network", "name", "followers", "posts", "likes_received", "reposts_received",
                                      "quotes_received", "replies_received", "replies_made", "period_days"};
    return ids[static_cast<int>(c)];
}

// Folded header names (fold_header_name: lower case, no spaces/underscores/dashes/dots).
struct Synonym {
    const char* folded;
    Col col;
};
const Synonym kSynonyms[] = {
    {"handle", Col::Handle}, {"username", Col::Handle}, {"user", Col::Handle}, {"account", Col::Handle},
    {"accounthandle", Col::Handle}, {"screenname", Col::Handle}, {"login", Col::Handle}, {"profile", Col::Handle},
    {"network", Col::Network}, {"platform", Col::Network}, {"site", Col::Network}, {"service", Col::Network},
    {"socialnetwork", Col::Network}, {"channel", Col::Network},
    {"name", Col::Name}, {"displayname", Col::Name}, {"fullname", Col::Name},
    {"followers", Col::Followers}, {"followerscount", Col::Followers}, {"followercount", Col::Followers},
    {"numfollowers", Col::Followers}, {"fans", Col::Followers}, {"fanscount", Col::Followers},
    {"subscribers", Col::Followers}, {"subscriberscount", Col::Followers}, {"connections", Col::Followers},
    {"audience", Col::Followers}, {"audiencesize", Col::Followers},
    {"posts", Col::Posts}, {"postscount", Col::Posts}, {"postcount", Col::Posts}, {"numposts", Col::Posts},
    {"postspublished", Col::Posts}, {"tweets", Col::Posts}, {"statuses", Col::Posts}, {"statusescount", Col::Posts},
    {"videos", Col::Posts}, {"mediacount", Col::Posts}, {"publications", Col::Posts},
    {"likes", Col::Likes}, {"likesreceived", Col::Likes}, {"likecount", Col::Likes}, {"likescount", Col::Likes},
    {"favorites", Col::Likes}, {"favourites", Col::Likes}, {"favoritecount", Col::Likes}, {"reactions", Col::Likes},
    {"reactionsreceived", Col::Likes}, {"hearts", Col::Likes},
    {"reposts", Col::Reposts}, {"repostsreceived", Col::Reposts}, {"repostcount", Col::Reposts}, {"retweets", Col::Reposts},
    {"retweetcount", Col::Reposts}, {"shares", Col::Reposts}, {"sharesreceived", Col::Reposts}, {"boosts", Col::Reposts},
    {"reblogs", Col::Reposts},
    {"quotes", Col::Quotes}, {"quotesreceived", Col::Quotes}, {"quotecount", Col::Quotes},
    {"replies", Col::RepliesReceived}, {"repliesreceived", Col::RepliesReceived}, {"replycount", Col::RepliesReceived},
    {"comments", Col::RepliesReceived}, {"commentsreceived", Col::RepliesReceived}, {"commentcount", Col::RepliesReceived},
    {"repliesmade", Col::RepliesMade}, {"repliessent", Col::RepliesMade}, {"repliesgiven", Col::RepliesMade},
    {"commentsmade", Col::RepliesMade}, {"repliestoothers", Col::RepliesMade},
    {"perioddays", Col::PeriodDays}, {"period", Col::PeriodDays}, {"days", Col::PeriodDays}, {"windowdays", Col::PeriodDays},
    {"periodlength", Col::PeriodDays},
};

bool lookup(const std::string& folded, Col& out) {
    for (const auto& s : kSynonyms)
        if (folded == s.folded) {
            out = s.col;
            return true;
        }
    return false;
}

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
    return std::string(s.substr(a, b - a));
}

enum class Num { Ok, Missing, Bad };

// "1234", "1,234", "12 345", "1.2K", "3.4M", "2B", "1234.0". Integer arithmetic only.
Num parse_count(std::string_view raw, int64_t& out) {
    std::string s;
    for (char c : raw)
        if (c != ',' && c != ' ' && c != '_' && c != '\'' && c != '\t') s.push_back(c);
    std::string l = ascii_lower(s);
    if (l.empty() || l == "-" || l == "n/a" || l == "na" || l == "null" || l == "none" || l == "?" || l == "unknown" ||
        l == "\xE2\x80\x94" || l == "\xE2\x80\x93")
        return Num::Missing;
    int64_t mult = 1;
    char last = l.back();
    if (last == 'k') mult = 1000;
    else if (last == 'm') mult = 1000000;
    else if (last == 'b') mult = 1000000000;
    if (mult != 1) l.pop_back();
    if (l.empty()) return Num::Bad;
    bool neg = l[0] == '-';
    if (neg) l.erase(0, 1);
    if (l.empty()) return Num::Bad;
    int64_t ip = 0, frac = 0, scale = 1;
    size_t i = 0;
    bool digits = false;
    for (; i < l.size() && l[i] >= '0' && l[i] <= '9'; ++i) {
        if (ip > 100000000000000LL) return Num::Bad;
        ip = ip * 10 + (l[i] - '0');
        digits = true;
    }
    if (i < l.size() && l[i] == '.') {
        ++i;
        for (; i < l.size() && l[i] >= '0' && l[i] <= '9'; ++i) {
            if (scale < 1000000) {
                frac = frac * 10 + (l[i] - '0');
                scale *= 10;
            }
            digits = true;
        }
    }
    if (!digits || i != l.size()) return Num::Bad;
    if (ip > INT64_MAX / mult / 2) return Num::Bad;
    out = ip * mult + frac * mult / scale;
    if (neg) out = -out;
    return Num::Ok;
}

std::string lower_network(const std::string& s) {
    clout::Network n;
    if (parse_network(trim(s), n)) return network_id(n);
    std::string l = ascii_lower(trim(s));
    if (l == "ig" || l == "insta") return "instagram";
    if (l == "fb") return "facebook";
    if (l == "tw" || l == "x.com" || l == "twitter.com") return "x";
    if (l == "li") return "linkedin";
    if (l == "tt") return "tiktok";
    if (l == "bsky") return "bluesky";
    return l;
}

std::string fmt_q(int64_t q, int decimals) { return format_fixed(q, decimals); }

}  // namespace

Roster read_roster(InputStream& in, const Limits& limits) {
    Roster r;
    CsvReader rd(in, limits.max_field_bytes);
    std::vector<std::string> header;
    int cols[static_cast<int>(Col::Count)];
    auto map_header = [&](const std::vector<std::string>& h) {
        std::fill(std::begin(cols), std::end(cols), -1);
        for (size_t i = 0; i < h.size(); ++i) {
            Col c;
            if (lookup(fold_header_name(h[i]), c) && cols[static_cast<int>(c)] < 0) cols[static_cast<int>(c)] = static_cast<int>(i);
        }
        // No handle column: a "name" column serves as the handle.
        if (cols[static_cast<int>(Col::Handle)] < 0 && cols[static_cast<int>(Col::Name)] >= 0) {
            cols[static_cast<int>(Col::Handle)] = cols[static_cast<int>(Col::Name)];
            cols[static_cast<int>(Col::Name)] = -1;
        }
        return cols[static_cast<int>(Col::Handle)] >= 0;
    };
    if (!rd.find_header(header, map_header, 32))
        throw InputError("no header line with a handle column (looked for handle, username, account, name ...; see docs/RANKING.md)");
    for (int c = 0; c < static_cast<int>(Col::Count); ++c)
        if (cols[c] >= 0) r.columns.push_back(trim(header[static_cast<size_t>(cols[c])]) + " -> " + col_id(static_cast<Col>(c)));
    const int hc = cols[static_cast<int>(Col::Handle)];
    std::vector<std::string> row;
    while (rd.next(row)) {
        ++r.data_rows;
        const uint64_t line = rd.line();
        auto cell = [&](Col c) -> std::string {
            int i = cols[static_cast<int>(c)];
            return i >= 0 && static_cast<size_t>(i) < row.size() ? trim(row[static_cast<size_t>(i)]) : std::string();
        };
        RosterRow x;
        x.line = line;
        x.handle = cell(Col::Handle);
        if (static_cast<size_t>(hc) >= row.size() || x.handle.empty()) {
            r.warnings.push_back("line " + std::to_string(line) + ": no handle; row skipped");
            continue;
        }
        if (!utf8_valid(x.handle)) x.handle = utf8_sanitize(x.handle);
        x.network = lower_network(cell(Col::Network));
        x.name = cell(Col::Name);
        if (!utf8_valid(x.network)) x.network = utf8_sanitize(x.network);
        if (!utf8_valid(x.name)) x.name = utf8_sanitize(x.name);
        auto number = [&](Col c, int64_t& out) {
            if (cols[static_cast<int>(c)] < 0) return false;
            std::string v = cell(c);
            int64_t n = -1;
            switch (parse_count(v, n)) {
                case Num::Ok:
                    if (n < 0 && c != Col::PeriodDays) {
                        r.warnings.push_back("line " + std::to_string(line) + ": " + col_id(c) + " " + std::to_string(n) +
                                             " is negative; unavailable");
                        return false;
                    }
                    out = n;
                    return true;
                case Num::Missing: return false;
                case Num::Bad:
                    r.warnings.push_back("line " + std::to_string(line) + ": " + col_id(c) + " '" +
                                         std::string(utf8_prefix(v, 40)) + "' is not a number; unavailable");
                    return false;
            }
            return false;
        };
        number(Col::Followers, x.agg.followers);
        int64_t posts = -1;
        if (number(Col::Posts, posts)) {
            x.agg.posts = posts;
            x.posts_known = true;
        }
        number(Col::Likes, x.agg.likes_received);
        number(Col::Reposts, x.agg.reposts_received);
        number(Col::Quotes, x.quotes_received);
        if (x.quotes_received >= 0)
            x.agg.reposts_received = std::max<int64_t>(0, x.agg.reposts_received) + x.quotes_received;
        number(Col::RepliesReceived, x.agg.replies_received);
        number(Col::RepliesMade, x.agg.replies_made);
        int64_t days = -1;
        if (number(Col::PeriodDays, days)) {
            if (days <= 0 || days > 36600) {
                r.warnings.push_back("line " + std::to_string(line) + ": period_days " + std::to_string(days) +
                                     " is out of range; " + std::to_string(score_const::kWindowDays) + " used");
            } else {
                x.agg.period_days = days;
            }
        }
        r.rows.push_back(std::move(x));
    }
    if (rd.unterminated_quote()) r.warnings.push_back("the file ends inside a quoted field (line " + std::to_string(rd.line()) + ")");
    return r;
}

Roster read_roster_file(const std::string& path, const Limits& limits) {
    auto src = open_file_source(path);
    auto st = source_stream(*src, 0, src->size());
    return read_roster(*st, limits);
}

void rank_roster(Roster& r) {
    for (auto& x : r.rows) x.result = score_inputs(inputs_from_aggregates(x.agg));
    std::vector<std::string> keys(r.rows.size());
    std::vector<size_t> order(r.rows.size());
    for (size_t i = 0; i < r.rows.size(); ++i) {
        keys[i] = ascii_lower(r.rows[i].handle);
        order[i] = i;
    }
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const RosterRow& x = r.rows[a];
        const RosterRow& y = r.rows[b];
        if (x.result.score != y.result.score) return x.result.score > y.result.score;
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        if (x.network != y.network) return x.network < y.network;
        return x.line < y.line;
    });
    std::vector<RosterRow> sorted;
    sorted.reserve(r.rows.size());
    for (size_t i : order) sorted.push_back(std::move(r.rows[i]));
    r.rows = std::move(sorted);
    for (size_t i = 0; i < r.rows.size(); ++i) r.rows[i].rank = i + 1;
}

namespace {

size_t shown(const Roster& r, size_t top) { return top == 0 ? r.rows.size() : std::min(top, r.rows.size()); }

std::string num_or_dash(int64_t v) { return v < 0 ? "-" : std::to_string(v); }

std::string points_cell(const ComponentResult& c) { return c.available ? std::to_string(c.points) : "-"; }

}  // namespace

std::string roster_table(const Roster& r, size_t top) {
    const size_t n = shown(r, top);
    std::vector<std::vector<std::string>> cells;
    cells.push_back({"#", "handle", "network", "score", "reach", "amplif.", "engage.", "consist.", "convers.", "followers", "posts"});
    for (size_t i = 0; i < n; ++i) {
        const RosterRow& x = r.rows[i];
        std::vector<std::string> c = {std::to_string(x.rank), x.handle, x.network.empty() ? "-" : x.network,
                                      std::to_string(x.result.score)};
        for (int k = 0; k < kComponentCount; ++k) c.push_back(points_cell(x.result.components[static_cast<size_t>(k)]));
        c.push_back(num_or_dash(x.agg.followers));
        c.push_back(x.posts_known ? std::to_string(x.agg.posts) : "-");
        cells.push_back(std::move(c));
    }
    std::vector<size_t> w(cells[0].size(), 0);
    for (auto& row : cells)
        for (size_t k = 0; k < row.size(); ++k) w[k] = std::max(w[k], utf8_length(row[k]));
    std::string out;
    for (size_t ri = 0; ri < cells.size(); ++ri) {
        auto& row = cells[ri];
        std::string line;
        for (size_t k = 0; k < row.size(); ++k) {
            size_t len = utf8_length(row[k]);
            bool left = k == 1 || k == 2;   // text columns left-aligned, numbers right-aligned
            if (k) line += "  ";
            if (left) {
                line += row[k];
                if (k + 1 < row.size()) line.append(w[k] - len, ' ');
            } else {
                line.append(w[k] - len, ' ');
                line += row[k];
            }
        }
        out += line + "\n";
        if (ri == 0) {
            size_t total = 0;
            for (size_t k = 0; k < w.size(); ++k) total += w[k] + (k ? 2 : 0);
            out += std::string(total, '-') + "\n";
        }
    }
    out += std::to_string(r.rows.size()) + " accounts ranked" +
           (n < r.rows.size() ? " (top " + std::to_string(n) + " shown)" : std::string()) +
           "; points per component ('-' = unavailable from the roster's columns); model " + model_version() + "\n";
    return out;
}

namespace {
std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) {
        if (c == '"') o += "\"\"";
        else o.push_back(c);
    }
    return o + "\"";
}
}  // namespace

std::string roster_csv(const Roster& r, size_t top) {
    std::string out = "rank,handle,network,score,score_exact";
    for (int k = 0; k < kComponentCount; ++k) out += std::string(",") + component_id(static_cast<ComponentId>(k));
    out += ",followers,posts,likes_received,reposts_received,replies_received,replies_made,period_days,line\n";
    const size_t n = shown(r, top);
    for (size_t i = 0; i < n; ++i) {
        const RosterRow& x = r.rows[i];
        out += std::to_string(x.rank) + "," + csv_cell(x.handle) + "," + csv_cell(x.network) + "," + std::to_string(x.result.score) +
               "," + fmt_q(x.result.exact_q, 4);
        for (const auto& c : x.result.components) out += "," + (c.available ? fmt_q(c.points_q, 4) : std::string());
        auto opt = [](int64_t v) { return v < 0 ? std::string() : std::to_string(v); };
        out += "," + opt(x.agg.followers) + "," + (x.posts_known ? std::to_string(x.agg.posts) : std::string()) + "," +
               opt(x.agg.likes_received) + "," + opt(x.agg.reposts_received) + "," + opt(x.agg.replies_received) + "," +
               opt(x.agg.replies_made) + "," + std::to_string(x.agg.period_days) + "," + std::to_string(x.line) + "\n";
    }
    return out;
}

namespace {
// JSON text by hand: nlohmann's ordered_json takes seconds for 100 000 rows here.
void json_str(std::string& o, std::string_view s) {
    o.push_back('"');
    for (unsigned char c : s) {
        switch (c) {
            case '"': o += "\\\""; break;
            case '\\': o += "\\\\"; break;
            case '\n': o += "\\n"; break;
            case '\r': o += "\\r"; break;
            case '\t': o += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    o += buf;
                } else {
                    o.push_back(static_cast<char>(c));
                }
        }
    }
    o.push_back('"');
}
void json_opt(std::string& o, int64_t v) { o += v < 0 ? std::string("null") : std::to_string(v); }
}  // namespace

std::string roster_json(const Roster& r, size_t top) {
    std::string o;
    const size_t n = shown(r, top);
    o.reserve(256 + n * 900);
    o += "{\n  \"schema\": \"clout.rank.v1\",\n  \"model_version\": ";
    json_str(o, model_version());
    o += ",\n  \"accounts\": " + std::to_string(r.rows.size()) + ",\n  \"rows\": [";
    for (size_t i = 0; i < n; ++i) {
        const RosterRow& x = r.rows[i];
        o += i ? ",\n    {" : "\n    {";
        o += "\"rank\": " + std::to_string(x.rank) + ", \"handle\": ";
        json_str(o, x.handle);
        o += ", \"network\": ";
        if (x.network.empty()) o += "null";
        else json_str(o, x.network);
        if (!x.name.empty()) {
            o += ", \"name\": ";
            json_str(o, x.name);
        }
        o += ", \"line\": " + std::to_string(x.line) + ", \"score\": " + std::to_string(x.result.score) +
             ", \"score_exact\": \"" + fmt_q(x.result.exact_q, 4) + "\",\n      \"components\": [";
        for (size_t k = 0; k < x.result.components.size(); ++k) {
            const ComponentResult& c = x.result.components[k];
            o += k ? ",\n        {" : "\n        {";
            o += "\"id\": \"" + std::string(component_id(c.id)) + "\", \"available\": " + (c.available ? "true" : "false") +
                 ", \"max_points\": " + std::to_string(c.max_points);
            if (c.available)
                o += ", \"points\": " + std::to_string(c.points) + ", \"points_exact\": \"" + fmt_q(c.points_q, 4) +
                     "\", \"value\": \"" + fmt_q(c.value_q, 6) + "\"}";
            else
                o += ", \"points\": null, \"points_exact\": null, \"value\": null}";
        }
        o += "],\n      \"inputs\": {\"followers\": ";
        json_opt(o, x.agg.followers);
        o += ", \"posts\": ";
        json_opt(o, x.posts_known ? x.agg.posts : -1);
        o += ", \"likes_received\": ";
        json_opt(o, x.agg.likes_received);
        o += ", \"reposts_received\": ";
        json_opt(o, x.agg.reposts_received);
        o += ", \"replies_received\": ";
        json_opt(o, x.agg.replies_received);
        o += ", \"replies_made\": ";
        json_opt(o, x.agg.replies_made);
        o += ", \"period_days\": " + std::to_string(x.agg.period_days) + "}}";
    }
    o += n ? "\n  ],\n  \"warnings\": [" : "],\n  \"warnings\": [";
    for (size_t i = 0; i < r.warnings.size(); ++i) {
        o += i ? ",\n    " : "\n    ";
        json_str(o, r.warnings[i]);
    }
    o += r.warnings.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return o;
}

int rank_command(const RankOptions& opt, std::string& out, std::string& err) {
    const std::string& file = opt.file;
    Roster r;
    try {
        r = read_roster_file(file);
    } catch (const InputError& e) {
        err += "error: " + file + ": " + e.what() + "\n";
        return 2;
    }
    rank_roster(r);
    for (const auto& w : r.warnings) err += "warning: " + file + ": " + w + "\n";
    if (opt.format == RankOptions::Format::Json) out += roster_json(r, opt.top);
    else if (opt.format == RankOptions::Format::Csv) out += roster_csv(r, opt.top);
    else out += roster_table(r, opt.top);
    return 0;
}

}  // namespace clout
