// Limits that keep hostile or broken inputs from exhausting memory or time.
// Documented in docs/LIMITS.md; every one can be changed on the CLI.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace clout {

// Work done for an import before it started, by another copy of the engine, that the
// importer which made it takes instead of doing it again (the X archive's data files read
// by a second worker: importers/x_archive.h PartsAhead). Opaque to everything else.
class PreRead {
public:
    virtual ~PreRead() = default;
};

struct Limits {
    uint64_t max_entry_bytes = 2ull << 30;    // inflated size of one container entry (--max-entry-mb)
    uint64_t max_total_bytes = 16ull << 30;   // inflated bytes read from one export (--max-total-mb)
    uint64_t max_file_in_memory = 512ull << 20;  // a file read whole (small JSON/CSV files)
    uint64_t max_posts = 20'000'000;          // posts in one report (--max-posts)
    uint32_t max_depth = 512;                 // JSON/CBOR nesting (--max-depth)
    uint64_t max_field_bytes = 64ull << 20;   // one CSV field or JSON string
    uint64_t max_entries = 5'000'000;         // entries in one container
};

struct Progress {
    uint64_t bytes_done = 0;    // input bytes consumed
    uint64_t bytes_total = 0;   // input bytes expected (0 = unknown)
    uint64_t entries = 0;       // container entries / records looked at
    uint64_t posts = 0;         // posts found so far
    std::string stage;          // "reading data/tweets.js"
};

// Passed down the pipeline: limits, progress reporting and cancellation.
struct ImportContext {
    Limits limits;
    std::function<void(const Progress&)> on_progress;  // may be empty
    const std::atomic<bool>* cancel = nullptr;         // set to true to stop; Cancelled is thrown
    Progress progress;
    uint64_t inflated_total = 0;                       // counts against max_total_bytes
    unsigned threads = 0;  // threads an importer may read with (X archive parts); 0 = job_threads()
    PreRead* pre_read = nullptr;  // may be null; the importer that knows it takes what it can
    // An X archive's only tweets file, when this big (uncompressed), is read in two halves at
    // once, on two threads or by two workers (importers/x_archive.h); tests make it small.
    uint64_t halves_from = 16ull << 20;

    // Throws Cancelled when asked to stop; calls on_progress at most every ~1 MB or entry.
    void tick();
    // Counts inflated bytes; throws LimitError past max_total_bytes.
    void count_inflated(uint64_t n);
    // Throws LimitError when one more post would pass max_posts (--max-posts); importers
    // call it with the posts already in the model before adding one.
    void check_posts(uint64_t posts_so_far) const;
};

}  // namespace clout
