// Meta "Download your information" exports in JSON: Instagram, Threads (inside the
// Instagram export) and Facebook, in the older and the 2024+ layouts. Files are found
// by their content (top-level keys) with the file name as a hint, never by fixed paths,
// and every string is repaired for Meta's \u00XX-per-byte mojibake. See docs/FORMATS.md.
//
// Index of this file:
//   [SECTION] Finding the files: kinds, paths, top-level keys
//   [SECTION] Reading values: Facebook share kinds, insight counts, dates
//   [SECTION] A container's files classified, hints from the file name
//   [SECTION] MetaReader: the export, file by file
//   [SECTION] MetaReader: profiles and insights
//   [SECTION] MetaReader: posts and comments (Instagram, Threads)
//   [SECTION] MetaReader: followers, following, likes
//   [SECTION] MetaReader: Facebook posts, comments, reactions
//   [SECTION] MetaReader: finishing the accounts
//   [SECTION] The importer
#include <algorithm>
#include <cctype>
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

// ---- [SECTION] Finding the files: kinds, paths, top-level keys
enum class MetaKind {
    None,
    IgPosts, IgComments, IgFollowers, IgFollowing, IgLikes, IgCommentLikes, IgProfile, IgInsights, IgPostInsights,
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
            if (k == "organic_insights_reach" || k == "organic_insights_interactions" || k == "organic_insights_audience")
                return MetaKind::IgInsights;
            if (starts_with(k, "organic_insights_")) return MetaKind::IgPostInsights;  // _posts, _stories, _reels
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
        if (p.has_top("label_values") || p.has_top("string_list_data")) {
            if (base.find("liked_comment") != std::string::npos) return MetaKind::IgCommentLikes;
            if (base.find("liked_") != std::string::npos) return MetaKind::IgLikes;
        }
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

// ---- [SECTION] Reading values: Facebook share kinds, insight counts, dates
// Facebook titles say what an entry records ("Ana shared a post.") in the account's
// language. A share of a post, photo, video or memory puts someone else's (or an old)
// post on the timeline; a shared link is the person's own post with a link in it.
enum class FbShare { None, Share, Link };

FbShare fb_share_kind(std::string_view raw_title) {
    std::string t = " " + ascii_lower(raw_title) + " ";
    struct Lang {
        const char* verb;      // the verb as it sits between the name and the object
        const char* verb2;     // a second part after the object ("hat einen Beitrag geteilt"), or ""
        const char* links[3];  // the object when a link is shared
    };
    static const Lang langs[] = {
        {" shared ", "", {" a link", nullptr, nullptr}},                                   // English
        {" ha compartido ", "", {" un enlace", " un link", nullptr}},                      // Spanish (Spain)
        {" comparti\xC3\xB3 ", "", {" un enlace", " un link", nullptr}},                   // Spanish (Latin America)
        {" compartilhou ", "", {" um link", " um enlace", nullptr}},                       // Portuguese (Brazil)
        {" partilhou ", "", {" uma liga\xC3\xA7\xC3\xA3o", " um link", nullptr}},          // Portuguese (Portugal)
        {" a partag\xC3\xA9 ", "", {" un lien", nullptr, nullptr}},                        // French
        {" hat ", " geteilt", {" einen link", nullptr, nullptr}},                          // German
        {" ha condiviso ", "", {" un link", nullptr, nullptr}},                            // Italian
        {" heeft ", " gedeeld", {" een link", nullptr, nullptr}},                          // Dutch
        {" deelde ", "", {" een link", nullptr, nullptr}},                                 // Dutch (past)
        {" har delt ", "", {" et link", " en lenke", " en link"}},                         // Danish, Norwegian
        {" delte ", "", {" et link", " en lenke", nullptr}},                               // Danish, Norwegian (past)
        {" har delat ", "", {" en l\xC3\xA4nk", nullptr, nullptr}},                        // Swedish
        {" delade ", "", {" en l\xC3\xA4nk", nullptr, nullptr}},                           // Swedish (past)
    };
    for (const Lang& l : langs) {
        size_t v = t.find(l.verb);
        if (v == std::string::npos) continue;
        size_t rest = v + std::strlen(l.verb) - 1;  // keep the space before the object
        if (*l.verb2 && t.find(l.verb2, rest) == std::string::npos) continue;
        for (const char* link : l.links)
            if (link && t.compare(rest, std::strlen(link), link) == 0) return FbShare::Link;
        return FbShare::Share;
    }
    return FbShare::None;
}

// An insights count: 1234, "1234", "1,234", "1.234", "1 234" (groups of three after a
// separator). A percentage or a "1.2K" is not a count. -1 when it is not one.
int64_t insight_count(const json& v) {
    if (v.is_number_integer() || v.is_number_unsigned()) return jint_value(v, -1);
    if (!v.is_string()) return -1;
    const std::string& s = v.get_ref<const std::string&>();
    size_t a = 0, b = s.size();
    while (a < b && s[a] == ' ') ++a;
    while (b > a && s[b - 1] == ' ') --b;
    int64_t r = 0;
    int digits = 0, group = -1;  // digits since the last separator, -1 before any
    for (size_t i = a; i < b;) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        size_t sep = 0;
        if (c == ',' || c == '.' || c == ' ' || c == '\'') sep = 1;
        else if (s.compare(i, 2, "\xC2\xA0") == 0) sep = 2;           // no-break space
        else if (s.compare(i, 3, "\xE2\x80\xAF") == 0) sep = 3;       // narrow no-break space
        if (sep) {
            if (digits == 0 || (group >= 0 && digits != 3) || (group < 0 && digits > 3)) return -1;
            group = 0;
            digits = 0;
            i += sep;
            continue;
        }
        if (c < '0' || c > '9' || r > 100000000000000LL) return -1;
        r = r * 10 + (c - '0');
        ++digits;
        ++i;
    }
    if (digits == 0 || (group >= 0 && digits != 3)) return -1;
    return r;
}

