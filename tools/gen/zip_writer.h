// A small streaming zip WRITER for the test-export generators (not used by the app).
//
//   clout::gen::ZipOptions o;
//   o.root_folder = "twitter-2024-06-01-abc";     // optional: every name gets this prefix
//   clout::gen::ZipWriter w("/tmp/x.zip", o);
//   w.add("data/tweets.js", text);                        // deflated (default)
//   w.add("data/README.txt", text, ZipMethod::Stored);
//   w.add_stream("data/tweets_media/big.mp4", 300 << 20,  // generated on the fly,
//                [](uint64_t off, char* buf, size_t n) { /* fill n bytes at off */ },
//                ZipMethod::Stored);                      // never held in memory
//   w.begin("data/like.js"); w.write("..."); w.write("..."); w.end();  // incremental
//   w.finish();                                           // writes the central directory
//
// Features: stored and deflated entries (zlib raw deflate), data descriptors (flag bit 3,
// sizes and CRC after the data) or sizes patched into the local header, ZIP64 records
// (forced for every entry, or automatic when a size, an offset or the entry count needs
// them), an optional top-level folder prefix (as Finder/Explorer re-zips add), UTF-8 name
// flag on or off (CP437 names), a fixed timestamp (deterministic output), and an archive
// comment. entries() reports where every entry landed so tests can damage bytes on purpose.
// Errors (I/O, misuse) throw std::runtime_error.
#pragma once

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace clout::gen {

enum class ZipMethod : uint16_t { Stored = 0, Deflated = 8 };

struct ZipOptions {
    std::string root_folder;         // "" or a folder prepended to every name ("root/" + name)
    bool data_descriptors = false;   // write CRC/sizes after each entry's data (bit 3)
    bool force_zip64 = false;        // ZIP64 extra fields for every entry + ZIP64 end records
    bool legacy_no_zip64 = false;    // never ZIP64: offsets and sizes stored modulo 2^32 and the
                                     // entry count modulo 65536, as some zips over 4 GB made by
                                     // macOS Archive Utility are (a real-world broken writer)
    bool utf8_names = true;          // set the UTF-8 flag (bit 11); false = names are CP437
    int level = 6;                   // deflate level 1..9
    uint16_t dos_date = (44 << 9) | (6 << 5) | 1;  // 2024-06-01
    uint16_t dos_time = (12 << 11);                // 12:00:00
    std::string comment;             // archive comment (after the end record)
};

// Where one written entry landed (for tests that damage archives on purpose).
struct ZipEntryInfo {
    std::string name;                // full name as stored (root folder included)
    uint64_t local_offset = 0;       // offset of the local file header
    uint64_t data_offset = 0;        // offset of the (compressed) data
    uint64_t compressed_size = 0;
    uint64_t size = 0;
    uint32_t crc = 0;
    uint64_t central_offset = 0;     // offset of its central-directory record (after finish)
    ZipMethod method = ZipMethod::Deflated;
    bool zip64 = false;              // the entry carries ZIP64 extra fields
};

class ZipWriter {
public:
    // Fills n bytes of an entry's content starting at `offset` within the entry.
    using Fill = std::function<void(uint64_t offset, char* buf, size_t n)>;

    ZipWriter(const std::string& path, ZipOptions opts = {});
    ~ZipWriter();  // closes the file; an unfinished archive is left incomplete
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // A whole entry from bytes at hand.
    void add(std::string_view name, std::string_view bytes, ZipMethod method = ZipMethod::Deflated);
    // An entry of `size` bytes produced by `fill` in chunks (for big media files).
    void add_stream(std::string_view name, uint64_t size, const Fill& fill, ZipMethod method = ZipMethod::Stored);
    // A stored entry of `size` zero bytes written as a hole in a sparse file (instant, no
    // disk used): for archives over 4 GB in tests.
    void add_sparse(std::string_view name, uint64_t size);
    // A directory entry ("name/").
    void add_directory(std::string_view name);

    // Every name gets opts.root_folder in front, except a name starting with '/', which is
    // stored as it is without that slash (e.g. "/__MACOSX/root/._x" next to a root folder).
    // Incremental entry: begin, any number of write, end. size_hint >= 4 GiB (or
    // force_zip64) makes the local header carry a ZIP64 extra field.
    void begin(std::string_view name, ZipMethod method = ZipMethod::Deflated, uint64_t size_hint = 0);
    void write(std::string_view bytes);
    void write(const void* data, size_t n) { write(std::string_view(static_cast<const char*>(data), n)); }
    void end();

    // Writes the central directory and end records and closes the file. Returns its size.
    uint64_t finish();

    const std::vector<ZipEntryInfo>& entries() const { return entries_; }
    uint64_t central_directory_offset() const { return cd_offset_; }
    uint64_t end_record_offset() const { return eocd_offset_; }  // the classic end record

private:
    void put(const void* p, size_t n);
    void put16(uint16_t v);
    void put32(uint32_t v);
    void put64(uint64_t v);
    void deflate_chunk(const char* p, size_t n, int flush);
    std::string full_name(std::string_view name) const;

    ZipOptions opts_;
    std::string path_;
    FILE* f_ = nullptr;
    uint64_t pos_ = 0;
    std::vector<ZipEntryInfo> entries_;
    std::vector<char> out_buf_;
    void* z_ = nullptr;   // z_stream* for the current deflated entry
    bool in_entry_ = false;
    bool finished_ = false;
    uint64_t cd_offset_ = 0, eocd_offset_ = 0;
};

// CRC-32 (zlib's) of bytes, for tests.
uint32_t crc32_of(std::string_view bytes);

}  // namespace clout::gen
