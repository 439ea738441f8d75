#include "io/json_scan.h"

#include <algorithm>

#include "util/error.h"
#include "util/text.h"

namespace clout::json {

namespace {
unsigned hexval(char c) {
    if (c >= '0' && c <= '9') return static_cast<unsigned>(c - '0');
    if (c >= 'a' && c <= 'f') return static_cast<unsigned>(c - 'a' + 10);
    return static_cast<unsigned>(c - 'A' + 10);
}
unsigned hex4(const char* p) { return (hexval(p[0]) << 12) | (hexval(p[1]) << 8) | (hexval(p[2]) << 4) | hexval(p[3]); }
constexpr size_t kInitialBuffer = 1 << 20;
}  // namespace

void Scanner::decode(std::string_view raw, bool escaped, std::string& out) {
    if (!escaped) {
        out.append(raw);
        return;
    }
    size_t i = 0, n = raw.size();
    while (i < n) {
        size_t j = raw.find('\\', i);
        if (j == std::string_view::npos) j = n;
        out.append(raw.data() + i, j - i);
        if (j >= n) break;
        // Escapes were validated by string_raw.
        char e = raw[j + 1];
        i = j + 2;
        switch (e) {
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned cp = hex4(raw.data() + i);
                i += 4;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (i + 6 <= n && raw[i] == '\\' && raw[i + 1] == 'u') {
                        unsigned lo = hex4(raw.data() + i + 2);
                        if (lo >= 0xDC00 && lo <= 0xDFFF) {
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                            i += 6;
                        } else {
                            cp = 0xFFFD;
                        }
                    } else {
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
                append_utf8(out, cp);
                break;
            }
            default: out += e; break;  // " \ /
        }
    }
}

JsArrayReader::JsArrayReader(InputStream& in, ImportContext& ctx, uint64_t max_element)
    : in_(in), ctx_(ctx), max_element_(std::max<uint64_t>(max_element, 4096)) {
    sc_.max_depth = ctx.limits.max_depth;
}

void JsArrayReader::refill(const char* mark) {
    if (eof_)
        throw InputError("damaged JSON at byte " + std::to_string(base_ + static_cast<uint64_t>(sc_.end - buf_.data())) +
                         ": the file ends early");
    size_t keep_from = static_cast<size_t>(mark - buf_.data());
    size_t len = static_cast<size_t>(sc_.end - mark);
    if (keep_from == 0 && len == buf_.size()) {
        if (buf_.size() >= max_element_)
            throw LimitError("one element is larger than " + std::to_string(max_element_ >> 20) +
                             " MB (limit --max-field-mb) at byte " + std::to_string(base_));
        size_t grown = static_cast<size_t>(std::min<uint64_t>(static_cast<uint64_t>(buf_.size()) * 2, max_element_ + 16));
        buf_.resize(grown);
    } else if (keep_from > 0) {
        std::memmove(buf_.data(), mark, len);
        base_ += keep_from;
    }
    size_t got = 0;
    while (len + got < buf_.size()) {
        size_t r = in_.read(buf_.data() + len + got, buf_.size() - len - got);
        if (r == 0) {
            eof_ = true;
            break;
        }
        got += r;
        if (got >= (64u << 10)) break;
    }
    if (finder_) finder_->feed(buf_.data() + len, got, base_ + len);
    sc_.p = buf_.data();
    sc_.end = buf_.data() + len + got;
    since_tick_ += got;
    if (since_tick_ >= (1u << 20)) {
        ctx_.progress.bytes_done += since_tick_;
        since_tick_ = 0;
        ctx_.tick();
    }
}

void JsArrayReader::syntax_error(const SyntaxError& e) {
    uint64_t at = base_ + static_cast<uint64_t>(e.at - buf_.data());
    throw InputError("damaged JSON at byte " + std::to_string(at) + ": " + e.what);
}

void JsArrayReader::start() {
    buf_.resize(kInitialBuffer);
    sc_.p = sc_.end = buf_.data();
    refill(sc_.p);
    if (mid_) return;  // on an element already
    // Up to the opening bracket: a UTF-8 BOM, then either '[' or `name = [`.
    const char* q = sc_.p;
    if (sc_.end - q >= 3 && std::memcmp(q, "\xEF\xBB\xBF", 3) == 0) q += 3;
    while (q < sc_.end && (*q == ' ' || *q == '\n' || *q == '\r' || *q == '\t')) ++q;
    if (q < sc_.end && *q != '[') {
        const char* eq = static_cast<const char*>(std::memchr(q, '=', static_cast<size_t>(std::min<ptrdiff_t>(sc_.end - q, 4096))));
        if (!eq) throw InputError("not an X archive data file (no `window.YTD... = [` at its start)");
        q = eq + 1;
    }
    sc_.p = q;
    attempt([&] {
        sc_.expect('[');
        return true;
    });
}

void JsArrayReader::finish() {
    attempt([&] {
        bool semi = false;
        for (;;) {
            if (sc_.p == sc_.end) {
                if (eof_) return true;
                throw NeedMore{};
            }
            char c = *sc_.p;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                ++sc_.p;
            } else if (c == ';' && !semi) {
                semi = true;
                ++sc_.p;
            } else {
                sc_.fail("unexpected data after the array");
            }
        }
    });
    ctx_.progress.bytes_done += since_tick_;
    since_tick_ = 0;
}

