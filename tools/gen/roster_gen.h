// A generator of audience rosters (the CSV a business feeds to `clout rank`), with the
// header spellings and messy cells real spreadsheets have. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>

namespace clout::gen {

struct RosterOptions {
    uint64_t seed = 7;
    long rows = 1000;
    bool messy_headers = true;   // "Followers Count", "Platform", "Retweets" ... instead of the documented names
    int bad_every = 0;           // > 0: every Nth row has a non-numeric follower cell (a warning each)
    int blank_handle_every = 0;  // > 0: every Nth row has no handle (skipped with a warning)
    bool names = false;          // people-like handles ("maria.okafor") and a Display Name column, instead of "user17"
};

// Returns the CSV text (CRLF lines, a BOM, quoted thousands like "12,400").
std::string gen_roster(const RosterOptions& o);

}  // namespace clout::gen
