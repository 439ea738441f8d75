// Share links: the aggregate score card of a report, packed into a versioned binary
// layout and written base64url into a URL fragment (#s=...), so it never reaches a server.
// The same code encodes links in the page, decodes them when a link is opened, runs in
// the native tests and in the fuzzer (fuzz/fuzz_share_link.cpp). Pure: no I/O, no clock.
//
// Layout, formats 2 and 3 (score model 2; all integers little-endian, "v" = unsigned LEB128
// varint of at most 9 bytes; docs/REPORT.md "Share links"):
//   u8  format (2)            u8  score (1..100)
//   i8  d1, d7, d30           u16 as_of (days since 1970-01-01)
//   u8  model major (2)       u32 model hash (the 8 hex digits of "clout-score-2.xxxxxxxx")
//   core                      the combined score's inputs, see below
//   u16 networks (bit i = Network i), then per network present, in bit order: core
//   u8  T (1..53)             u8  trend[T]   (weekly: as_of - 7*(T-1) ... as_of, ascending)
//   format 3 only: u8 F (1..networks), then F times, in network order, for a network whose
//       numbers were fetched: u8 network, u16 day (days since 1970-01-01; 0 = not known),
//       u8 H (0..64), H bytes of host (what share_host_ok accepts; 0 = not known)
//   u8  L (0..64)             L bytes of display name (UTF-8; only if the person chose to include it)
//   u32 CRC-32 (IEEE) of every byte before it
// core = u8 known (bit 0 followers, 1 reactions, 2 reshares, 3 replies)
//        u8 provenance (bits 0-3 followers', 4-7 reactions'), u8 provenance of reshares (bits 0-3)
//        v followers (if known)   v posts_with_reshares   v reshared_posts
//        v h_reactions   v h_reshares   v qualifying_replies   u8 weeks_active
//        u8 points[5] (whole points as the sharer's page showed them)   u8 score
// The viewer recomputes every score and component's points from the inputs with this
// engine: a link whose stated numbers disagree with its inputs opens as damaged.
// Format 3 is written only for a card with fetched numbers (the hosts and days are what it
// adds), so a card without them keeps the format-2 link that earlier pages open too.
// A fetch entry must name a network of the card whose score reads a fetched number.
//
// Format 1 (score model 1: stated points and maxima, no inputs) is still read and shown
// as a model-1 card: u8 format (1), u8 score, i8 d1, d7, d30, u8 points[5], u8 max_points[5],
// u16 as_of, u8 model major, u32 model hash, u16 networks + u8 score each, u8 T + trend,
// u8 L + name, u32 CRC-32.
//
// Decoding checks, in order: alphabet and length, format, checksum, exact length, every
// value's range, points adding up (formats 2 and 3: base + known points = score, recomputed
// from the inputs; format 1: points = score - 1), trend ending at the score, d7 agreeing with
// the trend, the fetch list (networks of the card that read fetched numbers, hosts, days).
// Anything wrong throws InputError with a sentence a person can read.
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

constexpr int kShareFormat = 3;          // the newest written (with fetched numbers; else 2); 1 and 2 are still read
constexpr int kShareTrendPoints = 53;   // one a week for a year, the last = as_of
constexpr int kShareTrendStep = 7;      // days between trend points
constexpr size_t kShareNameMax = 64;    // bytes of UTF-8
constexpr size_t kShareLinkMax = 2000;  // characters of a whole link, page address included
constexpr size_t kShareHostMax = 64;    // bytes of a fetched host name (a longer one is left out as not known)

// One score's inputs as a link carries them (format 2): enough to recompute it.
struct ShareScore {
    ScoreCore core;
    uint8_t followers_from = 0, reactions_from = 0, reshares_from = 0;  // prov_bit sets
    std::array<int, kComponentCount> points{};  // whole points as stated (unknown: 0)
    int score = 1;
};

// Where one network's fetched numbers came from (format 3).
struct ShareFetch {
    Network network = Network::X;
    std::string host;     // "" = not known
    int64_t day = 0;      // days since 1970-01-01; 0 = not known
    bool operator==(const ShareFetch&) const = default;
};

struct ShareCard {
    int format = 2;                                   // 1 = a model-1 link (no inputs); 3 = with fetches
    int score = 1;
    int d1 = 0, d7 = 0, d30 = 0;
    std::array<int, kComponentCount> points{};
    std::array<int, kComponentCount> max_points{};   // format 1: 0 = unavailable; format 2: the fixed maxima
    std::array<bool, kComponentCount> known{};
    int base_points = 0;                              // format 2: 1; format 1: 0 (its points add up to score - 1)
    int64_t as_of_day = 0;
    std::string model;                                // "clout-score-2.xxxxxxxx"
    std::vector<std::pair<Network, int>> networks;    // in Network order, each score 1..100
    ShareScore combined;                              // format 2: the combined score's inputs
    std::vector<ShareScore> network_scores;           // format 2: per entry of `networks`
    std::vector<int> trend;                           // weekly, ascending, last == score
    std::vector<ShareFetch> fetched;                  // format 3: in Network order, networks of `networks`
    std::string name;                                 // empty = not included
};

// The card of a report. `name` is the display name to include ("" = none); it is cleaned
// (control characters dropped, spaces collapsed) and cut to kShareNameMax bytes on a
// character boundary. A network whose score reads a fetched number carries the host and
// day of its first fetched account (SourceInfo::fetched_host; a host share_host_ok refuses
// is left out as not known). Throws InputError when the report holds nothing a card can show.
ShareCard card_from_report(const Report& r, std::string_view name = {});
// The same from a report's JSON text (schema clout.report.v2, what the page holds and
// `clout score --json` prints): card_from_report(report_from_json(text), name). Throws
// InputError ("This is not a clout report: ...") when the text is not a clout report.
ShareCard card_from_report_json(std::string_view report_json, std::string_view name = {});

// The fragment payload (base64url, no padding) of a card; throws InputError when the card
// itself is out of range (it never is for a card_from_report_json result).
std::string encode_share(const ShareCard& card);
// Parses a payload (the text after "#s=", or a whole link: everything up to and including
// "#s=" is skipped). Throws InputError with a readable message on any damage.
ShareCard decode_share(std::string_view payload_or_link);

// The card as JSON for the page's card view and PNG (keys: format, model_major, score,
// base_points, partial ({unknown, unmeasured_points} or null), change {d1, d7, d30},
// components [{id, label, points (null when unknown), max_points, known, available,
// provenance}], as_of, model, networks [{network, label, score, partial}], trend,
// trend_step_days, fetched [{network, label, host (null when not known), date (null when
// not known)}], name).
std::string card_to_json(const ShareCard& card);

// The points a score of a card leaves unmeasured (its unknown components' maxima; 0 when
// every component is known): what makes a network's chip say "partial".
int share_unmeasured_points(const ShareScore& s);

// The display name as a card holds it (what card_from_report_json does to `name`): control
// characters dropped, spaces collapsed and trimmed, cut to kShareNameMax bytes.
std::string share_clean_name(std::string_view raw);

// A host name a card carries: 1..kShareHostMax bytes of letters, digits and ".-_:[]"
// (a name, an IPv4 or an [IPv6] address, with a port), or an internationalised name as
// UTF-8; no spaces, controls, slashes or anything else a link could be made to show.
bool share_host_ok(std::string_view host);

// CRC-32 (IEEE 802.3, reflected, as in zip and PNG).
uint32_t share_crc32(const uint8_t* data, size_t n);

}  // namespace clout
