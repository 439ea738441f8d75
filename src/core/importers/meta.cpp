// Meta "Download your information" exports in JSON: Instagram, Threads (inside the
// Instagram export) and Facebook, in the older and the 2024+ layouts. Files are found
// by their content (top-level keys) with the file name as a hint, never by fixed paths,
// and every string is repaired for Meta's \u00XX-per-byte mojibake. See docs/FORMATS.md.
#include <algorithm>
#include <cstring>
#include <unordered_set>

#include "importers/importer.h"
#include "importers/json_doc.h"
#include "util/error.h"
#include "util/mojibake.h"
#include "util/text.h"
#include "util/time.h"

namespace clout {
namespace {

using nlohmann::json;

enum class MetaKind {
    None,
    IgPosts, IgComments, IgFollowers, IgFollowing, IgLikes, IgProfile,
    ThPosts, ThFollowers, ThFollowing, ThLikes,
    FbPosts, FbComments, FbFriends, FbFollowers, FbFollowing, FbReactions, FbProfile,
};

bool ends_with_ci(std::string_view s, std::string_view suf) {
    if (s.size() < suf.size()) return false;
    return ascii_lower(s.substr(s.size() - suf.size())) == suf;
}

// JSON files worth a look: not private messages (thousands of files), not media.
bool candidate_path(std::string_view path) {
    if (!ends_with_ci(path, ".json")) return false;
    std::string l = ascii_lower(path);
    for (const char* skip : {"messages/", "inbox/", "message_requests/", "archived_threads/", "filtered_threads/",
                             "e2ee_cutover/"})
        if (l.find(skip) != std::string::npos) return false;
    return true;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

MetaKind classify(std::string_view path, const JsonPeek& p) {
    std::string base = ascii_lower(base_name(path));
    if (p.is_object) {
        for (const auto& k : p.top_keys) {
            if (k == "text_post_app_text_posts") return MetaKind::ThPosts;
            if (k == "text_post_app_text_post_app_followers") return MetaKind::ThFollowers;
            if (k == "text_post_app_text_post_app_following") return MetaKind::ThFollowing;
            if (k == "text_post_app_media_likes") return MetaKind::ThLikes;
            if (k == "relationships_followers") return MetaKind::IgFollowers;
            if (k == "relationships_following") return MetaKind::IgFollowing;
            if (k == "likes_media_likes" || k == "likes_comment_likes") return MetaKind::IgLikes;
            if (k == "comments_v2") return MetaKind::FbComments;
            if (starts_with(k, "comments_")) return MetaKind::IgComments;  // comments_media_comments, comments_reels_comments
            if (k == "ig_igtv_media" || k == "ig_reels_media") return MetaKind::IgPosts;
            if (k == "friends_v2") return MetaKind::FbFriends;
            if (k == "followers_v2" || k == "followers_v3") return MetaKind::FbFollowers;
            if (k == "following_v2" || k == "following_v3") return MetaKind::FbFollowing;
            if (k == "reactions_v2") return MetaKind::FbReactions;
            if (k == "profile_v2") return MetaKind::FbProfile;
            if (k == "profile_user") return MetaKind::IgProfile;
        }
        // Older Facebook files use the bare words; accept them only with the matching name
        // (Mastodon's actor.json also has "followers"/"following" keys).
        if (p.top_keys.size() >= 1) {
            const std::string& k = p.top_keys[0];
            if (k == "friends" && starts_with(base, "friends")) return MetaKind::FbFriends;
            if (k == "followers" && starts_with(base, "followers")) return MetaKind::FbFollowers;
            if (k == "following" && (starts_with(base, "following") || starts_with(base, "who_you_follow")))
                return MetaKind::FbFollowing;
            if (k == "reactions" && (starts_with(base, "posts_and_comments") || starts_with(base, "likes_and_reactions")))
                return MetaKind::FbReactions;
            if (k == "profile" && starts_with(base, "profile_information")) return MetaKind::FbProfile;
        }
        return MetaKind::None;
    }
    if (p.is_array) {
        if (p.has_top("media") || p.has_top("ig_igtv_media") || p.has_top("ig_reels_media") ||
            p.has_top("ig_profile_picture"))
            return p.has_any("creation_timestamp") || p.has_top("ig_profile_picture") ? MetaKind::IgPosts : MetaKind::None;
        if (p.has_top("timestamp") && (p.has_top("data") || p.has_top("attachments") || p.has_top("title"))) {
            if (p.has_any("reaction")) return MetaKind::FbReactions;
            if (p.has_any("comment") && base.find("comment") != std::string::npos) return MetaKind::FbComments;
            if (p.has_top("data") || p.has_top("attachments")) return MetaKind::FbPosts;
        }
        if (p.has_top("string_list_data") || p.has_top("string_map_data") || p.has_top("label_values")) {
            if (base.find("follower") != std::string::npos) return MetaKind::IgFollowers;
            if (base.find("following") != std::string::npos) return MetaKind::IgFollowing;
            if (base.find("liked_") != std::string::npos) return MetaKind::IgLikes;
            if (base.find("comment") != std::string::npos) return MetaKind::IgComments;
        }
        if (p.has_top("name") && p.has_top("timestamp")) {
            if (base.find("friend") != std::string::npos) return MetaKind::FbFriends;
            if (base.find("follower") != std::string::npos) return MetaKind::FbFollowers;
            if (base.find("follow") != std::string::npos) return MetaKind::FbFollowing;
        }
    }
    return MetaKind::None;
}

struct Classified {
    size_t entry;
    MetaKind kind;
};

constexpr size_t kPeekBytes = 4096;

std::vector<Classified> classify_container(Container& c, ImportContext& ctx, bool first_only) {
    std::vector<Classified> out;
    const auto& es = c.entries();
    for (size_t i = 0; i < es.size(); ++i) {
        if (!candidate_path(es[i].path)) continue;
        if (es[i].size == 0) continue;
        JsonPeek p = peek_json(c.peek(i, kPeekBytes, ctx));
        MetaKind k = classify(es[i].path, p);
        if (k == MetaKind::None) continue;
        out.push_back({i, k});
        if (first_only) break;
    }
    return out;
}

// "instagram-alice.b-2024-05-01-AbCd.zip": the user name and the export day, when the
// person kept Meta's own file name.
void name_hints(std::string_view name, std::string_view prefix, std::string& user, int64_t& day_time) {
    std::string base = std::string(base_name(name));
    std::string l = ascii_lower(base);
    if (l.rfind(prefix, 0) == 0) {
        size_t end = base.find('-', prefix.size());
        if (end != std::string::npos && end > prefix.size()) user = base.substr(prefix.size(), end - prefix.size());
    }
    for (size_t i = 0; i + 10 <= base.size(); ++i) {
        int64_t d;
        if ((i == 0 || base[i - 1] == '-' || base[i - 1] == '_') && parse_ymd(std::string_view(base).substr(i, 10), d) &&
            (i + 10 == base.size() || base[i + 10] == '-' || base[i + 10] == '_' || base[i + 10] == '.')) {
            day_time = d * kSecondsPerDay;
            return;
        }
    }
}

struct NetState {
    long account = -1;
    std::unordered_set<uint64_t> followers, friends, following;
    bool followers_read = false, friends_read = false, following_read = false;
};

class MetaReader {
public:
    MetaReader(Container& c, Activity& out, ImportContext& ctx) : c_(c), out_(out), ctx_(ctx) {}

    void run(const std::vector<Classified>& files) {
        name_hints(c_.name(), "instagram-", ig_handle_, export_time_);
        std::string fb_user;
        int64_t fb_day = 0;
        name_hints(c_.name(), "facebook-", fb_user, fb_day);
        if (!fb_user.empty()) fb_handle_ = fb_user;
        if (!export_time_) export_time_ = fb_day;
        // Profiles first: they name the accounts.
        std::vector<Classified> order = files;
        std::stable_sort(order.begin(), order.end(), [](const Classified& a, const Classified& b) {
            auto rank = [](MetaKind k) { return k == MetaKind::IgProfile || k == MetaKind::FbProfile ? 0 : 1; };
            return rank(a.kind) < rank(b.kind);
        });
        size_t ok = 0;
        std::string first_error;
        for (const auto& f : order) {
            const std::string& path = c_.entries()[f.entry].path;
            ctx_.progress.stage = "reading " + path;
            ctx_.tick();
            try {
                std::string text = c_.read_all(f.entry, ctx_);
                JsonParseOptions opt;
                opt.repair_mojibake = true;
                json doc = parse_json_doc(text, ctx_, opt);
                text.clear();
                text.shrink_to_fit();
                read_file(f.kind, doc);
                ++ok;
            } catch (const LimitError&) {
                throw;
            } catch (const InputError& e) {
                if (first_error.empty()) first_error = e.what();
                if (files.size() == 1) {
                    if (std::strcmp(c_.kind(), "file") == 0) throw;
                    throw InputError(path + ": " + e.what());
                }
                out_.warnings.push_back(path + ": " + e.what() + "; read the other files");
            }
        }
        if (ok == 0) throw InputError(c_.entries()[order[0].entry].path + ": " + first_error);
        finish();
    }

private:
    uint32_t account(Network n) {
        NetState& s = state(n);
        if (s.account >= 0) return static_cast<uint32_t>(s.account);
        Account a;
        a.network = n;
        a.format = "meta-export";
        a.source_name = c_.name();
        a.handle = n == Network::Facebook ? fb_handle_ : ig_handle_;
        a.display_name = n == Network::Facebook ? fb_name_ : ig_name_;
        a.export_time = export_time_;
        a.notes.push_back(std::string(network_label(n)) +
                          " exports carry no likes, comments or shares received on posts: engagement received is unavailable");
        s.account = out_.add_account(std::move(a));
        return static_cast<uint32_t>(s.account);
    }
    NetState& state(Network n) { return n == Network::Facebook ? fb_ : n == Network::Threads ? th_ : ig_; }

    void read_file(MetaKind k, const json& doc) {
        switch (k) {
            case MetaKind::IgProfile: read_ig_profile(doc); break;
            case MetaKind::FbProfile: read_fb_profile(doc); break;
            case MetaKind::IgPosts:
                if (doc.is_array()) read_media_posts(Network::Instagram, doc);
                else {
                    read_media_posts(Network::Instagram, jarr(doc, "ig_igtv_media"));
                    read_media_posts(Network::Instagram, jarr(doc, "ig_reels_media"));
                }
                break;
            case MetaKind::ThPosts: read_media_posts(Network::Threads, jarr(doc, "text_post_app_text_posts")); break;
            case MetaKind::IgComments: read_ig_comments(doc); break;
            case MetaKind::IgFollowers: read_string_list(Network::Instagram, list_of(doc, "relationships_followers"), ig_.followers, true); ig_.followers_read = true; break;
            case MetaKind::ThFollowers: read_string_list(Network::Threads, list_of(doc, "text_post_app_text_post_app_followers"), th_.followers, true); th_.followers_read = true; break;
            case MetaKind::IgFollowing: read_following(Network::Instagram, list_of(doc, "relationships_following")); break;
            case MetaKind::ThFollowing: read_following(Network::Threads, list_of(doc, "text_post_app_text_post_app_following")); break;
            case MetaKind::IgLikes:
                if (doc.is_array()) read_likes(Network::Instagram, doc);
                else {
                    read_likes(Network::Instagram, jarr(doc, "likes_media_likes"));
                    read_likes(Network::Instagram, jarr(doc, "likes_comment_likes"));
                }
                break;
            case MetaKind::ThLikes: read_likes(Network::Threads, jarr(doc, "text_post_app_media_likes")); break;
            case MetaKind::FbPosts: read_fb_posts(doc); break;
            case MetaKind::FbComments: read_fb_comments(doc.is_array() ? doc : jarr(doc, "comments_v2")); break;
            case MetaKind::FbFriends: read_names(list_any(doc, {"friends_v2", "friends"}), fb_.friends); fb_.friends_read = true; account(Network::Facebook); break;
            case MetaKind::FbFollowers: read_names(list_any(doc, {"followers_v3", "followers_v2", "followers"}), fb_.followers); fb_.followers_read = true; account(Network::Facebook); break;
            case MetaKind::FbFollowing: {
                uint32_t a = account(Network::Facebook);
                for (const auto& e : list_any(doc, {"following_v3", "following_v2", "following"})) {
                    std::string name = jstr(e, "name");
                    if (name.empty()) continue;
                    fb_.following.insert(hash64(name));
                    out_.add_follow(a, jint(e, "timestamp", 0), name);
                }
                fb_.following_read = true;
                break;
            }
            case MetaKind::FbReactions: read_fb_reactions(doc.is_array() ? doc : list_any(doc, {"reactions_v2", "reactions"})); break;
            case MetaKind::None: break;
        }
    }

    static const json& list_of(const json& doc, std::string_view key) { return doc.is_array() ? doc : jarr(doc, key); }
    static const json& list_any(const json& doc, std::initializer_list<std::string_view> keys) {
        if (doc.is_array()) return doc;
        for (auto k : keys) {
            const json& a = jarr(doc, k);
            if (!a.empty()) return a;
        }
        return jarr(doc, "");
    }

    void read_ig_profile(const json& doc) {
        for (const auto& u : jarr(doc, "profile_user")) {
            const json* m = jfind(u, "string_map_data");
            if (!m || !m->is_object()) continue;
            for (auto it = m->begin(); it != m->end(); ++it) {
                std::string label = ascii_lower(repaired(it.key()));
                std::string v = jstr(it.value(), "value");
                if (v.empty()) continue;
                if (label == "username" || label == "nom d'utilisateur" || label == "benutzername") ig_handle_ = v;
                else if (label == "name" || label == "nom" || label == "nombre") ig_name_ = v;
            }
        }
        for (Network n : {Network::Instagram, Network::Threads}) {
            NetState& s = state(n);
            if (s.account >= 0) {
                out_.accounts[s.account].handle = ig_handle_;
                out_.accounts[s.account].display_name = ig_name_;
            }
        }
    }

    void read_fb_profile(const json& doc) {
        const json* p = jfind(doc, "profile_v2");
        if (!p) p = jfind(doc, "profile");
        if (!p) return;
        if (const json* n = jfind(*p, "name")) {
            if (n->is_object()) fb_name_ = jstr(*n, "full_name");
            else if (n->is_string()) fb_name_ = n->get<std::string>();
        }
        std::string u = jstr(*p, "username");
        if (!u.empty()) fb_handle_ = u;
        if (fb_.account >= 0) {
            out_.accounts[fb_.account].handle = fb_handle_;
            out_.accounts[fb_.account].display_name = fb_name_;
        }
    }

    static bool find_true(const json& j, std::string_view key, int depth = 0) {
        if (depth > 6) return false;
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (it.key() == key && it.value().is_boolean() && it.value().get<bool>()) return true;
                if ((it.value().is_object() || it.value().is_array()) && find_true(it.value(), key, depth + 1)) return true;
            }
        } else if (j.is_array()) {
            for (const auto& e : j)
                if (find_true(e, key, depth + 1)) return true;
        }
        return false;
    }

