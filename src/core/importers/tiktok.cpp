// TikTok's "Download your data" in JSON: one user_data.json / user_data_tiktok.json, in
// the old layout (Activity, holding the follower, following, like and comment lists /
// Video / Profile."Profile Information"), the 2025 one ("Your Activity" with the like
// list / Comment / Post / Profile."Profile Info") and the 2026 one (likes moved to "Likes
// and Favorites"). Keys differ in case between layouts and are matched without it.
// Per-video likes received, the account's total likes received, followers from the fans
// list, following, likes given, and the person's comments (replies). See docs/FORMATS.md.
#include <algorithm>
#include <cstring>

#include "importers/importer.h"
#include "importers/json_doc.h"
#include "util/error.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {
namespace {

using nlohmann::json;

// Top-level sections worth parsing; the rest (watch history, ads, DMs ...) is skipped
// while parsing, so a big file stays small in memory.
const char* const kKeep[] = {"Activity", "Your Activity", "Video", "Post", "Profile", "Comment",
                             "Likes and Favorites", "Direct Messages", "Direct Message"};
const char* const kTopKeys[] = {"Activity", "Your Activity", "Video", "Post", "Profile", "Comment",
                                "Likes and Favorites", "Ads and data", "App Settings", "Direct Messages",
                                "Direct Message", "Tiktok Live", "TikTok Live", "Tiktok Shopping",
                                "TikTok Shopping", "Income Plus Wallet Transactions"};

bool tiktok_peek(const JsonPeek& p) {
    if (!p.is_object || p.top_keys.empty()) return false;
    int hits = 0;
    for (const auto& k : p.top_keys)
        for (const char* t : kTopKeys)
            if (ascii_lower(k) == ascii_lower(t)) ++hits;
    return hits >= 1 && (p.has_any("ProfileMap") || p.has_any("VideoList") || p.has_any("FansList") ||
                         p.has_any("ItemFavoriteList") || hits >= 2 || p.top_keys.size() == 1);
}

long find_user_data(Container& c, ImportContext& ctx) {
    for (size_t i = 0; i < c.entries().size(); ++i) {
        const Entry& e = c.entries()[i];
        std::string b = ascii_lower(base_name(e.path));
        if (b.size() < 5 || b.substr(b.size() - 5) != ".json" || e.size == 0) continue;
        bool named = b.rfind("user_data", 0) == 0;
        if (!named && c.entries().size() > 200) continue;   // only peek into small folders
        if (tiktok_peek(peek_json(c.peek(i, 4096, ctx)))) return static_cast<long>(i);
    }
    return -1;
}

// Case-insensitive member lookup, then a path of them.
const json* member(const json& j, std::string_view key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    if (it != j.end()) return it->is_null() ? nullptr : &*it;
    std::string lk = ascii_lower(key);
    for (auto i = j.begin(); i != j.end(); ++i)
        if (ascii_lower(i.key()) == lk) return i->is_null() ? nullptr : &*i;
    return nullptr;
}
const json* path(const json& j, std::initializer_list<std::string_view> keys) {
    const json* cur = &j;
    for (auto k : keys) {
        cur = member(*cur, k);
        if (!cur) return nullptr;
    }
    return cur;
}
const json* first_list(const json& j, std::initializer_list<std::initializer_list<std::string_view>> paths) {
    for (auto p : paths) {
        const json* v = path(j, p);
        if (v && v->is_array()) return v;
    }
    return nullptr;
}
std::string str_of(const json& e, std::initializer_list<std::string_view> keys) {
    for (auto k : keys) {
        const json* v = member(e, k);
        if (v && v->is_string() && !v->get_ref<const std::string&>().empty()) return v->get<std::string>();
    }
    return {};
}

// The video number in "https://www.tiktokv.com/share/video/7012345678901234567/".
bool video_id(std::string_view link, uint64_t& id) {
    size_t best_b = 0, best_n = 0;
    for (size_t i = 0; i < link.size();) {
        if (link[i] >= '0' && link[i] <= '9') {
            size_t j = i;
            while (j < link.size() && link[j] >= '0' && link[j] <= '9') ++j;
            if (j - i >= best_n) {
                best_b = i;
                best_n = j - i;
            }
            i = j;
        } else {
            ++i;
        }
    }
    if (best_n < 6 || best_n > 19) return false;
    IdKind k;
    make_decimal_or_hash_id(link.substr(best_b, best_n), id, k);
    return k == IdKind::Decimal;
}

bool parse_tt_time(const std::string& s, int64_t& t) { return parse_ymd_hms(s, t) || parse_any_time(s, t); }

class TikTokImporter final : public Importer {
public:
    const char* id() const override { return "tiktok-export"; }
    const char* looks_for() const override { return "a TikTok export (user_data_tiktok.json)"; }
    bool detect(Container& c, ImportContext& ctx) override { return find_user_data(c, ctx) >= 0; }

