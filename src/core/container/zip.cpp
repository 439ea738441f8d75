// Zip reader: random access through a ByteSource, reading only the central directory
// when opened and only the entries an importer asks for. See docs/FORMATS.md (zip).
//
// Handles: the end record found backwards over a comment; ZIP64 end record + locator
// and ZIP64 extra fields; data descriptors (sizes come from the central directory);
// stored and deflated entries (inflated as streams: ISA-L natively where built with it,
// else zlib), CRC-32 checked at the end of every entry; bytes
// prepended to the archive (self-extractors); UTF-8 and CP437 names (and the Info-ZIP
// Unicode path field); `__MACOSX/` and directory entries left out.
// Hostile input: every offset is checked against the file, sizes are cross-checked,
// entry count is bounded (Limits::max_entries), inflated size is capped per entry and
// in total (limit_stream), encrypted entries and unknown methods are refused by name.
//
// Index of this file:
//   [SECTION] Records, CRC-32, names (CP437, UTF-8), methods
//   [SECTION] ZipEntryStream: one entry's stored or deflated bytes, size and CRC checked
//   [SECTION] ZipAheadStream: a large entry inflated ahead on a thread of its own
//   [SECTION] ZipContainer: opening entries
//   [SECTION] ZipContainer: the central directory (end record, ZIP64, entries)
//   [SECTION] Entry point (open_zip)
#include <zlib.h>
#ifdef CLOUT_HAVE_ISAL
#include <isa-l/igzip_lib.h>  // natively: a streaming inflate about 3x faster than zlib 1.2's
#endif
#ifdef CLOUT_HAVE_LIBDEFLATE
#include <libdeflate.h>  // natively: a CRC-32 several times faster than zlib 1.2's
#endif

#include <algorithm>
#ifndef __EMSCRIPTEN__
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#endif
#include <cstring>
#include <memory>
#include <vector>

#include "io/container.h"
#include "io/jobs.h"
#include "util/error.h"
#include "util/text.h"

namespace clout {

namespace {

// ---- [SECTION] Records, CRC-32, names (CP437, UTF-8), methods
constexpr uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50, kZip64LocatorSig = 0x07064b50;
constexpr uint64_t k32 = 0xFFFFFFFFull;

inline uint16_t rd16(const unsigned char* p) { return static_cast<uint16_t>(p[0] | (p[1] << 8)); }
inline uint32_t rd32(const unsigned char* p) {
    return static_cast<uint32_t>(p[0]) | (static_cast<uint32_t>(p[1]) << 8) | (static_cast<uint32_t>(p[2]) << 16) |
           (static_cast<uint32_t>(p[3]) << 24);
}
inline uint32_t entry_crc32(uint32_t crc, const void* p, size_t n) {
#ifdef CLOUT_HAVE_LIBDEFLATE
    return libdeflate_crc32(crc, p, n);
#else
    return static_cast<uint32_t>(crc32(crc, static_cast<const Bytef*>(p), static_cast<uInt>(n)));
#endif
}
inline uint64_t rd64(const unsigned char* p) { return rd32(p) | (static_cast<uint64_t>(rd32(p + 4)) << 32); }

// CP437 upper half -> Unicode.
const uint16_t kCp437[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0};

std::string cp437_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (unsigned char c : s) {
        if (c < 0x80) out += static_cast<char>(c);
        else append_utf8(out, kCp437[c - 0x80]);
    }
    return out;
}

// A name as stored -> '/'-separated UTF-8. Names without the UTF-8 flag are CP437 by the
// specification, but many tools (macOS, 7-Zip) write UTF-8 without the flag: a name that
// is valid UTF-8 is taken as such.
std::string decode_name(std::string_view raw, bool utf8_flag) {
    std::string n;
    bool ascii = std::all_of(raw.begin(), raw.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii || utf8_flag || utf8_valid(raw)) n = utf8_flag && !utf8_valid(raw) ? utf8_sanitize(raw) : std::string(raw);
    else n = cp437_to_utf8(raw);
    std::replace(n.begin(), n.end(), '\\', '/');
    while (n.rfind("./", 0) == 0) n.erase(0, 2);
    while (!n.empty() && n.front() == '/') n.erase(0, 1);
    return n;
}

const char* method_name(uint16_t m) {
    switch (m) {
        case 1: return "shrink";
        case 6: return "implode";
        case 9: return "deflate64";
        case 12: return "bzip2";
        case 14: return "lzma";
        case 93: return "zstd";
        case 95: return "xz";
        case 98: return "ppmd";
        case 99: return "AES encryption";
        default: return nullptr;
    }
}

// ---- [SECTION] ZipEntryStream: one entry's stored or deflated bytes, size and CRC checked
struct ZipItem {
    uint64_t local_offset = 0;
    uint64_t csize = 0;
    uint64_t usize = 0;
    uint32_t crc = 0;
    uint16_t method = 0;
    uint16_t flags = 0;
    uint16_t name_len = 0;
};

// Reads an entry's stored or deflated bytes and checks size and CRC at its end.
class ZipEntryStream final : public InputStream {
public:
    ZipEntryStream(ByteSource& src, std::string path, const ZipItem& it, uint64_t data_offset)
        : src_(src), path_(std::move(path)), it_(it), off_(data_offset), cleft_(it.csize) {
        src_.advise(off_, cleft_);
        if (it_.method == 8) {
            in_.resize(1 << 16);
#ifdef CLOUT_HAVE_ISAL
            isal_ = std::make_unique<inflate_state>();
            isal_inflate_init(isal_.get());
            isal_->crc_flag = ISAL_DEFLATE;  // raw deflate; the CRC-32 is checked here
#else
            if (inflateInit2(&z_, -15) != Z_OK) throw InputError(path_ + ": cannot start inflating");
            z_open_ = true;
#endif
        }
    }
    ~ZipEntryStream() override {
        if (z_open_) inflateEnd(&z_);
    }

