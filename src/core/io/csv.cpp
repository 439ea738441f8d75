#include "io/csv.h"

#include <memory>

#include "util/error.h"

namespace clout {

CsvReader::CsvReader(InputStream& in, uint64_t max_field_bytes, char delimiter)
    : in_(in), max_field_(max_field_bytes), delim_(delimiter) {}

namespace {

void put_utf8(std::string& o, uint32_t cp) {
    if (cp < 0x80) {
        o.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        o.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        o.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        o.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        o.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        o.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        o.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

// Decodes the complete UTF-16 units at the front of `raw` into `out` and removes them;
// a unit or a surrogate pair cut by the end of a chunk stays in `raw` for the next one.
// Unpaired surrogates (and, at the end, a lone odd byte) become U+FFFD.
void decode_utf16(std::string& raw, bool big_endian, bool at_end, std::string& out) {
    const unsigned char* b = reinterpret_cast<const unsigned char*>(raw.data());
    auto unit = [&](size_t i) -> uint32_t {
        return big_endian ? (uint32_t(b[i]) << 8) | b[i + 1] : (uint32_t(b[i + 1]) << 8) | b[i];
    };
    size_t i = 0, n = raw.size();
    out.reserve(out.size() + n);
    while (i + 2 <= n) {
        uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {
            if (i + 4 > n) {
                if (!at_end) break;
                put_utf8(out, 0xFFFD);
                i += 2;
                continue;
            }
            uint32_t v = unit(i + 2);
            if (v >= 0xDC00 && v <= 0xDFFF) {
                put_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00));
                i += 4;
            } else {
                put_utf8(out, 0xFFFD);
                i += 2;
            }
        } else {
            put_utf8(out, u >= 0xDC00 && u <= 0xDFFF ? 0xFFFD : u);
            i += 2;
        }
    }
    raw.erase(0, i);
    if (at_end && !raw.empty()) {
        put_utf8(out, 0xFFFD);
        raw.clear();
    }
}

}  // namespace

size_t CsvReader::read_chunk(std::string& out) {
    const size_t kChunk = 1 << 16;
    if (enc_ == Encoding::Unknown) {
        // The first bytes decide the encoding: a UTF-16 byte-order mark, or ASCII text
        // with every other byte zero (UTF-16 without a mark); anything else is UTF-8.
        std::string head(kChunk, '\0');
        size_t n = in_.read(head.data(), head.size());
        while (n > 0 && n < 4) {
            size_t k = in_.read(head.data() + n, head.size() - n);
            if (k == 0) break;
            n += k;
        }
        head.resize(n);
        raw_read_ = n;
        const unsigned char* u = reinterpret_cast<const unsigned char*>(head.data());
        if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
            enc_ = Encoding::Utf16LE;
            raw_ = head.substr(2);
        } else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
            enc_ = Encoding::Utf16BE;
            raw_ = head.substr(2);
        } else if (n >= 4 && u[0] && u[0] < 0x80 && !u[1] && u[2] && u[2] < 0x80 && !u[3]) {
            enc_ = Encoding::Utf16LE;
            raw_ = std::move(head);
        } else if (n >= 4 && !u[0] && u[1] && u[1] < 0x80 && !u[2] && u[3] && u[3] < 0x80) {
            enc_ = Encoding::Utf16BE;
            raw_ = std::move(head);
        } else {
            enc_ = Encoding::Utf8;
            out = std::move(head);
            return out.size();
        }
        out.clear();
        decode_utf16(raw_, enc_ == Encoding::Utf16BE, n == 0, out);
        if (!out.empty()) return out.size();
    }
    if (enc_ == Encoding::Utf8) {
        out.resize(kChunk);
        size_t n = in_.read(out.data(), out.size());
        out.resize(n);
        return n;
    }
    std::string chunk;
    for (;;) {
        chunk.resize(kChunk);
        size_t n = in_.read(chunk.data(), chunk.size());
        chunk.resize(n);
        raw_read_ += n;
        raw_ += chunk;
        out.clear();
        decode_utf16(raw_, enc_ == Encoding::Utf16BE, n == 0, out);
        if (!out.empty() || n == 0) return out.size();
    }
}

bool CsvReader::fill() {
    if (eof_) return false;
    size_t n = read_chunk(buf_);
    pos_ = 0;
    if (n == 0) {
        eof_ = true;
        return false;
    }
    return true;
}

void CsvReader::detect_delimiter() {
    // The first line (outside quotes) holding a tab or a comma decides; the text looked
    // at stays in the buffer. A preamble line without either is passed over.
    const size_t kMaxLook = 1 << 20;
    bool quoted = false;
    size_t tabs = 0, commas = 0, i = pos_;
    std::string more;
    for (;;) {
        for (; i < buf_.size(); ++i) {
            char c = buf_[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\t') ++tabs;
                else if (c == ',') ++commas;
                else if ((c == '\n' || c == '\r') && (tabs || commas)) {
                    delim_ = tabs > commas ? '\t' : ',';
                    return;
                }
            }
        }
        if (eof_ || buf_.size() - pos_ > kMaxLook) break;
        // Read on, keeping what was looked at (appended, so a stream of tiny reads stays linear).
        if (pos_ > 0) {
            buf_.erase(0, pos_);
            i -= pos_;
            pos_ = 0;
        }
        if (read_chunk(more) == 0) {
            eof_ = true;
            break;
        }
        buf_ += more;
    }
    delim_ = tabs > commas ? '\t' : ',';
}

