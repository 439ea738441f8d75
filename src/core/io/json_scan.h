// A fast, validating, streaming JSON scanner for big array files (X archive data files
// `window.YTD.x.partN = [ ... ]`, and any `[ ... ]` file).
//
// How it works: JsArrayReader keeps a window of the file in one reusable buffer and hands
// each array element to a callback as a Scanner over contiguous memory. The callback
// reads the fields it wants (zero-copy string views into the buffer) and skips the rest
// with full validation (strings, escapes, numbers, literals, nesting depth). When an
// element runs past the end of the buffer, the scanner throws NeedMore; the reader moves
// the unfinished element to the front of the buffer, reads more, and runs the callback
// again from the element's start. A callback must therefore only commit its result once
// it has consumed the whole element (collect first, then emit). Memory is the buffer
// (grown only for elements larger than it), never the file.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.h"
#include "io/limits.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace clout::json {

struct NeedMore {};  // the buffer ends inside the current element (internal)

// Thrown for malformed JSON; `offset` is relative to the scanner's base.
struct SyntaxError {
    const char* at;
    const char* what;
};

class Scanner {
public:
    const char* p = nullptr;
    const char* end = nullptr;
    uint32_t depth = 0;
    uint32_t max_depth = 512;

    [[noreturn]] void fail(const char* what) const { throw SyntaxError{p, what}; }
    void need() const {
        if (p >= end) throw NeedMore{};
    }

    // Skips whitespace and returns the next character (not consumed).
    char peek() {
        for (;;) {
            need();
            char c = *p;
            if (static_cast<unsigned char>(c) > ' ') return c;
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return c;
            ++p;
            // Pretty-printed files indent with runs of spaces: skip them 8 at a time.
            while (end - p >= 8) {
                uint64_t x;
                std::memcpy(&x, p, 8);
                if (x != 0x2020202020202020ull) break;
                p += 8;
            }
        }
    }
    void expect(char c) {
        if (peek() != c) fail(c == ':' ? "expected ':'" : c == '{' ? "expected an object" : c == '[' ? "expected an array" : "unexpected character");
        ++p;
    }

    // With p on a string's opening quote: takes the string when it is short and plain (no
    // escape, no control character, its closing quote within the next 16 bytes, in the
    // buffer), which most keys and many values are. Small enough to be inlined where
    // string_raw's call would cost as much as the scan; false leaves p as it was.
    bool short_string(std::string_view& raw) {
#if defined(__SSE2__)
        if (end - p < 17) return false;
        __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 1));
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                   _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F)));
        const unsigned m = static_cast<unsigned>(_mm_movemask_epi8(hit));
        if (!m) return false;
        const unsigned n = static_cast<unsigned>(__builtin_ctz(m));
        if (p[1 + n] != '"') return false;
        raw = std::string_view(p + 1, n);
        p += n + 2;
        return true;
#else
        (void)raw;
        return false;
