// The import worker's C API: the engine (src/core) compiled for a Web Worker, driven by
// web/worker.js. The page never reads a file on its main thread: worker.js mounts each
// dropped File with WORKERFS under /in/<key>/ and calls clout_worker_import on it, which
// streams it through the normal pipeline (open_source -> importers; file_source.cpp reads
// the File ahead in blocks), so a 10 GB archive is read in slices and never held in
// memory.
//
// Each file is read into its own Activity first and merged into the kept one only when it
// was read whole, so
//  - a file that fails leaves nothing behind (the next file works on a clean slate),
//  - adding a file to a report reads only that file,
//  - re-scoring with a follower count typed in (Sources) reads nothing again.
// clout_worker_report returns report_to_json of the kept, normalized activity (the model's
// canonical form: the same bytes as the CLI reading the same files at once).
//
// Index of this file:
//   [SECTION] Progress, and what is kept between calls
//   [SECTION] Reading a file (clout_worker_import)
//   [SECTION] X archive parts read apart (parts, read ahead, blobs between workers)
//   [SECTION] Warm-up, forgetting
//   [SECTION] The report, and its view for the page's main thread
//   [SECTION] Audience ranking
//   [SECTION] main
#include <emscripten.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "file_source.h"
#include "importers/importer.h"
#include "importers/x_archive.h"
#include "io/byte_source.h"
#include "io/container.h"
#include "model/activity.h"
#include "util/tz.h"
#include "rank/rank_view.h"
#include "rank/roster.h"
#include "report/report.h"
#include "share/share_link.h"
#include "util/error.h"
#include "util/time.h"
#include "worker_state.h"

#include <nlohmann/json.hpp>

// ---- [SECTION] Progress, and what is kept between calls
// Progress goes to worker.js (which posts it to the page), at most every 100 ms.
EM_JS(void, clout_worker_js_progress, (const char* key, double done, double total, double entries, double posts, const char* stage), {
    if (typeof self.cloutProgress === "function")
        self.cloutProgress(UTF8ToString(key), done, total, entries, posts, UTF8ToString(stage));
});

namespace {

// Every file read so far, merged (Activity::merge) and normalized: the model's canonical
// form does not depend on the order files came in, so adding a file to it and normalizing
// again gives what reading all of them at once gives (the CLI's report).
clout::Activity g_combined;
std::vector<std::string> g_keys;
std::string g_result;  // returned strings live here until the next call
std::string g_report;  // the last report's JSON text (clout_worker_report)
clout::Report g_typed;  // the same report, typed: the view's card and trend come from it
std::string g_view;    // its view (clout_worker_view), made once
// The files of the running import that were not read, for inputs_error at its report.
std::vector<clout::InputOutcome> g_not_read;

// Data files of the next import read ahead, here or by the other import worker (web/worker.js
// "Two workers", importers/x_archive.h); the import takes them and this is emptied.
clout::PartsAhead g_ahead;
std::string g_blob;  // parts as bytes: for the other worker, or from it

// Opens `path` with the page's progress (at most every 100 ms) on ctx.
std::unique_ptr<clout::Container> open_with_progress(const char* key, const char* path, const char* name, clout::ImportContext& ctx,
                                                     double* size = nullptr) {
    auto src = clout::open_file_source(path);
    clout::ByteSource* raw = src.get();
    const double total = static_cast<double>(raw->size());
    if (size) *size = total;
    auto last = std::make_shared<double>(-1e9);
    const std::string k = key;
    ctx.on_progress = [raw, total, last, k](const clout::Progress& p) {
        const double now = emscripten_get_now();
        if (now - *last < 100) return;
        *last = now;
        // The data read of the data expected, when the importer knows it (an X archive: its
        // data files, not the media that are never read); else the file's bytes read.
        const bool data = p.bytes_total > 0;
        const double t = data ? static_cast<double>(p.bytes_total) : total;
        const double d = data ? std::min(static_cast<double>(p.bytes_done), t) : static_cast<double>(raw->bytes_read());
        clout_worker_js_progress(k.c_str(), d, t, static_cast<double>(p.entries), static_cast<double>(p.posts), p.stage.c_str());
    };
    clout_worker_js_progress(key, 0, total, 0, 0, "opening");
    return clout::open_source(std::move(src), name, ctx);
}

std::vector<std::string> split_keys(const char* keys) {
    std::vector<std::string> out;
    std::string cur;
    for (const char* p = keys; *p; ++p) {
        if (*p == '\n') {
            if (!cur.empty()) out.push_back(cur);
            cur.clear();
        } else {
            cur += *p;
        }
    }
    if (!cur.empty()) out.push_back(cur);
    return out;
}

}  // namespace