    size_t read(void* buf, size_t n) override {
        if (!pending_.empty()) throw InputError(pending_);
        if (done_ || n == 0) return 0;
        size_t got = it_.method == 8 ? read_deflated(buf, n) : read_stored(buf, n);
        if (got) {
            crc_ = entry_crc32(crc_, buf, got);
            out_ += got;
            if (out_ > it_.usize)
                throw InputError(path_ + ": inflates past its stated size of " + std::to_string(it_.usize) + " bytes");
        }
        if (got == 0) finish();
        return got;
    }

private:
    size_t read_stored(void* buf, size_t n) {
        if (cleft_ == 0) return 0;
        if (n > cleft_) n = static_cast<size_t>(cleft_);
        size_t got = src_.read_at(off_, buf, n);
        if (got == 0) throw InputError(path_ + ": truncated (the file ends inside this entry)");
        off_ += got;
        cleft_ -= got;
        return got;
    }

    // Damage found after `produced` bytes of this call: those are handed out first and the
    // error comes with the next read, so the bytes before any damage all reach the reader
    // whatever its read sizes (the same posts are kept, read ahead on a thread or not).
    size_t damaged(std::string msg, size_t produced) {
        if (produced == 0) throw InputError(msg);
        pending_ = std::move(msg);
        return produced;
    }

