#include "util/tz.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "util/error.h"
#include "util/time.h"

namespace clout {

const TzTransition* TimeZone::at(int64_t t) const {
    if (transitions.empty()) return nullptr;
    auto it = std::upper_bound(transitions.begin(), transitions.end(), t,
                               [](int64_t v, const TzTransition& x) { return v < x.from; });
    if (it == transitions.begin()) return &transitions.front();
    return &*(it - 1);
}

bool TimeZone::is_utc() const {
    for (const auto& x : transitions)
        if (x.offset != 0) return false;
    return true;
}

std::string TimeZone::display_name() const {
    static const char* const utc_names[] = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "GMT", "Etc/GMT", "Etc/GMT0",
                                            "Etc/GMT+0", "Etc/GMT-0", "GMT0", "Etc/Universal", "Universal",
                                            "Etc/Zulu", "Zulu", "Etc/Greenwich", "Greenwich"};
    if (name.empty()) return "UTC";
    if (is_utc())
        for (const char* n : utc_names)
            if (name == n) return "UTC";
    return name;
}

namespace {

bool digits(std::string_view s, size_t& i, int max_digits, int& out) {
    int n = 0, v = 0;
    while (i < s.size() && n < max_digits && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0'), ++n;
    out = v;
    return n > 0;
}

// [+-]hh[:mm[:ss]] (POSIX: hours up to 167 in TZ rules' times); returns seconds.
bool hms(std::string_view s, size_t& i, int max_hours, int32_t& out) {
    int sign = 1;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) sign = s[i++] == '-' ? -1 : 1;
    int h = 0, m = 0, sec = 0;
    if (!digits(s, i, 3, h) || h > max_hours) return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!digits(s, i, 2, m) || m > 59) return false;
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (!digits(s, i, 2, sec) || sec > 59) return false;
        }
    }
    out = sign * (h * 3600 + m * 60 + sec);
    return true;
}

