// Writes .tar and .tar.gz archives for the generators and tests, streaming to a file
// (media of any size cost no memory). Long names as GNU 'L' entries, pax 'x' headers or
// the ustar prefix field; gzip output can be split into several members.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include <zlib.h>

namespace clout::gen {

enum class LongNames { Gnu, Pax, UstarPrefix };

class TarWriter {
public:
    // gzip=false writes a plain tar. Throws std::runtime_error when the file cannot be written.
    TarWriter(const std::string& path, bool gzip = true, LongNames long_names = LongNames::Gnu, int level = 6);
    ~TarWriter();
    TarWriter(const TarWriter&) = delete;
    TarWriter& operator=(const TarWriter&) = delete;

    void add(const std::string& name, std::string_view data);
    // `size` bytes produced by fill(buf, n), called with n <= 64 KB until size is reached.
    void add_stream(const std::string& name, uint64_t size, const std::function<void(char*, size_t)>& fill);
    void add_directory(const std::string& name);
    // Ends the current gzip member and starts another (gzip only).
    void new_member();
    // Writes the end-of-archive blocks and closes the file (also done by the destructor).
    void finish();

private:
    void header(const std::string& name, uint64_t size, char type);
    void raw_header(const std::string& name, uint64_t size, char type, const std::string& prefix);
    void write(const void* data, size_t n);
    void pad(uint64_t size);
    void deflate_all(int flush);

    FILE* f_ = nullptr;
    bool gzip_;
    LongNames long_names_;
    int level_;
    z_stream z_{};
    bool z_live_ = false;
    bool finished_ = false;
};

}  // namespace clout::gen
