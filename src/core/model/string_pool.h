// Interned strings: each distinct string is stored once and named by a 32-bit id.
// Id 0 is always the empty string. Views stay valid for the pool's lifetime.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clout {

using StrId = uint32_t;

class StringPool {
public:
    StringPool();
    StringPool(const StringPool&) = delete;
    StringPool& operator=(const StringPool&) = delete;
    StringPool(StringPool&&) noexcept = default;
    StringPool& operator=(StringPool&&) noexcept = default;

    StrId intern(std::string_view s);
    // Returns the id of s when it is already interned, else 0 (and s is not empty).
    StrId find(std::string_view s) const;
    std::string_view view(StrId id) const { return views_[id]; }
    size_t size() const { return views_.size(); }
    size_t bytes() const { return arena_bytes_; }

private:
    char* allocate(size_t n);
    static uint32_t hash(std::string_view s);
    size_t slot_of(std::string_view s, uint32_t h) const;
    void grow();
    std::vector<std::unique_ptr<char[]>> chunks_;
    size_t chunk_used_ = 0, chunk_cap_ = 0;
    size_t arena_bytes_ = 0;
    std::vector<std::string_view> views_;
    // Open addressing, linear probing: each interned string's hash and id (id 0, the empty
    // string, marks a free slot and is never stored). Flat slots instead of a node-based
    // map: interning every hashtag, mention and keyword of a large import is a hot path.
    struct Slot {
        uint32_t hash = 0;
        StrId id = 0;
    };
    std::vector<Slot> slots_;
};

}  // namespace clout
