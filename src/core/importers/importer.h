// One importer per export format, all behind this interface. An importer looks at a
// container's entry names (and, for loose files, the first bytes) to say whether the
// export is its own, then streams the entries it needs into the activity model.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "io/container.h"
#include "model/activity.h"

namespace clout {

class Importer {
public:
    virtual ~Importer() = default;
    // Stable id, also Account::format: "x-archive", "mastodon-archive", "bluesky-car", ...
    virtual const char* id() const = 0;
    // What it looks for, for the "not a recognised export (looked for ...)" message:
    // e.g. "an X archive (data/tweets.js)".
    virtual const char* looks_for() const = 0;
    // Cheap recognition: entry names and at most a few KB of content.
    virtual bool detect(Container& c, ImportContext& ctx) = 0;
    // Reads the export into `out`. Throws InputError when nothing usable can be read;
    // when a part is damaged, reads the rest and adds a warning naming what was skipped.
    virtual void read(Container& c, Activity& out, ImportContext& ctx) = 0;
};

// Every importer, in detection order.
const std::vector<std::unique_ptr<Importer>>& importers();

// Recognises and reads one input into `out` (not yet normalized). Throws
// InputError("not a recognised export (looked for ...)") when no importer knows it.
void import_container(Container& c, Activity& out, ImportContext& ctx);
// open_input + import_container.
void import_path(const std::string& path, Activity& out, ImportContext& ctx);

// Factories, one per importer (each in its own file).
std::unique_ptr<Importer> make_x_archive_importer();
std::unique_ptr<Importer> make_mastodon_importer();
std::unique_ptr<Importer> make_bluesky_importer();
std::unique_ptr<Importer> make_meta_importer();       // Instagram, Threads, Facebook
std::unique_ptr<Importer> make_linkedin_importer();
std::unique_ptr<Importer> make_tiktok_importer();
std::unique_ptr<Importer> make_reddit_importer();

}  // namespace clout
