// An RFC 4180 CSV reader that streams over an InputStream: a UTF-8 BOM, CRLF / LF / CR
// line ends, quoted fields with commas, "" escapes and line breaks, rows made only of
// commas, and a notes preamble before the header line (LinkedIn). UTF-16 text (LE or BE,
// with a byte-order mark, or without one when the first characters are ASCII) is turned
// into UTF-8 chunk by chunk as it is read. The delimiter is fixed, or detected (tab or
// comma) from the first line that has either outside quotes. Memory is bounded by the
// longest field (Limits::max_field_bytes), whatever the size of the file or a line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "io/byte_source.h"

namespace clout {

class CsvReader {
public:
    // Pass as `delimiter` to detect a tab or a comma from the text.
    static constexpr char kDetectDelimiter = '\0';
    enum class Encoding { Unknown, Utf8, Utf16LE, Utf16BE };

    // `max_field_bytes`: a longer field throws LimitError naming its line.
    explicit CsvReader(InputStream& in, uint64_t max_field_bytes = 64ull << 20, char delimiter = ',');

    // Reads the next record into `row` (cleared first). Returns false at the end of input.
    // Blank records (an empty line, or only delimiters and spaces) are skipped unless
    // keep_blank(true). Line breaks inside quoted fields come out as "\n".
    bool next(std::vector<std::string>& row);

    // Reads records until one for which `is_header(row)` holds (it is consumed). Returns
    // false when none did within `max_records` records (or at the end).
    bool find_header(std::vector<std::string>& row,
                     const std::function<bool(const std::vector<std::string>&)>& is_header,
                     size_t max_records = 64);

    // 1-based line number where the last record returned started.
    uint64_t line() const { return record_line_; }
    // True when the input ended inside a quoted field (the field was closed at the end).
    bool unterminated_quote() const { return unterminated_; }
    // Bytes of the input consumed so far (progress; for UTF-16, the bytes read from the
    // stream, up to one chunk ahead).
    uint64_t bytes_read() const { return enc_ == Encoding::Utf8 || enc_ == Encoding::Unknown ? consumed_ : raw_read_; }
    void keep_blank(bool keep) { keep_blank_ = keep; }
    // The input's encoding, known after the first record (Unknown before).
    Encoding encoding() const { return enc_; }
    // The delimiter in use (the detected one once the first record is read).
    char delimiter() const { return delim_; }

private:
    int get();     // next byte or -1
    // Appends the `run` bytes at the read position to `field` (a field's plain bytes taken in
    // one piece), keeping the field's size limit.
    void take_run(std::string& field, size_t run);
    int peek();
    bool fill();
    size_t read_chunk(std::string& out);   // next decoded chunk (replaces out); 0 at the end
    void detect_delimiter();
    InputStream& in_;
    uint64_t max_field_;
    char delim_;
    std::string buf_;
    size_t pos_ = 0;
    bool eof_ = false;
    bool started_ = false;
    bool keep_blank_ = false;
    bool unterminated_ = false;
    uint64_t line_ = 1;
    uint64_t record_line_ = 0;
    uint64_t consumed_ = 0;
    Encoding enc_ = Encoding::Unknown;
    std::string raw_;        // UTF-16 bytes not decoded yet (a split unit or surrogate pair)
    uint64_t raw_read_ = 0;
};

// Header helpers: a name folded for forgiving comparison ("Share Link", "share_link",
// "ShareLink" -> "sharelink"): ASCII letters lower-cased, spaces, '_', '-' and '.' dropped,
// surrounding quotes and spaces trimmed.
std::string fold_header_name(std::string_view s);
// Index of the first column whose folded name equals fold_header_name(name), or -1.
int find_column(const std::vector<std::string>& header, std::string_view name);
// True when every field is empty or only spaces.
bool csv_row_blank(const std::vector<std::string>& row);

// Splits a small in-memory CSV text (tests and peeks); the same rules as CsvReader.
std::vector<std::vector<std::string>> parse_csv_text(std::string_view text);

}  // namespace clout
