#include "importers/csv_import.h"

#include "util/error.h"
#include "util/text.h"

namespace clout {

bool is_csv_path(std::string_view path) {
    return path.size() > 4 && ascii_lower(path.substr(path.size() - 4)) == ".csv";
}

bool csv_has_columns(const CsvRow& header, std::initializer_list<std::string_view> names) {
    for (auto n : names)
        if (find_column(header, n) < 0) return false;
    return true;
}

CsvRow peek_csv_header(Container& c, size_t entry, ImportContext& ctx, const std::function<bool(const CsvRow&)>& is_header) {
    std::string head = c.peek(entry, 8192, ctx);
    auto src = memory_source(std::move(head));
    auto st = source_stream(*src, 0, src->size());
    CsvReader r(*st, 64ull << 20, CsvReader::kDetectDelimiter);
    CsvRow row;
    try {
        if (r.find_header(row, is_header, 16)) return row;
    } catch (const InputError&) {
    }
    return {};
}

std::vector<CsvFile> find_csv_files(Container& c, ImportContext& ctx, const std::function<int(const CsvRow&)>& kind_of,
                                    bool first_only, const std::function<bool(int)>& detects) {
    std::vector<CsvFile> out;
    auto is_header = [&](const CsvRow& h) { return kind_of(h) != 0; };
    for (size_t i = 0; i < c.entries().size(); ++i) {
        const Entry& e = c.entries()[i];
        if (!is_csv_path(e.path) || e.size == 0) continue;
        int k = kind_of(peek_csv_header(c, i, ctx, is_header));
        if (k == 0 || (first_only && !detects(k))) continue;
        out.push_back({i, k});
        if (first_only) break;
    }
    return out;
}

void read_csv_rows(Container& c, size_t entry, ImportContext& ctx, const std::function<bool(const CsvRow&)>& is_header,
                   const std::function<void(const CsvRow&, const CsvRow&, uint64_t)>& fn, char* delimiter) {
    auto in = c.open(entry, ctx);
    CsvReader r(*in, ctx.limits.max_field_bytes, CsvReader::kDetectDelimiter);
    CsvRow header;
    if (!r.find_header(header, is_header, 64)) throw InputError("no header line found");
    if (delimiter) *delimiter = r.delimiter();
    CsvRow row;
    uint64_t n = 0;
    while (r.next(row)) {
        if ((++n & 0x3FFF) == 0) {
            ctx.progress.bytes_done = r.bytes_read();
            ctx.tick();
        }
        // CSV text is not checked by any parser (unlike JSON): invalid UTF-8 becomes U+FFFD
        // here, before it reaches the model and the report.
        for (auto& f : row)
            if (!utf8_valid(f)) f = utf8_sanitize(f);
        fn(header, row, r.line());
    }
}

}  // namespace clout
