#include "tar_writer.h"

#include <cstring>
#include <stdexcept>
#include <vector>

namespace clout::gen {

TarWriter::TarWriter(const std::string& path, bool gzip, LongNames long_names, int level)
    : gzip_(gzip), long_names_(long_names), level_(level) {
    f_ = std::fopen(path.c_str(), "wb");
    if (!f_) throw std::runtime_error("cannot write " + path);
    if (gzip_) {
        if (deflateInit2(&z_, level_, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("deflateInit2 failed");
        z_live_ = true;
    }
}

TarWriter::~TarWriter() {
    try {
        finish();
    } catch (...) {
    }
}

void TarWriter::deflate_all(int flush) {
    unsigned char out[1 << 16];
    do {
        z_.next_out = out;
        z_.avail_out = sizeof out;
        int rc = deflate(&z_, flush);
        if (rc == Z_STREAM_ERROR) throw std::runtime_error("deflate failed");
        size_t have = sizeof out - z_.avail_out;
        if (have && std::fwrite(out, 1, have, f_) != have) throw std::runtime_error("write failed");
        if (flush == Z_FINISH && rc == Z_STREAM_END) break;
    } while (z_.avail_out == 0 || (flush == Z_FINISH));
}

void TarWriter::write(const void* data, size_t n) {
    if (!gzip_) {
        if (n && std::fwrite(data, 1, n, f_) != n) throw std::runtime_error("write failed");
        return;
    }
    z_.next_in = static_cast<Bytef*>(const_cast<void*>(data));
    z_.avail_in = static_cast<uInt>(n);
    while (z_.avail_in) deflate_all(Z_NO_FLUSH);
}

void TarWriter::pad(uint64_t size) {
    static const char zeros[512] = {};
    uint64_t p = (512 - size % 512) % 512;
    write(zeros, static_cast<size_t>(p));
}

void TarWriter::raw_header(const std::string& name, uint64_t size, char type, const std::string& prefix) {
    unsigned char h[512] = {};
    std::memcpy(h, name.data(), std::min<size_t>(name.size(), 100));
    std::snprintf(reinterpret_cast<char*>(h + 100), 8, "%07o", type == '5' ? 0755u : 0644u);
    std::snprintf(reinterpret_cast<char*>(h + 108), 8, "%07o", 1000u);
    std::snprintf(reinterpret_cast<char*>(h + 116), 8, "%07o", 1000u);
    if (size < 077777777777ull) {
        std::snprintf(reinterpret_cast<char*>(h + 124), 12, "%011llo", static_cast<unsigned long long>(size));
    } else {  // GNU base-256
        h[124] = 0x80;
        uint64_t v = size;
        for (int i = 11; i >= 4; --i) {
            h[124 + i] = static_cast<unsigned char>(v & 0xff);
            v >>= 8;
        }
    }
    std::snprintf(reinterpret_cast<char*>(h + 136), 12, "%011o", 1700000000u);
    std::memset(h + 148, ' ', 8);
    h[156] = static_cast<unsigned char>(type);
    std::memcpy(h + 257, "ustar", 6);
    h[263] = '0';
    h[264] = '0';
    std::memcpy(h + 345, prefix.data(), std::min<size_t>(prefix.size(), 155));
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    std::snprintf(reinterpret_cast<char*>(h + 148), 8, "%06o", sum);
    h[155] = ' ';
    write(h, 512);
}

void TarWriter::header(const std::string& name, uint64_t size, char type) {
    if (name.size() <= 100) {
        raw_header(name, size, type, {});
        return;
    }
    switch (long_names_) {
        case LongNames::Gnu:
            raw_header("././@LongLink", name.size() + 1, 'L', {});
            write(name.c_str(), name.size() + 1);
            pad(name.size() + 1);
            break;
        case LongNames::Pax: {
            std::string rec = " path=" + name + "\n";
            size_t len = rec.size() + 1;
            while (std::to_string(len).size() + rec.size() != len) ++len;
            std::string data = std::to_string(len) + rec;
            raw_header("PaxHeaders/x", data.size(), 'x', {});
            write(data.data(), data.size());
            pad(data.size());
            break;
        }
        case LongNames::UstarPrefix: {
            size_t slash = name.rfind('/', 155);
            if (slash == std::string::npos || name.size() - slash - 1 > 100)
                throw std::runtime_error("name does not fit ustar: " + name);
            raw_header(name.substr(slash + 1), size, type, name.substr(0, slash));
            return;
        }
    }
    raw_header(name.substr(0, 100), size, type, {});
}

void TarWriter::add(const std::string& name, std::string_view data) {
    header(name, data.size(), '0');
    write(data.data(), data.size());
    pad(data.size());
}

void TarWriter::add_stream(const std::string& name, uint64_t size, const std::function<void(char*, size_t)>& fill) {
    header(name, size, '0');
    std::vector<char> buf(1 << 16);
    uint64_t left = size;
    while (left) {
        size_t n = static_cast<size_t>(std::min<uint64_t>(left, buf.size()));
        fill(buf.data(), n);
        write(buf.data(), n);
        left -= n;
    }
    pad(size);
}

void TarWriter::add_directory(const std::string& name) { header(name.back() == '/' ? name : name + "/", 0, '5'); }

void TarWriter::new_member() {
    if (!gzip_) return;
    deflate_all(Z_FINISH);
    deflateEnd(&z_);
    std::memset(&z_, 0, sizeof z_);
    if (deflateInit2(&z_, level_, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
}

void TarWriter::finish() {
    if (finished_) return;
    finished_ = true;
    static const char zeros[1024] = {};
    write(zeros, sizeof zeros);
    if (gzip_) {
        deflate_all(Z_FINISH);
        deflateEnd(&z_);
        z_live_ = false;
    }
    if (std::fclose(f_) != 0) {
        f_ = nullptr;
        throw std::runtime_error("close failed");
    }
    f_ = nullptr;
}

}  // namespace clout::gen