// "Feb 6" / "6 Feb" / "Feb 6, 2026": month (1-12), day and year (0 = not given).
bool parse_month_day(std::string_view s, unsigned& month, unsigned& day, int& year) {
    static const char* months[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
    month = day = 0;
    year = 0;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (std::isalpha(c)) {
            size_t j = i;
            while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
            std::string w = ascii_lower(s.substr(i, j - i));
            if (w.size() >= 3) {
                for (unsigned m = 0; m < 12; ++m)
                    if (w.compare(0, 3, months[m]) == 0) {
                        if (month) return false;
                        month = m + 1;
                    }
            }
            i = j;
        } else if (std::isdigit(c)) {
            size_t j = i;
            int64_t v = 0;
            while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j])) && j - i < 6) v = v * 10 + (s[j++] - '0');
            if (j - i == 4 && v >= 2000 && v < 2200 && !year) year = static_cast<int>(v);
            else if (j - i <= 2 && v >= 1 && v <= 31 && !day) day = static_cast<unsigned>(v);
            else return false;
            i = j;
        } else {
            ++i;
        }
    }
    return month && day;
}

// "Feb 6 - May 6" (Instagram writes no year): the range ends on the last such day on or
// before the reference day, and starts in the year before when it crosses New Year.
bool parse_date_range(std::string_view s, int64_t ref_day, int64_t& from_day, int64_t& to_day) {
    size_t cut = std::string_view::npos, len = 0;
    for (const char* sep : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " to ", "-", "\xE2\x80\x93"}) {
        size_t k = s.find(sep);
        if (k != std::string_view::npos) {
            cut = k;
            len = std::strlen(sep);
            break;
        }
    }
    if (cut == std::string_view::npos) return false;
    unsigned m1, d1, m2, d2;
    int y1, y2;
    if (!parse_month_day(s.substr(0, cut), m1, d1, y1) || !parse_month_day(s.substr(cut + len), m2, d2, y2)) return false;
    if (!y2) {
        int ry;
        unsigned rm, rd;
        civil_from_days(ref_day, ry, rm, rd);
        y2 = ry;
        if (days_from_civil(y2, m2, d2) > ref_day) --y2;
    }
    if (!y1) y1 = (m1 > m2 || (m1 == m2 && d1 > d2)) ? y2 - 1 : y2;
    from_day = days_from_civil(y1, m1, d1);
    to_day = days_from_civil(y2, m2, d2);
    return from_day <= to_day && to_day - from_day <= 400;
}

