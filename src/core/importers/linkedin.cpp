// LinkedIn "Get a copy of your data": CSVs at the root of a zip, with a notes preamble
// before the header, a BOM, CRLF and quoted multi-line fields; older exports write
// Shares.csv as tab-separated UTF-16 with spaced headers ("Share Commentary") and
// "2017/06/08 08:15:44 UTC" dates, and Connections.csv dates as "1/8/18, 6:14 PM".
// Files are recognised by their header line. Shares*.csv = posts, Comments.csv =
// replies (the person's comments), Reactions.csv = likes given, Connections.csv =
// connections (the reach signal, reported as followers). Posts whose text broke out of
// its quotes are put back together (see Mender). See docs/FORMATS.md.
#include <algorithm>
#include <cstring>
#include <functional>
#include <optional>
#include <unordered_set>

#include "importers/csv_import.h"
#include "importers/importer.h"
#include "importers/json_doc.h"
#include "util/error.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {
namespace {

enum class LiKind { None, Shares, Comments, Reactions, Connections, Profile };

LiKind header_kind(const CsvRow& h) {
    if (csv_has_columns(h, {"ShareLink", "ShareCommentary"})) return LiKind::Shares;
    if (csv_has_columns(h, {"First Name", "Last Name", "Connected On"})) return LiKind::Connections;
    if (h.size() <= 4 && csv_has_columns(h, {"Date", "Link", "Message"})) return LiKind::Comments;
    if (h.size() <= 4 && csv_has_columns(h, {"Date", "Type", "Link"})) return LiKind::Reactions;
    if (csv_has_columns(h, {"First Name", "Last Name", "Headline"})) return LiKind::Profile;
    return LiKind::None;
}
std::vector<CsvFile> find_files(Container& c, ImportContext& ctx, bool first_only) {
    // Profile.csv alone is not an export worth reading.
    return find_csv_files(
        c, ctx, [](const CsvRow& h) { return static_cast<int>(header_kind(h)); }, first_only,
        [](int k) { return k != static_cast<int>(LiKind::Profile); });
}

// "urn:li:activity:7123456789" (also URL-encoded "urn%3Ali%3Aactivity%3A...") -> number.
bool activity_id(std::string_view link, uint64_t& id) {
    for (std::string_view sep : {std::string_view("activity:"), std::string_view("activity%3A"), std::string_view("activity%3a")}) {
        size_t p = link.find(sep);
        if (p == std::string_view::npos) continue;
        p += sep.size();
        size_t q = p;
        while (q < link.size() && link[q] >= '0' && link[q] <= '9') ++q;
        if (q == p || q - p > 19) continue;
        IdKind k;
        make_decimal_or_hash_id(link.substr(p, q - p), id, k);
        return k == IdKind::Decimal;
    }
    return false;
}

// Up to `max` digits at s[i...]; false when there are none.
bool read_int(std::string_view s, size_t& i, size_t max, int& v) {
    size_t b = i;
    v = 0;
    while (i < s.size() && i - b < max && s[i] >= '0' && s[i] <= '9') v = v * 10 + (s[i++] - '0');
    return i > b;
}

// US style "1/8/18, 6:14 PM", "12/31/2019 23:05", "1/8/18" (month first; a first number
// above 12 is taken as the day). Two-digit years are 20YY: LinkedIn began in 2003.
bool parse_us_date_time(std::string_view s, int64_t& t) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    size_t i = 0;
    int m, d, y, h = 0, mi = 0, sec = 0;
    if (!read_int(s, i, 2, m) || i >= s.size() || s[i++] != '/') return false;
    if (!read_int(s, i, 2, d) || i >= s.size() || s[i++] != '/') return false;
    size_t yb = i;
    if (!read_int(s, i, 4, y) || (i - yb != 2 && i - yb != 4)) return false;
    if (i - yb == 2) y += 2000;
    if (m > 12 && d <= 12) std::swap(m, d);
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > kDays[m - 1] + (m == 2 && leap)) return false;
    if (i < s.size() && s[i] == ',') ++i;
    while (i < s.size() && s[i] == ' ') ++i;
    if (i < s.size()) {
        if (!read_int(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !read_int(s, i, 2, mi)) return false;
        if (i < s.size() && s[i] == ':' && !read_int(s, ++i, 2, sec)) return false;
        while (i < s.size() && s[i] == ' ') ++i;
        std::string ampm = ascii_lower(s.substr(i));
        if (ampm == "am" || ampm == "pm") {
            if (h < 1 || h > 12) return false;
            h = h % 12 + (ampm == "pm" ? 12 : 0);
        } else if (!ampm.empty() && ampm != "utc") {
            return false;
        }
        if (h > 23 || mi > 59 || sec > 60) return false;
    }
    t = days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d)) * kSecondsPerDay + h * 3600 + mi * 60 + sec;
    return true;
}

