// Time zones as data: the offset from UTC over time, as the activity heatmap needs it.
// The engine never reads a clock or the system's zone: a front end gives a TimeZone (the CLI
// from a TZif file of the system's zoneinfo or a fixed offset; the page from the browser).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clout {

struct TzTransition {
    int64_t from = 0;      // unix seconds (UTC) from which this offset applies
    int32_t offset = 0;    // seconds east of UTC (Berlin in winter: 3600)
    std::string abbr;      // "CET", "CEST"; may be empty (then "UTC+01:00" is shown)
};

struct TimeZone {
    std::string name = "UTC";              // "Europe/Berlin", "+05:30", "UTC"
    std::vector<TzTransition> transitions; // sorted by `from`; empty: UTC
    // The offset at unix time t: the last transition at or before t; before the first one,
    // the first one's offset.
    const TzTransition* at(int64_t t) const;
    int32_t offset_at(int64_t t) const {
        const TzTransition* x = at(t);
        return x ? x->offset : 0;
    }
    bool is_utc() const;
    // The name to show: "UTC" for a zone without offsets named UTC, Etc/UTC, GMT, Zulu, ...
    // (browsers and systems spell UTC in several ways; the report shows one).
    std::string display_name() const;
};

// "+05:30", "-0800", "+5", "UTC+01:00", "Z", "UTC": a fixed offset. False when s is not one
// (or beyond +-18:00).
bool parse_fixed_offset(std::string_view s, int32_t& seconds_east);
// "UTC+05:30" style text of an offset ("UTC" for 0).
std::string format_utc_offset(int32_t seconds_east);
TimeZone fixed_zone(std::string name, int32_t seconds_east);

// A TZif file (RFC 8536, versions 1 to 4: the 64-bit data of v2+, and its footer's POSIX TZ
// rule expanded into transitions up to the end of `until_year`). Throws InputError naming
// the problem when the bytes are not a valid TZif file.
TimeZone parse_tzif(std::string_view bytes, std::string name, int until_year = 2100);

// A POSIX TZ rule ("CET-1CEST,M3.5.0,M10.5.0/3") expanded into transitions for the years
// [from_year, until_year]. False when the rule cannot be read.
bool expand_posix_tz(std::string_view rule, int from_year, int until_year, std::vector<TzTransition>& out);

// The page's form of a zone (web/worker.js builds it from the browser): the name on the first
// line, then one transition a line, "FROM OFFSET ABBR" (unix seconds, seconds east, an
// optional abbreviation). Throws InputError on malformed text.
TimeZone parse_zone_text(std::string_view text);

// The distinct abbreviations (or UTC+hh:mm forms) in effect during [t0, t1), in order of
// appearance: "CET", "CEST".
std::vector<std::string> zone_abbreviations(const TimeZone& z, int64_t t0, int64_t t1);

}  // namespace clout