    // Takes the next block of compressed bytes; false when the entry's data is all read.
    bool refill(const unsigned char*& next, size_t& avail) {
        if (cleft_ == 0) return false;
        size_t want = static_cast<size_t>(std::min<uint64_t>(in_.size(), cleft_));
        size_t got = src_.read_at(off_, in_.data(), want);
        if (got == 0) throw InputError(path_ + ": truncated (the file ends inside this entry)");
        off_ += got;
        cleft_ -= got;
        next = in_.data();
        avail = got;
        return true;
    }

#ifdef CLOUT_HAVE_ISAL
    size_t read_deflated(void* buf, size_t n) {
        if (stream_end_) return 0;
        if (n > (1u << 30)) n = 1u << 30;
        inflate_state& st = *isal_;
        st.next_out = static_cast<uint8_t*>(buf);
        st.avail_out = static_cast<uint32_t>(n);
        while (st.avail_out > 0) {
            if (st.avail_in == 0) {
                const unsigned char* next = nullptr;
                size_t avail = 0;
                if (refill(next, avail)) {
                    st.next_in = const_cast<uint8_t*>(next);
                    st.avail_in = static_cast<uint32_t>(avail);
                }
            }
            const uint32_t in0 = st.avail_in, out0 = st.avail_out;
            int rc = isal_inflate(&st);
            if (rc < 0) return damaged(path_ + ": damaged compressed data", n - st.avail_out);
            if (st.block_state == ISAL_BLOCK_FINISH) {
                stream_end_ = true;
                break;
            }
            if (st.avail_in == in0 && st.avail_out == out0) {
                // No progress: the data is all fed and the stream has not ended.
                return damaged(path_ + ": damaged compressed data (the deflate stream is cut short)", n - st.avail_out);
            }
        }
        return n - st.avail_out;
    }

#else
    size_t read_deflated(void* buf, size_t n) {
        if (stream_end_) return 0;
        if (n > (1u << 30)) n = 1u << 30;
        z_.next_out = static_cast<Bytef*>(buf);
        z_.avail_out = static_cast<uInt>(n);
        while (z_.avail_out > 0) {
            if (z_.avail_in == 0) {
                const unsigned char* next = nullptr;
                size_t avail = 0;
                if (refill(next, avail)) {
                    z_.next_in = const_cast<Bytef*>(next);
                    z_.avail_in = static_cast<uInt>(avail);
                }
            }
            int rc = inflate(&z_, Z_NO_FLUSH);
            if (rc == Z_STREAM_END) {
                stream_end_ = true;
                break;
            }
            if (rc == Z_BUF_ERROR) {
                if (z_.avail_in == 0 && cleft_ == 0)
                    return damaged(path_ + ": damaged compressed data (the deflate stream is cut short)", n - z_.avail_out);
                if (z_.avail_out != n) break;  // produced something; hand it out
                throw InputError(path_ + ": damaged compressed data");
            }
            // Without zlib's own words: ISA-L (natively) has others, and the report must read
            // the same in the page (zlib) and the CLI.
            if (rc != Z_OK) return damaged(path_ + ": damaged compressed data", n - z_.avail_out);
            if (z_.avail_in == 0 && cleft_ == 0 && z_.avail_out != 0) {
                // Everything was fed; one more call tells whether the stream ended.
                continue;
            }
        }
        return n - z_.avail_out;
    }
#endif

    void finish() {
        done_ = true;
        if (out_ != it_.usize)
            throw InputError(path_ + ": truncated or damaged (" + std::to_string(out_) + " bytes instead of " +
                             std::to_string(it_.usize) + ")");
        if (crc_ != it_.crc) throw InputError(path_ + ": damaged (CRC-32 mismatch)");
    }

    ByteSource& src_;
    std::string path_;
    ZipItem it_;
    uint64_t off_, cleft_;
    uint64_t out_ = 0;
    uint32_t crc_ = 0;
    bool done_ = false, stream_end_ = false, z_open_ = false;
    std::string pending_;  // an error to throw at the next read (see damaged)
    z_stream z_{};
#ifdef CLOUT_HAVE_ISAL
    std::unique_ptr<inflate_state> isal_;  // about 50 KB: tables and the 32 KB window
#endif
    std::vector<unsigned char> in_;
};

// ---- [SECTION] ZipAheadStream: a large entry inflated ahead on a thread of its own
#ifndef __EMSCRIPTEN__
// A large deflated entry inflated on a thread of its own, a few blocks ahead of the reader:
// the one tweets.js of most archives is then inflated on one core and parsed on the other.
// The inner stream does every check (sizes, CRC-32, damage); its error reaches the reader
// after the bytes before it, as it would without the thread. Memory: at most kAheadBlocks
// blocks of kAheadBlock bytes.
class ZipAheadStream final : public InputStream {
public:
    static constexpr size_t kAheadBlock = 256u << 10, kAheadBlocks = 8;

