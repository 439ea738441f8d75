// A plain binary encoding for handing parsed data from one copy of the engine to another
// (the page's second import worker; see docs/ARCHITECTURE.md "Two workers"). Both sides
// are the same build, so there is no versioning: fixed-width little-endian integers and
// length-prefixed strings. The reader checks every length against what is left and throws
// InputError on anything short or inconsistent: a bad buffer never reads out of bounds.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

#include "util/error.h"

namespace clout::wire {

// The unsigned integer of the same width as T (an integer or an enum).
template <class T, bool = std::is_enum_v<T>>
struct Bits { using type = std::make_unsigned_t<T>; };
template <class T>
struct Bits<T, true> { using type = std::make_unsigned_t<std::underlying_type_t<T>>; };

class Writer {
public:
    template <class T>
    void num(T v) {
        static_assert(std::is_integral_v<T> || std::is_enum_v<T>);
        using U = typename Bits<T>::type;
        U u = static_cast<U>(v);
        for (size_t i = 0; i < sizeof(U); ++i) out_.push_back(static_cast<char>((u >> (8 * i)) & 0xFF));
    }
    void str(std::string_view s) {
        num(static_cast<uint64_t>(s.size()));
        out_.append(s);
    }
    std::string take() { return std::move(out_); }
    std::string& buffer() { return out_; }

private:
    std::string out_;
};

class Reader {
public:
    explicit Reader(std::string_view in) : in_(in) {}
    template <class T>
    T num() {
        static_assert(std::is_integral_v<T> || std::is_enum_v<T>);
        using U = typename Bits<T>::type;
        need(sizeof(U));
        U u = 0;
        for (size_t i = 0; i < sizeof(U); ++i) u |= static_cast<U>(static_cast<unsigned char>(in_[pos_ + i])) << (8 * i);
        pos_ += sizeof(U);
        return static_cast<T>(u);
    }
    std::string_view str() {
        uint64_t n = num<uint64_t>();
        need(n);
        std::string_view s = in_.substr(pos_, static_cast<size_t>(n));
        pos_ += static_cast<size_t>(n);
        return s;
    }
    // A count of items each at least min_bytes long: never more than the bytes left allow,
    // so a corrupt count cannot make the caller reserve gigabytes.
    size_t count(size_t min_bytes) {
        uint64_t n = num<uint64_t>();
        if (min_bytes && n > (in_.size() - pos_) / min_bytes) fail();
        return static_cast<size_t>(n);
    }
    bool at_end() const { return pos_ == in_.size(); }
    [[noreturn]] static void fail() { throw InputError("damaged data from the other import worker"); }

private:
    void need(uint64_t n) const {
        if (n > in_.size() - pos_) fail();
    }
    std::string_view in_;
    size_t pos_ = 0;
};

}  // namespace clout::wire