#endif
    }

    // Reads a string; `raw` is its content between the quotes, undecoded; `escaped`
    // tells whether it holds backslash escapes (then use decode()).
    void string_raw(std::string_view& raw, bool& escaped) {
        if (peek() != '"') fail("expected a string");
        const char* s = ++p;
        escaped = false;
        for (;;) {
#if defined(__SSE2__)
            // 16 bytes at a time: stop at '"', '\\' or a control character (<= 0x1F).
            while (end - p >= 16) {
                __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
                __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
                                           _mm_cmpeq_epi8(_mm_max_epu8(x, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F)));
                if (int m = _mm_movemask_epi8(hit)) {
                    p += __builtin_ctz(static_cast<unsigned>(m));
                    break;
                }
                p += 16;
            }
#endif
            // 8 bytes at a time: stop at '"', '\\' or a control character.
            while (end - p >= 8) {
                uint64_t x;
                std::memcpy(&x, p, 8);
                constexpr uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
                uint64_t q = x ^ (ones * '"'), b = x ^ (ones * '\\');
                uint64_t hit = (((q - ones) & ~q) | ((b - ones) & ~b) | ((x - ones * 0x20) & ~x)) & highs;
                if (hit) {
                    // The lowest flagged byte is the first real hit (little-endian load).
                    p += __builtin_ctzll(hit) >> 3;
                    break;
                }
                p += 8;
            }
            need();
            unsigned char c = static_cast<unsigned char>(*p);
            if (c == '"') {
                raw = std::string_view(s, static_cast<size_t>(p - s));
                ++p;
                return;
            }
            if (c == '\\') {
                escaped = true;
                ++p;
                need();
                char e = *p;
                if (e == 'u') {
                    for (int i = 1; i <= 4; ++i) {
                        if (p + i >= end) throw NeedMore{};
                        if (!is_hex(p[i])) {
                            p += i;
                            fail("bad \\u escape in a string");
                        }
                    }
                    p += 5;
                } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
                    ++p;
                } else {
                    fail("bad escape in a string");
                }
                continue;
            }
            if (c < 0x20) fail("control character in a string");
            ++p;
        }
    }

    // A string value decoded into out (escapes resolved, lone surrogates -> U+FFFD).
    static void decode(std::string_view raw, bool escaped, std::string& out);
    // Decoded string (appends to scratch, returns a view of the appended part).
    std::string_view string(std::string& scratch) {
        std::string_view raw;
        bool esc;
        string_raw(raw, esc);
        if (!esc) return raw;
        size_t at = scratch.size();
        decode(raw, esc, scratch);
        return std::string_view(scratch).substr(at);
    }

    // Object iteration: bool first = true; begin_object();
    //   while (next_key(first, k)) { ...consume the value... }
    void begin_object() {
        expect('{');
        if (++depth > max_depth) fail("nested too deeply");
    }
    // Reads the next key (raw; keys with escapes are decoded into key_scratch_).
    bool next_key(bool& first, std::string_view& key) {
        char c = peek();
        if (c == '}') {
            ++p;
            --depth;
            return false;
        }
        if (!first) {
            if (c != ',') fail("expected ',' or '}' in an object");
            ++p;
        }
        first = false;
        bool esc = false;
        if (peek() != '"' || !short_string(key)) string_raw(key, esc);
        if (esc) {
            key_scratch_.clear();
            decode(key, true, key_scratch_);
            key = key_scratch_;
        }
        // X pretty-prints `"key" : value`: take the colon without a whitespace loop.
        if (end - p >= 2 && p[0] == ' ' && p[1] == ':') p += 2;
        else expect(':');
        return true;
    }
    // Array iteration: bool first = true; begin_array();
    //   while (next_element(first)) { ...consume the element... }
    void begin_array() {
        expect('[');
        if (++depth > max_depth) fail("nested too deeply");
    }
    bool next_element(bool& first) {
        char c = peek();
        if (c == ']') {
            ++p;
            --depth;
            return false;
        }
        if (!first) {
            if (c != ',') fail("expected ',' or ']' in an array");
            ++p;
        }
        first = false;
        return true;
    }
    // Skips any value, validating it.
    void skip() {
        char c = peek();
        switch (c) {
            case '"': {
                std::string_view r;
                bool e;
                if (!short_string(r)) string_raw(r, e);
                return;
            }
            case '{': {
                bool first = true;
                begin_object();
                std::string_view k;
                while (next_key(first, k)) skip();
                return;
            }
            case '[': {
                bool first = true;
                begin_array();
                while (next_element(first)) skip();
                return;
            }
            case 't': literal("true"); return;
            case 'f': literal("false"); return;
            case 'n': literal("null"); return;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number_raw();
                    return;
                }
                fail("unexpected character");
        }
    }

    bool is_null() {
        if (peek() != 'n') return false;
        literal("null");
        return true;
    }

    // A JSON number token (validated), returned raw.
    std::string_view number_raw() {
        const char* s = p;
        need();
        if (*p == '-') ++p;
        need();
        if (*p == '0') {
            ++p;
        } else if (*p >= '1' && *p <= '9') {
            while (need(), *p >= '0' && *p <= '9') ++p;
        } else {
            fail("bad number");
        }
        need();
        if (*p == '.') {
            ++p;
            need();
            if (!(*p >= '0' && *p <= '9')) fail("bad number");
            while (need(), *p >= '0' && *p <= '9') ++p;
        }
        if (*p == 'e' || *p == 'E') {
            ++p;
            need();
            if (*p == '+' || *p == '-') ++p;
            need();
            if (!(*p >= '0' && *p <= '9')) fail("bad number");
            while (need(), *p >= '0' && *p <= '9') ++p;
        }
        return std::string_view(s, static_cast<size_t>(p - s));
    }

    // A number given as a JSON number or as a string of digits ("12"): the raw digits.
    // Returns false (value consumed) for anything else (null, a non-numeric string, ...).
    bool digits(std::string_view& out) {
        char c = peek();
        if (c == '"') {
            std::string_view r;
            bool e = false;
            if (!short_string(r)) string_raw(r, e);
            if (e || !all_digits(r)) return false;
            out = r;
            return true;
        }
        if (c == '-' || (c >= '0' && c <= '9')) {
            std::string_view r = number_raw();
            if (!all_digits(r)) return false;
            out = r;
            return true;
        }
        skip();
        return false;
    }
    // Same, as an integer (saturating at INT64_MAX); false when not a plain count.
    bool count(int64_t& out) {
        std::string_view d;
        if (!digits(d)) return false;
        uint64_t v = 0;
        for (char ch : d) {
            if (v > (static_cast<uint64_t>(INT64_MAX) - 9) / 10) {
                v = static_cast<uint64_t>(INT64_MAX);
                break;
            }
            v = v * 10 + static_cast<uint64_t>(ch - '0');
        }
        out = static_cast<int64_t>(v);
        return true;
    }

    // A string value, or false when the value is not a string (then it is skipped).
    bool maybe_string(std::string_view& raw, bool& escaped) {
        if (peek() != '"') {
            skip();
            return false;
        }
        escaped = false;
        if (!short_string(raw)) string_raw(raw, escaped);
        return true;
    }

    // Counts the elements of an array value (each skipped); 0 for a non-array (skipped).
    uint64_t array_length() {
        if (peek() != '[') {
            skip();
            return 0;
        }
        bool first = true;
        begin_array();
        uint64_t n = 0;
        while (next_element(first)) {
            skip();
            ++n;
        }
        return n;
    }

    static bool all_digits(std::string_view s) {
        if (s.empty()) return false;
        for (char c : s)
            if (c < '0' || c > '9') return false;
        return true;
    }

