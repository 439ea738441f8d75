#include "util/text.h"
#include "util/error.h"
#include "util/stop_words.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace clout {

namespace {
inline bool cont(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence at s[i], or 0 when invalid. The lead byte's range and
// the second byte's bounds say at once what decoding would: C0, C1 and the E0/F0 ranges
// below A0/90 are overlong, ED A0-BF are surrogates, F4 90+ and F5+ lie past U+10FFFF.
inline size_t utf8_seq(std::string_view s, size_t i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
    const size_t left = s.size() - i;
    const unsigned char c = p[0];
    if (c < 0x80) return 1;
    if (c < 0xC2) return 0;
    if (c < 0xE0) return left >= 2 && cont(p[1]) ? 2 : 0;
    if (c < 0xF0) {
        if (left < 3 || !cont(p[1]) || !cont(p[2])) return 0;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] >= 0xA0)) return 0;
        return 3;
    }
    if (c < 0xF5) {
        if (left < 4 || !cont(p[1]) || !cont(p[2]) || !cont(p[3])) return 0;
        if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] >= 0x90)) return 0;
        return 4;
    }
    return 0;
}
}  // namespace

// True when the 8 bytes at p are all ASCII.
inline bool ascii8(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    return (x & 0x8080808080808080ull) == 0;
}

// How many of the 8 bytes at p are ASCII before the first that is not (8: all of them).
// Mixed text (a word of CJK or an emoji among ASCII words) then goes byte by byte only
// through its multi-byte sequences. Both builds are little-endian: the first byte is the
// lowest.
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "ascii_prefix8 reads bytes little-endian"
#endif
inline size_t ascii_prefix8(const char* p) {
    uint64_t x;
    std::memcpy(&x, p, 8);
    x &= 0x8080808080808080ull;
    return x == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(x)) / 8;
}

size_t utf8_length(std::string_view s) {
    size_t n = 0;
    for (size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size()) {
            const size_t a = ascii_prefix8(s.data() + i);
            i += a;
            n += a;
            if (a == 8) continue;
        }
        size_t k = utf8_seq(s, i);
        i += k ? k : 1;
        ++n;
    }
    return n;
}

std::string_view utf8_prefix(std::string_view s, size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    size_t i = 0;
    while (i < s.size()) {
        if (i + 8 <= max_bytes && ascii8(s.data() + i)) {  // eight code points that all fit
            i += 8;
            continue;
        }
        size_t k = utf8_seq(s, i);
        if (!k) k = 1;
        if (i + k > max_bytes) break;
        i += k;
    }
    return s.substr(0, i);
}

bool utf8_valid(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        if (i + 8 <= s.size()) {
            const size_t a = ascii_prefix8(s.data() + i);
            i += a;
            if (a == 8) continue;
        }
        size_t k = utf8_seq(s, i);
        if (!k) return false;
        i += k;
    }
    return true;
}

void append_utf8(std::string& out, uint32_t cp) {
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf8_sanitize(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        size_t k = utf8_seq(s, i);
        if (k) {
            out.append(s.substr(i, k));
            i += k;
        } else {
            append_utf8(out, 0xFFFD);
            ++i;
        }
    }
    return out;
}

std::string one_line(std::string_view s) {
    constexpr size_t kMax = 500;
    std::string out;
    out.reserve(std::min(s.size(), kMax) + 8);
    size_t cut = std::string::npos;  // the last character boundary that leaves room for "..."
    for (size_t i = 0; i < s.size();) {
        if (out.size() <= kMax - 3) cut = out.size();
        if (out.size() > kMax) break;
        size_t k = utf8_seq(s, i);
        if (k == 1) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            out.push_back(c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c));
            i += 1;
        } else if (k) {
            out.append(s.substr(i, k));
            i += k;
        } else {
            append_utf8(out, 0xFFFD);
            ++i;
        }
    }
    if (out.size() > kMax) {
        out.resize(cut);
        out += "...";
    }
    return out;
}

std::string decode_html_entities(std::string_view s) {
    if (s.find('&') == std::string_view::npos) return std::string(s);
    static const struct { const char* name; uint32_t cp; } named[] = {
        {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0},
        {"hellip", 0x2026}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"rsquo", 0x2019}, {"lsquo", 0x2018},
        {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"euro", 0x20AC}};
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (s[i] != '&') {
            // The text up to the next '&' as it is, in one copy.
            size_t amp = s.find('&', i);
            if (amp == std::string_view::npos) amp = s.size();
            out.append(s.data() + i, amp - i);
            i = amp;
            continue;
        }
        // An entity ends within 10 bytes of its '&': no search further (a text of many bare
        // '&' would be read to its end from each).
        size_t semi = s.substr(i, 11).find(';');
        if (semi != std::string_view::npos) semi += i;
        if (semi == std::string_view::npos || semi - i > 10) {
            out.push_back(s[i++]);
            continue;
        }
        std::string_view ent = s.substr(i + 1, semi - i - 1);
        bool done = false;
        if (!ent.empty() && ent[0] == '#') {
            uint32_t cp = 0;
            bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
            size_t start = hex ? 2 : 1;
            bool ok = ent.size() > start;
            for (size_t k = start; ok && k < ent.size(); ++k) {
                char c = ent[k];
                int v = (c >= '0' && c <= '9') ? c - '0'
                        : (hex && c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : (hex && c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
                if (v < 0 || cp > 0x10FFFF) ok = false;
                else cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(v);
            }
            if (ok) {
                append_utf8(out, cp);
                done = true;
            }
        } else {
            for (auto& n : named) {
                if (ent == n.name) {
                    append_utf8(out, n.cp);
                    done = true;
                    break;
                }
            }
        }
        if (done) {
            i = semi + 1;
        } else {
            out.push_back(s[i++]);
        }
    }
    return out;
}

