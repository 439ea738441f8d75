#include "file_source.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include <unistd.h>

#include "util/error.h"

namespace clout {

namespace {

// A dropped File is read through WORKERFS, where every read is a FileReaderSync call costing
// about 2 ms whatever its size (348 reads of a 100k-tweet archive took 0.6-0.9 s of a 1.8 s
// import): reads go through a read-ahead buffer, straight to the descriptor (stdio would
// split each read in two). Each read costs about 9 ms a MB too, so the read-ahead wastes
// little: inside a range given to advise() (a zip entry's data) it reads up to 4 MB and
// stops at the range's end; elsewhere (a zip's headers) it starts at 128 KB and doubles, up
// to 1 MB, while reading goes on where the last read ended.
class ReadAheadFileSource final : public ByteSource {
public:
    ReadAheadFileSource(FILE* f, uint64_t size) : f_(f), size_(size) {}
    ~ReadAheadFileSource() override { std::fclose(f_); }
    uint64_t size() const override { return size_; }

    size_t read_at(uint64_t offset, void* buf, size_t n) override {
        if (offset >= size_ || n == 0) return 0;
        if (n > size_ - offset) n = static_cast<size_t>(size_ - offset);
        size_t got = 0;
        while (got < n) {
            char* dst = static_cast<char*>(buf) + got;
            const uint64_t at = offset + got;
            if (at >= ahead_off_ && at < ahead_off_ + ahead_len_) {  // in the buffer
                const size_t k = static_cast<size_t>(std::min<uint64_t>(n - got, ahead_off_ + ahead_len_ - at));
                std::memcpy(dst, ahead_.data() + (at - ahead_off_), k);
                got += k;
                continue;
            }
            if (at >= advise_off_ && at < advise_end_) {
                ahead_want_ = static_cast<size_t>(std::min<uint64_t>(kAdvisedMax, advise_end_ - at));
            } else {
                const bool onward = at == pos_;  // where the last read from the file ended
                ahead_want_ = onward ? std::min(ahead_want_ * 2, kAheadMax) : kAheadMin;
            }
            if (n - got >= ahead_want_) {  // a large read goes straight to the caller's memory
                const size_t want = n - got;
                const size_t r = raw_read(at, dst, want);
                got += r;
                if (r < want) break;  // the file ended
                continue;
            }
            if (ahead_.size() < ahead_want_) ahead_.resize(ahead_want_);
            ahead_len_ = 0;  // (raw_read may throw)
            ahead_off_ = at;
            ahead_len_ = raw_read(at, ahead_.data(), static_cast<size_t>(std::min<uint64_t>(ahead_want_, size_ - at)));
            if (ahead_len_ == 0) break;
        }
        bytes_read_ += got;
        return got;
    }

    void advise(uint64_t offset, uint64_t length) override {
        advise_off_ = offset;
        advise_end_ = offset + std::min(length, size_ - std::min(offset, size_));
    }

private:
    static constexpr size_t kAheadMin = 128u << 10, kAheadMax = 1u << 20, kAdvisedMax = 4u << 20;
    FILE* f_;
    uint64_t size_;
    std::vector<char> ahead_;
    uint64_t advise_off_ = 0, advise_end_ = 0;
    uint64_t ahead_off_ = 0;
    size_t ahead_len_ = 0, ahead_want_ = kAheadMin;
    uint64_t pos_ = UINT64_MAX;  // the descriptor's offset

    // Emscripten 3.1.6's pread drops the high 32 bits of the offset, while its lseek keeps
    // them (files past 4 GiB, tests/test_zip.cpp): seek, then read.
    size_t raw_read(uint64_t offset, char* dst, size_t n) {
        const int fd = fileno(f_);
        if (offset != pos_) {
            if (::lseek(fd, static_cast<off_t>(offset), SEEK_SET) < 0) {
                pos_ = UINT64_MAX;
                throw InputError(std::string("cannot seek: ") + std::strerror(errno));
            }
            pos_ = offset;
        }
        size_t got = 0;
        while (got < n) {
            ssize_t r = ::read(fd, dst + got, n - got);
            if (r < 0) {
                if (errno == EINTR) continue;
                pos_ = UINT64_MAX;
                throw InputError(std::string("read error: ") + std::strerror(errno));
            }
            if (r == 0) break;
            got += static_cast<size_t>(r);
        }
        pos_ += got;
        return got;
    }
};

}  // namespace

std::unique_ptr<ByteSource> open_read_ahead_file_source(const std::string& path) {
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
    return std::make_unique<ReadAheadFileSource>(f, static_cast<uint64_t>(end));
}

void install_wasm_file_source() { set_file_opener(&open_read_ahead_file_source); }

}  // namespace clout
