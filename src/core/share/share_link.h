// Share links: the aggregate score card of a report, packed into a versioned binary
// layout and written base64url into a URL fragment (#s=...), so it never reaches a server.
// The same code encodes links in the page, decodes them when a link is opened, runs in
// the native tests and in the fuzzer (fuzz/fuzz_share_link.cpp). Pure: no I/O, no clock.
//
// Layout, format 1 (all integers little-endian; docs/REPORT.md "Share links"):
//   u8  format (1)            u8  score (1..100)
//   i8  d1, d7, d30           u8  points[5]  (reach, amplification, engagement, consistency, conversation)
//   u8  max_points[5]         u16 as_of (days since 1970-01-01)
//   u8  model major           u32 model hash (the 8 hex digits of "clout-score-1.xxxxxxxx")
//   u16 networks (bit i = Network i)   u8 score of each network present, in bit order
//   u8  T (1..53)             u8  trend[T]   (weekly: as_of - 7*(T-1) ... as_of, ascending)
//   u8  L (0..64)             L bytes of display name (UTF-8; only if the person chose to include it)
//   u32 CRC-32 (IEEE) of every byte before it
// Decoding checks, in order: alphabet and length, format, checksum, exact length, every
// value's range, points adding up to score - 1, trend ending at the score, d7 agreeing
// with the trend. Anything wrong throws InputError with a sentence a person can read.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/activity.h"
#include "report/report.h"
#include "score/score.h"

namespace clout {

constexpr int kShareFormat = 1;
constexpr int kShareTrendPoints = 53;   // one a week for a year, the last = as_of
constexpr int kShareTrendStep = 7;      // days between trend points
constexpr size_t kShareNameMax = 64;    // bytes of UTF-8
constexpr size_t kShareLinkMax = 2000;  // characters of a whole link, page address included

struct ShareCard {
    int score = 1;
    int d1 = 0, d7 = 0, d30 = 0;
    std::array<int, kComponentCount> points{};
    std::array<int, kComponentCount> max_points{};   // 0 = the component was unavailable
    int64_t as_of_day = 0;
    std::string model;                                // "clout-score-1.9167511d"
    std::vector<std::pair<Network, int>> networks;    // in Network order, each score 1..100
    std::vector<int> trend;                           // weekly, ascending, last == score
    std::string name;                                 // empty = not included
};

// The card of a report. `name` is the display name to include ("" = none); it is cleaned
// (control characters dropped, spaces collapsed) and cut to kShareNameMax bytes on a
// character boundary. Throws InputError when a value is out of the card's range or the
// report has no trend.
ShareCard card_from_report(const Report& r, std::string_view name = {});
// The same from the report's JSON (schema clout.report.v1, `clout score --json`), read
// with report_from_json; throws InputError when the JSON is not a clout report.
ShareCard card_from_report_json(std::string_view report_json, std::string_view name = {});

// The fragment payload (base64url, no padding) of a card; throws InputError when the card
// itself is out of range (it never is for a card_from_report_json result).
std::string encode_share(const ShareCard& card);
// Parses a payload (the text after "#s=", or a whole link: everything up to and including
// "#s=" is skipped). Throws InputError with a readable message on any damage.
ShareCard decode_share(std::string_view payload_or_link);

// The card as JSON for the page's card view and PNG (keys: format, score, change {d1, d7,
// d30}, components [{id, label, points, max_points, available}], as_of, model,
// networks [{network, label, score}], trend, trend_step_days, name).
std::string card_to_json(const ShareCard& card);

// The display name as a card holds it (what card_from_report_json does to `name`): control
// characters dropped, spaces collapsed and trimmed, cut to kShareNameMax bytes.
std::string share_clean_name(std::string_view raw);

// CRC-32 (IEEE 802.3, reflected, as in zip and PNG).
uint32_t share_crc32(const uint8_t* data, size_t n);

}  // namespace clout