    void add_text_post(Network n, int64_t time, const std::string& text, PostKind kind, ReplyTarget target,
                       bool media, bool link, std::string_view target_account = {}) {
        Post p;
        p.account = account(n);
        p.time = time;
        p.kind = kind;
        p.reply_target = target;
        p.id_kind = IdKind::Hash;
        p.id = hash64(std::to_string(time) + "\n" + text, kind == PostKind::Reply ? 1 : 0);
        p.has_media = media;
        p.has_link = link || text_has_link(text);
        if (!target_account.empty()) p.target_account = out_.strings.intern(ascii_lower(target_account));
        auto tags = find_tagged_words(text, '#');
        auto ments = find_tagged_words(text, '@');
        ctx_.check_posts(out_.posts.size());
        out_.add_post(p, text, tags, ments);
        ++ctx_.progress.posts;
    }

    // Instagram posts, IGTV/reels and Threads posts: {media:[{uri, creation_timestamp, title}], title?, creation_timestamp?}.
    void read_media_posts(Network n, const json& arr) {
        for (const auto& e : arr) {
            if (!e.is_object()) continue;
            if (jfind(e, "ig_igtv_media") || jfind(e, "ig_reels_media")) {
                read_media_posts(n, jarr(e, "ig_igtv_media"));
                read_media_posts(n, jarr(e, "ig_reels_media"));
                continue;
            }
            const json* media = jfind(e, "media");
            if (!media || !media->is_array()) continue;   // ig_profile_picture, stories, ...
            int64_t time = jint(e, "creation_timestamp", 0);
            std::string text = jstr(e, "title");
            bool has_media = false;
            for (const auto& m : *media) {
                if (!m.is_object()) continue;
                if (time <= 0) time = jint(m, "creation_timestamp", 0);
                if (text.empty()) text = jstr(m, "title");
                if (!jstr(m, "uri").empty()) has_media = true;
            }
            if (time <= 0) {
                ++skipped_;
                continue;
            }
            bool reply = find_true(e, "is_reply");
            add_text_post(n, time, text, reply ? PostKind::Reply : PostKind::Original,
                          reply ? ReplyTarget::Other : ReplyTarget::None, has_media, false);
        }
    }

