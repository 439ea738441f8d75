// The RFC 4180 CSV reader.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>

#include "io/byte_source.h"
#include "io/csv.h"
#include "social_gen.h"
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

namespace {
struct Read {
    Rows rows;
    CsvReader::Encoding enc = CsvReader::Encoding::Unknown;
    char delim = 0;
};
Read read_detecting(const std::string& bytes, size_t chunk) {
    ChunkStream st(bytes, chunk);
    CsvReader r(st, 64ull << 20, CsvReader::kDetectDelimiter);
    Read out;
    std::vector<std::string> row;
    while (r.next(row)) out.rows.push_back(row);
    out.enc = r.encoding();
    out.delim = r.delimiter();
    return out;
}
// The older LinkedIn Shares.csv: UTF-16LE with a byte-order mark, tab-separated.
std::string utf16_shares(gen::Expected& e) {
    gen::LinkedInOptions o;
    o.layout = 2017;
    for (auto& f : gen::gen_linkedin(o, e))
        if (f.path == "Shares.csv") return f.bytes;
    return {};
}
}  // namespace

TEST_CASE("csv: UTF-16 with a byte-order mark (LE and BE) and tabs, decoded across any chunk edge") {
    gen::Expected e;
    std::string le = utf16_shares(e);
    REQUIRE(le.size() > 4);
    REQUIRE(static_cast<unsigned char>(le[0]) == 0xFF);
    Read whole = read_detecting(le, 1 << 20);
    CHECK(whole.enc == CsvReader::Encoding::Utf16LE);
    CHECK(whole.delim == '\t');
    REQUIRE(whole.rows.size() == static_cast<size_t>(1 + e.originals + e.quotes + e.reposts));
    CHECK(whole.rows[0] == std::vector<std::string>{"Date", "Share Title", "Share Description", "Share Link", "Share Commentary",
                                                    "Shared URL", "Media URL", "Type", "Visibility"});
    for (const auto& r : whole.rows) CHECK(r.size() == 9);
    CHECK(whole.rows[1][0].size() == 23);   // "2017/06/08 08:15:44 UTC"
    CHECK(whole.rows[1][0].substr(19) == " UTC");
    // The multi-line text with quotes and a tab inside a quoted field, as it was written.
    bool sample = false, emoji = false;
    for (const auto& r : whole.rows) {
        sample |= r[4] == e.sample_text;
        emoji |= r[4].find("\xF0\x9F\x98\x82") != std::string::npos;   // a surrogate pair in UTF-16
    }
    CHECK(sample);
    CHECK(e.sample_text.find('\t') != std::string::npos);
    CHECK(emoji);
    for (size_t chunk : {1, 2, 3, 7, 4096}) CHECK(read_detecting(le, chunk).rows == whole.rows);

    // Big-endian: every unit's bytes swapped, the mark too.
    std::string be = le;
    for (size_t i = 0; i + 1 < be.size(); i += 2) std::swap(be[i], be[i + 1]);
    for (size_t chunk : {1, 3, 1 << 20}) {
        Read r = read_detecting(be, chunk);
        CHECK(r.enc == CsvReader::Encoding::Utf16BE);
        CHECK(r.rows == whole.rows);
    }
    // Without the mark, ASCII text with every other byte zero is still UTF-16.
    Read nobom = read_detecting(le.substr(2), 5);
    CHECK(nobom.enc == CsvReader::Encoding::Utf16LE);
    CHECK(nobom.rows == whole.rows);
}

TEST_CASE("csv: damaged UTF-16 becomes U+FFFD, never a crash or a lost row") {
    // "a,b\n" then an unpaired high surrogate before 'x', then a lone odd byte at the end.
    std::string le = std::string("\xFF\xFE", 2) + std::string("a\0,\0b\0\n\0", 8) + std::string("\x00\xD8x\0", 4) + "z";
    Read r = read_detecting(le, 1);
    REQUIRE(r.rows.size() == 2);
    CHECK(r.rows[0] == std::vector<std::string>{"a", "b"});
    CHECK(r.rows[1] == std::vector<std::string>{"\xEF\xBF\xBDx\xEF\xBF\xBD"});
}

TEST_CASE("csv: the delimiter is detected from the first line that has one outside quotes") {
    // Tabs, after a preamble line with neither.
    Read t = read_detecting("Notes:\n\"a, quoted, note\"\nx\ty\tz\n1\t\"2, two\"\t3\n", 2);
    CHECK(t.delim == '\t');
    REQUIRE(t.rows.size() == 4);
    CHECK(t.rows[2] == std::vector<std::string>{"x", "y", "z"});
    CHECK(t.rows[3] == std::vector<std::string>{"1", "2, two", "3"});
    // Commas, with tabs only inside quotes.
    Read c = read_detecting("\xEF\xBB\xBFh1,h2\n\"a\tb\",c\n", 1);
    CHECK(c.delim == ',');
    CHECK(c.enc == CsvReader::Encoding::Utf8);
    REQUIRE(c.rows.size() == 2);
    CHECK(c.rows[0][0] == "h1");
    CHECK(c.rows[1] == std::vector<std::string>{"a\tb", "c"});
    // Nothing to decide on: a comma, as before.
    CHECK(read_detecting("single\n", 1).delim == ',');
}