// Every date LinkedIn has written: "2025-11-19 09:59:30", "2017/06/08 08:15:44 UTC",
// "1/8/18, 6:14 PM", "12 Mar 2024", ISO 8601.
bool parse_li_time(std::string_view s, int64_t& t) {
    if (parse_ymd_hms(s, t)) return true;
    if (s.size() >= 10 && s[4] == '/' && s[7] == '/') {
        std::string dashed(s);
        dashed[4] = dashed[7] = '-';
        return parse_ymd_hms(dashed, t);
    }
    return parse_us_date_time(s, t) || parse_any_time(s, t);
}

// LinkedIn writes some multi-line texts (ShareCommentary, Message) with quotes that do
// not pair up: lines wrapped in doubled quotes (`...Power BI.""`, then a line `""""`), or
// a stray quote that closes the field early. A standard reader then sees one post as a
// row cut short followed by rows that do not start with a date, or as a row with more
// cells than the header. The rule that puts a post back together:
//  - a row whose date cell is not a date continues the row before it when that row or
//    this one has fewer cells than the header: its first cell joins the previous last
//    cell after a line break (the break that ended the record), its other cells follow;
//  - when a row then has more cells than the header, the cells past the text column that
//    are not the trailing columns (the last ones, e.g. SharedUrl, MediaUrl, Visibility)
//    are joined back into the text with the file's delimiter;
//  - the text of a row repaired this way, or holding a line made only of quote marks
//    (the trace of `""""`), is cleaned: quote marks at the start and end of each line are
//    quoting debris and are dropped, and a run of quote marks inside a line is one quote.
// Every character other than those quote marks is kept, and each repaired row is counted
// in a warning.
class Mender {
public:
    using Emit = std::function<void(const CsvRow& row, uint64_t line)>;
    Mender(const CsvRow& header, int date_col, int text_col, char delim, Emit emit)
        : ncols_(header.size()), date_col_(date_col), text_col_(text_col), delim_(delim), emit_(std::move(emit)) {}

    void add(const CsvRow& r, uint64_t line) {
        int64_t t;
        bool dated = parse_li_time(csv_col(r, date_col_), t);
        if (!dated && has_ && text_col_ >= 0 && !r.empty() && (row_.size() < ncols_ || r.size() < ncols_)) {
            row_.back() += '\n';
            row_.back() += r[0];
            row_.insert(row_.end(), r.begin() + 1, r.end());
            merged_ = true;
            return;
        }
        flush();
        row_ = r;
        line_ = line;
        has_ = true;
        merged_ = false;
    }

    void flush() {
        if (!has_) return;
        has_ = false;
        bool repaired = merged_;
        if (text_col_ >= 0 && static_cast<size_t>(text_col_) < row_.size()) {
            size_t tc = static_cast<size_t>(text_col_);
            size_t tail = ncols_ > tc + 1 ? ncols_ - tc - 1 : 0;
            if (row_.size() > ncols_) {
                std::string text = row_[tc];
                size_t end = row_.size() - tail;
                for (size_t i = tc + 1; i < end; ++i) {
                    text += delim_;
                    text += row_[i];
                }
                row_.erase(row_.begin() + static_cast<long>(tc) + 1, row_.begin() + static_cast<long>(end));
                row_[tc] = std::move(text);
                repaired = true;
            }
            if (repaired || has_quote_only_line(row_[tc])) {
                row_[tc] = clean(row_[tc]);
                repaired = true;
            }
        }
        if (repaired && repaired_++ == 0) first_repaired_ = line_;
        emit_(row_, line_);
    }

    size_t repaired() const { return repaired_; }
    uint64_t first_repaired_line() const { return first_repaired_; }

    static bool has_quote_only_line(std::string_view s) {
        size_t b = 0;
        while (b <= s.size()) {
            size_t e = s.find('\n', b);
            if (e == std::string_view::npos) e = s.size();
            std::string_view l = s.substr(b, e - b);
            if (l.size() >= 2 && l.find_first_not_of('"') == std::string_view::npos) return true;
            b = e + 1;
        }
        return false;
    }

