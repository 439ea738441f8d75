// Reading a text member of a parsed JSON object (importers, the page's panels), forgivingly:
// exports and reports are read as they come, and a member that is missing or of another
// type reads as empty rather than stopping the reader.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace clout {

// The member `key` of the object `j` as text: a string as it is, an integer in decimal (some
// exports write ids as numbers); "" when `j` is not an object, the member is missing, null,
// or anything else.
inline std::string jstr(const nlohmann::json& j, std::string_view key) {
    if (!j.is_object()) return {};
    const auto it = j.find(key);
    if (it == j.end()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<int64_t>());
    if (it->is_number_unsigned()) return std::to_string(it->get<uint64_t>());
    return {};
}

}  // namespace clout