std::string strip_html(std::string_view html) {
    std::string text;
    text.reserve(html.size());
    for (size_t i = 0; i < html.size();) {
        if (html[i] == '<') {
            size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;
            std::string tag = ascii_lower(html.substr(i + 1, std::min<size_t>(end - i - 1, 4)));
            if (tag.rfind("br", 0) == 0 || tag.rfind("/p", 0) == 0 || tag.rfind("p", 0) == 0) {
                if (!text.empty() && text.back() != '\n' && text.back() != ' ') text.push_back(tag[0] == 'b' ? '\n' : ' ');
            }
            i = end + 1;
        } else {
            text.push_back(html[i++]);
        }
    }
    std::string decoded = decode_html_entities(text);
    while (!decoded.empty() && (decoded.back() == ' ' || decoded.back() == '\n')) decoded.pop_back();
    return decoded;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
}

namespace {
// Character classes of the keyword scan (ASCII as the "C" locale sees it; every byte of a
// multi-byte UTF-8 sequence counts as a letter).
enum : uint8_t {
    kLetter = 1,     // an ASCII letter or a byte of a multi-byte sequence
    kHigh = 2,       // a byte of a multi-byte sequence
    kDigitDash = 4,  // what a number or a date is made of
    kWordStart = 8,
    kWordPart = 16,
    kSlashDot = 32,
    kColon = 64
};
struct CharTable {
    uint8_t c[256] = {};
    char lower[256] = {};  // ASCII capitals to lower case, every other byte as it is
    constexpr CharTable() {
        for (int i = 0; i < 256; ++i) {
            lower[i] = static_cast<char>(i >= 'A' && i <= 'Z' ? i + 32 : i);
            bool alpha = (i >= 'a' && i <= 'z') || (i >= 'A' && i <= 'Z');
            bool digit = i >= '0' && i <= '9';
            uint8_t v = 0;
            if (alpha || i >= 0x80) v |= kLetter;
            if (i >= 0x80) v |= kHigh;
            if (digit || i == '-') v |= kDigitDash;
            if (alpha || digit || i >= 0x80 || i == '#' || i == '@') v |= kWordStart;
            if ((v & kWordStart) || i == '\'' || i == '/' || i == ':' || i == '.' || i == '_' || i == '-') v |= kWordPart;
            if (i == '/' || i == '.') v |= kSlashDot;
            if (i == ':') v |= kColon;
            c[i] = v;
        }
    }
};
constexpr CharTable kChars;
inline uint8_t cls(char c) { return kChars.c[static_cast<unsigned char>(c)]; }

// Filler that stopwords-iso leaves in but that says nothing about a person's subjects: the
// words of posting itself and of chat. Sorted; the project's own list.
constexpr std::string_view kFiller[] = {
    "anyways", "awesome", "days", "feel", "feeling", "feels", "felt", "gonna", "gotta", "guys",
    "haha", "hahaha", "http", "https", "idea", "ideas", "kinda", "lmao", "people", "post", "posted",
    "posting", "posts", "pretty", "quote", "quoted", "quotes", "retweet", "sorta", "stuff",
    "thread", "time", "times", "tomorrow", "tonight", "tweet", "tweets", "wanna", "week", "weeks",
    "yeah", "yesterday"};

// The stop words and the filler as one open-addressing hash set, built on first use. A
// word is looked up once per candidate keyword of every post: binary search over 6,400
// words took 13 string compares each, a large share of importing a big archive.
class WordSet {
public:
    WordSet() {
        words_.assign(kStopWords, kStopWords + kStopWordCount);
        words_.insert(words_.end(), std::begin(kFiller), std::end(kFiller));
        size_t cap = 1;
        while (cap < words_.size() * 2) cap <<= 1;  // at most half full: short probes
        slots_.assign(cap, 0);
        mask_ = cap - 1;
        for (size_t k = 0; k < words_.size(); ++k) {
            const uint32_t h = hash(words_[k]);
            size_t at = h & mask_;
            while (slots_[at]) at = (at + 1) & mask_;
            slots_[at] = (h & kTagMask) | static_cast<uint32_t>(k + 1);
        }
    }
    bool contains(std::string_view w) const {
        const uint32_t h = hash(w);
        for (size_t at = h & mask_;; at = (at + 1) & mask_) {
            const uint32_t slot = slots_[at];
            if (!slot) return false;
            // The slot's high bits are the word's hash bits: most misses end without a compare.
            if ((slot & kTagMask) == (h & kTagMask) && words_[(slot & ~kTagMask) - 1] == w) return true;
        }
    }

private:
    static constexpr uint32_t kTagMask = 0xFFF00000u;  // the low 20 bits: word index + 1
    static uint32_t hash(std::string_view w) {
        uint64_t x = w.size();
        if (w.size() >= 4) {
            // The first and the last four bytes and the length tell nearly all words apart.
            uint32_t a, b;
            std::memcpy(&a, w.data(), 4);
            std::memcpy(&b, w.data() + w.size() - 4, 4);
            x ^= (static_cast<uint64_t>(a) << 32 | b) * 0x9E3779B97F4A7C15ull;
        } else {
            for (char c : w) x = (x << 8) | static_cast<unsigned char>(c);
            x *= 0x9E3779B97F4A7C15ull;
        }
        x ^= x >> 29;
        x *= 0xBF58476D1CE4E5B9ull;
        return static_cast<uint32_t>(x >> 32);
    }
    std::vector<std::string_view> words_;
    std::vector<uint32_t> slots_;
    size_t mask_ = 0;
};

bool is_stop_word(std::string_view w) {
    static const WordSet set;  // thread-safe initialisation (the import reads parts on threads)
    return set.contains(w);
}
}  // namespace

