// What the import worker's parts share (src/worker/*.cpp): the kept activity of every file
// read (main.cpp) and the public counts fetched for it (fetch.cpp).
#pragma once

#include "model/activity.h"

namespace clout_worker {

// Every file read so far, merged and normalized (main.cpp).
clout::Activity& activity();

// Joins the public counts fetched earlier (fetch.cpp) to accounts that do not have them yet
// (after files are read again): before every report.
void apply_kept_public_counts(clout::Activity& a);

}  // namespace clout_worker
