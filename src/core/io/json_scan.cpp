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

}  // namespace clout::json