    // Instagram comments: string_map_data with (possibly localized) labels, or the older
    // string_list_data form.
    void read_ig_comments(const json& doc) {
        std::vector<const json*> lists;
        if (doc.is_array()) lists.push_back(&doc);
        else
            for (auto it = doc.begin(); it != doc.end(); ++it)
                if (starts_with(it.key(), "comments_") && it.value().is_array()) lists.push_back(&it.value());
        for (const json* l : lists) {
            for (const auto& e : *l) {
                int64_t time = 0;
                std::string text, owner, fallback;
                if (const json* m = jfind(e, "string_map_data"); m && m->is_object()) {
                    for (auto it = m->begin(); it != m->end(); ++it) {
                        std::string label = ascii_lower(repaired(it.key()));
                        int64_t ts = jint(it.value(), "timestamp", 0);
                        if (ts > time) time = ts;
                        std::string v = jstr(it.value(), "value");
                        if (v.empty()) continue;
                        if (label.find("owner") != std::string::npos || label.find("propri") != std::string::npos ||
                            label.find("inhaber") != std::string::npos)
                            owner = v;
                        else if (label.find("comment") != std::string::npos || label.find("kommentar") != std::string::npos)
                            text = v;
                        else if (fallback.empty())
                            fallback = v;
                    }
                } else {
                    owner = jstr(e, "title");
                    for (const auto& s : jarr(e, "string_list_data")) {
                        if (time <= 0) time = jint(s, "timestamp", 0);
                        if (text.empty()) text = jstr(s, "value");
                    }
                }
                if (text.empty()) text = fallback;
                if (time <= 0) {
                    ++skipped_;
                    continue;
                }
                bool self = !owner.empty() && !ig_handle_.empty() && ascii_lower(owner) == ascii_lower(ig_handle_);
                add_text_post(Network::Instagram, time, text, PostKind::Reply, self ? ReplyTarget::Self : ReplyTarget::Other,
                              false, false, owner);
            }
        }
    }

