// Tar and gzip-compressed tar (.tar.gz/.tgz), plus a bare gzip-compressed file.
//
// Plain tar is random access: each entry's data is a byte range of the file.
//
// gzip is not random access. Opening the archive scans it once, sequentially:
// inflating every member (multi-member files are read as one stream), reading the
// 512-byte headers (ustar, GNU 'L' long names and base-256 sizes, pax 'x' headers)
// and skipping entry data by inflating it into a small scratch buffer. Nothing is
// kept but the entry list and, at the start of the data of every entry that is not
// a media file (and at least every 64 MB of output), a CHECKPOINT: a copy of zlib's
// inflate state (about 40 KB with its 32 KB window) and the compressed offset where
// it stopped. Opening an entry resumes inflation from the nearest checkpoint at or
// before its data and skips what lies between (nothing, for the entries an importer
// reads). The checkpoints are capped (kMaxCheckpoints; the oldest spacing doubles and
// every other one is dropped when the cap is reached), so memory stays flat -- a few
// MB at most -- whatever the archive's size. See docs/FORMATS.md ("tar.gz").
//
// Index of this file:
//   [SECTION] Limits, media names
//   [SECTION] gzip: one inflating reader over a ByteSource, multi-member tolerant
//   [SECTION] tar header parsing
//   [SECTION] SeqReader: the archive's bytes in order, through the gzip reader
//   [SECTION] InflatingEntryStream: an entry resumed from a checkpoint
//   [SECTION] TarContainer: scanning the archive, opening entries
//   [SECTION] Entry point (open_tar)
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "io/container.h"
#include "util/error.h"
#include "util/text.h"

namespace clout {

namespace {

// ---- [SECTION] Limits, media names
constexpr size_t kInBuf = 1 << 16;
constexpr size_t kMaxCheckpoints = 256;
constexpr uint64_t kInitialSpacing = 64ull << 20;  // force a checkpoint at least this often
constexpr size_t kMaxNameBytes = 64 * 1024;        // GNU/pax long names and pax headers

bool is_media_name(std::string_view path) {
    std::string_view b = base_name(path);
    size_t dot = b.find_last_of('.');
    if (dot == std::string_view::npos) return false;
    std::string ext = ascii_lower(b.substr(dot + 1));
    static const char* const media[] = {"jpg", "jpeg", "png", "gif", "webp", "avif", "heic", "heif", "bmp",
                                        "tif", "tiff", "mp4", "m4v", "mov", "webm", "mkv", "avi", "mp3",
                                        "m4a", "ogg", "oga", "opus", "wav", "flac", "aac", "svg", "ico"};
    for (const char* m : media)
        if (ext == m) return true;
    return false;
}

// ---- [SECTION] gzip: one inflating reader over a ByteSource, multi-member tolerant

struct ZState {
    z_stream s{};
    bool live = false;
    ZState() = default;
    ZState(const ZState&) = delete;
    ZState& operator=(const ZState&) = delete;
    ~ZState() {
        if (live) inflateEnd(&s);
    }
};

struct Checkpoint {
    uint64_t out_pos = 0;   // decompressed offset
    uint64_t in_pos = 0;    // compressed offset of the next byte zlib wants
    bool fresh = false;     // at the start of a gzip member: no state needed
    std::shared_ptr<ZState> z;  // copied inflate state (null when fresh)
};

class Inflater {
public:
    Inflater(ByteSource& src, const std::string& what) : src_(src), what_(what), in_(kInBuf) {}

    void start_fresh(uint64_t in_pos, uint64_t out_pos) {
        z_ = std::make_shared<ZState>();
        if (inflateInit2(&z_->s, 16 + MAX_WBITS) != Z_OK) throw std::runtime_error("zlib: inflateInit2 failed");
        z_->live = true;
        in_pos_ = in_pos;
        out_pos_ = out_pos;
        avail_ = 0;
        ended_ = false;
    }
    void start_from(const Checkpoint& cp) {
        if (cp.fresh || !cp.z) {
            start_fresh(cp.in_pos, cp.out_pos);
            return;
        }
        z_ = std::make_shared<ZState>();
        if (inflateCopy(&z_->s, &cp.z->s) != Z_OK) throw std::runtime_error("zlib: inflateCopy failed (out of memory)");
        z_->live = true;
        in_pos_ = cp.in_pos;
        out_pos_ = cp.out_pos;
        avail_ = 0;
        ended_ = false;
    }
    // A copy of the current state, to resume from later.
    Checkpoint checkpoint() {
        Checkpoint cp;
        cp.out_pos = out_pos_;
        cp.in_pos = in_pos_ - avail_;
        if (at_member_start_) {
            cp.fresh = true;
            return cp;
        }
        cp.z = std::make_shared<ZState>();
        if (inflateCopy(&cp.z->s, &z_->s) != Z_OK) throw std::runtime_error("zlib: inflateCopy failed (out of memory)");
        cp.z->live = true;
        return cp;
    }

