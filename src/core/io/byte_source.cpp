#include "io/byte_source.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <unistd.h>

#include "util/error.h"

namespace clout {

void ByteSource::read_exact(uint64_t offset, void* buf, size_t n) {
    if (n == 0) return;  // (buf may then be null: an empty vector's data())
    if (offset > size() || n > size() - offset)
        throw InputError("truncated: wanted " + std::to_string(n) + " bytes at offset " + std::to_string(offset) +
                         " of a " + std::to_string(size()) + "-byte file");
    size_t got = read_at(offset, buf, n);
    if (got != n) throw InputError("truncated: read " + std::to_string(got) + " of " + std::to_string(n) + " bytes");
}

namespace {

// Reads with pread: no shared file position, so several threads may read at once (the X
// archive reads its data files in parallel).
class PreadFileSource final : public ByteSource {
public:
    PreadFileSource(FILE* f, uint64_t size) : f_(f), size_(size) {}
    ~PreadFileSource() override { std::fclose(f_); }
    uint64_t size() const override { return size_; }
    size_t read_at(uint64_t offset, void* buf, size_t n) override {
        if (offset >= size_ || n == 0) return 0;
        if (n > size_ - offset) n = static_cast<size_t>(size_ - offset);
        const int fd = fileno(f_);
        size_t got = 0;
        while (got < n) {
            ssize_t r = ::pread(fd, static_cast<char*>(buf) + got, n - got, static_cast<off_t>(offset + got));
            if (r < 0) {
                if (errno == EINTR) continue;
                throw InputError(std::string("read error: ") + std::strerror(errno));
            }
            if (r == 0) break;
            got += static_cast<size_t>(r);
        }
        bytes_read_ += got;
        return got;
    }

private:
    FILE* f_;
    uint64_t size_;
};

class MemorySource final : public ByteSource {
public:
    explicit MemorySource(std::string b) : b_(std::move(b)) {}
    uint64_t size() const override { return b_.size(); }
    size_t read_at(uint64_t offset, void* buf, size_t n) override {
        if (offset >= b_.size() || n == 0) return 0;
        if (n > b_.size() - offset) n = static_cast<size_t>(b_.size() - offset);
        std::memcpy(buf, b_.data() + offset, n);
        bytes_read_ += n;
        return n;
    }

private:
    std::string b_;
};

class RangeStream final : public InputStream {
public:
    RangeStream(ByteSource& s, uint64_t off, uint64_t len) : s_(s), off_(off), left_(len) {}
    size_t read(void* buf, size_t n) override {
        if (left_ == 0) return 0;
        if (n > left_) n = static_cast<size_t>(left_);
        size_t got = s_.read_at(off_, buf, n);
        if (got == 0) throw InputError("truncated: the file ends inside an entry");
        off_ += got;
        left_ -= got;
        return got;
    }

private:
    ByteSource& s_;
    uint64_t off_, left_;
};

}  // namespace

namespace {
FileOpener g_opener = nullptr;
}  // namespace

void set_file_opener(FileOpener opener) { g_opener = opener; }

std::unique_ptr<ByteSource> open_file_source(const std::string& path) {
    return g_opener ? g_opener(path) : open_pread_file_source(path);
}

std::unique_ptr<ByteSource> open_pread_file_source(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) throw InputError(std::string("cannot open: ") + std::strerror(errno));
    if (fseeko(f, 0, SEEK_END) != 0) {
        std::fclose(f);
        throw InputError("cannot seek: not a regular file");
    }
    off_t end = ftello(f);
    if (end < 0) {
        std::fclose(f);
        throw InputError("cannot tell the file's size");
    }
    std::rewind(f);
    return std::make_unique<PreadFileSource>(f, static_cast<uint64_t>(end));
}

std::unique_ptr<ByteSource> memory_source(std::string bytes) { return std::make_unique<MemorySource>(std::move(bytes)); }

std::unique_ptr<InputStream> source_stream(ByteSource& src, uint64_t offset, uint64_t length) {
    return std::make_unique<RangeStream>(src, offset, length);
}

}  // namespace clout