    static std::string entry_name(const json& e) {
        for (const auto& s : jarr(e, "string_list_data")) {
            std::string v = jstr(s, "value");
            if (!v.empty()) return v;
        }
        std::string t = jstr(e, "title");
        if (!t.empty()) return t;
        for (const auto& s : jarr(e, "string_list_data")) {
            std::string h = jstr(s, "href");
            if (!h.empty()) return h;
        }
        return {};
    }
    static int64_t entry_time(const json& e) {
        int64_t t = jint(e, "timestamp", 0);
        for (const auto& s : jarr(e, "string_list_data"))
            if (t <= 0) t = jint(s, "timestamp", 0);
        return t;
    }

    void read_string_list(Network n, const json& arr, std::unordered_set<uint64_t>& set, bool) {
        account(n);
        for (const auto& e : arr) {
            std::string name = entry_name(e);
            if (!name.empty()) set.insert(hash64(ascii_lower(name)));
        }
    }

    void read_following(Network n, const json& arr) {
        uint32_t a = account(n);
        NetState& s = state(n);
        for (const auto& e : arr) {
            std::string name = entry_name(e);
            if (name.empty()) continue;
            s.following.insert(hash64(ascii_lower(name)));
            out_.add_follow(a, entry_time(e), name);
        }
        s.following_read = true;
    }