    explicit ZipAheadStream(std::unique_ptr<InputStream> inner) : inner_(std::move(inner)) {
        thread_ = std::thread([this] { produce(); });
    }
    ~ZipAheadStream() override {
        {
            std::lock_guard<std::mutex> g(m_);
            stop_ = true;
        }
        cv_.notify_all();
        thread_.join();
    }

    size_t read(void* buf, size_t n) override {
        if (n == 0) return 0;
        if (pos_ == cur_.size()) {
            std::unique_lock<std::mutex> g(m_);
            if (!cur_.empty()) free_.push_back(std::move(cur_));
            cur_.clear();
            pos_ = 0;
            cv_.notify_all();
            cv_.wait(g, [&] { return !full_.empty() || ended_; });
            if (full_.empty()) {
                if (error_) std::rethrow_exception(error_);
                return 0;
            }
            cur_ = std::move(full_.front());
            full_.pop_front();
        }
        size_t k = std::min(n, cur_.size() - pos_);
        std::memcpy(buf, cur_.data() + pos_, k);
        pos_ += k;
        return k;
    }

private:
    void produce() {
        try {
            for (;;) {
                std::vector<char> b;
                {
                    std::unique_lock<std::mutex> g(m_);
                    cv_.wait(g, [&] { return stop_ || full_.size() < kAheadBlocks; });
                    if (stop_) return;
                    if (!free_.empty()) {
                        b = std::move(free_.back());
                        free_.pop_back();
                    }
                }
                b.resize(kAheadBlock);
                size_t got = 0;
                std::exception_ptr err;  // after the bytes read before it
                try {
                    while (got < b.size()) {
                        size_t r = inner_->read(b.data() + got, b.size() - got);
                        if (r == 0) break;
                        got += r;
                    }
                } catch (...) {
                    err = std::current_exception();
                }
                b.resize(got);
                std::lock_guard<std::mutex> g(m_);
                if (got) full_.push_back(std::move(b));
                if (err || got < kAheadBlock) {
                    error_ = err;
                    ended_ = true;
                    cv_.notify_all();
                    return;
                }
                cv_.notify_all();
            }
        } catch (...) {
            std::lock_guard<std::mutex> g(m_);
            error_ = std::current_exception();
            ended_ = true;
            cv_.notify_all();
        }
    }

    std::unique_ptr<InputStream> inner_;  // used by the thread only
    std::mutex m_;
    std::condition_variable cv_;
    std::deque<std::vector<char>> full_;  // inflated blocks, in order
    std::vector<std::vector<char>> free_;  // blocks handed back, for reuse
    std::exception_ptr error_;
    bool stop_ = false, ended_ = false;
    std::vector<char> cur_;  // the reader's block
    size_t pos_ = 0;
    std::thread thread_;
};
constexpr uint64_t kAheadMinBytes = 16u << 20;  // smaller entries: the thread would not pay
#endif

// ---- [SECTION] ZipContainer: opening entries
class ZipContainer final : public Container {
public:
    ZipContainer(std::unique_ptr<ByteSource> src, const std::string& name, ImportContext& ctx) : src_(std::move(src)) {
        name_ = name;
        input_size_ = src_->size();
        read_directory(ctx);
    }
    const char* kind() const override { return "zip"; }
    bool concurrent_reads() const override { return true; }  // every stream has its own offset and inflater

