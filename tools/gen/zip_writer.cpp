#include "zip_writer.h"

#include <zlib.h>

#include <cstring>
#include <stdexcept>

namespace clout::gen {

namespace {
constexpr uint32_t kLocalSig = 0x04034b50, kCentralSig = 0x02014b50, kEndSig = 0x06054b50;
constexpr uint32_t kZip64EndSig = 0x06064b50, kZip64LocatorSig = 0x07064b50, kDescriptorSig = 0x08074b50;
constexpr uint64_t k32 = 0xFFFFFFFFull;

struct Le {
    unsigned char b[8];
    static Le v16(uint16_t x) { Le l{}; l.b[0] = x & 0xff; l.b[1] = x >> 8; return l; }
    static Le v32(uint32_t x) { Le l{}; for (int i = 0; i < 4; ++i) l.b[i] = (x >> (8 * i)) & 0xff; return l; }
    static Le v64(uint64_t x) { Le l{}; for (int i = 0; i < 8; ++i) l.b[i] = (x >> (8 * i)) & 0xff; return l; }
};
}  // namespace

uint32_t crc32_of(std::string_view bytes) {
    uLong c = crc32(0L, Z_NULL, 0);
    while (!bytes.empty()) {
        uInt n = bytes.size() > (1u << 30) ? (1u << 30) : static_cast<uInt>(bytes.size());
        c = crc32(c, reinterpret_cast<const Bytef*>(bytes.data()), n);
        bytes.remove_prefix(n);
    }
    return static_cast<uint32_t>(c);
}

ZipWriter::ZipWriter(const std::string& path, ZipOptions opts) : opts_(std::move(opts)), path_(path) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) throw std::runtime_error("zip writer: cannot create " + path);
    std::setvbuf(f_, nullptr, _IOFBF, 1 << 20);
    out_buf_.resize(1 << 16);
    if (!opts_.root_folder.empty() && opts_.root_folder.back() != '/') opts_.root_folder += '/';
}

ZipWriter::~ZipWriter() {
    if (z_) {
        deflateEnd(static_cast<z_stream*>(z_));
        delete static_cast<z_stream*>(z_);
    }
    if (f_) std::fclose(f_);
}

void ZipWriter::put(const void* p, size_t n) {
    if (n && std::fwrite(p, 1, n, f_) != n) throw std::runtime_error("zip writer: write failed: " + path_);
    pos_ += n;
}
void ZipWriter::put16(uint16_t v) { put(Le::v16(v).b, 2); }
void ZipWriter::put32(uint32_t v) { put(Le::v32(v).b, 4); }
void ZipWriter::put64(uint64_t v) { put(Le::v64(v).b, 8); }

std::string ZipWriter::full_name(std::string_view name) const {
    if (!name.empty() && name[0] == '/') return std::string(name.substr(1));
    return opts_.root_folder + std::string(name);
}