    void read_likes(Network n, const json& arr) {
        uint32_t a = account(n);
        for (const auto& e : arr) {
            std::string owner = jstr(e, "title");
            std::string href;
            int64_t time = entry_time(e);
            for (const auto& s : jarr(e, "string_list_data"))
                if (href.empty()) href = jstr(s, "href");
            for (const auto& lv : jarr(e, "label_values"))
                if (href.empty()) href = jstr(lv, "href");
            std::string target = !href.empty() ? href : owner + "@" + std::to_string(time);
            if (target == "@0") continue;
            out_.add_like(a, time, target, owner);
        }
    }

    void read_names(const json& arr, std::unordered_set<uint64_t>& set) {
        for (const auto& e : arr) {
            std::string name = jstr(e, "name");
            if (name.empty()) name = entry_name(e);
            if (!name.empty()) set.insert(hash64(name + "\n" + std::to_string(jint(e, "timestamp", 0))));
        }
    }

    // Facebook posts: {timestamp, data:[{post}|{update_timestamp}], attachments:[{data:[...]}], title}.
    void read_fb_posts(const json& arr) {
        for (const auto& e : arr) {
            if (!e.is_object()) continue;
            int64_t time = jint(e, "timestamp", 0);
            std::string text;
            for (const auto& d : jarr(e, "data")) {
                std::string t = jstr(d, "post");
                if (t.empty()) continue;
                if (!text.empty()) text += "\n";
                text += t;
            }
            bool media = false, link = false, content = false;
            for (const auto& a : jarr(e, "attachments")) {
                for (const auto& d : jarr(a, "data")) {
                    if (!d.is_object() || d.empty()) continue;
                    content = true;
                    if (jfind(d, "media")) media = true;
                    if (const json* n = jfind(d, "note")) {
                        if (!jarr(*n, "media").empty()) media = true;
                    }
                    if (const json* x = jfind(d, "external_context"))
                        if (!jstr(*x, "url").empty()) link = true;
                }
            }
            std::string title = jstr(e, "title");
            if (time <= 0) {
                ++skipped_;
                continue;
            }
            if (text.empty() && !content && title.empty()) continue;  // an empty record: nothing was published
            // "Alice shared a post / a memory / a video from ..." shares someone else's
            // content (English titles only; "shared a link" is the person's own post).
            PostKind kind = PostKind::Original;
            if (title.find(" shared ") != std::string::npos && title.find(" shared a link") == std::string::npos &&
                text.empty())
                kind = PostKind::Repost;
            add_text_post(Network::Facebook, time, text, kind, ReplyTarget::None, media, link);
        }
    }