    void read(Container& c, Activity& out, ImportContext& ctx) override {
        long idx = find_user_data(c, ctx);
        if (idx < 0) throw InputError("no TikTok user_data JSON found");
        const std::string& epath = c.entries()[static_cast<size_t>(idx)].path;
        ctx.progress.stage = "reading " + epath;
        json doc;
        {
            std::string text = c.read_all(static_cast<size_t>(idx), ctx);
            JsonParseOptions opt;
            opt.skip_section = [](std::string_view top, std::string_view sub) {
                if (sub.empty()) {
                    for (const char* keep : kKeep)
                        if (ascii_lower(top) == ascii_lower(keep)) return false;
                    return true;
                }
                // Inside the activity sections keep only the lists read here (watch,
                // search and login histories can be huge).
                std::string t = ascii_lower(top);
                if (t != "activity" && t != "your activity") return false;
                std::string k = ascii_lower(sub);
                return !(k == "follower list" || k == "follower" || k == "following list" || k == "following" ||
                         k == "like list" || k == "comments");
            };
            try {
                doc = parse_json_doc(text, ctx, opt);
            } catch (const LimitError&) {
                throw;
            } catch (const InputError& e) {
                if (std::strcmp(c.kind(), "file") == 0) throw;
                throw InputError(epath + ": " + e.what());
            }
        }
        Account acc;
        acc.network = Network::TikTok;
        acc.format = id();
        acc.source_name = c.name();
        const json* profile = path(doc, {"Profile", "Profile Information", "ProfileMap"});
        if (!profile) profile = path(doc, {"Profile", "Profile Info", "ProfileMap"});
        if (profile) {
            acc.handle = str_of(*profile, {"userName", "username"});
            acc.display_name = str_of(*profile, {"displayName", "nickName", "nickname"});
            if (const json* lr = member(*profile, "likesReceived")) {
                int64_t n = jint_value(*lr, -1);
                acc.likes_received_total = n >= 0 ? n : -1;  // a negative count is no count
            }
        }
        uint32_t a = out.add_account(std::move(acc));
        size_t bad = 0;
        size_t not_items = 0;   // list entries that are not records (no fields to read)

        // Videos: likes received per video.
        bool any_likes = false;
        if (const json* vids = first_list(doc, {{"Video", "Videos", "VideoList"}, {"Post", "Posts", "VideoList"}})) {
            for (const auto& v : *vids) {
                int64_t t;
                if (!v.is_object()) {
                    ++not_items;
                    continue;
                }
                if (!parse_tt_time(str_of(v, {"Date", "date"}), t)) {
                    ++bad;
                    continue;
                }
                // A photo post's Link holds one URL per photo, a line each: the first names it.
                std::string link = str_of(v, {"Link", "VideoLink", "link"});
                if (link.find_first_of("\r\n") != std::string::npos) {
                    size_t b = link.find_first_not_of(" \r\n");
                    link = b == std::string::npos ? std::string() : link.substr(b, link.find_first_of("\r\n", b) - b);
                }
                std::string text = str_of(v, {"Title", "Description", "Desc", "title"});
                Post p;
                p.account = a;
                p.time = t;
                if (video_id(link, p.id)) p.id_kind = IdKind::Decimal;
                else {
                    p.id_kind = IdKind::Hash;
                    p.id = hash64(std::to_string(t) + "\n" + text);
                }
                if (const json* l = member(v, "Likes")) {
                    int64_t n = jint_value(*l, -1);
                    if (n >= 0) {
                        p.likes = static_cast<int32_t>(std::min<int64_t>(n, INT32_MAX));
                        any_likes = true;
                    }
                }
                p.has_media = true;
                p.has_link = text_has_link(text);
                ctx.check_posts(out.posts.size());
                out.add_post(p, text, find_tagged_words(text, '#'), find_tagged_words(text, '@'));
                ++ctx.progress.posts;
            }
        }
        // The person's comments on videos: replies. Older exports keep them in Activity.
        if (const json* cs = first_list(doc, {{"Comment", "Comments", "CommentsList"},
                                              {"Activity", "Comments", "CommentsList"},
                                              {"Your Activity", "Comments", "CommentsList"}})) {
            for (const auto& cm : *cs) {
                int64_t t;
                if (!cm.is_object()) {
                    ++not_items;
                    continue;
                }
                if (!parse_tt_time(str_of(cm, {"date", "Date"}), t)) {
                    ++bad;
                    continue;
                }
                std::string text = str_of(cm, {"comment", "Comment"});
                Post p;
                p.account = a;
                p.time = t;
                p.kind = PostKind::Reply;
                p.reply_target = ReplyTarget::Other;
                p.id_kind = IdKind::Hash;
                p.id = hash64(std::to_string(t) + "\n" + text, 1);
                p.has_link = text_has_link(text);
                ctx.check_posts(out.posts.size());
                out.add_post(p, text, find_tagged_words(text, '#'), find_tagged_words(text, '@'));
            }
        }
        Account& ac = out.accounts[a];
        // Followers, following, likes given.
        if (const json* fans = first_list(doc, {{"Activity", "Follower List", "FansList"}, {"Your Activity", "Follower", "FansList"},
                                                {"Your Activity", "Follower List", "FansList"}})) {
            ac.followers = static_cast<int64_t>(fans->size());
            ac.signals.followers = true;
        } else if (path(doc, {"Activity", "Follower List"}) || path(doc, {"Your Activity", "Follower"})) {
            ac.followers = 0;   // the section is there with an empty (null) list
            ac.signals.followers = true;
        }
        if (const json* fol = first_list(doc, {{"Activity", "Following List", "Following"}, {"Your Activity", "Following", "Following"},
                                               {"Your Activity", "Following List", "Following"}})) {
            ac.following = 0;
            for (const auto& f : *fol) {
                if (!f.is_object()) {
                    ++not_items;
                    continue;
                }
                std::string who = str_of(f, {"UserName", "username", "userName"});
                int64_t t = 0;
                parse_tt_time(str_of(f, {"Date", "date"}), t);
                ++ac.following;
                out.add_follow(a, t, who.empty() ? std::to_string(t) : who);
            }
            ac.signals.following = true;
        }
        if (const json* likes = first_list(doc, {{"Activity", "Like List", "ItemFavoriteList"},
                                                 {"Your Activity", "Like List", "ItemFavoriteList"},
                                                 {"Likes and Favorites", "Like List", "ItemFavoriteList"}})) {
            for (const auto& l : *likes) {
                if (!l.is_object()) {
                    ++not_items;
                    continue;
                }
                std::string link = str_of(l, {"Link", "link", "VideoLink", "videoLink"});
                int64_t t = 0;
                parse_tt_time(str_of(l, {"Date", "date"}), t);
                out.add_like(a, t, link.empty() ? std::to_string(t) : link);
            }
        }
        ac.signals.likes_received = any_likes;
        ac.notes.push_back(any_likes ? "TikTok exports carry likes received per video, but no comments, shares or views received"
                                     : "no per-video likes in this TikTok export: engagement received is unavailable");
        if (!ac.signals.followers) ac.notes.push_back("no followers list in this export: followers unavailable");
        if (bad > 0)
            out.warnings.push_back(epath + ": " + std::to_string(bad) + " videos or comments without a readable date were skipped");
        if (not_items > 0)
            out.warnings.push_back(epath + ": " + std::to_string(not_items) +
                                   " list entries that are not records (videos, comments, follows or likes) were skipped");
    }
};

}  // namespace

std::unique_ptr<Importer> make_tiktok_importer() { return std::make_unique<TikTokImporter>(); }

}  // namespace clout
