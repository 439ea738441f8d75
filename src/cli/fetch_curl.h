// The CLI's fetch of public counts (`clout score --fetch-public-counts`): see fetch_curl.cpp.
#pragma once

#include <cstdint>

#include "model/activity.h"

namespace clout_cli {

// Fetches the public counts of every Bluesky and Mastodon account in `activity` whose
// published posts are dated in [from_day, to_day], and joins them to it. Returns 0, or an
// exit status (2: bad configuration) when nothing could be tried. Fetch failures are
// warnings on stderr and a partial result, never an exit.
int fetch_public_counts(clout::Activity& activity, int64_t from_day, int64_t to_day, bool quiet);

}  // namespace clout_cli