    void read_fb_comments(const json& arr) {
        for (const auto& e : arr) {
            if (!e.is_object()) continue;
            int64_t time = jint(e, "timestamp", 0);
            std::string text, author;
            for (const auto& d : jarr(e, "data")) {
                const json* c = jfind(d, "comment");
                if (!c) continue;
                if (c->is_object()) {
                    if (text.empty()) text = jstr(*c, "comment");
                    if (time <= 0) time = jint(*c, "timestamp", 0);
                } else if (c->is_string() && text.empty()) {
                    text = c->get<std::string>();
                }
            }
            if (time <= 0) {
                ++skipped_;
                continue;
            }
            std::string title = jstr(e, "title");
            bool self = title.find(" own ") != std::string::npos;  // "commented on his own post"
            add_text_post(Network::Facebook, time, text, PostKind::Reply, self ? ReplyTarget::Self : ReplyTarget::Other,
                          false, false);
        }
    }

    void read_fb_reactions(const json& arr) {
        uint32_t a = account(Network::Facebook);
        for (const auto& e : arr) {
            int64_t time = jint(e, "timestamp", 0);
            std::string title = jstr(e, "title");
            std::string kind;
            for (const auto& d : jarr(e, "data"))
                if (const json* r = jfind(d, "reaction")) kind = jstr(*r, "reaction");
            if (time <= 0 && title.empty()) continue;
            out_.add_like(a, time, title + "@" + std::to_string(time));
        }
    }