    uint64_t out_pos() const { return out_pos_; }
    uint64_t in_pos() const { return in_pos_ - avail_; }
    bool ended() const { return ended_; }

    // Inflates up to n bytes into buf; fewer only at the end of the last member.
    size_t read(void* buf, size_t n) {
        unsigned char* out = static_cast<unsigned char*>(buf);
        size_t done = 0;
        while (done < n && !ended_) {
            if (avail_ == 0) {
                size_t got = src_.read_at(in_pos_, in_.data(), in_.size());
                in_pos_ += got;
                avail_ = got;
                next_ = 0;
                if (got == 0) {
                    throw InputError("truncated: the gzip data of " + what_ + " ends early (after " +
                                     std::to_string(out_pos_) + " bytes inflated)");
                }
            }
            z_stream& s = z_->s;
            s.next_in = in_.data() + next_;
            s.avail_in = static_cast<uInt>(avail_);
            size_t want = std::min<size_t>(n - done, 1u << 30);
            s.next_out = out + done;
            s.avail_out = static_cast<uInt>(want);
            int rc = inflate(&s, Z_NO_FLUSH);
            size_t produced = want - s.avail_out;
            size_t consumed = avail_ - s.avail_in;
            next_ += consumed;
            avail_ -= consumed;
            done += produced;
            out_pos_ += produced;
            if (produced || consumed) at_member_start_ = false;
            if (rc == Z_STREAM_END) {
                next_member();
            } else if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT) {
                throw InputError("damaged gzip data at byte " + std::to_string(in_pos()) + " of " + what_ +
                                 (s.msg ? std::string(" (") + s.msg + ")" : std::string()));
            } else if (rc == Z_MEM_ERROR) {
                throw std::runtime_error("zlib: out of memory");
            } else if (rc == Z_BUF_ERROR && produced == 0 && consumed == 0) {
                // needs more input: loop refills (avail_ is 0 only if everything was consumed)
                if (avail_ != 0) throw InputError("damaged gzip data at byte " + std::to_string(in_pos()) + " of " + what_);
            }
        }
        return done;
    }

private:
    // After a member's end: another member follows (gzip magic) or the data is over
    // (end of file, zero padding, or trailing bytes that are not gzip: ignored).
    void next_member() {
        unsigned char magic[2];
        uint64_t pos = in_pos();
        size_t got = 0;
        if (avail_ >= 2) {
            magic[0] = in_[next_];
            magic[1] = in_[next_ + 1];
            got = 2;
        } else {
            got = src_.read_at(pos, magic, 2);
        }
        if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
            inflateReset(&z_->s);
            at_member_start_ = true;
            return;
        }
        ended_ = true;
    }

    ByteSource& src_;
    std::string what_;
    std::vector<unsigned char> in_;
    std::shared_ptr<ZState> z_;
    uint64_t in_pos_ = 0;  // next compressed byte to fetch into in_
    size_t next_ = 0, avail_ = 0;
    uint64_t out_pos_ = 0;
    bool ended_ = false;
    bool at_member_start_ = true;
};

// ---- [SECTION] tar header parsing

uint64_t parse_octal_or_base256(const unsigned char* p, size_t n, bool& ok) {
    ok = true;
    if (p[0] & 0x80) {  // GNU base-256
        if (p[0] & 0x40) {
            ok = false;  // negative
            return 0;
        }
        uint64_t v = p[0] & 0x3f;
        for (size_t i = 1; i < n; ++i) {
            if (v >> 56) {
                ok = false;
                return 0;
            }
            v = (v << 8) | p[i];
        }
        return v;
    }
    uint64_t v = 0;
    size_t i = 0;
    while (i < n && (p[i] == ' ' || p[i] == 0)) ++i;
    bool any = false;
    for (; i < n && p[i] >= '0' && p[i] <= '7'; ++i) {
        if (v >> 60) {
            ok = false;
            return 0;
        }
        v = v * 8 + static_cast<uint64_t>(p[i] - '0');
        any = true;
    }
    for (; i < n; ++i)
        if (p[i] != ' ' && p[i] != 0) ok = false;
    if (!any && !ok) return 0;
    return v;
}