clout::Activity& clout_worker::activity() { return g_combined; }

extern "C" {

// ---- [SECTION] Reading a file (clout_worker_import)
// Reads the file at `path` (a WORKERFS mount), shown as `name` (the report's `source` and
// the error prefix), and keeps it under `key`. Returns "" on success, else the one-line
// reason it was not read (without the file name: the page prints "NAME: message"): the
// file is then skipped, and clout_worker_report decides whether the run goes on.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_import(const char* key, const char* path, const char* name) {
    g_result.clear();
    const std::string k = key;
    clout::PartsAhead ahead;
    ahead.parts = std::move(g_ahead.parts);
    g_ahead.parts.clear();
    try {
        clout::Activity activity;
        clout::ImportContext ctx;
        if (!ahead.parts.empty()) ctx.pre_read = &ahead;
        double total = 0;
        clout::InputOutcome o;
        try {
            auto c = open_with_progress(key, path, name, ctx, &total);
            o = clout::import_input(name, *c, activity, ctx);
        } catch (const clout::InputError& e) {
            o.kind = clout::InputOutcome::Unreadable;
            o.name = name;
            o.message = e.what();
        }
        if (o.kind != clout::InputOutcome::Read) {
            g_result = o.message;
            g_not_read.push_back(std::move(o));
            return g_result.c_str();
        }
        clout_worker_js_progress(key, total, total, static_cast<double>(ctx.progress.entries),
                                 static_cast<double>(activity.posts.size()), "done");
        g_combined.merge(std::move(activity));
        g_combined.normalize();
        g_keys.push_back(k);
    } catch (const std::bad_alloc&) {
        g_result = "out of memory while reading this export";
    } catch (const std::exception& e) {
        g_result = std::string("internal error: ") + e.what();
    }
    if (!g_result.empty()) g_not_read.push_back(clout::InputOutcome{clout::InputOutcome::Unreadable, name, g_result});
    return g_result.c_str();
}

// ---- [SECTION] X archive parts read apart (parts, read ahead, blobs between workers)
// The data files of the X archive at `path` that can be read apart from the rest (by the
// other import worker): a JSON array of [entry path, uncompressed size], "" for none (not an X
// archive, or it cannot be opened: the import will say why).
EMSCRIPTEN_KEEPALIVE const char* clout_worker_parts(const char* path, const char* name) {
    g_result.clear();
    try {
        clout::ImportContext ctx;
        auto c = clout::open_source(clout::open_file_source(path), name, ctx);
        nlohmann::json out = nlohmann::json::array();
        for (const clout::DataFile& f : clout::x_archive_part_files(*c, ctx)) out.push_back({f.path, f.size});
        if (!out.empty()) g_result = out.dump();
    } catch (const std::exception&) {
    }
    return g_result.c_str();
}

// Reads the data files `files` (newline-separated entry paths) of the X archive at `path`.
// keep = 1: they are kept for the next clout_worker_import of this file; keep = 0: they
// are encoded for the other worker (clout_worker_blob, clout_worker_blob_size). Returns ""
// or a one-line message; on any failure nothing is kept (the import reads those files
// itself, and says what is wrong with them).
EMSCRIPTEN_KEEPALIVE const char* clout_worker_read_ahead(const char* key, const char* path, const char* name, const char* files, int keep) {
    g_result.clear();
    std::string().swap(g_blob);
    try {
        clout::ImportContext ctx;
        auto c = open_with_progress(key, path, name, ctx);
        std::vector<clout::PartAhead> parts;
        for (const std::string& f : split_keys(files)) parts.push_back(clout::read_x_archive_part(*c, f, ctx));
        if (keep) {
            for (auto& p : parts) g_ahead.parts.push_back(std::move(p));
        } else {
            g_blob = clout::encode_parts_ahead(parts);
        }
    } catch (const std::bad_alloc&) {
        g_result = "out of memory while reading ahead";
    } catch (const std::exception& e) {
        g_result = e.what();
    }
    return g_result.c_str();
}

