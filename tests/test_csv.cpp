// The RFC 4180 CSV reader.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "io/byte_source.h"
#include "io/csv.h"
#include "util/error.h"

using namespace clout;

namespace {
using Rows = std::vector<std::vector<std::string>>;
// A stream that hands out at most `chunk` bytes per read, to cross buffer edges.
class ChunkStream final : public InputStream {
public:
    ChunkStream(std::string s, size_t chunk) : s_(std::move(s)), chunk_(chunk) {}
    size_t read(void* buf, size_t n) override {
        size_t k = std::min({n, chunk_, s_.size() - pos_});
        std::memcpy(buf, s_.data() + pos_, k);
        pos_ += k;
        return k;
    }
private:
    std::string s_;
    size_t chunk_, pos_ = 0;
};
Rows parse_chunked(const std::string& text, size_t chunk) {
    ChunkStream st(text, chunk);
    CsvReader r(st);
    Rows out;
    std::vector<std::string> row;
    while (r.next(row)) out.push_back(row);
    return out;
}
}  // namespace

TEST_CASE("csv: quoted fields with commas, escaped quotes and line breaks") {
    std::string text = "a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"line one\r\nline two\",\r\n";
    Rows r = parse_csv_text(text);
    REQUIRE(r.size() == 3);
    CHECK(r[0] == std::vector<std::string>{"a", "b", "c"});
    CHECK(r[1] == std::vector<std::string>{"1", "x, y", "say \"hi\""});
    CHECK(r[2] == std::vector<std::string>{"2", "line one\nline two", ""});
    for (size_t chunk : {1, 2, 3, 7}) CHECK(parse_chunked(text, chunk) == r);
}

TEST_CASE("csv: BOM, LF/CR endings, blank and all-comma rows, no final newline") {
    Rows r = parse_csv_text("\xEF\xBB\xBFh1,h2\n,,\n\nx,y\r\n , \rlast,row");
    REQUIRE(r.size() == 3);
    CHECK(r[0][0] == "h1");
    CHECK(r[1] == std::vector<std::string>{"x", "y"});
    CHECK(r[2] == std::vector<std::string>{"last", "row"});
}

TEST_CASE("csv: line numbers, preamble scanning, header folding") {
    std::string text =
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\n"
        "See https://www.linkedin.com/help\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,https://x,,\"Analytical, Ltd\",Engineer,12 Mar 2024\n";
    auto src = memory_source(text);
    auto st = source_stream(*src, 0, src->size());
    CsvReader rd(*st);
    std::vector<std::string> row;
    REQUIRE(rd.find_header(row, [](const std::vector<std::string>& h) { return find_column(h, "connected_on") >= 0; }));
    CHECK(rd.line() == 5);
    CHECK(find_column(row, "FIRST NAME") == 0);
    CHECK(find_column(row, "email_address") == 3);
    REQUIRE(rd.next(row));
    CHECK(rd.line() == 6);
    CHECK(row[4] == "Analytical, Ltd");
    CHECK_FALSE(rd.next(row));
}

TEST_CASE("csv: an unterminated quote ends at the end of input and is flagged") {
    auto src = memory_source("a,\"open field\nstill open");
    auto st = source_stream(*src, 0, src->size());
    CsvReader rd(*st);
    std::vector<std::string> row;
    REQUIRE(rd.next(row));
    CHECK(row[1] == "open field\nstill open");
    CHECK(rd.unterminated_quote());
}

TEST_CASE("csv: field-size limit and a 40 MB line stream without trouble") {
    std::string big(40u << 20, 'x');
    std::string text = "id,body\n1,\"" + big + "\"\n2,short\n";
    {
        auto src = memory_source(text);
        auto st = source_stream(*src, 0, src->size());
        CsvReader rd(*st);
        std::vector<std::string> row;
        REQUIRE(rd.next(row));
        REQUIRE(rd.next(row));
        CHECK(row[1].size() == big.size());
        REQUIRE(rd.next(row));
        CHECK(row[1] == "short");
        CHECK(rd.line() == 3);
    }
    {
        auto src = memory_source(text);
        auto st = source_stream(*src, 0, src->size());
        CsvReader rd(*st, 1u << 20);
        std::vector<std::string> row;
        REQUIRE(rd.next(row));
        try {
            rd.next(row);
            FAIL("no limit error");
        } catch (const LimitError& e) {
            CHECK(std::string(e.what()).find("line 2: a field longer than 1 MB") == 0);
        }
    }
}