std::string field_string(const unsigned char* p, size_t n) {
    size_t len = 0;
    while (len < n && p[len]) ++len;
    return std::string(reinterpret_cast<const char*>(p), len);
}

bool all_zero(const unsigned char* p, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (p[i]) return false;
    return true;
}

bool checksum_ok(const unsigned char* h) {
    bool ok;
    uint64_t stated = parse_octal_or_base256(h + 148, 8, ok);
    if (!ok) return false;
    uint64_t sum = 0;
    int64_t ssum = 0;
    for (size_t i = 0; i < 512; ++i) {
        unsigned char c = (i >= 148 && i < 156) ? ' ' : h[i];
        sum += c;
        ssum += static_cast<signed char>(c);
    }
    return stated == sum || static_cast<int64_t>(stated) == ssum;
}

// "a/./b//c" -> "a/b/c"; leading "./" and "/" dropped.
std::string clean_path(std::string p) {
    std::string out;
    size_t i = 0;
    while (i <= p.size()) {
        size_t j = p.find('/', i);
        if (j == std::string::npos) j = p.size();
        std::string_view part(p.data() + i, j - i);
        if (!part.empty() && part != ".") {
            if (!out.empty()) out.push_back('/');
            out.append(part);
        }
        i = j + 1;
    }
    return out;
}

// Reads pax records "LEN key=value\n"; returns path and size overrides.
void parse_pax(const std::string& data, std::string& path, uint64_t& size, bool& has_size) {
    size_t i = 0;
    while (i < data.size()) {
        size_t sp = data.find(' ', i);
        if (sp == std::string::npos) break;
        uint64_t len = 0;
        for (size_t k = i; k < sp; ++k) {
            if (data[k] < '0' || data[k] > '9') return;
            len = len * 10 + static_cast<uint64_t>(data[k] - '0');
            if (len > data.size()) return;
        }
        if (len == 0 || i + len > data.size()) return;
        std::string rec = data.substr(sp + 1, i + len - sp - 1);
        if (!rec.empty() && rec.back() == '\n') rec.pop_back();
        size_t eq = rec.find('=');
        if (eq != std::string::npos) {
            std::string key = rec.substr(0, eq), val = rec.substr(eq + 1);
            if (key == "path") path = val;
            if (key == "size") {
                uint64_t v = 0;
                bool ok = !val.empty();
                for (char c : val) {
                    if (c < '0' || c > '9' || v > (UINT64_MAX / 10 - 10)) {
                        ok = false;
                        break;
                    }
                    v = v * 10 + static_cast<uint64_t>(c - '0');
                }
                if (ok) {
                    size = v;
                    has_size = true;
                }
            }
        }
        i += len;
    }
}

// ---- [SECTION] SeqReader: the archive's bytes in order, through the gzip reader
// Sequential reader over the archive's bytes: either the raw file or the inflated stream.
class SeqReader {
public:
    SeqReader(ByteSource& src, bool gz, const std::string& what) : src_(src), gz_(gz) {
        if (gz_) {
            inf_ = std::make_unique<Inflater>(src, what);
            inf_->start_fresh(0, 0);
        }
    }
    size_t read(void* buf, size_t n) {
        if (gz_) return inf_->read(buf, n);
        size_t got = src_.read_at(pos_, buf, n);
        pos_ += got;
        return got;
    }
    uint64_t pos() const { return gz_ ? inf_->out_pos() : pos_; }
    uint64_t in_pos() const { return gz_ ? inf_->in_pos() : pos_; }
    // Skips n bytes; returns how many were skipped (fewer at the end).
    uint64_t skip(uint64_t n, std::vector<unsigned char>& scratch, ImportContext& ctx) {
        if (!gz_) {
            uint64_t left = src_.size() > pos_ ? src_.size() - pos_ : 0;
            uint64_t k = std::min(n, left);
            pos_ += k;
            return k;
        }
        uint64_t done = 0;
        while (done < n) {
            size_t want = static_cast<size_t>(std::min<uint64_t>(n - done, scratch.size()));
            size_t got = inf_->read(scratch.data(), want);
            done += got;
            ctx.count_inflated(got);
            if (got < want) break;
            if ((done & ((1u << 20) - 1)) < want) tick(ctx);
        }
        return done;
    }
    void tick(ImportContext& ctx) {
        ctx.progress.bytes_done = in_pos();
        ctx.tick();
    }
    Inflater* inflater() { return inf_.get(); }

private:
    ByteSource& src_;
    bool gz_;
    uint64_t pos_ = 0;
    std::unique_ptr<Inflater> inf_;
};