// The bytes made by clout_worker_read_ahead(keep = 0), or room for n bytes from the other
// worker (clout_worker_blob_alloc) that clout_worker_take_blob then keeps for the import.
EMSCRIPTEN_KEEPALIVE char* clout_worker_blob() { return g_blob.data(); }
EMSCRIPTEN_KEEPALIVE double clout_worker_blob_size() { return static_cast<double>(g_blob.size()); }
EMSCRIPTEN_KEEPALIVE char* clout_worker_blob_alloc(double n) {
    try {
        g_blob.assign(static_cast<size_t>(n), '\0');
    } catch (const std::bad_alloc&) {
        std::string().swap(g_blob);
        return nullptr;
    }
    return g_blob.data();
}
EMSCRIPTEN_KEEPALIVE const char* clout_worker_take_blob() {
    g_result.clear();
    try {
        for (auto& p : clout::decode_parts_ahead(g_blob)) g_ahead.parts.push_back(std::move(p));
    } catch (const std::exception& e) {
        g_result = e.what();
    }
    std::string().swap(g_blob);
    return g_result.c_str();
}

// ---- [SECTION] Warm-up, forgetting
// Runs the engine's hot path (zip, inflate, the JSON scanner, the X reader) on the first
// `posts` posts of the X archive at `path`, and forgets what it read. The browser compiles
// wasm in tiers: code runs in a quick baseline first and is optimised once it is hot, in
// the background. Done while the page waits for a file, this makes the first real import
// run optimised code from its start (web/worker.js "Warm-up"). With posts = 0 (the import
// worker) the whole archive goes the whole way instead: the import, the merge, the report,
// its JSON, its view and share card, which run once per drop and would else run cold.
// Errors are ignored.
EMSCRIPTEN_KEEPALIVE void clout_worker_warm_up(const char* path, int posts) {
    if (posts <= 0) {
        try {
            clout::ImportContext ctx;
            auto c = clout::open_source(clout::open_file_source(path), "warm-up", ctx);
            clout::Activity read, all;
            if (clout::import_input("warm-up", *c, read, ctx).kind != clout::InputOutcome::Read) return;
            all.merge(std::move(read));
            all.normalize();
            const clout::Report r = clout::build_report(all);
            const nlohmann::json j = nlohmann::json::parse(clout::report_to_json(r));
            for (auto it = j.begin(); it != j.end(); ++it) (void)it.value().dump();
            (void)clout::encode_share(clout::card_from_report(r));
        } catch (const std::exception&) {
        }
        return;
    }
    try {
        clout::ImportContext ctx;
        ctx.limits.max_posts = static_cast<uint64_t>(posts > 0 ? posts : 1);
        auto c = clout::open_source(clout::open_file_source(path), "warm-up", ctx);
        for (const clout::DataFile& f : clout::x_archive_part_files(*c, ctx)) {
            try {
                clout::read_x_archive_part(*c, f.path, ctx);
            } catch (const clout::LimitError&) {
            }
        }
    } catch (const std::exception&) {
    }
}

// Forgets the parts read ahead (the import of that file is not coming).
EMSCRIPTEN_KEEPALIVE void clout_worker_drop_ahead() { std::vector<clout::PartAhead>().swap(g_ahead.parts); }

// Forgets every file read (a new report starts).
EMSCRIPTEN_KEEPALIVE void clout_worker_reset() {
    g_combined = clout::Activity();
    g_keys.clear();
    g_not_read.clear();
}