    static std::string clean(std::string_view s) {
        std::string out;
        out.reserve(s.size());
        size_t b = 0;
        while (b <= s.size()) {
            size_t e = s.find('\n', b);
            if (e == std::string_view::npos) e = s.size();
            std::string_view l = s.substr(b, e - b);
            size_t lb = l.find_first_not_of('"');
            if (lb == std::string_view::npos) {
                l = {};
            } else {
                l = l.substr(lb, l.find_last_not_of('"') - lb + 1);
            }
            for (size_t i = 0; i < l.size(); ++i)
                if (l[i] != '"' || i == 0 || l[i - 1] != '"') out.push_back(l[i]);
            if (e < s.size()) out.push_back('\n');
            b = e + 1;
        }
        while (!out.empty() && out.back() == '\n') out.pop_back();
        return out;
    }

private:
    size_t ncols_;
    int date_col_, text_col_;
    char delim_;
    Emit emit_;
    CsvRow row_;
    uint64_t line_ = 0;
    bool has_ = false, merged_ = false;
    size_t repaired_ = 0;
    uint64_t first_repaired_ = 0;
};

class LinkedInImporter final : public Importer {
public:
    const char* id() const override { return "linkedin-export"; }
    const char* looks_for() const override {
        return "a LinkedIn export (Shares.csv, Connections.csv)";
    }
    bool detect(Container& c, ImportContext& ctx) override { return !find_files(c, ctx, true).empty(); }

