#include "io/csv.h"

#include <memory>

#include "util/error.h"

namespace clout {

CsvReader::CsvReader(InputStream& in, uint64_t max_field_bytes, char delimiter)
    : in_(in), max_field_(max_field_bytes), delim_(delimiter) {}

bool CsvReader::fill() {
    if (eof_) return false;
    buf_.resize(1 << 16);
    size_t n = in_.read(buf_.data(), buf_.size());
    buf_.resize(n);
    pos_ = 0;
    if (n == 0) {
        eof_ = true;
        return false;
    }
    return true;
}

inline int CsvReader::get() {
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
                            if (field.size() + run > max_field_)
                                throw LimitError("line " + std::to_string(record_line_) + ": a field longer than " +
                                                 std::to_string(max_field_ >> 20) + " MB");
                            field.append(b, run);
                            pos_ += run;
                            consumed_ += run;
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
                if (run) {
                    if (field.size() + run > max_field_)
                        throw LimitError("line " + std::to_string(record_line_) + ": a field longer than " +
                                         std::to_string(max_field_ >> 20) + " MB");
                    field.append(b, run);
                    pos_ += run;
                    consumed_ += run;
                }
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
