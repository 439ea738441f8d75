#include "util/time.h"

#include <cstdio>
#include <cstring>

namespace clout {

// Howard Hinnant's public-domain civil-calendar algorithms.
int64_t days_from_civil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d) {
    z += 719468;
    const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = static_cast<int>(static_cast<int64_t>(yoe) + era * 400 + (m <= 2));
}

int64_t day_of(int64_t t) { return t >= 0 ? t / kSecondsPerDay : -((-t + kSecondsPerDay - 1) / kSecondsPerDay); }

std::string format_day(int64_t day) {
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::string format_time(int64_t t) {
    int64_t day = day_of(t);
    int64_t sec = t - day * kSecondsPerDay;
    char buf[48];
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02dZ", y, m, d, static_cast<int>(sec / 3600),
                  static_cast<int>(sec / 60 % 60), static_cast<int>(sec % 60));
    return buf;
}

namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        v = v * 10 + (s[i] - '0');
    }
    out = v;
    return true;
}

bool valid_date(int y, int m, int d) {
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
    if (d > mdays[m - 1]) return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return !(m == 2 && d == 29 && !leap);
}

int month_index(std::string_view s) {
    static const char* names[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    if (s.size() < 3) return 0;
    char l[3] = {static_cast<char>(s[0] | 0x20), static_cast<char>(s[1] | 0x20), static_cast<char>(s[2] | 0x20)};
    for (int i = 0; i < 12; ++i)
        if (std::memcmp(l, names[i], 3) == 0) return i + 1;
    return 0;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '"')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '"')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool parse_ymd(std::string_view s, int64_t& day_out) {
    s = trim(s);
    int y, m, d;
    if (s.size() < 10 || !digits(s, 0, 4, y) || s[4] != '-' || !digits(s, 5, 2, m) || s[7] != '-' || !digits(s, 8, 2, d))
        return false;
    if (!valid_date(y, m, d)) return false;
    day_out = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    return true;
}

bool parse_iso8601(std::string_view s, int64_t& out) {
    s = trim(s);
    int64_t day;
    if (!parse_ymd(s, day)) return false;
    if (s.size() == 10) {
        out = day * kSecondsPerDay;
        return true;
    }
    if (s[10] != 'T' && s[10] != 't' && s[10] != ' ') return false;
    int hh, mm, ss = 0;
    if (!digits(s, 11, 2, hh) || s.size() < 16 || s[13] != ':' || !digits(s, 14, 2, mm)) return false;
    size_t pos = 16;
    if (pos < s.size() && s[pos] == ':') {
        if (!digits(s, 17, 2, ss)) return false;
        pos = 19;
    }
    if (hh > 23 || mm > 59 || ss > 60) return false;
    if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
        ++pos;
        while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    }
    int64_t offset = 0;
    if (pos < s.size()) {
        char c = s[pos];
        if (c == 'Z' || c == 'z') {
            ++pos;
        } else if (c == '+' || c == '-') {
            int oh, om = 0;
            if (!digits(s, pos + 1, 2, oh)) return false;
            size_t p2 = pos + 3;
            if (p2 < s.size() && s[p2] == ':') ++p2;
            if (p2 < s.size() && !digits(s, p2, 2, om)) return false;
            if (p2 < s.size()) p2 += 2;
            offset = (oh * 3600 + om * 60) * (c == '-' ? -1 : 1);
            pos = p2;
        } else {
            return false;
        }
    }
    if (pos != s.size()) return false;
    out = day * kSecondsPerDay + hh * 3600 + mm * 60 + ss - offset;
    return true;
}

bool parse_twitter_date(std::string_view s, int64_t& out) {
    // "Sat Feb 18 12:33:11 +0000 2023"
    s = trim(s);
    if (s.size() != 30 || s[3] != ' ' || s[7] != ' ' || s[10] != ' ' || s[19] != ' ' || s[25] != ' ') return false;
    int mon = month_index(s.substr(4, 3));
    int d, hh, mm, ss, oh, om, y;
    if (!mon || !digits(s, 8, 2, d) || !digits(s, 11, 2, hh) || s[13] != ':' || !digits(s, 14, 2, mm) || s[16] != ':' ||
        !digits(s, 17, 2, ss) || (s[20] != '+' && s[20] != '-') || !digits(s, 21, 2, oh) || !digits(s, 23, 2, om) ||
        !digits(s, 26, 4, y))
        return false;
    if (!valid_date(y, mon, d) || hh > 23 || mm > 59 || ss > 60) return false;
    int64_t offset = (oh * 3600 + om * 60) * (s[20] == '-' ? -1 : 1);
    out = days_from_civil(y, static_cast<unsigned>(mon), static_cast<unsigned>(d)) * kSecondsPerDay + hh * 3600 +
          mm * 60 + ss - offset;
    return true;
}

bool parse_ymd_hms(std::string_view s, int64_t& out) {
    s = trim(s);
    if (s.size() >= 4 && s.substr(s.size() - 4) == " UTC") s.remove_suffix(4);
    if (s.size() != 19 || s[10] != ' ') return false;
    std::string iso(s);
    iso[10] = 'T';
    iso += 'Z';
    return parse_iso8601(iso, out);
}

bool parse_d_mon_y(std::string_view s, int64_t& out) {
    s = trim(s);
    // "12 Mar 2024" or "2 Mar 2024"
    size_t sp1 = s.find(' ');
    if (sp1 == std::string_view::npos || sp1 > 2) return false;
    size_t sp2 = s.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos) return false;
    int d, y;
    if (!digits(s, 0, sp1, d)) return false;
    int mon = month_index(s.substr(sp1 + 1, sp2 - sp1 - 1));
    if (!mon || s.size() != sp2 + 5 || !digits(s, sp2 + 1, 4, y) || !valid_date(y, mon, d)) return false;
    out = days_from_civil(y, static_cast<unsigned>(mon), static_cast<unsigned>(d)) * kSecondsPerDay;
    return true;
}

bool parse_any_time(std::string_view s, int64_t& out) {
    return parse_iso8601(s, out) || parse_ymd_hms(s, out) || parse_twitter_date(s, out) || parse_d_mon_y(s, out);
}

}  // namespace clout
