// Mastodon archive ("Request your archive"): a .zip (servers from 4.2 on) or a .tar.gz
// (older servers), or the same files in a folder, with or without a top-level folder.
// Also a loose following_accounts.csv (the separate "Follows" CSV export), alone or next
// to the archive. See docs/FORMATS.md ("Mastodon").
//
// outbox.json is streamed item by item (io/json_items.h), so its size costs time but
// no memory; media files in the container are never opened.
#include <algorithm>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "importers/json_doc.h"
#include "util/error.h"
#include "io/csv.h"
#include "util/json_field.h"
#include "io/json_items.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {

namespace {

using nlohmann::json;

const char* const kPublic = "https://www.w3.org/ns/activitystreams#Public";

std::vector<std::string> strings_of(const json& j, const char* key) {
    std::vector<std::string> out;
    if (!j.is_object()) return out;
    auto it = j.find(key);
    if (it == j.end()) return out;
    if (it->is_string()) out.push_back(it->get<std::string>());
    if (it->is_array())
        for (auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

// "https://host/path" -> host (lower-case), or empty.
std::string host_of(std::string_view uri) {
    size_t s = uri.find("://");
    if (s == std::string_view::npos) return {};
    uri.remove_prefix(s + 3);
    size_t e = uri.find_first_of("/?#");
    std::string_view h = uri.substr(0, e);
    size_t at = h.find('@');
    if (at != std::string_view::npos) h.remove_prefix(at + 1);
    return ascii_lower(h);
}

// The path segments of a URI.
std::vector<std::string_view> path_of(std::string_view uri) {
    std::vector<std::string_view> out;
    size_t s = uri.find("://");
    if (s == std::string_view::npos) return out;
    uri.remove_prefix(s + 3);
    size_t slash = uri.find('/');
    if (slash == std::string_view::npos) return out;
    uri.remove_prefix(slash + 1);
    size_t q = uri.find_first_of("?#");
    if (q != std::string_view::npos) uri = uri.substr(0, q);
    while (!uri.empty()) {
        size_t e = uri.find('/');
        std::string_view seg = uri.substr(0, e);
        if (!seg.empty()) out.push_back(seg);
        if (e == std::string_view::npos) break;
        uri.remove_prefix(e + 1);
    }
    return out;
}

// The account ("user@host") a status or actor URI belongs to, when the URI says:
// https://host/users/NAME[/statuses/ID], https://host/@NAME[/ID], https://host/u/NAME,
// https://host/profile/NAME. Empty when the URI does not name its author
// (e.g. https://host/objects/<uuid>).
std::string account_of_uri(std::string_view uri) {
    std::string host = host_of(uri);
    if (host.empty()) return {};
    auto segs = path_of(uri);
    if (segs.empty()) return {};
    std::string_view name;
    if (segs[0].size() > 1 && segs[0][0] == '@') {
        name = segs[0].substr(1);
        size_t at = name.find('@');  // https://host/@user@remote/...
        if (at != std::string_view::npos) return ascii_lower(name);
    } else if (segs.size() >= 2 && (segs[0] == "users" || segs[0] == "u" || segs[0] == "profile" || segs[0] == "user" ||
                                    segs[0] == "accounts" || segs[0] == "ap")) {
        if (segs[0] == "ap" && segs.size() >= 3 && segs[1] == "users") return {};  // numeric ids (ap/users/123)
        name = segs[1];
    }
    if (name.empty()) return {};
    return ascii_lower(name) + "@" + host;
}

// The last path segment when it is all digits ("…/statuses/109305976208011760").
std::string numeric_id_of(std::string_view uri) {
    auto segs = path_of(uri);
    for (size_t k = segs.size(); k-- > 0;) {
        std::string_view s = segs[k];
        if (s == "activity") continue;
        if (!s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return std::string(s);
        return {};
    }
    return {};
}

void set_id(Post& p, const std::string& uri) {
    std::string num = numeric_id_of(uri);
    make_decimal_or_hash_id(num.empty() ? std::string_view(uri) : std::string_view(num), p.id, p.id_kind);
}

// True when the HTML links to a web page (Mastodon marks mention and hashtag links
// with class "mention"; anything else is a link).
bool html_has_link(std::string_view html) {
    size_t i = 0;
    while ((i = html.find("<a ", i)) != std::string_view::npos) {
        size_t end = html.find('>', i);
        if (end == std::string_view::npos) return false;
        std::string tag = ascii_lower(html.substr(i, end - i));
        i = end;
        if (tag.find("href=") == std::string::npos) continue;
        if (tag.find("mention") != std::string::npos || tag.find("hashtag") != std::string::npos ||
            tag.find("rel=\"tag\"") != std::string::npos)
            continue;
        return true;
    }
    return false;
}

bool parse_time(const json& obj, const json& activity, int64_t& t) {
    for (const json* j : {&obj, &activity}) {
        std::string s = jstr(*j, "published");
        if (!s.empty() && parse_iso8601(s, t)) return true;
    }
    return false;
}

int32_t collection_total(const json& obj, const char* key, bool& present) {
    if (!obj.is_object()) return kUnknownCount;
    auto it = obj.find(key);
    if (it == obj.end() || !it->is_object()) return kUnknownCount;
    auto t = it->find("totalItems");
    if (t == it->end() || !t->is_number_integer()) return kUnknownCount;
    int64_t v = t->get<int64_t>();
    if (v < 0) return kUnknownCount;
    present = true;
    return static_cast<int32_t>(std::min<int64_t>(v, INT32_MAX));
}

bool is_following_csv_header(std::string_view text) {
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text.rfind("Account address,", 0) == 0 || text.rfind("Account address\n", 0) == 0 ||
           text.rfind("Account address\r", 0) == 0;
}

struct FollowingCsv {
    std::vector<std::string> accounts;
};

// Streams the rows with the project's RFC 4180 reader: a quoted field may hold commas and
// line breaks, and neither starts a row.
FollowingCsv read_following_csv(Container& c, size_t i, ImportContext& ctx) {
    auto in = c.open(i, ctx);
    CsvReader r(*in, ctx.limits.max_field_bytes);
    FollowingCsv out;
    std::vector<std::string> row;
    bool first = true;
    while (r.next(row)) {
        if (first) {
            first = false;
            if (!row.empty() && fold_header_name(row[0]) == "accountaddress") continue;
        }
        if ((out.accounts.size() & 0x3FFF) == 0) ctx.tick();
        std::string a = row.empty() ? std::string() : row[0];
        while (!a.empty() && (a.back() == ' ' || a.back() == '\t')) a.pop_back();
        size_t b = a.find_first_not_of(" \t@");
        a = b == std::string::npos ? std::string() : a.substr(b);
        if (a.empty()) continue;
        if (!utf8_valid(a)) a = utf8_sanitize(a);
        out.accounts.push_back(ascii_lower(a));
    }
    return out;
}

// The folder part of an entry path ("x/outbox.json" -> "x/").
std::string dir_of(const std::string& path) {
    size_t s = path.find_last_of('/');
    return s == std::string::npos ? std::string() : path.substr(0, s + 1);
}

long find_in_dir(Container& c, const std::string& dir, const char* name) {
    for (size_t i = 0; i < c.entries().size(); ++i)
        if (c.entries()[i].path == dir + name) return static_cast<long>(i);
    return c.find_suffix(name);
}

// "archive-20240715123456-<hex>.zip" -> 2024-07-15T12:34:56Z.
int64_t export_time_from_name(std::string_view name) {
    std::string_view b = base_name(name);
    size_t k = b.find("archive-");
    if (k == std::string_view::npos || b.size() < k + 8 + 14) return 0;
    std::string_view d = b.substr(k + 8, 14);
    if (!std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return 0;
    std::string iso = std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" + std::string(d.substr(6, 2)) +
                      "T" + std::string(d.substr(8, 2)) + ":" + std::string(d.substr(10, 2)) + ":" +
                      std::string(d.substr(12, 2)) + "Z";
    int64_t t = 0;
    return parse_iso8601(iso, t) ? t : 0;
}

class MastodonImporter final : public Importer {
public:
    const char* id() const override { return "mastodon-archive"; }
    const char* looks_for() const override {
        return "a Mastodon archive (outbox.json)";
    }

    bool detect(Container& c, ImportContext& ctx) override {
        long outbox = c.find_suffix("outbox.json");
        if (outbox >= 0) {
            // Both files together, or a loose outbox that says it is an OrderedCollection.
            if (c.find_suffix("actor.json") >= 0) return true;
            std::string head = c.peek(static_cast<size_t>(outbox), 4096, ctx);
            return head.find("OrderedCollection") != std::string::npos;
        }
        return following_csv_index(c, ctx) >= 0;
    }

    void read(Container& c, Activity& out, ImportContext& ctx) override {
        long outbox = c.find_suffix("outbox.json");
        if (outbox < 0) {
            read_loose_csv(c, out, ctx);
            return;
        }
        const std::string dir = dir_of(c.entries()[static_cast<size_t>(outbox)].path);

        Account acc;
        acc.network = Network::Mastodon;
        acc.format = id();
        acc.source_name = c.name();
        acc.export_time = export_time_from_name(c.name());
        acc.signals.followers = false;

        // actor.json: who, when created; the URIs that make a reply a self-reply.
        std::string actor_id, followers_uri, actor_url;
        long actor = find_in_dir(c, dir, "actor.json");
        if (actor >= 0) {
            json a = parse_json_or_throw(c, static_cast<size_t>(actor), ctx);
            actor_id = jstr(a, "id");
            followers_uri = jstr(a, "followers");
            actor_url = jstr(a, "url");
            acc.display_name = jstr(a, "name");
            std::string user = jstr(a, "preferredUsername");
            std::string host = host_of(actor_id.empty() ? actor_url : actor_id);
            if (!user.empty() && !host.empty()) acc.handle = user + "@" + host;
            int64_t t;
            if (parse_iso8601(jstr(a, "published"), t)) acc.created_time = t;
        } else {
            acc.notes.push_back("actor.json is missing: the account was named from the outbox");
        }
        uint32_t ai = out.add_account(acc);

        // outbox.json
        OutboxState st;
        st.actor_id = actor_id;
        st.followers_uri = followers_uri;
        st.actor_url = actor_url;
        const std::string outbox_path = c.entries()[static_cast<size_t>(outbox)].path;
        ctx.progress.stage = "reading " + outbox_path;
        JsonItemsResult res;
        {
            auto in = c.open(static_cast<size_t>(outbox), ctx);
            res = stream_json_items(
                *in, "orderedItems", [&](json& item) { handle_item(item, st, out, ai, ctx); }, ctx);
        }
        if (!res.ok) {
            if (res.items == 0 && st.posts == 0)
                throw InputError(outbox_path + ": " + res.error);
            out.warnings.push_back(outbox_path + ": " + res.error + "; read the " + std::to_string(res.items) +
                                   " items before it");
        } else if (!res.top_is_object || !res.field_seen) {
            throw InputError(outbox_path + ": not an ActivityStreams outbox (no orderedItems)");
        }

        Account& a = out.accounts[ai];
        if (a.handle.empty() && !st.seen_actor.empty()) {
            a.handle = account_of_uri(st.seen_actor);
            if (a.id.empty()) a.id = st.seen_actor;
        }
        if (!actor_id.empty()) a.id = actor_id;
        a.direct_messages = st.direct;
        a.signals.likes_received = st.likes_seen;
        a.signals.reposts_received = st.shares_seen;
        a.signals.replies_received = false;
        a.signals.quotes_received = false;

        auto total = res.top_scalars.find("totalItems");
        if (total != res.top_scalars.end() && total->is_number_integer() &&
            total->get<int64_t>() != static_cast<int64_t>(res.items)) {
            a.notes.push_back("outbox.json states " + std::to_string(total->get<int64_t>()) + " items but holds " +
                              std::to_string(res.items) + "; counted the " + std::to_string(res.items) +
                              " that are there");
        }
        if (st.direct > 0)
            a.notes.push_back(std::to_string(st.direct) +
                              " direct messages (addressed to neither the public nor the followers) were left out: "
                              "they are private conversation, not publishing");
        if (st.unreadable > 0)
            out.warnings.push_back(outbox_path + ": " + std::to_string(st.unreadable) +
                                   " items without a readable date or id were skipped");
        if (!st.likes_seen || !st.shares_seen)
            a.notes.push_back(
                "Likes and boosts received are not in this archive (Mastodon servers export them from version 4.3 on)");
        a.notes.push_back("Replies received are not in a Mastodon archive");
        a.notes.push_back(
            "Mastodon archives do not hold the follower count (type it in to include it); the archive lists no "
            "followers");

        // likes.json: posts the person liked (no dates in the archive).
        long likes = find_in_dir(c, dir, "likes.json");
        if (likes >= 0) {
            const std::string lp = c.entries()[static_cast<size_t>(likes)].path;
            auto in = c.open(static_cast<size_t>(likes), ctx);
            auto lr = stream_json_items(
                *in, "orderedItems",
                [&](json& item) {
                    std::string uri = item.is_string() ? item.get<std::string>() : jstr(item, "id");
                    if (uri.empty()) return;
                    out.add_like(ai, 0, uri, account_of_uri(uri));
                },
                ctx);
            if (!lr.ok) out.warnings.push_back(lp + ": " + lr.error + "; read the " + std::to_string(lr.items) + " likes before it");
        } else {
            out.accounts[ai].notes.push_back("likes.json is missing: likes given are unknown");
        }

        // following_accounts.csv dropped into the archive or folder.
        long csv = following_csv_index(c, ctx);
        if (csv >= 0) {
            auto f = read_following_csv(c, static_cast<size_t>(csv), ctx);
            for (auto& acct : f.accounts) out.add_follow(ai, 0, acct);
            out.accounts[ai].following = static_cast<int64_t>(f.accounts.size());
            out.accounts[ai].signals.following = true;
        } else {
            out.accounts[ai].notes.push_back(
                "Following count: add following_accounts.csv (Preferences > Import and export > Data export > Follows)");
        }
    }

private:
    struct OutboxState {
        std::string actor_id, followers_uri, actor_url;
        std::string seen_actor;
        int64_t direct = 0;
        int64_t posts = 0;
        int64_t unreadable = 0;
        bool likes_seen = false, shares_seen = false;
    };

    static long following_csv_index(Container& c, ImportContext& ctx) {
        for (size_t i = 0; i < c.entries().size(); ++i) {
            std::string b = ascii_lower(base_name(c.entries()[i].path));
            if (b.size() < 4 || b.substr(b.size() - 4) != ".csv") continue;
            if (b.rfind("following_accounts", 0) == 0 || b.rfind("following", 0) == 0 || c.entries().size() == 1) {
                if (is_following_csv_header(c.peek(i, 64, ctx))) return static_cast<long>(i);
            }
        }
        return -1;
    }

    static json parse_json_or_throw(Container& c, size_t i, ImportContext& ctx) {
        std::string text = c.read_all(i, ctx);
        try {
            return parse_json_doc(text, ctx);
        } catch (const LimitError&) {
            throw;
        } catch (const InputError& e) {
            throw InputError(c.entries()[i].path + ": " + e.what());
        }
    }

    void read_loose_csv(Container& c, Activity& out, ImportContext& ctx) {
        long csv = following_csv_index(c, ctx);
        if (csv < 0) throw InputError("no outbox.json and no following_accounts.csv");
        auto f = read_following_csv(c, static_cast<size_t>(csv), ctx);
        Account acc;
        acc.network = Network::Mastodon;
        acc.format = id();
        acc.source_name = c.name();
        acc.following = static_cast<int64_t>(f.accounts.size());
        acc.signals.following = true;
        acc.notes.push_back("following_accounts.csv holds only the accounts followed; add the archive for posts");
        uint32_t ai = out.add_account(acc);
        for (auto& a : f.accounts) out.add_follow(ai, 0, a);
    }

    bool is_self_uri(const OutboxState& st, const std::string& uri) const {
        for (const std::string* base : {&st.actor_id, &st.actor_url, &st.seen_actor}) {
            if (base->empty()) continue;
            if (uri.size() > base->size() && uri.compare(0, base->size(), *base) == 0 && uri[base->size()] == '/')
                return true;
        }
        return false;
    }

    void handle_item(json& item, OutboxState& st, Activity& out, uint32_t ai, ImportContext& ctx) {
        if (!item.is_object()) return;
        const std::string type = jstr(item, "type");
        std::string actor = jstr(item, "actor");
        if (st.seen_actor.empty() && !actor.empty()) st.seen_actor = actor;
        ctx.check_posts(out.posts.size());
        if (type == "Announce") {
            Post p;
            p.account = ai;
            p.kind = PostKind::Repost;
            std::string obj = item["object"].is_string() ? item["object"].get<std::string>() : jstr(item["object"], "id");
            if (!parse_time(item, item, p.time)) {
                ++st.unreadable;
                return;
            }
            std::string aid = jstr(item, "id");
            if (aid.empty()) aid = obj + "#boost";
            set_id(p, aid);
            std::string target = account_of_uri(obj);
            if (target.empty()) {
                // The booster addresses the original author: take the actor among `cc`/`to`.
                for (const char* k : {"cc", "to"}) {
                    for (auto& u : strings_of(item, k)) {
                        if (u == kPublic || u == st.followers_uri || u.find("/followers") != std::string::npos) continue;
                        target = account_of_uri(u);
                        if (!target.empty()) break;
                    }
                    if (!target.empty()) break;
                }
            }
            if (!target.empty()) p.target_account = out.strings.intern(target);
            out.add_post(p, {});
            ++st.posts;
            return;
        }
        if (type != "Create") return;
        auto oit = item.find("object");
        if (oit == item.end() || !oit->is_object()) return;
        json& obj = *oit;
        std::string otype = jstr(obj, "type");
        if (otype != "Note" && otype != "Question" && otype != "Article" && otype != "Page") return;

        // Visibility from addressing: public (to), unlisted (cc), followers-only, direct.
        auto to = strings_of(obj, "to");
        auto cc = strings_of(obj, "cc");
        if (to.empty() && cc.empty()) {
            to = strings_of(item, "to");
            cc = strings_of(item, "cc");
        }
        bool visible = false;
        for (auto* list : {&to, &cc}) {
            for (auto& u : *list) {
                if (u == kPublic || u == "as:Public" || u == "Public") visible = true;
                if (!st.followers_uri.empty() ? u == st.followers_uri
                                              : (u.size() > 10 && u.compare(u.size() - 10, 10, "/followers") == 0))
                    visible = true;
            }
        }
        if (!visible) {
            ++st.direct;
            return;
        }

        Post p;
        p.account = ai;
        if (!parse_time(obj, item, p.time)) {
            ++st.unreadable;
            return;
        }
        std::string oid = jstr(obj, "id");
        if (oid.empty()) oid = jstr(obj, "url");
        if (oid.empty()) {
            ++st.unreadable;
            return;
        }
        set_id(p, oid);

        std::string reply_to = jstr(obj, "inReplyTo");
        std::string quote = jstr(obj, "quote");
        if (quote.empty()) quote = jstr(obj, "quoteUri");
        if (quote.empty()) quote = jstr(obj, "_misskey_quote");
        if (!reply_to.empty()) {
            p.kind = PostKind::Reply;
            bool self = is_self_uri(st, reply_to);
            p.reply_target = self ? ReplyTarget::Self : ReplyTarget::Other;
            std::string target = self ? out.accounts[ai].handle : account_of_uri(reply_to);
            if (!target.empty()) p.target_account = out.strings.intern(ascii_lower(target));
        } else if (!quote.empty()) {
            p.kind = PostKind::Quote;
            std::string target = account_of_uri(quote);
            if (!target.empty()) p.target_account = out.strings.intern(target);
        }

        // Received counts: present from Mastodon 4.3 on.
        bool lk = false, sh = false;
        p.likes = collection_total(obj, "likes", lk);
        p.reposts = collection_total(obj, "shares", sh);
        st.likes_seen |= lk;
        st.shares_seen |= sh;

        auto lang = obj.find("contentMap");
        if (lang != obj.end() && lang->is_object() && !lang->empty())
            p.lang = out.strings.intern(ascii_lower(lang->begin().key()));

        auto att = obj.find("attachment");
        p.has_media = att != obj.end() && ((att->is_array() && !att->empty()) || att->is_object());

        std::string html = jstr(obj, "content");
        p.has_link = html_has_link(html);
        std::string text = strip_html(html);
        std::string cw = jstr(obj, "summary");
        if (!cw.empty()) text = strip_html(cw) + "\n" + text;
        text = utf8_sanitize(text);

        std::vector<std::string> tags, mentions;
        std::string own_host = host_of(st.actor_id.empty() ? st.seen_actor : st.actor_id);
        auto tag = obj.find("tag");
        if (tag != obj.end()) {
            auto visit = [&](const json& t) {
                std::string tt = jstr(t, "type");
                std::string name = jstr(t, "name");
                if (tt == "Hashtag") {
                    if (!name.empty() && name[0] == '#') name.erase(0, 1);
                    if (!name.empty()) tags.push_back(name);
                } else if (tt == "Mention") {
                    if (!name.empty() && name[0] == '@') name.erase(0, 1);
                    std::string href = jstr(t, "href");
                    if (name.find('@') == std::string::npos) {
                        std::string h = host_of(href);
                        if (h.empty()) h = own_host;
                        if (!h.empty() && !name.empty()) name += "@" + h;
                    }
                    if (name.empty()) name = account_of_uri(href);
                    if (!name.empty()) mentions.push_back(name);
                }
            };
            if (tag->is_array())
                for (auto& t : *tag) visit(t);
            else if (tag->is_object())
                visit(*tag);
        }
        std::vector<std::string_view> tv(tags.begin(), tags.end()), mv(mentions.begin(), mentions.end());
        out.add_post(p, text, tv, mv);
        ++st.posts;
        ctx.progress.posts = out.posts.size();
    }
};

}  // namespace

std::unique_ptr<Importer> make_mastodon_importer() { return std::make_unique<MastodonImporter>(); }

}  // namespace clout