    void read(Container& c, Activity& out, ImportContext& ctx) override {
        auto files = find_files(c, ctx, false);
        if (files.empty()) throw InputError("no LinkedIn CSV files found");
        // Shares first, so comments on the person's own posts are known as self-replies.
        std::stable_sort(files.begin(), files.end(), [](const CsvFile& a, const CsvFile& b) { return a.kind < b.kind; });
        Account acc;
        acc.network = Network::LinkedIn;
        acc.format = id();
        acc.source_name = c.name();
        acc.notes.push_back("LinkedIn exports carry no reactions, comments or impressions received: engagement received is unavailable");
        // "Basic_LinkedInDataExport_11-19-2025.zip": the export day.
        {
            std::string b(base_name(c.name()));
            size_t p = b.find("DataExport_");
            if (p != std::string::npos && b.size() >= p + 21) {
                std::string d = b.substr(p + 11, 10);  // MM-DD-YYYY
                int64_t day;
                if (d[2] == '-' && d[5] == '-' && parse_ymd(d.substr(6, 4) + "-" + d.substr(0, 2) + "-" + d.substr(3, 2), day))
                    acc.export_time = day * kSecondsPerDay;
            }
        }
        uint32_t a = out.add_account(std::move(acc));
        std::unordered_set<uint64_t> own_activity;
        int64_t connections = -1;
        size_t ok = 0;
        auto add_text_post = [&](Post& p, const std::string& text) {
            ctx.check_posts(out.posts.size());
            out.add_post(p, text, find_tagged_words(text, '#'), {});
            ++ctx.progress.posts;
        };
        auto share = [&](const CsvRow& h, const CsvRow& r) {
            int64_t t = 0;
            parse_li_time(csv_col(r, find_column(h, "Date")), t);
            const std::string& link = csv_col(r, find_column(h, "ShareLink"));
            const std::string& text = csv_col(r, find_column(h, "ShareCommentary"));
            const std::string& shared = csv_col(r, find_column(h, "SharedUrl"));
            const std::string& media = csv_col(r, find_column(h, "MediaUrl"));
            Post p;
            p.account = a;
            p.time = t;
            if (activity_id(link, p.id)) {
                p.id_kind = IdKind::Decimal;
                own_activity.insert(p.id);
            } else {
                p.id_kind = IdKind::Hash;
                p.id = hash64(std::to_string(t) + "\n" + text);
            }
            // A share of another LinkedIn post: a repost without words, a quote with them.
            bool of_post = shared.find("linkedin.com/feed/update") != std::string::npos ||
                           shared.find("urn:li:activity") != std::string::npos ||
                           shared.find("urn%3Ali%3Aactivity") != std::string::npos;
            if (of_post) p.kind = text.empty() ? PostKind::Repost : PostKind::Quote;
            p.has_media = !media.empty();
            p.has_link = (!shared.empty() && !of_post) || text_has_link(text);
            add_text_post(p, text);
        };
        auto comment = [&](const CsvRow& h, const CsvRow& r) {
            int64_t t = 0;
            parse_li_time(csv_col(r, find_column(h, "Date")), t);
            const std::string& link = csv_col(r, find_column(h, "Link"));
            const std::string& text = csv_col(r, find_column(h, "Message"));
            Post p;
            p.account = a;
            p.time = t;
            p.kind = PostKind::Reply;
            uint64_t parent;
            p.reply_target = activity_id(link, parent) && own_activity.count(parent) ? ReplyTarget::Self : ReplyTarget::Other;
            p.id_kind = IdKind::Hash;
            p.id = hash64(std::to_string(t) + "\n" + text, 1);
            p.has_link = text_has_link(text);
            add_text_post(p, text);
        };
        for (const auto& f : files) {
            const std::string& path = c.entries()[f.entry].path;
            const LiKind kind = static_cast<LiKind>(f.kind);
            ctx.progress.stage = "reading " + path;
            size_t bad_dates = 0, bad_connection_dates = 0;
            uint64_t first_bad_line = 0;
            auto bad = [&](uint64_t line) {
                if (bad_dates++ == 0) first_bad_line = line;
            };
            auto header_of_kind = [&](const CsvRow& h) { return header_kind(h) == kind; };
            char delim = ',';
            std::optional<Mender> mender;
            try {
                switch (kind) {
                    case LiKind::Shares:
                    case LiKind::Comments:
                        // Texts that broke out of their quotes are put back together first.
                        read_csv_rows(
                            c, f.entry, ctx, header_of_kind,
                            [&](const CsvRow& h, const CsvRow& r, uint64_t line) {
                                if (!mender) {
                                    int date_col = find_column(h, "Date");
                                    int text_col = find_column(h, kind == LiKind::Shares ? "ShareCommentary" : "Message");
                                    mender.emplace(h, date_col, text_col, delim, [&, date_col, hdr = h](const CsvRow& row, uint64_t l) {
                                        int64_t t;
                                        if (!parse_li_time(csv_col(row, date_col), t)) return bad(l);
                                        if (kind == LiKind::Shares) share(hdr, row);
                                        else comment(hdr, row);
                                    });
                                }
                                mender->add(r, line);
                            },
                            &delim);
                        if (mender) {
                            mender->flush();
                            if (mender->repaired() > 0)
                                out.warnings.push_back(path + ": " + std::to_string(mender->repaired()) +
                                                       (kind == LiKind::Shares ? " posts" : " comments") +
                                                       " had broken quoting and were put back together (first at line " +
                                                       std::to_string(mender->first_repaired_line()) +
                                                       "); their words are kept, stray quote marks dropped");
                        }
                        break;
                    case LiKind::Reactions:
                        read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow& h, const CsvRow& r, uint64_t line) {
                            int64_t t;
                            if (!parse_li_time(csv_col(r, find_column(h, "Date")), t)) return bad(line);
                            const std::string& link = csv_col(r, find_column(h, "Link"));
                            out.add_like(a, t, link.empty() ? std::to_string(t) : link);
                        });
                        break;
                    case LiKind::Connections:
                        if (connections < 0) connections = 0;
                        // Every connection counts; a date that cannot be read is only reported.
                        read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow& h, const CsvRow& r, uint64_t line) {
                            ++connections;
                            int64_t t;
                            const std::string& on = csv_col(r, find_column(h, "Connected On"));
                            if (!on.empty() && !parse_li_time(on, t) && bad_connection_dates++ == 0) first_bad_line = line;
                        });
                        break;
                    case LiKind::Profile:
                        read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow& h, const CsvRow& r, uint64_t) {
                            if (!out.accounts[a].display_name.empty()) return;
                            std::string name = csv_col(r, find_column(h, "First Name"));
                            const std::string& last = csv_col(r, find_column(h, "Last Name"));
                            if (!last.empty()) name += (name.empty() ? "" : " ") + last;
                            out.accounts[a].display_name = name;
                        });
                        break;
                    case LiKind::None: break;
                }
                ++ok;
            } catch (const LimitError&) {
                throw;
            } catch (const InputError& e) {
                if (files.size() == 1) {
                    if (std::strcmp(c.kind(), "file") == 0) throw;
                    throw InputError(path + ": " + e.what());
                }
                out.warnings.push_back(path + ": " + e.what() + "; read the other files");
            }
            if (bad_dates > 0)
                out.warnings.push_back(path + ": " + std::to_string(bad_dates) +
                                       " rows without a readable date were skipped (first at line " +
                                       std::to_string(first_bad_line) + ")");
            if (bad_connection_dates > 0)
                out.warnings.push_back(path + ": " + std::to_string(bad_connection_dates) +
                                       " connections without a readable Connected On date (first at line " +
                                       std::to_string(first_bad_line) + "); they are counted");
        }
        if (ok == 0) throw InputError("no LinkedIn file could be read");
        Account& acc2 = out.accounts[a];
        if (connections >= 0) {
            acc2.followers = connections;
            acc2.signals.followers = true;
            acc2.notes.push_back("connections: followers counts the connections in Connections.csv (the export has no follower count)");
        } else {
            acc2.notes.push_back("no Connections.csv: followers unavailable");
        }
    }
};

}  // namespace

std::unique_ptr<Importer> make_linkedin_importer() { return std::make_unique<LinkedInImporter>(); }

}  // namespace clout
