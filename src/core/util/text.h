// Text helpers shared by the importers: UTF-8, HTML, keywords. Pure functions.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace clout {

// Number of code points (invalid bytes count one each).
size_t utf8_length(std::string_view s);
// Longest prefix of at most max_bytes that does not cut a code point.
std::string_view utf8_prefix(std::string_view s, size_t max_bytes);
bool utf8_valid(std::string_view s);
// Copy of s with every invalid byte sequence replaced by U+FFFD.
std::string utf8_sanitize(std::string_view s);
void append_utf8(std::string& out, uint32_t codepoint);

// &amp; &lt; &gt; &quot; &#39; &#NNN; &#xHH; and the common named entities.
std::string decode_html_entities(std::string_view s);
// Drops tags, turns <br> and </p> into spaces/newlines, decodes entities.
std::string strip_html(std::string_view html);

// Lower-cases ASCII letters.
std::string ascii_lower(std::string_view s);

// Frequent-keyword candidates of a post: lower-cased words (ASCII and Latin-1 letters fold)
// of 4+ letters, without URLs, @mentions, #hashtags, numbers, the stop words of the export
// languages (util/stop_words.h, from stopwords-iso) and a short list of posting filler
// ("feel", "idea", "quote", "thread", ...); at most `max` distinct words, in order of first
// appearance.
std::vector<std::string> extract_keywords(std::string_view text, size_t max = 8);
// The same into out[0..n), reusing out's strings (no allocation on the hot path); returns n.
size_t extract_keywords(std::string_view text, size_t max, std::vector<std::string>& out);

}  // namespace clout