private:
    static bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
    void literal(const char* lit) {
        size_t n = std::strlen(lit);
        if (static_cast<size_t>(end - p) < n) {
            // Might be a literal cut by the buffer end: only claim NeedMore when it matches so far.
            if (std::memcmp(p, lit, static_cast<size_t>(end - p)) == 0) throw NeedMore{};
            fail("unexpected character");
        }
        if (std::memcmp(p, lit, n) != 0) fail("unexpected character");
        p += n;
    }
    std::string key_scratch_;
};

// ---- Reading one array file in two halves, by two readers at once
// X pretty-prints its data files with each top-level element's closing brace alone at a
// two-space indent: `\n  }, {` (older files: `\n  },\n  {`). A raw newline cannot occur
// inside a JSON string, so these bytes are structure, and in X's layout only the top level
// is indented by two spaces. The split point of a file, from offset `from` on, is the
// offset of the first '{' so preceded: every reader of the same bytes finds the same one.
// That it really starts a top-level element is proven by the reader of the first half,
// which must arrive there exactly between two elements (JsArrayReader::stop_at_split);
// when it does not, it reads on to the end and the second half is not used.
class SplitFinder {
public:
    // exact: the split point is `from` itself (known from an earlier first half).
    explicit SplitFinder(uint64_t from, bool exact = false) : from_(from), exact_(exact) {}
    // Looks at the file's bytes [at, at + n) (calls in file order, without gaps); true once found.
    bool feed(const char* p, size_t n, uint64_t at);
    bool found() const { return found_; }
    uint64_t split() const { return split_; }

private:
    uint64_t from_, split_ = 0;
    bool exact_, found_ = false;
    char tail_[8] = {};  // the last bytes before the ones being fed (tail_n_ of them)
    size_t tail_n_ = 0;
};

