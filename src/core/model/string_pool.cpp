#include "model/string_pool.h"

#include <cstring>

namespace clout {

StringPool::StringPool() {
    views_.emplace_back();
    slots_.resize(64);
}

char* StringPool::allocate(size_t n) {
    if (chunk_used_ + n > chunk_cap_) {
        size_t cap = n > 65536 ? n : 65536;
        chunks_.emplace_back(new char[cap]);
        chunk_used_ = 0;
        chunk_cap_ = cap;
    }
    char* p = chunks_.back().get() + chunk_used_;
    chunk_used_ += n;
    arena_bytes_ += n;
    return p;
}

uint32_t StringPool::hash(std::string_view s) {
    // Eight bytes at a time: the strings are short (tags, handles, words, languages).
    const char* p = s.data();
    size_t n = s.size();
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xC2B2AE3D27D4EB4Full);
    uint64_t v;
    for (; n >= 8; p += 8, n -= 8) {
        std::memcpy(&v, p, 8);
        h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    if (n) {
        v = 0;
        std::memcpy(&v, p, n);
        h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
    }
    h ^= h >> 29;
    h *= 0x94D049BB133111EBull;
    h ^= h >> 32;
    return static_cast<uint32_t>(h);
}

// The slot holding s, or the free slot where it belongs.
size_t StringPool::slot_of(std::string_view s, uint32_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t at = h & mask;; at = (at + 1) & mask) {
        const Slot& x = slots_[at];
        if (x.id == 0 || (x.hash == h && views_[x.id] == s)) return at;
    }
}

void StringPool::grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const size_t mask = slots_.size() - 1;
    for (const Slot& x : old) {
        if (x.id == 0) continue;
        size_t at = x.hash & mask;
        while (slots_[at].id != 0) at = (at + 1) & mask;
        slots_[at] = x;
    }
}

StrId StringPool::intern(std::string_view s) {
    if (s.empty()) return 0;
    if (slots_.empty()) *this = StringPool();  // a pool moved from: usable again, like a new one
    const uint32_t h = hash(s);
    size_t at = slot_of(s, h);
    if (slots_[at].id != 0) return slots_[at].id;
    char* p = allocate(s.size());
    std::memcpy(p, s.data(), s.size());
    StrId id = static_cast<StrId>(views_.size());
    views_.emplace_back(p, s.size());
    if (views_.size() * 2 > slots_.size()) {  // at most half full (views_ holds "" too)
        grow();
        at = slot_of(s, h);
    }
    slots_[at] = Slot{h, id};
    return id;
}

StrId StringPool::find(std::string_view s) const {
    if (s.empty() || slots_.empty()) return 0;
    const Slot& x = slots_[slot_of(s, hash(s))];
    return x.id;
}

}  // namespace clout
