// LinkedIn "Get a copy of your data": CSVs at the root of a zip, with a notes preamble
// before the header, a BOM, CRLF and quoted multi-line fields. Files are recognised by
// their header line. Shares*.csv = posts, Comments.csv = replies (the person's comments),
// Reactions.csv = likes given, Connections.csv = connections (the reach signal, reported
// as followers). See docs/FORMATS.md.
#include <algorithm>
#include <cstring>
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
bool is_li_header(const CsvRow& h) { return header_kind(h) != LiKind::None; }

struct LiFile {
    size_t entry;
    LiKind kind;
};

std::vector<LiFile> find_files(Container& c, ImportContext& ctx, bool first_only) {
    std::vector<LiFile> out;
    for (size_t i = 0; i < c.entries().size(); ++i) {
        const Entry& e = c.entries()[i];
        if (!is_csv_path(e.path) || e.size == 0) continue;
        CsvRow h = peek_csv_header(c, i, ctx, is_li_header);
        LiKind k = header_kind(h);
        if (k == LiKind::None) continue;
        // Profile.csv alone is not an export worth reading.
        if (first_only && k == LiKind::Profile) continue;
        out.push_back({i, k});
        if (first_only) break;
    }
    return out;
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

bool parse_li_time(const std::string& s, int64_t& t) {
    return parse_ymd_hms(s, t) || parse_any_time(s, t);
}

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
        std::stable_sort(files.begin(), files.end(), [](const LiFile& a, const LiFile& b) {
            return static_cast<int>(a.kind) < static_cast<int>(b.kind);
        });
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
        size_t bad_dates = 0;
        uint64_t first_bad_line = 0;
        std::string first_bad_file;
        size_t ok = 0;
        for (const auto& f : files) {
            const std::string& path = c.entries()[f.entry].path;
            ctx.progress.stage = "reading " + path;
            auto bad = [&](uint64_t line) {
                if (bad_dates++ == 0) {
                    first_bad_line = line;
                    first_bad_file = path;
                }
            };
            auto header_of_kind = [&](const CsvRow& h) { return header_kind(h) == f.kind; };
            try {
                switch (f.kind) {
                    case LiKind::Shares:
                        read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow& h, const CsvRow& r, uint64_t line) {
                            int64_t t;
                            if (!parse_li_time(csv_col(r, find_column(h, "Date")), t)) return bad(line);
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
                            ctx.check_posts(out.posts.size());
                            if (out.posts.size() >= ctx.limits.max_posts)
                                throw LimitError("more than " + std::to_string(ctx.limits.max_posts) + " posts (limit --max-posts)");
                            out.add_post(p, text, find_tagged_words(text, '#'), {});
                            ++ctx.progress.posts;
                        });
                        break;
                    case LiKind::Comments:
                        read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow& h, const CsvRow& r, uint64_t line) {
                            int64_t t;
                            if (!parse_li_time(csv_col(r, find_column(h, "Date")), t)) return bad(line);
                            const std::string& link = csv_col(r, find_column(h, "Link"));
                            const std::string& text = csv_col(r, find_column(h, "Message"));
                            Post p;
                            p.account = a;
                            p.time = t;
                            p.kind = PostKind::Reply;
                            uint64_t parent;
                            p.reply_target = activity_id(link, parent) && own_activity.count(parent) ? ReplyTarget::Self
                                                                                                      : ReplyTarget::Other;
                            p.id_kind = IdKind::Hash;
                            p.id = hash64(std::to_string(t) + "\n" + text, 1);
                            p.has_link = text_has_link(text);
                            ctx.check_posts(out.posts.size());
                            if (out.posts.size() >= ctx.limits.max_posts)
                                throw LimitError("more than " + std::to_string(ctx.limits.max_posts) + " posts (limit --max-posts)");
                            out.add_post(p, text, find_tagged_words(text, '#'), {});
                            ++ctx.progress.posts;
                        });
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
                        read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow&, const CsvRow&, uint64_t) { ++connections; });
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
        if (bad_dates > 0)
            out.warnings.push_back(first_bad_file + ": " + std::to_string(bad_dates) +
                                   " rows without a readable date were skipped (first at line " +
                                   std::to_string(first_bad_line) + ")");
    }
};

}  // namespace

std::unique_ptr<Importer> make_linkedin_importer() { return std::make_unique<LinkedInImporter>(); }

}  // namespace clout