// ---- [SECTION] The report, and its view for the page's main thread
// The combined report of the files kept under `keys` (newline-separated, in the order the
// person gave them), with a follower count typed in (followers >= 0) or none (-1), and the
// person's time zone for the heatmap in parse_zone_text's form ("" = UTC; the page builds it
// from the browser, web/worker.js zoneText), and the reactions and reshares per post typed in
// for exports without them (>= 0) or none (-1).
// Returns the JSON text, or "!" + a one-line error message.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_report(const char* keys, double followers, const char* zone, double reactions,
                                                     double reshares) {
    try {
        std::vector<std::string> ks = split_keys(keys), have = g_keys;
        std::sort(ks.begin(), ks.end());
        std::sort(have.begin(), have.end());
        if (ks != have) throw std::runtime_error("the worker holds other files than asked");
        // The page skips what it cannot read and scores the rest, or fails when nothing was
        // read: the CLI's rule with --skip-unreadable (importers/importer.h).
        std::vector<clout::InputOutcome> run = std::move(g_not_read);
        g_not_read.clear();
        for (const std::string& key : g_keys) run.push_back(clout::InputOutcome{clout::InputOutcome::Read, key, {}});
        const std::string err = clout::inputs_error(run, /*skip_unreadable=*/true, /*finished=*/true);
        if (!err.empty()) throw clout::InputError(err);
        for (auto& acc : g_combined.accounts) acc.followers_supplied = -1;
        if (followers >= 0) clout::supply_followers(g_combined, static_cast<int64_t>(followers));
        clout_worker::apply_kept_public_counts(g_combined);
        clout::ReportOptions opt;
        // A zone the page could not describe leaves the heatmap in UTC, and its label says so.
        if (zone && *zone) {
            try {
                opt.zone = clout::parse_zone_text(zone);
            } catch (const clout::InputError&) {
                opt.zone = clout::TimeZone{};
            }
        }
        if (reactions >= 0 || reshares >= 0) {
            clout::SuppliedSignals typed;
            typed.reactions_per_post = reactions >= 0 ? reactions : -1;  // taken to two decimals by the report
            typed.reshares_per_post = reshares >= 0 ? reshares : -1;
            opt.supplied.push_back(typed);
        }
        clout::Report r = clout::build_report(g_combined, opt);
        g_result = clout::report_to_json(r);
        g_report = g_result;
        g_typed = std::move(r);
        g_view.clear();
    } catch (const clout::InputError& e) {
        g_result = std::string("!") + e.what();
    } catch (const std::bad_alloc&) {
        g_result = "!out of memory while scoring";
    } catch (const std::exception& e) {
        g_result = std::string("!internal error: ") + e.what();
    }
    return g_result.c_str();
}

// What the page's main thread needs of the last report, made here so that the page never
// parses the whole report in one go (no main-thread task over 50 ms). A JSON text:
//   {"card": share payload (no name) or "" when the report cannot be shared,
//    "parts": [[key, compact JSON of the report's member], ...] (every member but "trend"),
//    "trend": [score, p0..p4, score, p0..p4, ...] (a day each, ascending),
//    "dates": the trend's dates, "YYYY-MM-DD" each, concatenated}
// The page takes the parts in a few short tasks (web/worker_client.js) and the card in one call.
// Returns "!" + a message when there is no report.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_view() {
    if (!g_view.empty()) return g_view.c_str();
    try {
        if (g_report.empty()) throw std::runtime_error("no report");
        nlohmann::json out = nlohmann::json::object();
        try {
            out["card"] = clout::encode_share(clout::card_from_report(g_typed));
        } catch (const std::exception&) {
            out["card"] = "";
        }
        // The members as the report's JSON writes them (the page reads each with the same
        // reader, clout::ReportReader); the trend goes as numbers instead.
        const auto j = nlohmann::json::parse(g_report);
        nlohmann::json parts = nlohmann::json::array();
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.key() != "trend") parts.push_back(nlohmann::json::array({it.key(), it.value().dump()}));
        out["parts"] = std::move(parts);
        std::vector<int> trend;
        std::string dates;
        trend.reserve(g_typed.trend.size() * 6);
        dates.reserve(g_typed.trend.size() * 10);
        for (const auto& t : g_typed.trend) {
            trend.push_back(t.score);
            trend.insert(trend.end(), t.points.begin(), t.points.end());
            std::string d = clout::format_day(t.day);
            d.resize(10, ' ');  // a fixed width: the page cuts the dates by position
            dates += d;
        }
        out["trend"] = std::move(trend);
        out["dates"] = std::move(dates);
        g_view = out.dump();
    } catch (const std::exception& e) {
        g_view.clear();
        g_result = std::string("!") + e.what();
        return g_result.c_str();
    }
    return g_view.c_str();
}

}  // extern "C"