// ---- [SECTION] A container's files classified, hints from the file name
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

// ---- [SECTION] MetaReader: the export, file by file
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
                read_file(f.kind, doc, path);
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

    void read_file(MetaKind k, const json& doc, const std::string& path) {
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
                if (doc.is_array()) read_likes(Network::Instagram, doc, false);
                else {
                    read_likes(Network::Instagram, jarr(doc, "likes_media_likes"), false);
                    read_likes(Network::Instagram, jarr(doc, "likes_comment_likes"), true);
                }
                break;
            case MetaKind::IgCommentLikes: read_likes(Network::Instagram, list_of(doc, "likes_comment_likes"), true); break;
            case MetaKind::IgInsights: read_insights(doc, path); break;
            case MetaKind::IgPostInsights:
                account(Network::Instagram);
                post_insights_files_.push_back(path);
                break;
            case MetaKind::ThLikes: read_likes(Network::Threads, jarr(doc, "text_post_app_media_likes"), false); break;
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

    // ---- [SECTION] MetaReader: profiles and insights
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

    // Instagram's own aggregates (logged_information/past_instagram_insights/): one entry
    // with string_map_data {"Date range": {value:"Feb 6 - May 6"}, "Accounts reached":
    // {value:"1,234"}, ...}. Read after every other file, when the export's day is known.
    struct PendingInsights {
        std::string path, range;
        std::vector<std::pair<std::string, json>> values;  // lower-case label, value
    };
    void read_insights(const json& doc, const std::string& path) {
        account(Network::Instagram);
        PendingInsights p;
        p.path = path;
        for (auto it = doc.begin(); it != doc.end(); ++it) {
            if (!it.value().is_array()) continue;
            for (const auto& e : it.value()) {
                const json* m = jfind(e, "string_map_data");
                if (!m || !m->is_object()) continue;
                for (auto f = m->begin(); f != m->end(); ++f) {
                    std::string label = ascii_lower(repaired(f.key()));
                    const json* v = f.value().is_object() ? jfind(f.value(), "value") : &f.value();
                    int64_t ts = f.value().is_object() ? jint(f.value(), "timestamp", 0) : 0;
                    if (ts > insights_time_) insights_time_ = ts;
                    if (!v) continue;
                    if (label == "date range" || label == "intervalo de datas" || label == "intervalo de fechas" ||
                        label == "p\xC3\xA9riode" || label == "zeitraum") {
                        if (v->is_string()) p.range = v->get<std::string>();
                    } else {
                        p.values.emplace_back(label, *v);
                    }
                }
            }
        }
        pending_insights_.push_back(std::move(p));
    }

    void finish_insights(Account& acc) {
        Insights in;
        // The day the range ends on or before: the export's, else the best stand-in.
        const int64_t ref = export_time_ > 0 ? export_time_ : (insights_time_ > 0 ? insights_time_ : latest_time_);
        const char* year_from = export_time_ > 0    ? "the export's date"
                                : insights_time_ > 0 ? "the insights' own time"
                                                     : "the latest record in the export";
        for (const PendingInsights& p : pending_insights_) {
            int64_t from = 0, to = 0;
            if (p.range.empty() || ref <= 0 || !parse_date_range(p.range, day_of(ref), from, to)) {
                out_.warnings.push_back(p.path + ": Instagram insights without a readable date range" +
                                        (p.range.empty() ? std::string() : " (\"" + p.range + "\")") + "; not read");
                continue;
            }
            if (in.present() && (from != in.from_day || to != in.to_day)) {
                out_.warnings.push_back(p.path + ": Instagram insights for another date range (" + p.range +
                                        ") than the other insights files; not read");
                continue;
            }
            size_t got = 0;
            std::vector<std::string> bad;
            for (const auto& [label, v] : p.values) {
                int64_t* into = nullptr;
                if (label == "post interactions") into = &in.post_interactions;
                else if (label == "content interactions") into = &in.content_interactions;
                else if (label == "accounts engaged") into = &in.accounts_engaged;
                else if (label == "accounts reached" || label == "contas alcan\xC3\xA7" "adas" || label == "cuentas alcanzadas")
                    into = &in.accounts_reached;
                else if (label == "impressions" || label == "impress\xC3\xB5" "es" || label == "impresiones")
                    into = &in.impressions;
                // "Followers" in the audience file is the count; in the reach file it is the
                // share of reached accounts that follow ("45.2%"), which is not a count.
                else if (label == "followers" || label == "total de seguidores")
                    into = v.is_string() && v.get_ref<const std::string&>().find('%') != std::string::npos ? nullptr : &in.followers;
                if (!into) continue;
                int64_t n = insight_count(v);
                if (n < 0) {
                    bad.push_back(label);
                    continue;
                }
                *into = n;
                ++got;
            }
            if (!bad.empty()) {
                std::string list;
                for (const auto& b : bad) list += (list.empty() ? "\"" : ", \"") + b + "\"";
                out_.warnings.push_back(p.path + ": Instagram insights value not a number for " + list + "; left out");
            }
            if (got == 0) {
                if (bad.empty())
                    out_.warnings.push_back(p.path + ": no Instagram insights figure this reader knows (it reads English labels and a few Portuguese and Spanish ones); not read");
                continue;
            }
            in.from_day = from;
            in.to_day = to;
        }
        if (!in.present()) return;
        acc.insights = in;
        auto day_text = [](int64_t day, bool year) {
            static const char* mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
            int y;
            unsigned m, d;
            civil_from_days(day, y, m, d);
            return std::string(mon[m - 1]) + " " + std::to_string(d) + (year ? " " + std::to_string(y) : std::string());
        };
        int y1, y2;
        unsigned m, d;
        civil_from_days(in.from_day, y1, m, d);
        civil_from_days(in.to_day, y2, m, d);
        std::string note = "insights for " + day_text(in.from_day, y1 != y2) + " \xE2\x80\x93 " + day_text(in.to_day, true) + " read:";
        auto add = [&](const char* what, int64_t v) {
            if (v < 0) return;
            note += std::string(note.back() == ':' ? " " : ", ") + group_thousands(v) + " " + what;
        };
        add("post interactions", in.post_interactions);
        add("content interactions", in.content_interactions);
        add("accounts engaged", in.accounts_engaged);
        add("accounts reached", in.accounts_reached);
        add("impressions", in.impressions);
        add("followers", in.followers);
        note += std::string(" (Instagram's own figures for that range; the year comes from ") + year_from + ")";
        acc.notes.push_back(note);
    }
    static std::string group_thousands(int64_t v) {
        std::string d = std::to_string(v), o;
        for (size_t i = 0; i < d.size(); ++i) {
            if (i && (d.size() - i) % 3 == 0) o += ',';
            o += d[i];
        }
        return o;
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

    // A boolean anywhere in j: 1 when some `key` is true, 0 when only false ones, -1 when none.
    static int find_bool(const json& j, std::string_view key, int depth = 0) {
        if (depth > 6) return -1;
        int found = -1;
        auto take = [&](int v) { found = std::max(found, v); };
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (it.key() == key && it.value().is_boolean()) take(it.value().get<bool>() ? 1 : 0);
                else if (it.value().is_object() || it.value().is_array()) take(find_bool(it.value(), key, depth + 1));
                if (found == 1) return 1;
            }
        } else if (j.is_array()) {
            for (const auto& e : j) {
                take(find_bool(e, key, depth + 1));
                if (found == 1) return 1;
            }
        }
        return found;
    }

    static std::string find_string(const json& j, std::string_view key, int depth = 0) {
        if (depth > 6) return {};
        if (j.is_object()) {
            for (auto it = j.begin(); it != j.end(); ++it) {
                if (it.key() == key && it.value().is_string()) return it.value().get<std::string>();
                if (it.value().is_object() || it.value().is_array()) {
                    std::string v = find_string(it.value(), key, depth + 1);
                    if (!v.empty()) return v;
                }
            }
        } else if (j.is_array()) {
            for (const auto& e : j) {
                std::string v = find_string(e, key, depth + 1);
                if (!v.empty()) return v;
            }
        }
        return {};
    }

    void add_text_post(Network n, int64_t time, const std::string& text, PostKind kind, ReplyTarget target,
                       bool media, bool link, std::string_view target_account = {}) {
        Post p;
        p.account = account(n);
        p.time = time;
        if (time > latest_time_) latest_time_ = time;
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

    // ---- [SECTION] MetaReader: posts and comments (Instagram, Threads)
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
            // Threads since 2025: text_app_post {is_reply, in_reply_to_username} on the media
            // item names whom a reply answers; older files only say is_reply somewhere.
            // is_reply decides where it is given; in_reply_to_username alone where it is not.
            std::string to = find_string(e, "in_reply_to_username");
            int is_reply = find_bool(e, "is_reply");
            bool reply = is_reply == 1 || (is_reply < 0 && !to.empty());
            if (!to.empty() && to[0] == '@') to.erase(0, 1);
            ReplyTarget target = ReplyTarget::None;
            if (reply) target = !to.empty() && ascii_lower(to) == ascii_lower(ig_handle_) ? ReplyTarget::Self : ReplyTarget::Other;
            add_text_post(n, time, text, reply ? PostKind::Reply : PostKind::Original, target, has_media, false, to);
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
            if (h.empty()) continue;
            // "https://www.instagram.com/_u/NAME" (2025+ following lists): the name is the
            // last path segment.
            size_t u = h.find("/_u/");
            std::string name = u != std::string::npos ? h.substr(u + 4) : h;
            while (!name.empty() && name.back() == '/') name.pop_back();
            if (!name.empty()) return name;
        }
        return {};
    }
    static int64_t entry_time(const json& e) {
        int64_t t = jint(e, "timestamp", 0);
        for (const auto& s : jarr(e, "string_list_data"))
            if (t <= 0) t = jint(s, "timestamp", 0);
        return t;
    }

    // ---- [SECTION] MetaReader: followers, following, likes
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

    // The fields of a 2026 label_values entry: [{label:"URL", value, href}, {label:"Caption", value},
    // {title:"Owner", dict:[{dict:[{label:"Username", value}, ...]}]}].
    static void label_fields(const json& lvs, std::string& url, std::string& owner, int depth = 0) {
        if (!lvs.is_array() || depth > 4) return;
        for (const auto& lv : lvs) {
            if (!lv.is_object()) continue;
            std::string label = ascii_lower(jstr(lv, "label"));
            std::string title = ascii_lower(jstr(lv, "title"));
            std::string value = jstr(lv, "value");
            if (label == "url" && url.empty()) url = !value.empty() ? value : jstr(lv, "href");
            else if ((label == "owner" || label == "username") && owner.empty() && !value.empty()) owner = value;
            if (const json* d = jfind(lv, "dict")) {
                std::string u, o;
                label_fields(*d, u, o, depth + 1);
                // Inside "Owner", the URL is the owner's profile, not the liked post.
                if (title == "owner" || label == "owner") {
                    if (owner.empty()) owner = o;
                } else {
                    if (url.empty()) url = u;
                    if (owner.empty()) owner = o;
                }
            }
        }
    }

    // One like per liked post, and one per liked comment. A post is keyed by its address
    // (the same post in two files or two overlapping exports counts once); a comment has no
    // address of its own in the export (its href is the post it sits under), so it is keyed
    // by the post, the comment's author and the time.
    void read_likes(Network n, const json& arr, bool comments) {
        uint32_t a = account(n);
        for (const auto& e : arr) {
            if (!e.is_object()) continue;
            std::string owner = jstr(e, "title");
            std::string href;
            int64_t time = entry_time(e);
            for (const auto& s : jarr(e, "string_list_data"))
                if (href.empty()) href = jstr(s, "href");
            std::string lv_owner;
            label_fields(jarr(e, "label_values"), href, lv_owner);
            if (owner.empty()) owner = lv_owner;
            std::string fbid = jstr(e, "fbid");
            if (href.empty() && owner.empty() && fbid.empty() && time <= 0) {
                ++skipped_likes_;
                continue;
            }
            std::string key;
            if (comments) key = "comment\n" + post_key(href) + "\n" + ascii_lower(owner) + "\n" + std::to_string(time);
            else if (!href.empty()) key = "post\n" + post_key(href);
            else if (!fbid.empty()) key = "post\nfbid:" + fbid;
            else key = "post\n" + ascii_lower(owner) + "@" + std::to_string(time);
            if (time > latest_time_) latest_time_ = time;
            out_.add_like(a, time, key, owner);
        }
    }
    // "https://www.instagram.com/p/Cx1/?igsh=..." and "instagram.com/p/Cx1" are one post.
    static std::string post_key(std::string_view href) {
        // Only the scheme and host are case-free: short codes are case-sensitive.
        std::string k(href);
        size_t q = k.find_first_of("?#");
        if (q != std::string::npos) k.resize(q);
        for (const char* pre : {"https://", "http://", "www."})
            if (ascii_lower(std::string_view(k).substr(0, std::strlen(pre))) == pre) k.erase(0, std::strlen(pre));
        size_t slash = k.find('/');
        for (size_t i = 0; i < k.size() && i < slash; ++i) k[i] = static_cast<char>(std::tolower(static_cast<unsigned char>(k[i])));
        while (!k.empty() && k.back() == '/') k.pop_back();
        return k;
    }

    void read_names(const json& arr, std::unordered_set<uint64_t>& set) {
        for (const auto& e : arr) {
            std::string name = jstr(e, "name");
            if (name.empty()) name = entry_name(e);
            if (!name.empty()) set.insert(hash64(name + "\n" + std::to_string(jint(e, "timestamp", 0))));
        }
    }

    // ---- [SECTION] MetaReader: Facebook posts, comments, reactions
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
            // Without words of the person's own, an entry is a repost when its title says it
            // shares a post, photo, video or memory (in any of the languages above), or when
            // it holds nothing but its title (no text, no attachment): the record of a share
            // whose content stayed with its author. "Shared a link" is an own post.
            PostKind kind = PostKind::Original;
            if (text.empty()) {
                FbShare share = fb_share_kind(title);
                if (share == FbShare::Share || (share == FbShare::None && !content)) kind = PostKind::Repost;
            }
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

    // ---- [SECTION] MetaReader: finishing the accounts
    void finish() {
        for (Network n : {Network::Instagram, Network::Threads, Network::Facebook}) {
            NetState& s = state(n);
            if (s.account < 0) continue;
            Account& a = out_.accounts[s.account];
            if (n == Network::Instagram) {
                finish_insights(a);
                if (!post_insights_files_.empty())
                    a.notes.push_back("per-post insights found (" + post_insights_files_[0] +
                                      (post_insights_files_.size() > 1 ? " and " + std::to_string(post_insights_files_.size() - 1) + " more" : std::string()) +
                                      ") are not read: they cover only posts of the insights range");
            }
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
        if (skipped_likes_ > 0)
            out_.warnings.push_back(c_.name() + ": " + std::to_string(skipped_likes_) +
                                    " liked-post records naming no post, author or time were skipped");
    }

    Container& c_;
    Activity& out_;
    ImportContext& ctx_;
    NetState ig_, th_, fb_;
    std::string ig_handle_, ig_name_, fb_handle_, fb_name_;
    int64_t export_time_ = 0;
    size_t skipped_ = 0, skipped_likes_ = 0;
    std::vector<PendingInsights> pending_insights_;
    std::vector<std::string> post_insights_files_;
    int64_t insights_time_ = 0;
    int64_t latest_time_ = 0;   // the latest time any record carries, when the export's day is unknown
};

// ---- [SECTION] The importer
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