// ---- Two halves
bool SplitFinder::feed(const char* p, size_t n, uint64_t at) {
    if (found_ || n == 0) return found_;
    // The byte `back` places before offset o, from this block or the tail of the last one.
    auto before = [&](uint64_t o, size_t back) -> char {
        if (o - back >= at) return p[o - back - at];
        size_t from_end = static_cast<size_t>(at - (o - back));  // 1 = the tail's last byte
        return from_end <= tail_n_ ? tail_[tail_n_ - from_end] : '\0';
    };
    if (exact_) {
        if (from_ >= at && from_ < at + n) found_ = true, split_ = from_;
    } else if (at + n > from_) {
        const char* q = p + (from_ > at ? from_ - at : 0);
        const char* e = p + n;
        static constexpr char kNew[] = "\n  }, ";      // `\n  }, {`
        static constexpr char kOld[] = "\n  },\n  ";  // `\n  },\n  {`
        while ((q = static_cast<const char*>(std::memchr(q, '{', static_cast<size_t>(e - q))))) {
            const uint64_t o = at + static_cast<uint64_t>(q - p);
            auto ends_with = [&](const char* pat, size_t len) {
                if (o < len) return false;
                for (size_t k = 1; k <= len; ++k)
                    if (before(o, k) != pat[len - k]) return false;
                return true;
            };
            if (ends_with(kNew, sizeof kNew - 1) || ends_with(kOld, sizeof kOld - 1)) {
                found_ = true;
                split_ = o;
                break;
            }
            ++q;
        }
    }
    // Keep the last 8 bytes seen for the next block's first braces.
    char keep[8];
    size_t kn = 0;
    const size_t from_block = std::min<size_t>(n, 8), from_tail = std::min(tail_n_, 8 - from_block);
    for (size_t k = 0; k < from_tail; ++k) keep[kn++] = tail_[tail_n_ - from_tail + k];
    for (size_t k = 0; k < from_block; ++k) keep[kn++] = p[n - from_block + k];
    std::memcpy(tail_, keep, kn);
    tail_n_ = kn;
    return found_;
}

namespace {
// A stream that gives `head` first, then the rest of `in`.
class RestStream final : public InputStream {
public:
    RestStream(std::vector<char> head, InputStream& in) : head_(std::move(head)), in_(in) {}
    size_t read(void* buf, size_t n) override {
        if (at_ < head_.size()) {
            size_t k = std::min(n, head_.size() - at_);
            std::memcpy(buf, head_.data() + at_, k);
            at_ += k;
            if (at_ == head_.size()) std::vector<char>().swap(head_), at_ = 0;
            return k;
        }
        return in_.read(buf, n);
    }

private:
    std::vector<char> head_;
    size_t at_ = 0;
    InputStream& in_;
};
}  // namespace

std::unique_ptr<InputStream> skip_to_split(InputStream& in, SplitFinder finder, ImportContext& ctx, uint64_t& split) {
    std::vector<char> buf(kInitialBuffer);
    uint64_t at = 0;
    split = 0;
    for (;;) {
        size_t got = in.read(buf.data(), buf.size());
        if (got == 0) return nullptr;  // no split point: the first half reads the file whole
        if (finder.feed(buf.data(), got, at)) {
            split = finder.split();
            const size_t from = static_cast<size_t>(split - at);
            return std::make_unique<RestStream>(std::vector<char>(buf.begin() + static_cast<ptrdiff_t>(from), buf.begin() + static_cast<ptrdiff_t>(got)), in);
        }
        at += got;
        ctx.tick();  // a cancellation is seen while skipping too
    }
}

}  // namespace clout::json
