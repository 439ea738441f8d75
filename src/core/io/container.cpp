#include "io/container.h"

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "util/error.h"

namespace clout {

void ImportContext::tick() {
    if (cancel && cancel->load(std::memory_order_relaxed)) throw Cancelled();
    if (on_progress) on_progress(progress);
}

void ImportContext::count_inflated(uint64_t n) {
    inflated_total += n;
    if (inflated_total > limits.max_total_bytes)
        throw LimitError("more than " + std::to_string(limits.max_total_bytes >> 20) +
                         " MB would be inflated from this export (limit --max-total-mb)");
}

void ImportContext::check_posts(uint64_t posts_so_far) const {
    if (posts_so_far >= limits.max_posts)
        throw LimitError("more than " + std::to_string(limits.max_posts) + " posts (limit --max-posts)");
}

std::string_view base_name(std::string_view path) {
    size_t slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool glob_match(std::string_view p, std::string_view s) {
    size_t pi = 0, si = 0, star = std::string_view::npos, mark = 0;
    while (si < s.size()) {
        if (pi < p.size() && (p[pi] == '?' || p[pi] == s[si])) {
            ++pi;
            ++si;
        } else if (pi < p.size() && p[pi] == '*') {
            star = pi++;
            mark = si;
        } else if (star != std::string_view::npos) {
            pi = star + 1;
            si = ++mark;
        } else {
            return false;
        }
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

std::string Container::peek(size_t i, size_t n, ImportContext& ctx) {
    auto s = open(i, ctx);
    std::string out(n, '\0');
    size_t got = 0;
    while (got < n) {
        size_t r = s->read(out.data() + got, n - got);
        if (r == 0) break;
        got += r;
    }
    out.resize(got);
    return out;
}

std::string Container::read_all(size_t i, ImportContext& ctx) {
    const Entry& e = entries_.at(i);
    if (e.size > ctx.limits.max_file_in_memory)
        throw LimitError(e.path + ": " + std::to_string(e.size >> 20) + " MB is more than the " +
                         std::to_string(ctx.limits.max_file_in_memory >> 20) + " MB allowed for a file read whole (limit --max-file-mb)");
    auto s = open(i, ctx);
    std::string out;
    out.reserve(static_cast<size_t>(e.size));
    char buf[65536];
    for (;;) {
        size_t r = s->read(buf, sizeof buf);
        if (r == 0) break;
        if (out.size() + r > ctx.limits.max_file_in_memory)
            throw LimitError(e.path + ": more than " + std::to_string(ctx.limits.max_file_in_memory >> 20) +
                             " MB, the most allowed for a file read whole (limit --max-file-mb)");
        out.append(buf, r);
    }
    return out;
}

long Container::find_suffix(std::string_view suffix) const {
    for (size_t i = 0; i < entries_.size(); ++i) {
        std::string_view p = entries_[i].path;
        if (p.size() < suffix.size()) continue;
        if (p.substr(p.size() - suffix.size()) != suffix) continue;
        if (p.size() == suffix.size() || p[p.size() - suffix.size() - 1] == '/') return static_cast<long>(i);
    }
    return -1;
}

std::vector<size_t> Container::find_glob(std::string_view pattern, std::string_view folder) const {
    std::vector<size_t> out;
    for (size_t i = 0; i < entries_.size(); ++i) {
        std::string_view p = entries_[i].path;
        std::string_view b = base_name(p);
        if (!glob_match(pattern, b)) continue;
        if (!folder.empty()) {
            std::string_view dir = p.substr(0, p.size() - b.size());
            if (!dir.empty()) dir.remove_suffix(1);
            if (dir.size() < folder.size() || dir.substr(dir.size() - folder.size()) != folder) continue;
            if (dir.size() != folder.size() && dir[dir.size() - folder.size() - 1] != '/') continue;
        }
        out.push_back(i);
    }
    return out;
}

namespace {

// Enforces the per-entry limit and counts inflated bytes for any stream.
class LimitedStream final : public InputStream {
public:
    LimitedStream(std::unique_ptr<InputStream> in, std::string path, ImportContext& ctx)
        : in_(std::move(in)), path_(std::move(path)), ctx_(ctx) {}
    size_t read(void* buf, size_t n) override {
        size_t r = in_->read(buf, n);
        done_ += r;
        if (done_ > ctx_.limits.max_entry_bytes)
            throw LimitError(path_ + ": larger than " + std::to_string(ctx_.limits.max_entry_bytes >> 20) +
                             " MB once inflated (limit --max-entry-mb)");
        ctx_.count_inflated(r);
        return r;
    }

private:
    std::unique_ptr<InputStream> in_;
    std::string path_;
    ImportContext& ctx_;
    uint64_t done_ = 0;
};

class SingleFile final : public Container {
public:
    SingleFile(std::unique_ptr<ByteSource> src, const std::string& name) : src_(std::move(src)) {
        name_ = name;
        input_size_ = src_->size();
        entries_.push_back({std::string(base_name(name)), src_->size()});
    }
    const char* kind() const override { return "file"; }
    std::unique_ptr<InputStream> open(size_t i, ImportContext& ctx) override {
        if (i != 0) throw InputError("no such entry");
        return std::make_unique<LimitedStream>(source_stream(*src_, 0, src_->size()), entries_[0].path, ctx);
    }

private:
    std::unique_ptr<ByteSource> src_;
};

class Directory final : public Container {
public:
    Directory(const std::string& root, ImportContext& ctx) : root_(root) {
        name_ = root;
        namespace fs = std::filesystem;
        std::error_code ec;
        fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
        if (ec) throw InputError("cannot read folder: " + ec.message());
        for (; it != end; it.increment(ec)) {
            if (ec) throw InputError("cannot read folder: " + ec.message());
            if (!it->is_regular_file(ec)) continue;
            std::string rel = fs::relative(it->path(), root, ec).generic_string();
            if (ec) continue;
            if (rel.rfind("__MACOSX/", 0) == 0 || base_name(rel).rfind("._", 0) == 0) continue;
            uint64_t sz = it->file_size(ec);
            if (ec) continue;
            entries_.push_back({rel, sz});
            input_size_ += sz;
            if (entries_.size() > ctx.limits.max_entries)
                throw LimitError("more than " + std::to_string(ctx.limits.max_entries) + " files in the folder");
        }
        std::sort(entries_.begin(), entries_.end(), [](const Entry& a, const Entry& b) { return a.path < b.path; });
    }
    const char* kind() const override { return "directory"; }
    bool concurrent_reads() const override { return true; }  // each entry is its own file
    std::unique_ptr<InputStream> open(size_t i, ImportContext& ctx) override {
        auto src = open_file_source((std::filesystem::path(root_) / entries_.at(i).path).string());
        ByteSource& ref = *src;
        struct Owning final : InputStream {
            std::unique_ptr<ByteSource> src;
            std::unique_ptr<InputStream> s;
            size_t read(void* b, size_t n) override { return s->read(b, n); }
        };
        auto o = std::make_unique<Owning>();
        o->s = source_stream(ref, 0, ref.size());
        o->src = std::move(src);
        return std::make_unique<LimitedStream>(std::move(o), entries_[i].path, ctx);
    }

private:
    std::string root_;
};

}  // namespace

std::unique_ptr<InputStream> limit_stream(std::unique_ptr<InputStream> in, std::string path, ImportContext& ctx) {
    return std::make_unique<LimitedStream>(std::move(in), std::move(path), ctx);
}

std::unique_ptr<Container> open_single_file(std::unique_ptr<ByteSource> src, const std::string& name) {
    return std::make_unique<SingleFile>(std::move(src), name);
}

std::unique_ptr<Container> open_directory(const std::string& path, ImportContext& ctx) {
    return std::make_unique<Directory>(path, ctx);
}

std::unique_ptr<Container> open_source(std::unique_ptr<ByteSource> src, const std::string& name, ImportContext& ctx) {
    unsigned char magic[4] = {0, 0, 0, 0};
    size_t got = src->size() >= 4 ? src->read_at(0, magic, 4) : 0;
    if (src->size() == 0) throw InputError("the file is empty");
    bool zip = got == 4 && magic[0] == 'P' && magic[1] == 'K' &&
               ((magic[2] == 3 && magic[3] == 4) || (magic[2] == 5 && magic[3] == 6) || (magic[2] == 7 && magic[3] == 8));
    if (zip) return open_zip(std::move(src), name, ctx);
    if (got >= 2 && magic[0] == 0x1f && magic[1] == 0x8b) return open_tar(std::move(src), name, true, ctx);
    if (src->size() >= 512) {
        char ustar[6] = {};
        if (src->read_at(257, ustar, 5) == 5 && std::memcmp(ustar, "ustar", 5) == 0)
            return open_tar(std::move(src), name, false, ctx);
    }
    return open_single_file(std::move(src), name);
}

std::unique_ptr<Container> open_input(const std::string& path, ImportContext& ctx) {
    std::error_code ec;
    auto st = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(st)) throw InputError("no such file or folder");
    if (std::filesystem::is_directory(st)) return open_directory(path, ctx);
    return open_source(open_file_source(path), path, ctx);
}

}  // namespace clout
