// One importer per export format, all behind this interface. An importer looks at a
// container's entry names (and, for loose files, the first bytes) to say whether the
// export is its own, then streams the entries it needs into the activity model.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "io/container.h"
#include "model/activity.h"
#include "util/error.h"

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

// Thrown by an importer that knows the input but finds nothing in it to score: a
// media-only part of an X archive (large archives come as several zips, the later ones
// holding only media). Alone it is an error like any other; given with other files it is
// left out with its message as a note (inputs_error below).
class NothingToScore : public InputError {
public:
    explicit NothingToScore(const std::string& what) : InputError(what) {}
};

// ---- Several inputs given together (the CLI's FILE..., the files dropped on the page at
// once). Both front ends read them one at a time with import_input and ask inputs_error
// whether the run goes on, so the page and the CLI skip the same files for the same reasons.

// What became of one input.
struct InputOutcome {
    enum Kind { Read, NothingToScore, Unreadable };
    Kind kind = Read;
    std::string name;     // the file as the person gave it
    std::string message;  // NothingToScore, Unreadable: why, one line without the name
};

// Reads one input into its own Activity and merges it into `out` only when it was read
// whole, so an input that fails leaves nothing behind. An InputError (a limit included)
// becomes an Unreadable outcome, NothingToScore a NothingToScore one; anything else (an
// internal error, Cancelled, bad_alloc) propagates.
InputOutcome import_input(const std::string& name, Container& c, Activity& out, ImportContext& ctx);
// The same for a path (open_input's errors are Unreadable too).
InputOutcome import_input(const std::string& path, Activity& out, ImportContext& ctx);

// The rule for inputs given together. Returns the one-line error that ends the run ("" =
// score what was read; every other input is skipped, its outcome's message saying why):
//  - an Unreadable input when skip_unreadable is off (the CLI's default; the page skips):
//    "NAME: message" of the first one;
//  - once every input is in (`finished`), none Read: "NAME: message" for a single input,
//    else "none of the N files could be scored".
// A NothingToScore input never ends the run by itself: with something read it is a note.
std::string inputs_error(const std::vector<InputOutcome>& outcomes, bool skip_unreadable, bool finished);
// How a skipped input is listed ("NAME: message"), the same in the CLI and on the page.
std::string skipped_line(const InputOutcome& o);

// Factories, one per importer (each in its own file).
std::unique_ptr<Importer> make_x_archive_importer();
std::unique_ptr<Importer> make_mastodon_importer();
std::unique_ptr<Importer> make_bluesky_importer();
std::unique_ptr<Importer> make_meta_importer();       // Instagram, Threads, Facebook
std::unique_ptr<Importer> make_linkedin_importer();
std::unique_ptr<Importer> make_tiktok_importer();
std::unique_ptr<Importer> make_reddit_importer();

}  // namespace clout