// ---- [SECTION] Audience ranking
// (docs/RANKING.md "In the page"): a roster CSV read and ranked here with the CLI's functions (read_roster, rank_roster); the page gets the exact
// bytes of `clout rank --json` and `--csv` plus the compact table its panel draws
// (rank/rank_view.h), so the main thread never parses the JSON to draw.
namespace {

std::string g_rank_out[4];  // 0 JSON, 1 CSV, 2 the panel's table, 3 a short summary (JSON)

// Counts the bytes read and reports progress (at most every 100 ms).
class ProgressStream : public clout::InputStream {
public:
    ProgressStream(clout::InputStream& in, const char* key, double total) : in_(in), key_(key), total_(total) {}
    size_t read(void* buf, size_t n) override {
        const size_t got = in_.read(buf, n);
        done_ += static_cast<double>(got);
        const double now = emscripten_get_now();
        if (now - last_ >= 100) {
            last_ = now;
            clout_worker_js_progress(key_, done_, total_, 0, 0, "reading the roster");
        }
        return got;
    }

private:
    clout::InputStream& in_;
    const char* key_;
    double total_, done_ = 0, last_ = -1e9;
};

std::string rank_summary(const clout::Roster& r) {
    nlohmann::ordered_json j;
    j["accounts"] = r.rows.size();
    j["rows_read"] = r.data_rows;
    j["skipped"] = r.data_rows - r.rows.size();
    j["warnings"] = r.warnings.size();
    j["model_version"] = clout::model_version();
    auto top = nlohmann::ordered_json::array();
    for (size_t i = 0; i < r.rows.size() && i < 3; ++i) {
        const auto& x = r.rows[i];
        top.push_back({{"rank", x.rank}, {"handle", x.handle}, {"network", x.network}, {"score", x.result.score}});
    }
    j["top"] = std::move(top);
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

extern "C" {

// Ranks the roster CSV at `path` (a WORKERFS mount). With `detect` set (a CSV dropped on
// the page, not picked as a roster), a file that one of the export importers recognises,
// or that has no handle column, is left to the export path. Returns 0 when ranked (the
// outputs: clout_worker_rank_data/size), 1 when it is not a roster (detect only), 2 on an
// error (clout_worker_rank_data(0) holds the one-line message, without the file name).
EMSCRIPTEN_KEEPALIVE int clout_worker_rank(const char* key, const char* path, const char* name, int detect) {
    for (auto& s : g_rank_out) s.clear();
    try {
        clout_worker_js_progress(key, 0, 0, 0, 0, "opening");
        if (detect) {
            clout::ImportContext ctx;
            auto c = clout::open_source(clout::open_file_source(path), name, ctx);
            for (auto& imp : clout::importers())
                if (imp->detect(*c, ctx)) return 1;
        }
        auto src = clout::open_file_source(path);
        const double total = static_cast<double>(src->size());
        auto raw = clout::source_stream(*src, 0, src->size());
        ProgressStream in(*raw, key, total);
        clout::Roster r;
        try {
            r = clout::read_roster(in);
        } catch (const clout::InputError&) {
            if (detect) return 1;
            throw;
        }
        clout_worker_js_progress(key, total, total, static_cast<double>(r.data_rows), 0, "ranking");
        clout::rank_roster(r);
        g_rank_out[0] = clout::roster_json(r);
        g_rank_out[1] = clout::roster_csv(r);
        g_rank_out[2] = clout::encode_rank_view(r);
        g_rank_out[3] = rank_summary(r);
        return 0;
    } catch (const clout::InputError& e) {
        g_rank_out[0] = e.what();
    } catch (const std::bad_alloc&) {
        g_rank_out[0] = "out of memory while ranking this roster";
    } catch (const std::exception& e) {
        g_rank_out[0] = std::string("internal error: ") + e.what();
    }
    for (size_t i = 1; i < 4; ++i) g_rank_out[i].clear();
    return 2;
}

// The last ranking's outputs (0 JSON, 1 CSV, 2 table, 3 summary), valid until the next call.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_rank_data(int which) {
    return which >= 0 && which < 4 ? g_rank_out[which].data() : nullptr;
}
EMSCRIPTEN_KEEPALIVE double clout_worker_rank_size(int which) {
    return which >= 0 && which < 4 ? static_cast<double>(g_rank_out[which].size()) : 0;
}
// Frees them once the page has its copies.
EMSCRIPTEN_KEEPALIVE void clout_worker_rank_free() {
    for (auto& s : g_rank_out) std::string().swap(s);
}

}  // extern "C"

// ---- [SECTION] main
// Runs once when the module starts, before any call from worker.js.
int main() {
    clout::install_wasm_file_source();
    return 0;
}