void ZipWriter::begin(std::string_view name, ZipMethod method, uint64_t size_hint) {
    if (finished_) throw std::runtime_error("zip writer: begin after finish");
    if (in_entry_) throw std::runtime_error("zip writer: begin inside an entry");
    ZipEntryInfo e;
    e.name = full_name(name);
    if (e.name.size() > 0xFFFF) throw std::runtime_error("zip writer: name too long");
    e.method = method;
    e.local_offset = pos_;
    e.zip64 = !opts_.legacy_no_zip64 && (opts_.force_zip64 || size_hint >= k32);
    uint16_t flags = (opts_.data_descriptors ? 0x0008 : 0) | (opts_.utf8_names ? 0x0800 : 0);
    put32(kLocalSig);
    put16(e.zip64 ? 45 : 20);
    put16(flags);
    put16(static_cast<uint16_t>(method));
    put16(opts_.dos_time);
    put16(opts_.dos_date);
    put32(0);                                     // crc (patched or in the descriptor)
    put32(e.zip64 ? static_cast<uint32_t>(k32) : 0);  // compressed size
    put32(e.zip64 ? static_cast<uint32_t>(k32) : 0);  // size
    put16(static_cast<uint16_t>(e.name.size()));
    put16(e.zip64 ? 20 : 0);
    put(e.name.data(), e.name.size());
    if (e.zip64) {
        put16(0x0001);
        put16(16);
        put64(0);
        put64(0);
    }
    e.data_offset = pos_;
    entries_.push_back(std::move(e));
    in_entry_ = true;
    if (method == ZipMethod::Deflated) {
        auto* z = new z_stream{};
        if (deflateInit2(z, opts_.level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
            delete z;
            throw std::runtime_error("zip writer: deflateInit2 failed");
        }
        z_ = z;
    }
}

void ZipWriter::deflate_chunk(const char* p, size_t n, int flush) {
    auto* z = static_cast<z_stream*>(z_);
    z->next_in = reinterpret_cast<Bytef*>(const_cast<char*>(p));
    z->avail_in = static_cast<uInt>(n);
    for (;;) {
        z->next_out = reinterpret_cast<Bytef*>(out_buf_.data());
        z->avail_out = static_cast<uInt>(out_buf_.size());
        int rc = deflate(z, flush);
        if (rc == Z_STREAM_ERROR) throw std::runtime_error("zip writer: deflate failed");
        size_t have = out_buf_.size() - z->avail_out;
        put(out_buf_.data(), have);
        entries_.back().compressed_size += have;
        if (flush == Z_FINISH) {
            if (rc == Z_STREAM_END) break;
        } else if (z->avail_in == 0 && z->avail_out != 0) {
            break;
        }
    }
}

void ZipWriter::write(std::string_view bytes) {
    if (!in_entry_) throw std::runtime_error("zip writer: write outside an entry");
    ZipEntryInfo& e = entries_.back();
    while (!bytes.empty()) {
        size_t n = bytes.size() > (1u << 30) ? (1u << 30) : bytes.size();
        e.crc = static_cast<uint32_t>(crc32(e.crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(n)));
        e.size += n;
        if (e.method == ZipMethod::Deflated) {
            deflate_chunk(bytes.data(), n, Z_NO_FLUSH);
        } else {
            put(bytes.data(), n);
            e.compressed_size += n;
        }
        bytes.remove_prefix(n);
    }
}

void ZipWriter::end() {
    if (!in_entry_) throw std::runtime_error("zip writer: end outside an entry");
    ZipEntryInfo& e = entries_.back();
    if (e.method == ZipMethod::Deflated) {
        deflate_chunk(nullptr, 0, Z_FINISH);
        auto* z = static_cast<z_stream*>(z_);
        deflateEnd(z);
        delete z;
        z_ = nullptr;
    }
    in_entry_ = false;
    if (!e.zip64 && !opts_.legacy_no_zip64 && (e.size >= k32 || e.compressed_size >= k32))
        throw std::runtime_error("zip writer: " + e.name + " passed 4 GiB without a ZIP64 local header (give a size_hint)");
    if (opts_.data_descriptors) {
        put32(kDescriptorSig);
        put32(e.crc);
        if (e.zip64) {
            put64(e.compressed_size);
            put64(e.size);
        } else {
            put32(static_cast<uint32_t>(e.compressed_size));
            put32(static_cast<uint32_t>(e.size));
        }
        return;
    }
    // Patch the local header in place.
    if (std::fflush(f_) != 0) throw std::runtime_error("zip writer: flush failed");
    if (fseeko(f_, static_cast<off_t>(e.local_offset + 14), SEEK_SET) != 0) throw std::runtime_error("zip writer: seek failed");
    unsigned char hdr[12];
    std::memcpy(hdr, Le::v32(e.crc).b, 4);
    std::memcpy(hdr + 4, Le::v32(e.zip64 ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(e.compressed_size)).b, 4);
    std::memcpy(hdr + 8, Le::v32(e.zip64 ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(e.size)).b, 4);
    if (std::fwrite(hdr, 1, 12, f_) != 12) throw std::runtime_error("zip writer: write failed");
    if (e.zip64) {
        if (fseeko(f_, static_cast<off_t>(e.local_offset + 30 + e.name.size() + 4), SEEK_SET) != 0)
            throw std::runtime_error("zip writer: seek failed");
        unsigned char x[16];
        std::memcpy(x, Le::v64(e.size).b, 8);
        std::memcpy(x + 8, Le::v64(e.compressed_size).b, 8);
        if (std::fwrite(x, 1, 16, f_) != 16) throw std::runtime_error("zip writer: write failed");
    }
    if (std::fflush(f_) != 0 || fseeko(f_, static_cast<off_t>(pos_), SEEK_SET) != 0)
        throw std::runtime_error("zip writer: seek failed");
}

void ZipWriter::add(std::string_view name, std::string_view bytes, ZipMethod method) {
    begin(name, method, bytes.size());
    write(bytes);
    end();
}

void ZipWriter::add_stream(std::string_view name, uint64_t size, const Fill& fill, ZipMethod method) {
    begin(name, method, size);
    std::vector<char> buf(1 << 20);
    for (uint64_t off = 0; off < size;) {
        size_t n = static_cast<size_t>(std::min<uint64_t>(buf.size(), size - off));
        fill(off, buf.data(), n);
        write(std::string_view(buf.data(), n));
        off += n;
    }
    end();
}

void ZipWriter::add_sparse(std::string_view name, uint64_t size) {
    begin(name, ZipMethod::Stored, size);
    ZipEntryInfo& e = entries_.back();
    // CRC-32 of `size` zero bytes, combined from 1 MB pieces.
    static const std::vector<unsigned char> zeros(1 << 20, 0);
    const uLong piece = crc32(0L, zeros.data(), static_cast<uInt>(zeros.size()));
    uLong c = crc32(0L, Z_NULL, 0);
    uint64_t left = size;
    while (left >= zeros.size()) {
        c = crc32_combine(c, piece, static_cast<z_off_t>(zeros.size()));
        left -= zeros.size();
    }
    c = crc32(c, zeros.data(), static_cast<uInt>(left));
    if (std::fflush(f_) != 0 || fseeko(f_, static_cast<off_t>(pos_ + size), SEEK_SET) != 0)
        throw std::runtime_error("zip writer: seek failed");
    pos_ += size;
    e.crc = static_cast<uint32_t>(c);
    e.size = e.compressed_size = size;
    end();
}

void ZipWriter::add_directory(std::string_view name) {
    std::string n(name);
    if (n.empty() || n.back() != '/') n += '/';
    begin(n, ZipMethod::Stored, 0);
    end();
}

uint64_t ZipWriter::finish() {
    if (finished_) return pos_;
    if (in_entry_) end();
    cd_offset_ = pos_;
    for (ZipEntryInfo& e : entries_) {
        e.central_offset = pos_;
        const bool z = !opts_.legacy_no_zip64;
        bool big_size = z && (opts_.force_zip64 || e.size >= k32);
        bool big_csize = z && (opts_.force_zip64 || e.compressed_size >= k32);
        bool big_off = z && (opts_.force_zip64 || e.local_offset >= k32);
        uint16_t extra = (big_size ? 8 : 0) + (big_csize ? 8 : 0) + (big_off ? 8 : 0);
        bool any64 = extra != 0;
        uint16_t flags = (opts_.data_descriptors ? 0x0008 : 0) | (opts_.utf8_names ? 0x0800 : 0);
        put32(kCentralSig);
        put16((3 << 8) | 45);  // made by: Unix, spec 4.5
        put16(any64 || e.zip64 ? 45 : 20);
        put16(flags);
        put16(static_cast<uint16_t>(e.method));
        put16(opts_.dos_time);
        put16(opts_.dos_date);
        put32(e.crc);
        put32(big_csize ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(e.compressed_size));
        put32(big_size ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(e.size));
        put16(static_cast<uint16_t>(e.name.size()));
        put16(any64 ? static_cast<uint16_t>(extra + 4) : 0);
        put16(0);  // comment
        put16(0);  // disk
        put16(0);  // internal attributes
        bool dir = !e.name.empty() && e.name.back() == '/';
        put32(dir ? (040755u << 16) | 0x10 : (0100644u << 16));
        put32(big_off ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(e.local_offset));
        put(e.name.data(), e.name.size());
        if (any64) {
            put16(0x0001);
            put16(extra);
            if (big_size) put64(e.size);
            if (big_csize) put64(e.compressed_size);
            if (big_off) put64(e.local_offset);
        }
    }
    uint64_t cd_size = pos_ - cd_offset_;
    uint64_t count = entries_.size();
    bool z64 = !opts_.legacy_no_zip64 && (opts_.force_zip64 || count >= 0xFFFF || cd_size >= k32 || cd_offset_ >= k32);
    if (z64) {
        uint64_t rec = pos_;
        put32(kZip64EndSig);
        put64(44);
        put16((3 << 8) | 45);
        put16(45);
        put32(0);
        put32(0);
        put64(count);
        put64(count);
        put64(cd_size);
        put64(cd_offset_);
        put32(kZip64LocatorSig);
        put32(0);
        put64(rec);
        put32(1);
    }
    eocd_offset_ = pos_;
    put32(kEndSig);
    put16(0);
    put16(0);
    put16(z64 ? 0xFFFF : static_cast<uint16_t>(count));
    put16(z64 ? 0xFFFF : static_cast<uint16_t>(count));
    put32(z64 ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(cd_size));
    put32(z64 ? static_cast<uint32_t>(k32) : static_cast<uint32_t>(cd_offset_));
    put16(static_cast<uint16_t>(opts_.comment.size()));
    put(opts_.comment.data(), opts_.comment.size());
    if (std::fclose(f_) != 0) {
        f_ = nullptr;
        throw std::runtime_error("zip writer: close failed: " + path_);
    }
    f_ = nullptr;
    finished_ = true;
    return pos_;
}

}  // namespace clout::gen
