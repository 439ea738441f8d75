// Small JSON helpers shared by the Meta, TikTok (and other DOM-based) importers:
// parsing a file with limits, mojibake repair and section skipping; a cheap key scan of
// a file's first bytes for recognising content; forgiving field accessors.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/limits.h"
#include "util/json_field.h"  // jstr

namespace clout {

struct JsonParseOptions {
    bool repair_mojibake = false;   // Meta: repair every string value (see util/mojibake.h)
    // Sections dropped while parsing (memory stays flat): called with (top-level key, "")
    // for each top-level member and (top-level key, key) for each member of a top-level
    // object; true drops that member's value.
    std::function<bool(std::string_view top_key, std::string_view sub_key)> skip_section;
};

// Parses a whole document (every JSON file an importer reads whole; big arrays are streamed
// instead: io/json_scan.h, io/json_items.h). A UTF-8 BOM is skipped; of duplicate keys the
// last one wins. Throws InputError("damaged JSON at line L, column C: ...") on bad JSON,
// LimitError past ctx.limits.max_depth nesting or a string longer than max_field_bytes.
nlohmann::json parse_json_doc(std::string_view text, ImportContext& ctx, const JsonParseOptions& opt = {});

// What the first bytes of a JSON file show.
struct JsonPeek {
    bool is_object = false;
    bool is_array = false;
    std::vector<std::string> top_keys;   // keys of the top object, or of the top array's objects
    std::vector<std::string> all_keys;   // every key seen, any depth
    bool has_top(std::string_view k) const;
    bool has_any(std::string_view k) const;
};
JsonPeek peek_json(std::string_view head);

// Forgiving accessors (null-safe; numbers may come as strings).
const nlohmann::json* jfind(const nlohmann::json& j, std::string_view key);
// An integer from a number or a numeric string ("1,234" and "1.2K" are not accepted); -1 when absent.
int64_t jint(const nlohmann::json& j, std::string_view key, int64_t fallback = -1);
int64_t jint_value(const nlohmann::json& v, int64_t fallback = -1);
const nlohmann::json& jarr(const nlohmann::json& j, std::string_view key);   // an empty array when absent

// "#tag" and "@name" words of a text, in order (the '#'/'@' not included).
std::vector<std::string_view> find_tagged_words(std::string_view text, char sigil);
// True when the text contains an http(s) link.
bool text_has_link(std::string_view text);

}  // namespace clout