std::string posix_name(std::string_view s, size_t& i) {
    std::string out;
    if (i < s.size() && s[i] == '<') {
        size_t e = s.find('>', i);
        if (e == std::string_view::npos) return {};
        out.assign(s.substr(i + 1, e - i - 1));
        i = e + 1;
        return out.size() >= 3 ? out : std::string();
    }
    while (i < s.size() && ((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z'))) out.push_back(s[i++]);
    return out.size() >= 3 ? out : std::string();
}

struct PosixDate {
    char kind = 'M';  // 'J' (1-365, no Feb 29), 'N' (0-365), 'M' (month.week.day)
    int a = 0, b = 0, c = 0;
    int32_t time = 2 * 3600;
};

bool posix_date(std::string_view s, size_t& i, PosixDate& d) {
    if (i >= s.size()) return false;
    if (s[i] == 'M') {
        ++i;
        d.kind = 'M';
        if (!digits(s, i, 2, d.a) || d.a < 1 || d.a > 12 || i >= s.size() || s[i++] != '.') return false;
        if (!digits(s, i, 1, d.b) || d.b < 1 || d.b > 5 || i >= s.size() || s[i++] != '.') return false;
        if (!digits(s, i, 1, d.c) || d.c > 6) return false;
    } else if (s[i] == 'J') {
        ++i;
        d.kind = 'J';
        if (!digits(s, i, 3, d.a) || d.a < 1 || d.a > 365) return false;
    } else {
        d.kind = 'N';
        if (!digits(s, i, 3, d.a) || d.a > 365) return false;
    }
    if (i < s.size() && s[i] == '/') {
        ++i;
        if (!hms(s, i, 167, d.time)) return false;
    }
    return true;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// The local day number (days since 1970-01-01) a rule date falls on in year y.
int64_t rule_day(const PosixDate& d, int y) {
    if (d.kind == 'J') {
        int64_t n = d.a - 1;
        if (leap(y) && d.a >= 60) ++n;  // Feb 29 is never counted
        return days_from_civil(y, 1, 1) + n;
    }
    if (d.kind == 'N') return days_from_civil(y, 1, 1) + d.a;
    const int64_t first = days_from_civil(y, static_cast<unsigned>(d.a), 1);
    const int64_t wd_first = ((first % 7) + 7 + 4) % 7;  // 1970-01-01 was a Thursday; Sunday = 0
    int64_t day = first + (d.c - wd_first + 7) % 7 + 7 * (d.b - 1);
    const int next_y = d.a == 12 ? y + 1 : y;
    const unsigned next_m = d.a == 12 ? 1u : static_cast<unsigned>(d.a + 1);
    const int64_t month_end = days_from_civil(next_y, next_m, 1);
    while (day >= month_end) day -= 7;  // week 5 = the last such weekday of the month
    return day;
}

uint32_t be32(const unsigned char* p) {
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | uint32_t{p[3]};
}
int64_t be64(const unsigned char* p) {
    uint64_t v = 0;
    for (int k = 0; k < 8; ++k) v = (v << 8) | p[k];
    int64_t out;
    std::memcpy(&out, &v, sizeof out);
    return out;
}

}  // namespace

bool parse_fixed_offset(std::string_view s, int32_t& seconds_east) {
    if (s == "Z" || s == "UTC" || s == "GMT") {
        seconds_east = 0;
        return true;
    }
    if (s.substr(0, 3) == "UTC" || s.substr(0, 3) == "GMT") s.remove_prefix(3);
    if (s.empty() || (s[0] != '+' && s[0] != '-')) return false;
    const int sign = s[0] == '-' ? -1 : 1;
    size_t i = 1;
    int h = 0, m = 0;
    const size_t start = i;
    if (!digits(s, i, 2, h)) return false;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!digits(s, i, 2, m) || i - start != 5) return false;
    } else if (i < s.size()) {
        if (i - start != 2 || !digits(s, i, 2, m) || i - start != 4) return false;
    }
    if (i != s.size() || m > 59 || h * 60 + m > 18 * 60) return false;
    seconds_east = sign * (h * 3600 + m * 60);
    return true;
}

std::string format_utc_offset(int32_t seconds_east) {
    if (seconds_east == 0) return "UTC";
    const int32_t a = seconds_east < 0 ? -seconds_east : seconds_east;
    char buf[32];
    if (a % 60)
        std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d:%02d", seconds_east < 0 ? '-' : '+', a / 3600, a / 60 % 60, a % 60);
    else
        std::snprintf(buf, sizeof buf, "UTC%c%02d:%02d", seconds_east < 0 ? '-' : '+', a / 3600, a / 60 % 60);
    return buf;
}

TimeZone fixed_zone(std::string name, int32_t seconds_east) {
    TimeZone z;
    z.name = std::move(name);
    if (seconds_east != 0) z.transitions.push_back({INT64_MIN, seconds_east, ""});
    return z;
}

bool expand_posix_tz(std::string_view rule, int from_year, int until_year, std::vector<TzTransition>& out) {
    size_t i = 0;
    const std::string std_name = posix_name(rule, i);
    int32_t std_off = 0;
    if (std_name.empty() || !hms(rule, i, 24, std_off)) return false;
    std_off = -std_off;  // POSIX counts west of UTC as positive
    if (i == rule.size()) {
        out.push_back({INT64_MIN, std_off, std_name});
        return true;
    }
    const std::string dst_name = posix_name(rule, i);
    if (dst_name.empty()) return false;
    int32_t dst_off = std_off + 3600;
    if (i < rule.size() && rule[i] != ',') {
        if (!hms(rule, i, 24, dst_off)) return false;
        dst_off = -dst_off;
    }
    PosixDate start, end;
    if (i == rule.size()) {  // no rule given: the US rule, as POSIX implementations assume
        start = {'M', 3, 2, 0, 2 * 3600};
        end = {'M', 11, 1, 0, 2 * 3600};
    } else {
        if (rule[i++] != ',' || !posix_date(rule, i, start)) return false;
        if (i >= rule.size() || rule[i++] != ',' || !posix_date(rule, i, end)) return false;
        if (i != rule.size()) return false;
    }
    std::vector<TzTransition> t;
    for (int y = from_year; y <= until_year; ++y) {
        // start: local standard time; end: local daylight time
        const int64_t s = rule_day(start, y) * kSecondsPerDay + start.time - std_off;
        const int64_t e = rule_day(end, y) * kSecondsPerDay + end.time - dst_off;
        t.push_back({s, dst_off, dst_name});
        t.push_back({e, std_off, std_name});
    }
    std::sort(t.begin(), t.end(), [](const TzTransition& a, const TzTransition& b) { return a.from < b.from; });
    out.insert(out.end(), t.begin(), t.end());
    return true;
}

TimeZone parse_tzif(std::string_view bytes, std::string name, int until_year) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    const size_t n = bytes.size();
    auto bad = [&](const std::string& why) { return InputError("not a valid TZif time zone file (" + why + ")"); };
    if (n < 44 || std::memcmp(p, "TZif", 4) != 0) throw bad("no TZif header");
    struct Counts { uint32_t isut, isstd, leap, time, type, chars; };
    auto counts = [&](size_t at) {
        if (at + 44 > n || std::memcmp(p + at, "TZif", 4) != 0) throw bad("truncated header");
        const unsigned char* c = p + at + 20;
        return Counts{be32(c), be32(c + 4), be32(c + 8), be32(c + 12), be32(c + 16), be32(c + 20)};
    };
    const char version = static_cast<char>(p[4]);
    Counts c = counts(0);
    auto block_size = [](const Counts& k, size_t tsize) {
        return uint64_t{k.time} * tsize + k.time + uint64_t{k.type} * 6 + k.chars + uint64_t{k.leap} * (tsize + 4) +
               k.isstd + k.isut;
    };
    size_t at = 44, tsize = 4;
    if (version >= '2') {
        const uint64_t skip = block_size(c, 4);
        if (skip > n - 44) throw bad("truncated data");
        at = 44 + static_cast<size_t>(skip);
        c = counts(at);
        at += 44;
        tsize = 8;
    }
    if (c.type == 0 || c.type > 256 || c.chars == 0 || block_size(c, tsize) > n - at) throw bad("truncated or empty data");
    const unsigned char* times = p + at;
    const unsigned char* idx = times + c.time * tsize;
    const unsigned char* types = idx + c.time;
    const unsigned char* chars = types + c.type * 6;
    struct Type { int32_t off; std::string abbr; };
    std::vector<Type> ty;
    for (uint32_t k = 0; k < c.type; ++k) {
        const unsigned char* t = types + k * 6;
        uint32_t u = be32(t);
        int32_t off;
        std::memcpy(&off, &u, sizeof off);
        if (off < -25 * 3600 || off > 26 * 3600 || t[5] >= c.chars) throw bad("bad local time type");
        const char* s = reinterpret_cast<const char*>(chars + t[5]);
        ty.push_back({off, std::string(s, strnlen(s, c.chars - t[5]))});
    }
    TimeZone z;
    z.name = std::move(name);
    z.transitions.push_back({INT64_MIN, ty[0].off, ty[0].abbr});
    for (uint32_t k = 0; k < c.time; ++k) {
        const int64_t t = tsize == 8 ? be64(times + k * 8) : static_cast<int32_t>(be32(times + k * 4));
        if (idx[k] >= c.type) throw bad("bad transition type");
        if (t <= z.transitions.back().from) throw bad("transitions out of order");
        z.transitions.push_back({t, ty[idx[k]].off, ty[idx[k]].abbr});
    }
    const size_t footer = at + static_cast<size_t>(block_size(c, tsize));
    if (version >= '2' && footer < n && p[footer] == '\n') {
        const size_t e = bytes.find('\n', footer + 1);
        if (e == std::string_view::npos) throw bad("unterminated footer");
        const std::string_view rule = bytes.substr(footer + 1, e - footer - 1);
        if (!rule.empty()) {
            const int64_t last = z.transitions.back().from;
            int y0 = 1970;
            if (last != INT64_MIN) {
                int y;
                unsigned m, d;
                civil_from_days(day_of(last), y, m, d);
                y0 = y;
            }
            std::vector<TzTransition> more;
            if (!expand_posix_tz(rule, y0, until_year, more)) throw bad("unreadable rule \"" + std::string(rule) + "\"");
            for (auto& x : more) {
                if (x.from <= last) continue;
                const TzTransition& prev = z.transitions.back();
                if (x.offset == prev.offset && x.abbr == prev.abbr) continue;
                z.transitions.push_back(std::move(x));
            }
        }
    }
    return z;
}

