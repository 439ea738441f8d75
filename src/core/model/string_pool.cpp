#include "model/string_pool.h"

#include <cstring>

namespace clout {

StringPool::StringPool() {
    views_.emplace_back();
    index_.emplace(std::string_view(), 0);
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

StrId StringPool::intern(std::string_view s) {
    auto it = index_.find(s);
    if (it != index_.end()) return it->second;
    char* p = allocate(s.size());
    if (!s.empty()) std::memcpy(p, s.data(), s.size());
    std::string_view stored(p, s.size());
    StrId id = static_cast<StrId>(views_.size());
    views_.push_back(stored);
    index_.emplace(stored, id);
    return id;
}

StrId StringPool::find(std::string_view s) const {
    auto it = index_.find(s);
    return it == index_.end() ? 0 : it->second;
}

}  // namespace clout
