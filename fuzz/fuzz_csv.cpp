// libFuzzer target: the streaming RFC 4180 CSV reader (BOM, CRLF/LF/CR, quotes, "" escapes,
// line breaks in fields, preambles, field-size limit), read through a stream that hands
// out bytes in small irregular pieces so that every buffer boundary is exercised; then
// parse_csv_text and the header helpers over the same bytes.
#include <algorithm>
#include <cstring>

#include "fuzz_common.h"
#include "io/csv.h"

namespace {
class Dribble final : public clout::InputStream {
public:
    explicit Dribble(std::string_view d) : d_(d) {}
    size_t read(void* buf, size_t n) override {
        size_t k = std::min<size_t>({n, d_.size() - pos_, 1 + (step_++ * 7919) % 61});
        std::memcpy(buf, d_.data() + pos_, k);
        pos_ += k;
        return k;
    }

private:
    std::string_view d_;
    size_t pos_ = 0, step_ = 0;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<std::vector<std::string>> streamed;
    Dribble in(text);
    try {
        clout::CsvReader r(in, 1 << 16);
        std::vector<std::string> row;
        std::vector<std::string> header;
        bool has_header = r.find_header(header, [](const std::vector<std::string>& h) {
            return clout::find_column(h, "Date") >= 0 || h.size() > 3;
        });
        (void)has_header;
        while (r.next(row)) {
            (void)clout::csv_row_blank(row);
            if (streamed.size() < 100000) streamed.push_back(row);
        }
        (void)r.line();
    } catch (const clout::InputError&) {
    }
    auto rows = clout::parse_csv_text(text);
    for (const auto& row : rows)
        for (const auto& f : row) (void)clout::fold_header_name(f);
    return 0;
}