TimeZone parse_zone_text(std::string_view text) {
    auto bad = [](const std::string& why) { return InputError("time zone: " + why); };
    TimeZone z;
    size_t e = text.find('\n');
    z.name.assign(text.substr(0, e));
    if (z.name.empty() || z.name.size() > 100) throw bad("no name");
    size_t i = e == std::string_view::npos ? text.size() : e + 1;
    while (i < text.size()) {
        size_t le = text.find('\n', i);
        if (le == std::string_view::npos) le = text.size();
        std::string_view line = text.substr(i, le - i);
        i = le + 1;
        if (line.empty()) continue;
        TzTransition x;
        char abbr[33] = {};
        long long from = 0;
        int off = 0;
        const std::string l(line);
        const int got = std::sscanf(l.c_str(), "%lld %d %32s", &from, &off, abbr);
        if (got < 2 || off < -26 * 3600 || off > 26 * 3600) throw bad("bad line \"" + l + "\"");
        x.from = from;
        x.offset = off;
        x.abbr = abbr;
        if (!z.transitions.empty() && x.from <= z.transitions.back().from) throw bad("transitions out of order");
        if (z.transitions.size() >= 100000) throw bad("too many transitions");
        z.transitions.push_back(std::move(x));
    }
    return z;
}

std::vector<std::string> zone_abbreviations(const TimeZone& z, int64_t t0, int64_t t1) {
    std::vector<std::string> out;
    auto add = [&](const TzTransition& x) {
        std::string s = x.abbr.empty() || x.abbr[0] == '+' || x.abbr[0] == '-' ? format_utc_offset(x.offset) : x.abbr;
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
    };
    const TzTransition* first = z.at(t0);
    if (!first) return {"UTC"};
    add(*first);
    for (const auto& x : z.transitions)
        if (x.from > t0 && x.from < t1) add(x);
    return out;
}

}  // namespace clout
