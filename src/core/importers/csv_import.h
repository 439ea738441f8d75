// Reading CSV entries of an export (LinkedIn, Reddit): recognising a file by its header
// line (found after any preamble), then streaming its rows with the RFC 4180 reader. The
// encoding (UTF-8 or UTF-16) and the delimiter (comma or tab) are detected per file.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "io/container.h"
#include "io/csv.h"

namespace clout {

using CsvRow = std::vector<std::string>;

// The header of a CSV entry: the first of its first 16 records accepted by `is_header`,
// read from the first 8 KB only. Empty when none is.
CsvRow peek_csv_header(Container& c, size_t entry, ImportContext& ctx,
                       const std::function<bool(const CsvRow&)>& is_header);

// Streams the records after the header. `row` is called with the header, the record and
// its 1-based line number. Throws InputError when the header is not found. `delimiter`,
// when given, is set to the file's delimiter before the first record.
void read_csv_rows(Container& c, size_t entry, ImportContext& ctx, const std::function<bool(const CsvRow&)>& is_header,
                   const std::function<void(const CsvRow& header, const CsvRow& row, uint64_t line)>& row,
                   char* delimiter = nullptr);

// The CSV entries of a container recognised by their header: `kind_of` gives a
// non-zero kind for a header it knows. With `first_only`, stops at the first entry whose
// kind `detects` accepts (files that alone do not make an export are passed over).
struct CsvFile {
    size_t entry;
    int kind;
};
std::vector<CsvFile> find_csv_files(Container& c, ImportContext& ctx, const std::function<int(const CsvRow&)>& kind_of,
                                    bool first_only, const std::function<bool(int)>& detects);

// A column's value, or "" when the row is short or the column absent (index < 0).
inline const std::string& csv_col(const CsvRow& row, int index) {
    static const std::string empty;
    return index >= 0 && static_cast<size_t>(index) < row.size() ? row[static_cast<size_t>(index)] : empty;
}

// True when the header has every one of the named columns (folded comparison).
bool csv_has_columns(const CsvRow& header, std::initializer_list<std::string_view> names);

bool is_csv_path(std::string_view path);

}  // namespace clout
