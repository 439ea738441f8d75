// Reading one X archive with more than one copy of the engine at once. The page has no
// threads (a static page cannot send the headers they need), so its import worker hands
// some of a large archive's data files to a second worker (web/worker.js): each copy reads
// its files into parts with read_x_archive_part, the second one sends its parts over as
// bytes (encode_parts_ahead), and the first imports the archive with every part given in
// a PartsAhead as ImportContext::pre_read. The reader merges a given part where it would have read the
// file, so the report is byte for byte the one of reading everything in one place.
// Natively the reader uses threads instead (io/jobs.h). See docs/ARCHITECTURE.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/container.h"
#include "model/activity.h"

namespace clout {

// A data file an X archive reads as a part (tweets, community tweets, likes, followers,
// following), with its size (uncompressed, as the container states it). A big tweets file
// that is the only one comes as two halves that can be read at once, by two threads or two
// workers: "data/tweets.js (first half)" and "(second half)", each with half the size (the
// second inflates the first half too, without reading it; json::SplitFinder).
struct DataFile {
    std::string path;
    uint64_t size = 0;
};

// One data file read into a part, and what came of it.
struct PartAhead {
    std::string path;    // the DataFile's path (the entry, and which half)
    Activity part;       // its posts and interactions (Activity::merge_part)
    std::string error;   // a damaged file: the one-line error (the sound start is in part)
    int64_t follows = 0; // entries of a follower / following file
    uint64_t skipped_no_date = 0, retweets = 0, inflated = 0, bytes = 0, posts = 0;
    uint64_t split = 0;  // a half: where it stopped or started (0: read whole / nothing)
    std::vector<uint32_t> notes_used;  // the long posts (note-tweet.js) its tweets took
};

// The files of `c` that read_x_archive_part can read, in the reader's order; empty when
// the first importer that recognises `c` is not the X archive's.
std::vector<DataFile> x_archive_part_files(Container& c, ImportContext& ctx);

// Reads the data file `path` (a DataFile's path: an entry, or one half of it) of the X
// archive `c` (after its account and notes, as the reader does). A damaged file gives a part
// with `error` set, like the reader's warning. Throws LimitError and Cancelled, and
// InputError when `path` is not one of x_archive_part_files.
PartAhead read_x_archive_part(Container& c, const std::string& path, ImportContext& ctx);

// Parts given to an import (ImportContext::pre_read): the X archive reader takes each one
// where it would have read the file, and removes it from here.
struct PartsAhead final : PreRead {
    std::vector<PartAhead> parts;
};

// A list of parts as bytes (util/wire.h: the count, then each part) and back; decoding
// throws InputError on damaged bytes, bytes left over included.
std::string encode_parts_ahead(const std::vector<PartAhead>& parts);
std::vector<PartAhead> decode_parts_ahead(std::string_view bytes);

}  // namespace clout