// ---- [SECTION] InflatingEntryStream: an entry resumed from a checkpoint
struct TarItem {
    uint64_t offset;  // of the data, in the (decompressed) tar stream
};

class InflatingEntryStream final : public InputStream {
public:
    InflatingEntryStream(ByteSource& src, const std::string& what, const Checkpoint& cp, uint64_t offset,
                         uint64_t size)
        : inf_(src, what), left_(size), what_(what) {
        inf_.start_from(cp);
        std::vector<unsigned char> scratch(1 << 16);
        uint64_t skip = offset - cp.out_pos;
        while (skip) {
            size_t want = static_cast<size_t>(std::min<uint64_t>(skip, scratch.size()));
            size_t got = inf_.read(scratch.data(), want);
            if (got == 0) throw InputError("truncated: the archive ends before " + what_);
            skip -= got;
        }
    }
    size_t read(void* buf, size_t n) override {
        if (left_ == 0) return 0;
        if (n > left_) n = static_cast<size_t>(left_);
        size_t got = inf_.read(buf, n);
        if (got == 0) throw InputError("truncated: the archive ends inside " + what_);
        left_ -= got;
        return got;
    }

private:
    Inflater inf_;
    uint64_t left_;
    std::string what_;
};

// ---- [SECTION] TarContainer: scanning the archive, opening entries
class TarContainer final : public Container {
public:
    TarContainer(std::unique_ptr<ByteSource> src, const std::string& name, bool gz, ImportContext& ctx)
        : src_(std::move(src)), gz_(gz) {
        name_ = name;
        input_size_ = src_->size();
        scan(ctx);
    }
    const char* kind() const override { return bare_gzip_ ? "gzip" : (gz_ ? "tar.gz" : "tar"); }

    std::unique_ptr<InputStream> open(size_t i, ImportContext& ctx) override {
        const Entry& e = entries_.at(i);
        uint64_t off = items_.at(i).offset;
        if (!gz_) return limit_stream(source_stream(*src_, off, e.size), e.path, ctx);
        // The latest checkpoint at or before the entry's data.
        auto it = std::upper_bound(cps_.begin(), cps_.end(), off,
                                   [](uint64_t v, const Checkpoint& c) { return v < c.out_pos; });
        const Checkpoint& cp = *(it - 1);
        return limit_stream(std::make_unique<InflatingEntryStream>(*src_, e.path, cp, off, e.size), e.path, ctx);
    }

    size_t checkpoint_count() const { return cps_.size(); }

private:
    void add_checkpoint(SeqReader& r, bool wanted) {
        if (!gz_) return;
        uint64_t pos = r.pos();
        uint64_t last = cps_.back().out_pos;
        if (pos == last) return;
        if (!wanted && pos - last < spacing_) return;
        if (wanted && pos - last < min_gap_) return;
        cps_.push_back(r.inflater()->checkpoint());
        if (cps_.size() > kMaxCheckpoints) {
            // Thin out: keep the first and every other one after it.
            std::vector<Checkpoint> kept;
            for (size_t k = 0; k < cps_.size(); ++k)
                if (k == 0 || k % 2 == 0 || k + 1 == cps_.size()) kept.push_back(std::move(cps_[k]));
            cps_ = std::move(kept);
            spacing_ *= 2;
            min_gap_ = min_gap_ ? min_gap_ * 2 : (1u << 20);
        }
    }