    void finish() {
        for (Network n : {Network::Instagram, Network::Threads, Network::Facebook}) {
            NetState& s = state(n);
            if (s.account < 0) continue;
            Account& a = out_.accounts[s.account];
            if (n == Network::Threads && a.handle.empty()) a.handle = ig_handle_;
            if (s.followers_read || s.friends_read) {
                a.followers = static_cast<int64_t>(s.followers.size() + s.friends.size());
                a.signals.followers = true;
                std::string what = n == Network::Facebook
                                       ? (s.friends_read ? (s.followers_read ? "friends and followers" : "friends")
                                                         : "followers")
                                       : "followers";
                a.notes.push_back("followers counted from the " + what +
                                  " list; since 2024 Meta exports cover a date range the person picks, so the list may be partial");
            } else {
                a.notes.push_back("no followers list in this export: followers unavailable");
            }
            if (s.following_read) {
                a.following = static_cast<int64_t>(s.following.size());
                a.signals.following = true;
            }
        }
        if (skipped_ > 0)
            out_.warnings.push_back(c_.name() + ": " + std::to_string(skipped_) +
                                    " Meta records without a time were skipped");
    }

    Container& c_;
    Activity& out_;
    ImportContext& ctx_;
    NetState ig_, th_, fb_;
    std::string ig_handle_, ig_name_, fb_handle_, fb_name_;
    int64_t export_time_ = 0;
    size_t skipped_ = 0;
};

class MetaImporter final : public Importer {
public:
    const char* id() const override { return "meta-export"; }
    const char* looks_for() const override {
        return "an Instagram/Threads/Facebook JSON export (posts_1.json ...)";
    }
    bool detect(Container& c, ImportContext& ctx) override { return !classify_container(c, ctx, true).empty(); }
    void read(Container& c, Activity& out, ImportContext& ctx) override {
        auto files = classify_container(c, ctx, false);
        if (files.empty()) throw InputError("no Instagram, Threads or Facebook JSON files found");
        MetaReader(c, out, ctx).run(files);
    }
};

}  // namespace

std::unique_ptr<Importer> make_meta_importer() { return std::make_unique<MetaImporter>(); }

}  // namespace clout
