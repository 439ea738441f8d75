// Shared by the libFuzzer targets in fuzz/ (see docs/FUZZING.md).
//
// A fuzz input is either one file's bytes, or a BUNDLE of several files: it starts with
// "@@ " and holds records "@@ PATH\nBYTES", each new record starting on a new line with
// "@@ ". Bundles let the importer targets see a whole export (an X archive's data/ files,
// a Mastodon outbox with its actor, a LinkedIn folder of CSVs) without a container format
// in the way; the container targets (zip, tar) fuzz those formats themselves.
//
// What counts as a finding: anything but a clean return or an InputError (LimitError is
// one) or Cancelled: a sanitizer report, a crash, a timeout, running out of memory, and
// ANY other exception (std::out_of_range, nlohmann::json's type_error, ...): those would
// reach the CLI as "internal error", i.e. a bug. So the targets catch only InputError.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "importers/importer.h"
#include "io/container.h"
#include "model/activity.h"
#include "report/report.h"
#include "util/error.h"

namespace clout_fuzz {

// Limits for fuzzing: the defaults, except the inflated totals (so that a small zip bomb
// within the limit does not take minutes per input).
inline clout::ImportContext fuzz_context() {
    clout::ImportContext ctx;
    ctx.limits.max_entry_bytes = 256ull << 20;
    ctx.limits.max_total_bytes = 512ull << 20;
    ctx.limits.max_file_in_memory = 128ull << 20;
    return ctx;
}

// A container over files held in memory.
class MemoryContainer final : public clout::Container {
public:
    explicit MemoryContainer(std::string name) { name_ = std::move(name); }
    void add(std::string path, std::string bytes) {
        input_size_ += bytes.size();
        entries_.push_back({std::move(path), bytes.size()});
        sources_.push_back(clout::memory_source(std::move(bytes)));
    }
    const char* kind() const override { return "directory"; }
    std::unique_ptr<clout::InputStream> open(size_t i, clout::ImportContext& ctx) override {
        clout::ByteSource& s = *sources_.at(i);
        return clout::limit_stream(clout::source_stream(s, 0, s.size()), entries_[i].path, ctx);
    }

private:
    std::vector<std::unique_ptr<clout::ByteSource>> sources_;
};

// Splits a bundle (see above) into a container; a plain input becomes one file at
// `default_path`.
inline std::unique_ptr<MemoryContainer> unbundle(const uint8_t* data, size_t size, const std::string& default_path) {
    std::string_view in(reinterpret_cast<const char*>(data), size);
    auto c = std::make_unique<MemoryContainer>("fuzz-export");
    if (in.rfind("@@ ", 0) != 0) {
        c->add(default_path, std::string(in));
        return c;
    }
    size_t pos = 0;
    while (pos < in.size() && c->entries().size() < 64) {
        size_t nl = in.find('\n', pos);
        if (nl == std::string_view::npos) break;
        std::string path(in.substr(pos + 3, nl - pos - 3));
        size_t next = in.find("\n@@ ", nl + 1);
        size_t stop = next == std::string_view::npos ? in.size() : next;
        if (!path.empty()) c->add(path, std::string(in.substr(nl + 1, stop - nl - 1)));
        if (next == std::string_view::npos) break;
        pos = next + 1;
    }
    if (c->entries().empty()) c->add(default_path, std::string(in));
    return c;
}

// Writes a bundle (the seed maker uses it).
inline std::string bundle(const std::vector<std::pair<std::string, std::string>>& files) {
    std::string out;
    for (const auto& f : files) {
        if (!out.empty()) out += '\n';
        out += "@@ " + f.first + "\n" + f.second;
    }
    return out;
}

// The rest of the pipeline over what an importer read: normalize, report, JSON and text.
inline void finish_pipeline(clout::Activity& a) {
    a.normalize();
    if (a.posts.empty() && a.accounts.empty()) return;
    clout::Report r;
    try {
        r = clout::build_report(a);
    } catch (const clout::InputError&) {
        return;  // e.g. "nothing to score: no dated posts and no export date": exit 2 on the CLI
    }
    std::string j = clout::report_to_json(r);
    std::string t = clout::report_to_text(r);
    if (j.empty() || t.empty()) __builtin_trap();
}

// Runs one importer over a container: detect, then read, then the rest of the pipeline.
inline void run_importer(clout::Importer& imp, clout::Container& c) {
    clout::ImportContext ctx = fuzz_context();
    clout::Activity a;
    try {
        if (!imp.detect(c, ctx)) return;
        imp.read(c, a, ctx);
    } catch (const clout::InputError&) {
        return;  // a clear error: the expected outcome for bad input
    }
    finish_pipeline(a);
}

// Reads every entry of a container to its end (at most `max_entries` of them).
inline void drain_entries(clout::Container& c, clout::ImportContext& ctx, size_t max_entries = 64) {
    char buf[65536];
    for (size_t i = 0; i < c.entries().size() && i < max_entries; ++i) {
        try {
            auto s = c.open(i, ctx);
            while (s->read(buf, sizeof buf) > 0) {
            }
        } catch (const clout::LimitError&) {
            throw;
        } catch (const clout::InputError&) {
            // one damaged entry: the others may still be read
        }
    }
}

}  // namespace clout_fuzz