    void scan(ImportContext& ctx) {
        const std::string what = std::string(base_name(name_));
        SeqReader r(*src_, gz_, what);
        if (gz_) {
            Checkpoint first;
            first.fresh = true;
            cps_.push_back(first);
        }
        ctx.progress.stage = "scanning " + what;
        ctx.progress.bytes_total = src_->size();
        std::vector<unsigned char> scratch(1 << 16);
        unsigned char h[512];
        std::string long_name;      // from a GNU 'L' entry, for the next entry
        std::string pax_path;       // from a pax 'x' header, for the next entry
        uint64_t pax_size = 0;
        bool pax_has_size = false;
        bool first = true;
        for (;;) {
            uint64_t header_at = r.pos();
            size_t got = r.read(h, 512);
            if (got == 0) break;  // end without the zero blocks: tolerated
            if (first && (got < 512 || !checksum_ok(h))) {
                if (gz_) {
                    bare_gzip(r, h, got, ctx);
                    return;
                }
                throw InputError("not a tar archive (bad first header)");
            }
            first = false;
            if (got < 512) throw InputError("truncated: the archive ends inside a tar header at byte " + std::to_string(header_at));
            if (all_zero(h, 512)) break;  // end-of-archive marker
            if (!checksum_ok(h))
                throw InputError("damaged tar header at byte " + std::to_string(header_at) + " (checksum mismatch)");
            bool ok;
            uint64_t size = parse_octal_or_base256(h + 124, 12, ok);
            if (!ok) throw InputError("damaged tar header at byte " + std::to_string(header_at) + " (bad size)");
            char type = static_cast<char>(h[156]);
            std::string path = field_string(h, 100);
            bool ustar = std::memcmp(h + 257, "ustar", 5) == 0;
            if (ustar && h[345]) {
                std::string prefix = field_string(h + 345, 155);
                path = prefix + "/" + path;
            }
            if (type == 'L' || type == 'x' || type == 'g' || type == 'K') {
                if (size > kMaxNameBytes)
                    throw InputError("damaged tar archive: a " + std::to_string(size) + "-byte extended header at byte " +
                                     std::to_string(header_at));
                std::string data(static_cast<size_t>(size), '\0');
                if (r.read(data.data(), data.size()) != data.size())
                    throw InputError("truncated: the archive ends inside an extended header");
                uint64_t pad = (512 - size % 512) % 512;
                if (r.skip(pad, scratch, ctx) != pad) throw InputError("truncated: the archive ends inside an extended header");
                if (type == 'L') {
                    long_name = data.substr(0, data.find('\0'));
                } else if (type == 'x') {
                    parse_pax(data, pax_path, pax_size, pax_has_size);
                }
                continue;
            }
            if (!long_name.empty()) path = long_name;
            if (!pax_path.empty()) path = pax_path;
            if (pax_has_size) size = pax_size;
            long_name.clear();
            pax_path.clear();
            pax_has_size = false;
            pax_size = 0;

            bool regular = type == '0' || type == '\0' || type == '7';
            std::string clean = clean_path(path);
            if (regular && !clean.empty() && path.back() != '/') {
                std::string_view b = base_name(clean);
                bool junk = clean.rfind("__MACOSX/", 0) == 0 || b.rfind("._", 0) == 0;
                if (!junk) {
                    add_checkpoint(r, !is_media_name(clean));
                    entries_.push_back({clean, size});
                    items_.push_back({r.pos()});
                    if (entries_.size() > ctx.limits.max_entries)
                        throw LimitError("more than " + std::to_string(ctx.limits.max_entries) + " entries in the archive");
                }
            }
            uint64_t total = size + (512 - size % 512) % 512;
            uint64_t skipped = r.skip(total, scratch, ctx);
            if (skipped < size)
                throw InputError("truncated: the archive ends inside " + clean + " (" + std::to_string(skipped) + " of " +
                                 std::to_string(size) + " bytes)");
            ++ctx.progress.entries;
            r.tick(ctx);
            if (skipped < total) break;  // missing padding at the very end: tolerated
        }
        ctx.progress.bytes_done = src_->size();
    }

    // A gzip file that does not hold a tar: one entry, the inflated file.
    void bare_gzip(SeqReader& r, const unsigned char* h, size_t got, ImportContext& ctx) {
        bare_gzip_ = true;
        (void)h;
        std::vector<unsigned char> scratch(1 << 16);
        // The whole file is one entry: past max_entry_bytes it could never be read, so the
        // scan stops there (a gzip bomb is refused in seconds, not after max_total_bytes).
        const uint64_t cap = ctx.limits.max_entry_bytes;
        uint64_t total = got + r.skip(cap >= got ? cap - got + 1 : 1, scratch, ctx);
        std::string n(base_name(name_));
        std::string lower = ascii_lower(n);
        if (lower.size() > 3 && lower.substr(lower.size() - 3) == ".gz") n.resize(n.size() - 3);
        if (n.empty()) n = "data";
        if (total > cap)
            throw LimitError(n + ": larger than " + std::to_string(cap >> 20) + " MB once inflated (limit --max-entry-mb)");
        entries_.push_back({n, total});
        items_.push_back({0});
    }

    std::unique_ptr<ByteSource> src_;
    bool gz_;
    bool bare_gzip_ = false;
    std::vector<TarItem> items_;
    std::vector<Checkpoint> cps_;
    uint64_t spacing_ = kInitialSpacing;
    uint64_t min_gap_ = 0;
};

}  // namespace

// ---- [SECTION] Entry point (open_tar)
std::unique_ptr<Container> open_tar(std::unique_ptr<ByteSource> src, const std::string& name, bool gzipped,
                                    ImportContext& ctx) {
    return std::make_unique<TarContainer>(std::move(src), name, gzipped, ctx);
}

}  // namespace clout
