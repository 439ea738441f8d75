// Audience ranking: a business has a CSV of accounts with the public numbers it
// can see (followers, posts, likes/reposts/replies received over a period ...), and wants
// to know which are the most influential. Each row is scored with the same engine as a
// personal export (score/score.h: Aggregates -> inputs_from_aggregates -> score_inputs),
// with its breakdown, and the rows are ranked: score descending, then handle.
// Columns and header synonyms: docs/RANKING.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "io/byte_source.h"
#include "io/limits.h"
#include "score/score.h"

namespace clout {

struct RosterRow {
    uint64_t line = 0;           // 1-based line of the row in the CSV
    std::string handle;
    std::string network;         // lower-case network id when known ("instagram"), else as given
    std::string name;            // display name, when the roster has one
    Aggregates agg;              // -1 = unavailable
    bool posts_known = false;
    int64_t quotes_received = -1;  // counted with reposts (docs/RANKING.md)
    ScoreResult result;
    size_t rank = 0;             // 1-based, after rank_roster()
};

struct Roster {
    std::vector<RosterRow> rows;
    std::vector<std::string> warnings;   // "line 12: followers 'lots' is not a number; unavailable"
    std::vector<std::string> columns;    // what each recognised column was read as: "Followers Count -> followers"
    uint64_t data_rows = 0;              // rows read (ranked + skipped)
};

// Reads a roster CSV (header line found after any preamble; BOM, CRLF, quotes). Throws
// InputError when no header with a handle column is found.
Roster read_roster(InputStream& in, const Limits& limits = {});
Roster read_roster_file(const std::string& path, const Limits& limits = {});

// Scores every row and sorts: score desc, then handle (case-insensitive), then network,
// then line. Sets rank.
void rank_roster(Roster& r);

// Output. `top` = 0 for all rows.
std::string roster_table(const Roster& r, size_t top = 0);
std::string roster_csv(const Roster& r, size_t top = 0);
std::string roster_json(const Roster& r, size_t top = 0);   // schema clout.rank.v1

// What `clout rank` was asked for (the CLI parses its arguments into this).
struct RankOptions {
    enum class Format { Table, Csv, Json };
    std::string file;              // the roster CSV
    Format format = Format::Table;
    size_t top = 0;                // 0 = every row
};

// Reads, ranks and prints the roster: the output to `out`, the warnings and the one-line
// error ("error: FILE: ...") to `err`. Returns the exit status: 0, or 2 on bad input.
int rank_command(const RankOptions& opt, std::string& out, std::string& err);

}  // namespace clout