size_t extract_keywords(std::string_view text, size_t max, std::vector<std::string>& out) {
    size_t n = 0;
    char lower[41];
    size_t i = 0;
    while (i < text.size() && n < max) {
        while (i < text.size() && !(cls(text[i]) & kWordStart)) ++i;  // separators
        size_t start = i;
        // The classes met in the word (any) and those of all its bytes (all): most words need
        // no search and no second pass below.
        uint8_t any = 0, all = 0xFF;
        while (i < text.size()) {
            const uint8_t k = cls(text[i]);
            if (!(k & kWordPart)) break;
            any |= k;
            all &= k;
            ++i;
        }
        std::string_view w = text.substr(start, i - start);
        if (w.size() < 4) continue;  // trimming only shortens it (and 4+ code points take 4+ bytes)
        if (w[0] == '#' || w[0] == '@' || ((any & kColon) && w.find("://") != std::string_view::npos) ||
            w.compare(0, 4, "www.") == 0)
            continue;
        // trim trailing punctuation kept by the scan
        const size_t scanned = w.size();
        while (!w.empty() && (w.back() == '.' || w.back() == ':' || w.back() == '/' || w.back() == '\'' ||
                              w.back() == '-' || w.back() == '_'))
            w.remove_suffix(1);
        if (w.size() < 4 || w.size() > 40) continue;
        if ((any & kSlashDot) && (w.find('/') != std::string_view::npos || w.find('.') != std::string_view::npos)) continue;
        // The trimmed bytes are neither letters nor multi-byte: `any` holds for the rest too.
        if (!(any & kLetter)) continue;
        const bool ascii_only = !(any & kHigh);
        if (ascii_only) {
            bool digits_only = all & kDigitDash;
            if (w.size() != scanned) {  // "2024-05." trimmed is a number: look again
                digits_only = true;
                for (char ch : w) digits_only = digits_only && (cls(ch) & kDigitDash);
            }
            if (digits_only) continue;
        }
        // An ASCII word has as many code points as bytes; others must have 4+ and be valid.
        if (!ascii_only && (utf8_length(w) < 4 || !utf8_valid(w))) continue;
        // ASCII and Latin-1 capitals (U+00C0-U+00DE but U+00D7, UTF-8 C3 80-9E) fold to
        // lower case, so "Über" and "über" are one keyword and meet the stop words.
        for (size_t k = 0; k < w.size(); ++k) lower[k] = kChars.lower[static_cast<unsigned char>(w[k])];
        if (!ascii_only)
            for (size_t k = 1; k < w.size(); ++k) {
                const auto u = static_cast<unsigned char>(w[k]);
                if (u >= 0x80 && u <= 0x9E && u != 0x97 && static_cast<unsigned char>(w[k - 1]) == 0xC3)
                    lower[k] = static_cast<char>(u + 0x20);
            }
        std::string_view l(lower, w.size());
        if (is_stop_word(l)) continue;
        bool seen = false;
        for (size_t k = 0; k < n && !seen; ++k) seen = out[k] == l;
        if (seen) continue;
        if (n < out.size()) out[n].assign(l);
        else out.emplace_back(l);
        ++n;
    }
    return n;
}

std::vector<std::string> extract_keywords(std::string_view text, size_t max) {
    std::vector<std::string> out;
    out.resize(extract_keywords(text, max, out));
    return out;
}

}  // namespace clout