    std::unique_ptr<InputStream> open(size_t i, ImportContext& ctx) override {
        const Entry& e = entries_.at(i);
        const ZipItem& it = items_.at(i);
        if (it.flags & 0x0001) throw InputError(e.path + ": encrypted (password-protected) entries cannot be read");
        if (it.method != 0 && it.method != 8) {
            const char* m = method_name(it.method);
            throw InputError(e.path + ": compression method " + (m ? std::string(m) : std::to_string(it.method)) +
                             " is not supported (only stored and deflated)");
        }
        unsigned char h[30];
        if (it.local_offset + 30 > cd_start_) throw InputError(e.path + ": local header lies outside the archive data");
        uint64_t local = it.local_offset;
        src_->read_exact(local, h, 30);
        if (wrapped_) {
            // Offsets modulo 2^32: an entry after a file larger than 4 GB may be 4 GiB further.
            for (uint64_t cand = local; rd32(h) != kLocalSig || rd16(h + 26) != it.name_len;) {
                cand += 1ull << 32;
                if (cand + 30 > cd_start_) break;
                src_->read_exact(cand, h, 30);
                local = cand;
            }
        }
        if (rd32(h) != kLocalSig) throw InputError(e.path + ": no local header where the central directory points");
        uint64_t data = local + 30 + rd16(h + 26) + rd16(h + 28);
        if (data > cd_start_ || it.csize > cd_start_ - data)
            throw InputError(e.path + ": compressed data runs past the end of the archive data");
        if (it.method == 0 && it.csize != it.usize)
            throw InputError(e.path + ": stored entry with different sizes (" + std::to_string(it.csize) + " and " +
                             std::to_string(it.usize) + ")");
        std::unique_ptr<InputStream> raw = std::make_unique<ZipEntryStream>(*src_, e.path, it, data);
#ifndef __EMSCRIPTEN__
        // Not when asked for one thread (CLOUT_THREADS=1, ImportContext::threads = 1).
        if (it.method == 8 && it.usize >= kAheadMinBytes && (ctx.threads ? ctx.threads : job_threads()) > 1)
            raw = std::make_unique<ZipAheadStream>(std::move(raw));
#endif
        return limit_stream(std::move(raw), e.path, ctx);
    }

private:

    // ---- [SECTION] ZipContainer: the central directory (end record, ZIP64, entries)
    void read_directory(ImportContext& ctx) {
        const uint64_t size = src_->size();
        if (size < 22) throw InputError("not a zip archive (too short for an end record)");
        // The end record: 22 bytes plus a comment of up to 65535 bytes, at the very end.
        size_t tail_len = static_cast<size_t>(std::min<uint64_t>(size, 22 + 65535));
        std::vector<unsigned char> tail(tail_len);
        src_->read_exact(size - tail_len, tail.data(), tail_len);
        long eocd = -1;
        for (long p = static_cast<long>(tail_len) - 22; p >= 0; --p) {
            if (rd32(&tail[p]) != kEndSig) continue;
            uint16_t clen = rd16(&tail[p + 20]);
            if (static_cast<size_t>(p) + 22 + clen <= tail_len) {  // trailing garbage tolerated
                eocd = p;
                break;
            }
        }
        if (eocd < 0)
            throw InputError("not a readable zip archive: no end-of-central-directory record (the file is truncated or damaged)");
        const unsigned char* E = &tail[eocd];
        uint64_t eocd_pos = size - tail_len + static_cast<uint64_t>(eocd);
        uint64_t count = rd16(E + 10);
        uint64_t cd_size = rd32(E + 12);
        uint64_t cd_off = rd32(E + 16);
        if (rd16(E + 4) != 0 || rd16(E + 6) != 0) {
            if (rd16(E + 4) != 0xFFFF) throw InputError("multi-part (split) zip archives are not supported");
        }
        uint64_t cd_end_limit = eocd_pos;  // where the central directory must end
        // ZIP64: a locator 20 bytes before the end record.
        bool z64 = false;
        if (eocd_pos >= 20) {
            unsigned char L[20];
            src_->read_exact(eocd_pos - 20, L, 20);
            if (rd32(L) == kZip64LocatorSig) {
                uint64_t rec = rd64(L + 8);
                if (rec > eocd_pos - 20 || eocd_pos - 20 - rec < 56)
                    throw InputError("damaged zip: the ZIP64 end record lies outside the file");
                unsigned char Z[56];
                src_->read_exact(rec, Z, 56);
                if (rd32(Z) != kZip64EndSig) throw InputError("damaged zip: no ZIP64 end record where the locator points");
                uint64_t c64 = rd64(Z + 32), s64 = rd64(Z + 40), o64 = rd64(Z + 48);
                if (count != 0xFFFF && count != (c64 & 0xFFFF))
                    throw InputError("damaged zip: the end records disagree on the number of entries");
                count = c64;
                cd_size = s64;
                cd_off = o64;
                cd_end_limit = rec;
                z64 = true;
            }
        }
        if (!z64 && (count == 0xFFFF || cd_size == k32 || cd_off == k32) && cd_off + cd_size > cd_end_limit)
            throw InputError("damaged zip: ZIP64 sizes are announced but the ZIP64 end record is missing");
        if (count > ctx.limits.max_entries)
            throw LimitError("more than " + std::to_string(ctx.limits.max_entries) + " entries in the zip archive");
        if (cd_size > cd_end_limit)
            throw InputError("damaged zip: the central directory is larger than the file (truncated?)");
        // Bytes prepended to the archive shift every offset (self-extractors, some re-zips).
        uint64_t shift = 0;
        if (cd_off + cd_size < cd_end_limit && cd_off + cd_size <= size) {
            // Only if the central directory is not where it says but right before the end.
            unsigned char s[4];
            if (cd_off + 4 > size || (src_->read_exact(cd_off, s, 4), rd32(s) != kCentralSig)) {
                shift = cd_end_limit - (cd_off + cd_size);
            }
        }
        // Writers without ZIP64 (macOS Archive Utility past 4 GB) store offsets modulo 2^32:
        // then the shift is a multiple of 4 GiB and the local offsets are unwrapped in order.
        bool wrapped = !z64 && shift != 0 && (shift & k32) == 0;
        if (cd_off + cd_size > cd_end_limit || cd_off > size)
            throw InputError("damaged zip: the central directory points outside the file (truncated?)");
        cd_off += shift;
        wrapped_ = wrapped;
        if (wrapped) shift = 0;
        uint64_t wrap_base = 0, prev_local = 0;
        cd_start_ = cd_off;
        if (count > 0 && cd_size < 46 * count)
            throw InputError("damaged zip: the central directory is too small for " + std::to_string(count) + " entries");

        // The directory is read through a 1 MB window (a record is at most 46 + 3 * 65535
        // bytes), so a directory of a million entries never sits in memory whole.
        std::vector<unsigned char> win;
        uint64_t win_off = 0;
        auto at = [&](uint64_t pos, uint64_t n, uint64_t k) -> const unsigned char* {
            if (pos + n > cd_size)
                throw InputError("damaged zip: the central directory ends early (entry " + std::to_string(k + 1) + ")");
            if (pos < win_off || pos + n > win_off + win.size()) {
                win_off = pos;
                win.resize(static_cast<size_t>(std::min<uint64_t>(std::max<uint64_t>(n, 1u << 20), cd_size - pos)));
                src_->read_exact(cd_off + pos, win.data(), win.size());
            }
            return win.data() + (pos - win_off);
        };
        entries_.reserve(static_cast<size_t>(std::min<uint64_t>(count, 1u << 20)));
        items_.reserve(entries_.capacity());
        uint64_t p = 0;
        for (uint64_t k = 0;; ++k) {
            if (k >= count) {
                // Without ZIP64 the count is only its low 16 bits: more records may follow.
                if (z64 || p + 46 > cd_size || rd32(at(p, 46, k)) != kCentralSig) break;
                if (k >= ctx.limits.max_entries)
                    throw LimitError("more than " + std::to_string(ctx.limits.max_entries) + " entries in the zip archive");
            }
            const unsigned char* C = at(p, 46, k);
            if (rd32(C) != kCentralSig) throw InputError("damaged zip: bad central directory record (entry " + std::to_string(k + 1) + ")");
            ZipItem it;
            it.flags = rd16(C + 8);
            it.method = rd16(C + 10);
            it.crc = rd32(C + 16);
            it.csize = rd32(C + 20);
            it.usize = rd32(C + 24);
            uint16_t nlen = rd16(C + 28), xlen = rd16(C + 30), clen = rd16(C + 32);
            uint16_t disk = rd16(C + 34);
            it.local_offset = rd32(C + 42);
            if (p + 46 + nlen + xlen + clen > cd_size)
                throw InputError("damaged zip: a central directory record runs past its end (entry " + std::to_string(k + 1) + ")");
            C = at(p, 46u + nlen + xlen + clen, k);
            std::string_view raw(reinterpret_cast<const char*>(C + 46), nlen);
            std::string name;
            bool need_u = it.usize == k32, need_c = it.csize == k32, need_o = it.local_offset == k32, need_d = disk == 0xFFFF;
            bool got64 = false;
            const unsigned char* X = C + 46 + nlen;
            for (size_t q = 0; q + 4 <= xlen;) {
                uint16_t id = rd16(X + q), len = rd16(X + q + 2);
                if (q + 4 + len > xlen) break;  // a damaged extra field: ignore the rest
                const unsigned char* d = X + q + 4;
                if (id == 0x0001) {
                    size_t r = 0;
                    auto take = [&](uint64_t& v) {
                        if (r + 8 > len) throw InputError("damaged zip: ZIP64 extra field too short for " + decode_name(raw, true));
                        v = rd64(d + r);
                        r += 8;
                    };
                    if (need_u) take(it.usize);
                    if (need_c) take(it.csize);
                    if (need_o) take(it.local_offset);
                    (void)need_d;
                    got64 = true;
                } else if (id == 0x7075 && len >= 5 && d[0] == 1) {
                    // Info-ZIP Unicode path: valid only when the CRC of the stored name matches.
                    uint32_t ncrc = static_cast<uint32_t>(crc32(0, C + 46, nlen));
                    std::string_view u(reinterpret_cast<const char*>(d + 5), len - 5);
                    if (rd32(d + 1) == ncrc && utf8_valid(u)) name = decode_name(u, true);
                }
                q += 4 + len;
            }
            if ((need_u || need_c || need_o) && !got64)
                throw InputError("damaged zip: " + decode_name(raw, it.flags & 0x0800) +
                                 " announces ZIP64 sizes but has no ZIP64 extra field");
            if (name.empty()) name = decode_name(raw, it.flags & 0x0800);
            it.local_offset += shift;
            if (wrapped) {
                it.local_offset += wrap_base;
                if (it.local_offset < prev_local) {
                    wrap_base += 1ull << 32;
                    it.local_offset += 1ull << 32;
                }
                prev_local = it.local_offset;
            }
            it.name_len = nlen;
            p += 46 + nlen + xlen + clen;
            if (it.local_offset >= cd_start_ || (it.method == 0 && it.csize != it.usize && !(it.flags & 1)) ||
                it.csize > cd_start_)
                throw InputError("damaged zip: " + name + ": " +
                                 (it.method == 0 && it.csize != it.usize ? std::string("inconsistent sizes")
                                                                         : std::string("offsets point outside the archive data")));
            if (it.local_offset + 30 + it.csize > cd_start_)
                throw InputError("damaged zip: " + name + ": its data would run past the central directory");
            if (name.empty() || name.back() == '/') continue;                 // folders
            if (name.rfind("__MACOSX/", 0) == 0 || name.find("/__MACOSX/") != std::string::npos) continue;
            if (base_name(name).rfind("._", 0) == 0 || base_name(name) == ".DS_Store") continue;
            entries_.push_back({std::move(name), it.usize});
            items_.push_back(it);
            if ((k & 4095) == 0) ctx.tick();
        }
        // A deflated entry can shrink at most ~1032:1; anything beyond is a bomb in disguise.
        for (size_t i = 0; i < items_.size(); ++i) {
            const ZipItem& it = items_[i];
            if (it.method == 8 && it.usize / 1040 > it.csize + 64)
                throw InputError("damaged zip: " + entries_[i].path + ": stated size " + std::to_string(it.usize) +
                                 " is impossible for " + std::to_string(it.csize) + " compressed bytes");
        }
        ctx.progress.entries += entries_.size();
    }

    std::unique_ptr<ByteSource> src_;
    std::vector<ZipItem> items_;
    uint64_t cd_start_ = 0;
    bool wrapped_ = false;  // offsets stored modulo 2^32 (no ZIP64 in an archive over 4 GB)
};

}  // namespace

// ---- [SECTION] Entry point (open_zip)
std::unique_ptr<Container> open_zip(std::unique_ptr<ByteSource> src, const std::string& name, ImportContext& ctx) {
    return std::make_unique<ZipContainer>(std::move(src), name, ctx);
}

}  // namespace clout
