// Reddit's data request export (GDPR): posts.csv and comments.csv (comments are replies),
// post_votes.csv / comment_votes.csv (upvotes given = likes given), statistics.csv (the
// account name). Ids are base 36. There are no score, upvote or karma columns: the
// account notes say so. See docs/FORMATS.md.
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

enum class RdKind { None, Posts, Comments, Votes, Statistics };

RdKind header_kind(const CsvRow& h) {
    if (csv_has_columns(h, {"id", "permalink", "date", "subreddit"})) {
        if (find_column(h, "parent") >= 0 || find_column(h, "link") >= 0) return RdKind::Comments;
        if (find_column(h, "title") >= 0) return RdKind::Posts;
    }
    if (h.size() <= 4 && csv_has_columns(h, {"id", "permalink", "direction"})) return RdKind::Votes;
    if (h.size() == 2 && csv_has_columns(h, {"statistic", "value"})) return RdKind::Statistics;
    return RdKind::None;
}
std::vector<CsvFile> find_files(Container& c, ImportContext& ctx, bool first_only) {
    // Statistics and votes alone do not make a Reddit export.
    return find_csv_files(
        c, ctx, [](const CsvRow& h) { return static_cast<int>(header_kind(h)); }, first_only,
        [](int k) { return k != static_cast<int>(RdKind::Statistics) && k != static_cast<int>(RdKind::Votes); });
}

// "t3_abc12" / "abc12" -> base-36 value; false when not a short base-36 id.
bool decode_base36(std::string_view s, uint64_t& out) {
    if (s.size() > 3 && s[2] == '_' && s[0] == 't') s.remove_prefix(3);
    if (s.empty() || s.size() > 12) return false;
    uint64_t v = 0;
    for (char ch : s) {
        int d;
        if (ch >= '0' && ch <= '9') d = ch - '0';
        else if (ch >= 'a' && ch <= 'z') d = ch - 'a' + 10;
        else if (ch >= 'A' && ch <= 'Z') d = ch - 'A' + 10;
        else return false;
        v = v * 36 + static_cast<uint64_t>(d);
    }
    out = v;
    return true;
}

class RedditImporter final : public Importer {
public:
    const char* id() const override { return "reddit-export"; }
    const char* looks_for() const override { return "Reddit CSVs (posts.csv, comments.csv)"; }
    bool detect(Container& c, ImportContext& ctx) override { return !find_files(c, ctx, true).empty(); }