inline void CsvReader::take_run(std::string& field, size_t run) {
    if (field.size() + run > max_field_)
        throw LimitError("line " + std::to_string(record_line_) + ": a field longer than " + std::to_string(max_field_ >> 20) +
                         " MB");
    field.append(buf_.data() + pos_, run);
    pos_ += run;
    consumed_ += run;
}

int CsvReader::get() {
    if (pos_ >= buf_.size() && !fill()) return -1;
    ++consumed_;
    return static_cast<unsigned char>(buf_[pos_++]);
}

inline int CsvReader::peek() {
    if (pos_ >= buf_.size() && !fill()) return -1;
    return static_cast<unsigned char>(buf_[pos_]);
}

bool CsvReader::next(std::vector<std::string>& row) {
    if (!started_) {
        started_ = true;
        // UTF-8 byte order mark.
        if (peek() == 0xEF) {
            get();
            if (peek() == 0xBB) {
                get();
                if (peek() == 0xBF) get();
            }
        }
        if (delim_ == kDetectDelimiter) detect_delimiter();
    }
    for (;;) {
        row.clear();
        if (peek() < 0) return false;
        record_line_ = line_;
        std::string field;
        auto push_char = [&](char c) {
            if (field.size() >= max_field_)
                throw LimitError("line " + std::to_string(record_line_) + ": a field longer than " +
                                 std::to_string(max_field_ >> 20) + " MB (limit --max-field-mb)");
            field.push_back(c);
        };
        bool end_of_record = false;
        while (!end_of_record) {
            int c = peek();
            if (c == '"') {
                // Quoted field (leading spaces before the quote are not allowed by RFC
                // 4180; a quote at the start of the field starts one).
                get();
                for (;;) {
                    // Copy runs of ordinary characters at once.
                    if (pos_ < buf_.size()) {
                        const char* b = buf_.data() + pos_;
                        const char* e = buf_.data() + buf_.size();
                        const char* x = b;
                        while (x < e && *x != '"' && *x != '\r' && *x != '\n') ++x;
                        size_t run = static_cast<size_t>(x - b);
                        if (run) {
                            take_run(field, run);
                            continue;
                        }
                    }
                    int q = get();
                    if (q < 0) {
                        unterminated_ = true;
                        break;
                    }
                    if (q == '"') {
                        if (peek() == '"') {
                            get();
                            push_char('"');
                            continue;
                        }
                        break;
                    }
                    if (q == '\r') {
                        if (peek() == '\n') get();
                        ++line_;
                        push_char('\n');
                        continue;
                    }
                    if (q == '\n') ++line_;
                    push_char(static_cast<char>(q));
                }
                // Anything between the closing quote and the delimiter is kept (lenient).
            }
            // Unquoted part: copy whole runs up to the next delimiter or line end.
            for (;;) {
                if (pos_ >= buf_.size() && !fill()) {
                    end_of_record = true;
                    break;
                }
                const char* b = buf_.data() + pos_;
                const char* e = buf_.data() + buf_.size();
                const char* q = b;
                while (q < e && *q != delim_ && *q != '\r' && *q != '\n') ++q;
                size_t run = static_cast<size_t>(q - b);
                if (run) take_run(field, run);
                if (q == e) continue;
                int u = get();
                if (u == static_cast<unsigned char>(delim_)) break;
                if (u == '\r' && peek() == '\n') get();
                ++line_;
                end_of_record = true;
                break;
            }
            row.push_back(std::move(field));
            field.clear();
        }
        if (keep_blank_ || !csv_row_blank(row)) return true;
    }
}

bool CsvReader::find_header(std::vector<std::string>& row,
                            const std::function<bool(const std::vector<std::string>&)>& is_header,
                            size_t max_records) {
    for (size_t i = 0; i < max_records; ++i) {
        if (!next(row)) return false;
        if (is_header(row)) return true;
    }
    return false;
}

std::string fold_header_name(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '"' || c == '\t') continue;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out.push_back(c);
    }
    // A BOM left at the front of a header cell.
    if (out.rfind("\xEF\xBB\xBF", 0) == 0) out.erase(0, 3);
    return out;
}

int find_column(const std::vector<std::string>& header, std::string_view name) {
    std::string want = fold_header_name(name);
    for (size_t i = 0; i < header.size(); ++i)
        if (fold_header_name(header[i]) == want) return static_cast<int>(i);
    return -1;
}

bool csv_row_blank(const std::vector<std::string>& row) {
    for (const auto& f : row)
        for (char c : f)
            if (c != ' ' && c != '\t') return false;
    return true;
}

std::vector<std::vector<std::string>> parse_csv_text(std::string_view text) {
    auto src = memory_source(std::string(text));
    auto st = source_stream(*src, 0, src->size());
    CsvReader r(*st);
    std::vector<std::vector<std::string>> out;
    std::vector<std::string> row;
    while (r.next(row)) out.push_back(row);
    return out;
}

}  // namespace clout
