// The ranking as the web page's panel draws it (docs/ARCHITECTURE.md "Ranking"):
// a compact binary table made by the import worker from the same ranked Roster that gives
// `clout rank --json` / `--csv`, so the page's main thread never parses the (large) JSON to
// draw 100 000 rows. Fixed-size little-endian records (memcpy), then the warnings, the
// column mapping and a pool of the rows' strings. Nothing here touches ImGui or Emscripten.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "rank/roster.h"

namespace clout {

struct RankViewRow {
    int64_t exact_q;                 // score, ten-thousandths
    int64_t points_q[5];             // component points, ten-thousandths (0 when unavailable)
    int64_t value_q[5];              // component values in [0,1], millionths
    int64_t followers, posts, likes, reposts, replies_received, replies_made, period_days, quotes;  // -1 unknown
    int64_t posts_with_reshares, reshared_posts, qualifying_replies;   // what the formula read (after scaling)
    uint64_t line;                   // 1-based line in the CSV
    uint32_t rank;
    int32_t score;
    int32_t points[5];               // whole points; -1 = unavailable
    int32_t max_points[5];           // the component's fixed maximum (0 when unknown)
    int32_t h_reactions, h_reshares, weeks_active;
    uint32_t handle_off, handle_len, network_off, network_len, name_off, name_len;
    uint32_t reserved;
};
static_assert(std::is_trivially_copyable_v<RankViewRow>);
static_assert(sizeof(RankViewRow) == 272, "RankViewRow must have the same layout in every build");

struct RankView {
    std::vector<RankViewRow> rows;   // in rank order
    std::vector<std::string> warnings;
    std::vector<std::string> columns;
    std::string pool;
    uint64_t data_rows = 0;
    std::string model_version;

    std::string_view handle(const RankViewRow& r) const { return {pool.data() + r.handle_off, r.handle_len}; }
    std::string_view network(const RankViewRow& r) const { return {pool.data() + r.network_off, r.network_len}; }
    std::string_view name(const RankViewRow& r) const { return {pool.data() + r.name_off, r.name_len}; }
    uint64_t skipped() const { return data_rows >= rows.size() ? data_rows - rows.size() : 0; }
};

// A ranked roster (rank_roster done) as bytes, and back. decode returns false on anything
// malformed (wrong magic, truncated, a string outside the pool).
std::string encode_rank_view(const Roster& r);
bool decode_rank_view(const char* data, size_t size, RankView& out);

}  // namespace clout