    void read(Container& c, Activity& out, ImportContext& ctx) override {
        auto files = find_files(c, ctx, false);
        if (files.empty()) throw InputError("no Reddit CSV files found");
        Account acc;
        acc.network = Network::Reddit;
        acc.format = id();
        acc.source_name = c.name();
        acc.notes.push_back("Reddit exports carry no scores, upvotes, comments received or karma: engagement received is unavailable");
        acc.notes.push_back("Reddit has no followers count in its export: followers unavailable");
        uint32_t a = out.add_account(std::move(acc));
        struct Pending {
            size_t post;       // index in out.posts
            uint64_t parent;   // base-36 id of the parent
            bool parent_known;
            char parent_type;  // '1' comment, '3' post, 0 unknown
        };
        std::vector<Pending> replies;
        std::unordered_set<uint64_t> own_posts, own_comments;  // t3 and t1 ids are separate spaces
        size_t bad = 0, ok = 0;
        uint64_t first_bad_line = 0;
        std::string first_bad_file;
        for (const auto& f : files) {
            const std::string& path = c.entries()[f.entry].path;
            ctx.progress.stage = "reading " + path;
            const RdKind kind = static_cast<RdKind>(f.kind);
            auto header_of_kind = [&](const CsvRow& h) { return header_kind(h) == kind; };
            auto skip = [&](uint64_t line) {
                if (bad++ == 0) {
                    first_bad_line = line;
                    first_bad_file = path;
                }
            };
            try {
                read_csv_rows(c, f.entry, ctx, header_of_kind, [&](const CsvRow& h, const CsvRow& r, uint64_t line) {
                    if (kind == RdKind::Statistics) {
                        std::string k = fold_header_name(csv_col(r, 0));
                        if ((k == "accountname" || k == "username") && out.accounts[a].handle.empty())
                            out.accounts[a].handle = csv_col(r, 1);
                        return;
                    }
                    const std::string& sid = csv_col(r, find_column(h, "id"));
                    uint64_t id;
                    bool b36 = decode_base36(sid, id);
                    if (kind == RdKind::Votes) {
                        if (ascii_lower(csv_col(r, find_column(h, "direction"))) != "up" || sid.empty()) return;
                        out.add_like(a, 0, "reddit:" + ascii_lower(sid));
                        return;
                    }
                    int64_t t;
                    if (!parse_ymd_hms(csv_col(r, find_column(h, "date")), t) &&
                        !parse_any_time(csv_col(r, find_column(h, "date")), t))
                        return skip(line);
                    Post p;
                    p.account = a;
                    p.time = t;
                    std::string text;
                    if (kind == RdKind::Posts) {
                        text = csv_col(r, find_column(h, "title"));
                        const std::string& body = csv_col(r, find_column(h, "body"));
                        if (!body.empty()) text += (text.empty() ? "" : "\n\n") + body;
                        const std::string& url = csv_col(r, find_column(h, "url"));
                        bool self = url.empty() || url.find("/comments/" + ascii_lower(sid)) != std::string::npos ||
                                    url == csv_col(r, find_column(h, "permalink"));
                        p.has_link = !self;
                        p.has_media = url.find("i.redd.it") != std::string::npos || url.find("v.redd.it") != std::string::npos ||
                                      url.find("reddit.com/gallery") != std::string::npos;
                    } else {
                        text = csv_col(r, find_column(h, "body"));
                        p.kind = PostKind::Reply;
                        p.reply_target = ReplyTarget::Other;
                        p.has_media = !csv_col(r, find_column(h, "media")).empty();
                        p.has_link = text_has_link(text);
                    }
                    if (b36) {
                        p.id = id;
                        p.id_kind = IdKind::Base36;
                        (kind == RdKind::Posts ? own_posts : own_comments).insert(id);
                    } else {
                        p.id = hash64(std::to_string(t) + "\n" + text, kind == RdKind::Comments ? 1 : 0);
                        p.id_kind = IdKind::Hash;
                    }
                    const std::string& sub = csv_col(r, find_column(h, "subreddit"));
                    if (kind == RdKind::Comments) {
                        // The parent: "t1_..." a comment, "t3_..." a post; "link" is the post.
                        std::string parent = csv_col(r, find_column(h, "parent"));
                        if (parent.empty()) parent = csv_col(r, find_column(h, "link"));
                        uint64_t pid = 0;
                        bool known = decode_base36(parent, pid);
                        char type = parent.size() > 3 && parent[0] == 't' && parent[2] == '_' ? parent[1] : 0;
                        replies.push_back({out.posts.size(), pid, known, type});
                    }
                    if (!sub.empty()) p.target_account = out.strings.intern("r/" + ascii_lower(sub));
                    ctx.check_posts(out.posts.size());
                    out.add_post(p, text, find_tagged_words(text, '#'), {});
                    ++ctx.progress.posts;
                });
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
        if (ok == 0) throw InputError("no Reddit file could be read");
        // Replies to the person's own posts or comments are self-replies.
        for (const auto& r : replies)
            if (r.parent_known && ((r.parent_type != '1' && own_posts.count(r.parent)) ||
                                   (r.parent_type != '3' && own_comments.count(r.parent))))
                out.posts[r.post].reply_target = ReplyTarget::Self;
        if (bad > 0)
            out.warnings.push_back(first_bad_file + ": " + std::to_string(bad) +
                                   " rows without a readable date were skipped (first at line " +
                                   std::to_string(first_bad_line) + ")");
    }
};

}  // namespace

std::unique_ptr<Importer> make_reddit_importer() { return std::make_unique<RedditImporter>(); }

}  // namespace clout