// The second half's stream: reads `in` (from the file's start) up to its split point from
// `finder`, and returns the rest of the file from there, the split's offset in `split`; or
// nullptr when the file has no split point (its first half is then read whole). Ticks ctx.
std::unique_ptr<InputStream> skip_to_split(InputStream& in, SplitFinder finder, ImportContext& ctx, uint64_t& split);

// Reads a data file that is a JSON array, optionally wrapped as `something = [ ... ];`
// (X archives), element by element, through one reusable buffer.
class JsArrayReader {
public:
    // `path` names the file in errors; `max_element` bounds the bytes of one element.
    JsArrayReader(InputStream& in, ImportContext& ctx, uint64_t max_element);

    // Calls f(Scanner&) once per element with the scanner at the element's start; f must
    // consume exactly one value and may run again for the same element (see above).
    // Throws InputError("damaged JSON at byte N: ...") on malformed data.
    template <class F>
    void for_each(F&& f) {
        start();
        bool first = true;
        for (;;) {
            // Separator (and the closing bracket).
            bool more = attempt([&] {
                if (first && mid_) return true;  // an element, where the split point was found
                if (first) {
                    if (sc_.peek() == ']') {
                        ++sc_.p;
                        return false;
                    }
                    return true;
                }
                char c = sc_.peek();
                if (c == ']') {
                    ++sc_.p;
                    return false;
                }
                if (c != ',') sc_.fail("expected ',' or ']' between elements");
                ++sc_.p;
                if (finder_ && !at_split_ && watching_) {
                    sc_.peek();  // the next element's start: every byte up to it was seen
                    const uint64_t at = base_ + static_cast<uint64_t>(sc_.p - buf_.data());
                    if (finder_->found() && at == finder_->split()) {
                        at_split_ = true;
                        return false;
                    }
                    if (finder_->found() && at > finder_->split()) watching_ = false;  // not between elements: read on
                }
                return true;
            });
            if (!more) break;
            first = false;
            attempt([&] {
                sc_.depth = 1;
                f(sc_);
                return true;
            });
            ++elements_;
        }
        if (at_split_) {
            ctx_.progress.bytes_done += since_tick_;
            since_tick_ = 0;
            return;
        }
        finish();
    }

    // The first half of a file read in two: for_each stops before the element that starts
    // at the split point found from `from`, or reads on to the end when the file has none
    // or it is not between two elements. Call before for_each.
    void stop_at_split(uint64_t from) { finder_ = std::make_unique<SplitFinder>(from); }
    // The second half: `in` starts at file offset `at`, on an element (skip_to_split).
    void start_mid(uint64_t at) {
        mid_ = true;
        base_ = at;
    }
    // After for_each with stop_at_split: whether it stopped at the split point, and where.
    bool stopped_at_split() const { return at_split_; }
    uint64_t split() const { return at_split_ ? finder_->split() : 0; }

    uint64_t elements() const { return elements_; }
    uint64_t bytes_consumed() const { return base_ + static_cast<uint64_t>(sc_.p - buf_.data()); }

private:
    template <class Fn>
    bool attempt(Fn&& fn) {
        for (;;) {
            const char* mark = sc_.p;
            try {
                return fn();
            } catch (const NeedMore&) {
                refill(mark);
            } catch (const SyntaxError& e) {
                syntax_error(e);
            }
        }
    }
    void start();
    void finish();
    void refill(const char* mark);  // keeps [mark, end), reads more; sc_.p = new mark
    [[noreturn]] void syntax_error(const SyntaxError& e);

    InputStream& in_;
    ImportContext& ctx_;
    uint64_t max_element_;
    std::vector<char> buf_;
    Scanner sc_;
    uint64_t base_ = 0;          // file offset of buf_[0]
    uint64_t since_tick_ = 0;
    bool eof_ = false;
    uint64_t elements_ = 0;
    std::unique_ptr<SplitFinder> finder_;  // the first half's: sees every byte read
    bool watching_ = true, at_split_ = false, mid_ = false;
};

}  // namespace clout::json
