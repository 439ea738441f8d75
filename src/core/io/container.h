// Containers: the files inside one input (a zip, a .tar.gz, a folder, or one loose
// file), each readable as a stream. Entries are never read unless an importer asks,
// so media folders cost nothing but their central-directory records.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.h"
#include "io/limits.h"

namespace clout {

struct Entry {
    std::string path;      // '/'-separated, relative, as stored (may include a top folder)
    uint64_t size = 0;     // uncompressed size as the container states it
};

class Container {
public:
    virtual ~Container() = default;
    // "zip", "tar.gz", "tar", "directory", "file"
    virtual const char* kind() const = 0;
    const std::vector<Entry>& entries() const { return entries_; }
    // Opens entry i for reading. The stream enforces ctx.limits.max_entry_bytes and counts
    // against ctx's total; it throws InputError naming the entry on damaged data.
    virtual std::unique_ptr<InputStream> open(size_t i, ImportContext& ctx) = 0;
    // True when entries may be opened and read from several threads at once (each stream
    // used by one thread). A tar.gz shares one inflate position, so it says false.
    virtual bool concurrent_reads() const { return false; }
    // The first bytes of an entry (for recognising content), at most n.
    std::string peek(size_t i, size_t n, ImportContext& ctx);
    // Reads a whole entry into memory (small files only: at most limits.max_file_in_memory).
    std::string read_all(size_t i, ImportContext& ctx);

    // Index of the first entry whose path ends with `suffix` at a path boundary
    // ("data/tweets.js" matches "twitter-x/data/tweets.js"), or -1.
    long find_suffix(std::string_view suffix) const;
    // Entries whose base name matches a simple pattern with one '*' wildcard
    // ("tweets-part*.js"), optionally only under a folder suffix.
    std::vector<size_t> find_glob(std::string_view base_pattern, std::string_view folder = {}) const;

    const std::string& name() const { return name_; }   // the file or folder given
    uint64_t input_size() const { return input_size_; }

protected:
    std::vector<Entry> entries_;
    std::string name_;
    uint64_t input_size_ = 0;
};

std::string_view base_name(std::string_view path);
bool glob_match(std::string_view pattern, std::string_view s);  // '*' and '?' only

// Opens a path: a folder, a zip, a .tar.gz/.tgz/.tar, or any other file as a one-entry
// container. The kind is decided by content (magic bytes), not by the name.
std::unique_ptr<Container> open_input(const std::string& path, ImportContext& ctx);
// The same for bytes already at hand (a ByteSource), e.g. in tests or a browser File.
std::unique_ptr<Container> open_source(std::unique_ptr<ByteSource> src, const std::string& name, ImportContext& ctx);

// Implemented by each container reader.
std::unique_ptr<Container> open_zip(std::unique_ptr<ByteSource> src, const std::string& name, ImportContext& ctx);
std::unique_ptr<Container> open_tar(std::unique_ptr<ByteSource> src, const std::string& name, bool gzipped, ImportContext& ctx);
std::unique_ptr<Container> open_directory(const std::string& path, ImportContext& ctx);
std::unique_ptr<Container> open_single_file(std::unique_ptr<ByteSource> src, const std::string& name);

}  // namespace clout

namespace clout {
// Wraps a container reader's raw entry stream: enforces max_entry_bytes for `path`
// and counts every byte against the export's total. Container readers use it.
std::unique_ptr<InputStream> limit_stream(std::unique_ptr<InputStream> in, std::string path, ImportContext& ctx);
}  // namespace clout
