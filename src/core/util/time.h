// Calendar and timestamp parsing. Every time in the model is unix seconds, UTC.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace clout {

constexpr int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 for a proleptic Gregorian date, and back.
int64_t days_from_civil(int y, unsigned m, unsigned d);
void civil_from_days(int64_t z, int& y, unsigned& m, unsigned& d);
// floor(t / 86400), correct for negative t.
int64_t day_of(int64_t unix_seconds);

// "YYYY-MM-DD" of a day number / of a unix time.
std::string format_day(int64_t day);
// "YYYY-MM-DDTHH:MM:SSZ"
std::string format_time(int64_t unix_seconds);

// Each parser returns false (and leaves out untouched) on malformed input.
// RFC 3339 / ISO 8601: "2022-11-08T03:07:14Z", "...14.123Z", "...14-07:00", "2024-01-02".
bool parse_iso8601(std::string_view s, int64_t& out);
// Twitter: "Sat Feb 18 12:33:11 +0000 2023".
bool parse_twitter_date(std::string_view s, int64_t& out);
// "2023-01-15 12:34:56", optionally followed by " UTC" (TikTok, Reddit, LinkedIn).
bool parse_ymd_hms(std::string_view s, int64_t& out);
// "YYYY-MM-DD" only.
bool parse_ymd(std::string_view s, int64_t& day_out);
// LinkedIn "12 Mar 2024".
bool parse_d_mon_y(std::string_view s, int64_t& out);
// Tries every format above.
bool parse_any_time(std::string_view s, int64_t& out);

}  // namespace clout
