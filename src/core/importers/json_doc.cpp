#include "importers/json_doc.h"

#include <algorithm>

#include "util/error.h"
#include "util/mojibake.h"

namespace clout {

using nlohmann::json;

nlohmann::json parse_json_doc(std::string_view text, ImportContext& ctx, const JsonParseOptions& opt) {
    // Strip a UTF-8 BOM.
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const uint32_t max_depth = ctx.limits.max_depth;
    const uint64_t max_field = ctx.limits.max_field_bytes;
    uint64_t events = 0;
    // skip_depth > 0: inside a dropped member whose key was at that depth.
    int skip_depth = 0;
    std::string top_key;
    auto cb = [&](int depth, json::parse_event_t ev, json& parsed) -> bool {
        if ((++events & 0xFFFF) == 0) ctx.tick();
        switch (ev) {
            case json::parse_event_t::object_start:
            case json::parse_event_t::array_start:
                if (static_cast<uint32_t>(depth) >= max_depth)
                    throw LimitError("JSON nested deeper than " + std::to_string(max_depth) + " levels (limit --max-depth)");
                return true;
            case json::parse_event_t::key:
                if (opt.skip_section && parsed.is_string() && (depth == 1 || depth == 2)) {
                    const std::string& k = parsed.get_ref<const std::string&>();
                    if (depth == 1) {
                        top_key = k;
                        skip_depth = opt.skip_section(top_key, {}) ? 1 : 0;
                        return true;
                    }
                    if (skip_depth != 1) {
                        skip_depth = opt.skip_section(top_key, k) ? 2 : 0;
                        return true;
                    }
                }
                return !(skip_depth > 0 && depth > skip_depth);
            case json::parse_event_t::value:
                if (parsed.is_string()) {
                    auto& s = parsed.get_ref<std::string&>();
                    if (s.size() > max_field)
                        throw LimitError("a JSON string longer than " + std::to_string(max_field >> 20) + " MB (limit --max-field-mb)");
                    if (skip_depth > 0 && depth >= skip_depth) return false;
                    if (opt.repair_mojibake) repair_mojibake(s);
                    return true;
                }
                return !(skip_depth > 0 && depth >= skip_depth);
            case json::parse_event_t::object_end:
            case json::parse_event_t::array_end:
                return !(skip_depth > 0 && depth >= skip_depth);
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), cb, true, false);
    } catch (const json::parse_error& e) {
        std::string w = e.what();
        size_t at = w.find("parse error at ");
        if (at != std::string::npos) throw InputError("damaged JSON " + w.substr(at + 12));
        throw InputError("damaged JSON: " + w);
    } catch (const json::out_of_range& e) {
        // A number too large for a double ("1e400"): nlohmann's out_of_range 406.
        std::string w = e.what();
        size_t colon = w.find("] ");
        throw InputError("damaged JSON: " + (colon != std::string::npos ? w.substr(colon + 2) : w));
    }
}

bool JsonPeek::has_top(std::string_view k) const {
    return std::find(top_keys.begin(), top_keys.end(), k) != top_keys.end();
}
bool JsonPeek::has_any(std::string_view k) const {
    return std::find(all_keys.begin(), all_keys.end(), k) != all_keys.end();
}

JsonPeek peek_json(std::string_view s) {
    JsonPeek p;
    size_t i = 0;
    if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    auto ws = [&] { while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r' || s[i] == '\t')) ++i; };
    ws();
    if (i >= s.size()) return p;
    if (s[i] == '{') p.is_object = true;
    else if (s[i] == '[') p.is_array = true;
    else return p;
    // Key depth that counts as "top": 1 for an object, 2 for objects in a top array.
    const int top_depth = p.is_object ? 1 : 2;
    std::vector<char> stack;
    while (i < s.size()) {
        char c = s[i];
        if (c == '{' || c == '[') {
            stack.push_back(c);
            ++i;
        } else if (c == '}' || c == ']') {
            if (!stack.empty()) stack.pop_back();
            ++i;
            if (stack.empty()) break;
        } else if (c == '"') {
            std::string str;
            ++i;
            bool closed = false;
            while (i < s.size()) {
                char d = s[i++];
                if (d == '\\' && i < s.size()) {
                    str.push_back(s[i++]);
                    continue;
                }
                if (d == '"') {
                    closed = true;
                    break;
                }
                if (str.size() < 256) str.push_back(d);
            }
            if (!closed) break;
            ws();
            if (i < s.size() && s[i] == ':' && !stack.empty() && stack.back() == '{') {
                int depth = static_cast<int>(stack.size());
                bool top = depth == top_depth && (p.is_object || (stack.size() >= 2 && stack[0] == '['));
                if (top && std::find(p.top_keys.begin(), p.top_keys.end(), str) == p.top_keys.end()) p.top_keys.push_back(str);
                if (std::find(p.all_keys.begin(), p.all_keys.end(), str) == p.all_keys.end()) p.all_keys.push_back(str);
            }
        } else {
            ++i;
        }
    }
    return p;
}

const json* jfind(const json& j, std::string_view key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return nullptr;
    return &*it;
}

int64_t jint_value(const json& v, int64_t fallback) {
    if (v.is_number_integer()) return v.get<int64_t>();
    if (v.is_number_unsigned()) {
        uint64_t u = v.get<uint64_t>();
        return u > static_cast<uint64_t>(INT64_MAX) ? fallback : static_cast<int64_t>(u);
    }
    if (v.is_number_float()) {
        double d = v.get<double>();
        if (d >= 0 && d < 9e18) return static_cast<int64_t>(d);
        return fallback;
    }
    if (v.is_string()) {
        const std::string& s = v.get_ref<const std::string&>();
        size_t a = 0, b = s.size();
        while (a < b && s[a] == ' ') ++a;
        while (b > a && s[b - 1] == ' ') --b;
        if (a == b || b - a > 18) return fallback;
        int64_t r = 0;
        for (size_t k = a; k < b; ++k) {
            if (s[k] < '0' || s[k] > '9') return fallback;
            r = r * 10 + (s[k] - '0');
        }
        return r;
    }
    return fallback;
}

int64_t jint(const json& j, std::string_view key, int64_t fallback) {
    const json* v = jfind(j, key);
    return v ? jint_value(*v, fallback) : fallback;
}

const json& jarr(const json& j, std::string_view key) {
    static const json empty = json::array();
    const json* v = jfind(j, key);
    return v && v->is_array() ? *v : empty;
}

std::vector<std::string_view> find_tagged_words(std::string_view text, char sigil) {
    std::vector<std::string_view> out;
    auto word_char = [](unsigned char c) {
        return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
               (c == '.');
    };
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != sigil) continue;
        if (i > 0 && word_char(static_cast<unsigned char>(text[i - 1])) && text[i - 1] != '.') continue;
        size_t j = i + 1;
        while (j < text.size() && word_char(static_cast<unsigned char>(text[j]))) ++j;
        // A trailing dot ends a sentence, it is not part of the name; hashtags stop at dots.
        size_t end = j;
        if (sigil == '#') {
            size_t dot = text.find('.', i + 1);
            if (dot != std::string_view::npos && dot < end) end = dot;
        }
        while (end > i + 1 && text[end - 1] == '.') --end;
        if (end > i + 1) out.push_back(text.substr(i + 1, end - i - 1));
        i = j - 1;
    }
    return out;
}

bool text_has_link(std::string_view text) {
    return text.find("http://") != std::string_view::npos || text.find("https://") != std::string_view::npos;
}

}  // namespace clout
