// Random access to the bytes of one input: a file or memory. How a file is read depends on
// the platform: open_file_source reads with pread by default, and a front end whose files
// read differently installs its own opener (the wasm builds: src/worker/file_source.h).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace clout {

class ByteSource {
public:
    virtual ~ByteSource() = default;
    virtual uint64_t size() const = 0;
    // Reads up to n bytes at offset; returns how many were read (fewer only at the end).
    // Natively safe to call from several threads at once (the X archive reads its parts in
    // parallel); the wasm build reads on one thread.
    virtual size_t read_at(uint64_t offset, void* buf, size_t n) = 0;
    // A hint: the range [offset, offset + length) is about to be read from start to end (a
    // zip entry's data). A source that reads ahead (the wasm builds' file source) reads
    // large blocks inside it and never past its end.
    virtual void advise(uint64_t offset, uint64_t length) { (void)offset, (void)length; }
    // Reads exactly n bytes at offset, or throws InputError("truncated: ...").
    void read_exact(uint64_t offset, void* buf, size_t n);
    // Total bytes handed out so far (progress reporting).
    uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

protected:
    std::atomic<uint64_t> bytes_read_{0};
};

// Opens the file at `path` with the installed opener. Throws InputError when the file
// cannot be opened.
std::unique_ptr<ByteSource> open_file_source(const std::string& path);
// The default opener: reads with pread, so several threads may read at once.
std::unique_ptr<ByteSource> open_pread_file_source(const std::string& path);
// Replaces the opener open_file_source uses (nullptr restores the default). Called once at
// start-up, before any file is read.
using FileOpener = std::unique_ptr<ByteSource> (*)(const std::string& path);
void set_file_opener(FileOpener opener);
std::unique_ptr<ByteSource> memory_source(std::string bytes);

// A sequential reader (an entry of a container, possibly being inflated).
class InputStream {
public:
    virtual ~InputStream() = default;
    // Reads up to n bytes; 0 means the end. Throws InputError on damaged data.
    virtual size_t read(void* buf, size_t n) = 0;
};

std::unique_ptr<InputStream> source_stream(ByteSource& src, uint64_t offset, uint64_t length);

}  // namespace clout
