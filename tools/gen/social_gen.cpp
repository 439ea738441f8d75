#include "social_gen.h"

#include "zip_writer.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace clout::gen {

using nlohmann::json;

namespace {

// splitmix64: the same sequence on every platform (std distributions are not).
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 12345) {}
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    long range(long lo, long hi) { return lo + static_cast<long>(next() % static_cast<uint64_t>(hi - lo + 1)); }
    bool chance(int percent) { return static_cast<int>(next() % 100) < percent; }
    template <class T> const T& pick(const std::vector<T>& v) { return v[next() % v.size()]; }
};

const std::vector<std::string> kPhrases = {
    "Morning run by the river, caf\xC3\xA9 after",
    "Don\xE2\x80\x99t miss the workshop on Saturday",
    "This made my day \xF0\x9F\x98\x82\xF0\x9F\x98\x82",
    "Na\xC3\xAFve question: who else loves Z\xC3\xBCrich in winter?",
    "New recipe: cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e with a twist",
    "Thanks @mira_k for the tip! #grateful",
    "Read this: https://example.org/article/42 #reading",
    "S\xC3\xA5 er vi i gang igen \xE2\x80\x93 Holb\xC3\xA6k",
    "Weekend plans \xE2\x9C\xA8 #weekend #travel",
    "\xE6\x9D\xB1\xE4\xBA\xAC\xE3\x81\xAB\xE7\x9D\x80\xE3\x81\x84\xE3\x81\x9F",   // Japanese
    "Simple ASCII caption about gardening and tomatoes",
    "Quote of the day: \"keep going\", she said",
};

std::string phrase(Rng& r, long i) { return kPhrases[static_cast<size_t>(r.next() % kPhrases.size())] + " " + std::to_string(i); }

std::string two(long v) { return (v < 10 ? "0" : "") + std::to_string(v); }
// "YYYY-MM-DD HH:MM:SS" of a unix time (UTC).
std::string ymd_hms(int64_t t) {
    int64_t z = t / 86400 + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t y = static_cast<int64_t>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    int64_t s = t % 86400;
    return std::to_string(y) + "-" + two(m) + "-" + two(d) + " " + two(s / 3600) + ":" + two(s / 60 % 60) + ":" + two(s % 60);
}

const int64_t kBase = 1672531200;   // 2023-01-01
int64_t when(Rng& r) { return kBase + r.range(0, 600 * 86400L); }

// Meta writes every string with per-byte escapes: build the JSON with mojibake strings
// and dump it ASCII-only (\u00c3\u00a9 ...), two-space indented like Meta.
json mj(const std::string& s) { return json(meta_mojibake(s)); }
std::string meta_dump(const json& j) { return j.dump(2, ' ', true); }

std::string csv_quote(const std::string& s) {
    bool need = s.find_first_of(",\"\r\n") != std::string::npos;
    if (!need) return s;
    std::string o = "\"";
    for (char c : s) {
        if (c == '"') o += "\"\"";
        else o.push_back(c);
    }
    return o + "\"";
}
std::string csv_line(const std::vector<std::string>& f, const char* eol = "\r\n") {
    std::string o;
    for (size_t i = 0; i < f.size(); ++i) {
        if (i) o += ",";
        o += csv_quote(f[i]);
    }
    return o + eol;
}

json string_list_entry(const std::string& user, int64_t t, bool title_form) {
    json sl = json::object({{"href", "https://www.instagram.com/" + user}, {"timestamp", t}});
    if (!title_form) sl["value"] = meta_mojibake(user);
    return json::object({{"title", title_form ? meta_mojibake(user) : ""}, {"media_list_data", json::array()},
                         {"string_list_data", json::array({sl})}});
}

}  // namespace

std::string meta_mojibake(const std::string& s) {
    std::string o;
    o.reserve(s.size() * 2);
    for (unsigned char c : s) {
        if (c < 0x80) o.push_back(static_cast<char>(c));
        else {
            o.push_back(static_cast<char>(0xC0 | (c >> 6)));
            o.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return o;
}

GenExport gen_instagram(const InstagramOptions& o, Expected& ig, Expected& th) {
    Rng r(o.seed);
    GenExport out;
    ig = Expected();
    th = Expected();
    ig.handle = th.handle = o.handle;
    const std::string act = o.new_layout ? "your_instagram_activity/" : "";
    const std::string conn = o.new_layout ? "connections/followers_and_following/" : "followers_and_following/";
    // Profile.
    json prof = {{"profile_user", json::array({json::object({{"media_map_data", json::object()},
                                                             {"string_map_data", json::object({{"Username", {{"href", ""}, {"value", o.handle}, {"timestamp", 0}}},
                                                                                               {"Name", {{"href", ""}, {"value", meta_mojibake("Ana Sousa \xC3\x81vila")}, {"timestamp", 0}}}})}})})}};
    out.push_back({"personal_information/personal_information/personal_information.json", meta_dump(prof)});
    // Feed posts: single photos with the caption on the media, albums with it outside.
    std::set<std::pair<int64_t, std::string>> seen;
    json posts = json::array();
    for (int i = 0; i < o.posts; ++i) {
        int64_t t = when(r);
        std::string cap = i % 9 == 4 ? std::string() : phrase(r, i);
        if (!seen.insert({t, cap}).second) continue;
        if (i == 0) ig.sample_text = cap;
        if (r.chance(30)) {
            json media = json::array();
            for (int k = 0; k < 3; ++k)
                media.push_back({{"uri", "media/posts/202401/album_" + std::to_string(i) + "_" + std::to_string(k) + ".jpg"},
                                 {"creation_timestamp", t - 10 + k}, {"title", ""}});
            posts.push_back({{"media", media}, {"title", meta_mojibake(cap)}, {"creation_timestamp", t}});
        } else {
            posts.push_back({{"media", json::array({{{"uri", "media/posts/202401/p" + std::to_string(i) + ".jpg"},
                                                     {"creation_timestamp", t},
                                                     {"media_metadata", {{"photo_metadata", {{"exif_data", json::array({{{"latitude", 55.7}, {"longitude", 11.7}}})}}}}},
                                                     {"title", meta_mojibake(cap)}}})}});
        }
        ++ig.originals;
    }
    out.push_back({act + "content/posts_1.json", meta_dump(posts)});
    json reels = json::array();
    for (int i = 0; i < o.reels; ++i) {
        int64_t t = when(r);
        std::string cap = "Reel " + phrase(r, 1000 + i);
        reels.push_back({{"media", json::array({{{"uri", "media/reels/r" + std::to_string(i) + ".mp4"}, {"creation_timestamp", t}, {"title", meta_mojibake(cap)}}})}});
        ++ig.originals;
    }
    out.push_back({act + "content/reels.json", meta_dump({{"ig_reels_media", reels}})});
    // Stories and the profile picture are not posts.
    out.push_back({act + "content/stories.json", meta_dump({{"ig_stories", json::array({{{"uri", "media/stories/s.jpg"}, {"creation_timestamp", kBase}, {"title", ""}}})}})});
    out.push_back({act + "content/profile_photos.json", meta_dump({{"ig_profile_picture", json::array({{{"uri", "media/other/me.jpg"}, {"creation_timestamp", kBase}, {"title", ""}}})}})});
    out.push_back({"media/posts/202401/p0.jpg", std::string("\xFF\xD8\xFF\xE0 not really a jpeg")});
    // Comments: the 2024 form is a bare array with localized string_map_data labels; the
    // older one wraps it in comments_media_comments.
    json comments = json::array();
    for (int i = 0; i < o.comments; ++i) {
        int64_t t = when(r);
        bool own = i % 5 == 0;
        std::string owner = own ? o.handle : "friend_" + std::to_string(r.range(1, 30));
        std::string text = "Comment " + phrase(r, i);
        comments.push_back({{"media_list_data", json::array()},
                            {"string_map_data", {{"Comment", {{"value", meta_mojibake(text)}}},
                                                 {"Media Owner", {{"value", owner}}},
                                                 {"Time", {{"timestamp", t}}}}}});
        ++ig.replies;
        if (own) ++ig.self_replies;
    }
    if (o.new_layout) out.push_back({act + "comments/post_comments_1.json", meta_dump(comments)});
    else out.push_back({"comments/post_comments.json", meta_dump({{"comments_media_comments", comments}})});
    // Followers: bare arrays split over files (new), or wrapped (old).
    json f1 = json::array(), f2 = json::array();
    for (int i = 0; i < o.followers; ++i) (i < 100 ? f1 : f2).push_back(string_list_entry("follower_" + std::to_string(i), when(r), false));
    ig.followers = o.followers;
    if (o.new_layout) {
        out.push_back({conn + "followers_1.json", meta_dump(f1)});
        if (!f2.empty()) out.push_back({conn + "followers_2.json", meta_dump(f2)});
    } else {
        for (auto& e : f2) f1.push_back(e);
        out.push_back({conn + "followers.json", meta_dump({{"relationships_followers", f1}})});
    }
    json fo = json::array();
    for (int i = 0; i < o.following; ++i) fo.push_back(string_list_entry("creator_" + std::to_string(i), when(r), o.new_layout));
    ig.following = o.following;
    out.push_back({conn + "following.json", meta_dump({{"relationships_following", fo}})});
    json likes = json::array();
    for (int i = 0; i < o.likes; ++i)
        likes.push_back({{"title", "creator_" + std::to_string(i % 30)},
                         {"string_list_data", json::array({{{"href", "https://www.instagram.com/p/C" + std::to_string(100000 + i) + "/"},
                                                           {"value", meta_mojibake("\xF0\x9F\x91\x8D")},
                                                           {"timestamp", when(r)}}})}});
    ig.likes_given = o.likes;
    out.push_back({act + "likes/liked_posts.json", meta_dump({{"likes_media_likes", likes}})});
    // Threads.
    json tp = json::array();
    for (int i = 0; i < o.threads_posts + o.threads_replies; ++i) {
        int64_t t = when(r);
        bool reply = i >= o.threads_posts;
        std::string text = (reply ? "Reply " : "Thread ") + phrase(r, 2000 + i);
        if (i == 0) th.sample_text = text;
        json m = {{"uri", ""}, {"creation_timestamp", t}, {"title", meta_mojibake(text)},
                  {"text_app_post", {{"is_reply", reply}, {"cross_post_source", {{"source_app", "THREADS"}}}}}};
        tp.push_back({{"media", json::array({m})}});
        if (reply) ++th.replies;
        else ++th.originals;
    }
    out.push_back({act + "threads/threads_and_replies.json", meta_dump({{"text_post_app_text_posts", tp}})});
    json tf = json::array(), tfo = json::array(), tl = json::array();
    for (int i = 0; i < o.threads_followers; ++i) tf.push_back(string_list_entry("tfan_" + std::to_string(i), when(r), false));
    for (int i = 0; i < o.threads_following; ++i) tfo.push_back(string_list_entry("tfollow_" + std::to_string(i), when(r), false));
    for (int i = 0; i < o.threads_likes; ++i)
        tl.push_back({{"title", "tauthor"}, {"string_list_data", json::array({{{"href", "https://www.threads.net/@x/post/T" + std::to_string(i)}, {"timestamp", when(r)}}})}});
    th.followers = o.threads_followers;
    th.following = o.threads_following;
    th.likes_given = o.threads_likes;
    // Same base names as the Instagram lists: only the content tells them apart.
    out.push_back({act + "threads/followers.json", meta_dump({{"text_post_app_text_post_app_followers", tf}})});
    out.push_back({act + "threads/following.json", meta_dump({{"text_post_app_text_post_app_following", tfo}})});
    out.push_back({act + "threads/liked_threads.json", meta_dump({{"text_post_app_media_likes", tl}})});
    if (o.messages) {
        json msg = {{"participants", json::array({{{"name", "bob"}}})},
                    {"messages", json::array({{{"sender_name", "bob"}, {"timestamp_ms", kBase * 1000LL}, {"content", "hi"}}})}};
        out.push_back({act + "messages/inbox/bob_123/message_1.json", meta_dump(msg)});
    }
    return out;
}

GenExport gen_facebook(const FacebookOptions& o, Expected& fb) {
    Rng r(o.seed);
    GenExport out;
    fb = Expected();
    const std::string act = o.new_layout ? "your_facebook_activity/" : "";
    out.push_back({"profile_information/profile_information.json",
                   meta_dump({{"profile_v2", {{"name", {{"full_name", meta_mojibake(o.name)}, {"first_name", ""}}}, {"registration_timestamp", kBase - 86400 * 900}}}})});
    json posts = json::array();
    std::set<std::pair<int64_t, std::string>> seen;
    for (int i = 0; i < o.posts; ++i) {
        int64_t t = when(r);
        int kind = i % 3;   // 0 status, 1 photo, 2 link
        std::string text = kind == 1 && i % 2 ? std::string() : phrase(r, i);
        if (!seen.insert({t, text}).second) continue;
        if (fb.sample_text.empty() && !text.empty()) fb.sample_text = text;
        json e = {{"timestamp", t}};
        json data = json::array();
        if (!text.empty()) data.push_back({{"post", meta_mojibake(text)}});
        data.push_back({{"update_timestamp", t}});
        e["data"] = data;
        if (kind == 1)
            e["attachments"] = json::array({{{"data", json::array({{{"media", {{"uri", "posts/media/p" + std::to_string(i) + ".jpg"}, {"creation_timestamp", t}, {"title", meta_mojibake("Mobile uploads \xE2\x80\x93 \xC3\xA6\xC3\xB8\xC3\xA5")}}}}})}}});
        if (kind == 2)
            e["attachments"] = json::array({{{"data", json::array({{{"external_context", {{"url", "https://example.org/" + std::to_string(i)}}}}})}}});
        e["title"] = meta_mojibake(o.name + (kind == 2 ? " shared a link." : kind == 1 ? " added a new photo." : " updated her status."));
        posts.push_back(e);
        ++fb.originals;
    }
    for (int i = 0; i < o.shares; ++i) {
        int64_t t = when(r);
        posts.push_back({{"timestamp", t}, {"data", json::array({{{"update_timestamp", t}}})},
                         {"attachments", json::array({{{"data", json::array({{{"external_context", {{"url", "https://www.facebook.com/x/posts/" + std::to_string(i)}}}}})}}})},
                         {"title", meta_mojibake(o.name + " shared a post.")}});
        ++fb.reposts;
    }
    for (int i = 0; i < o.empty_records; ++i) {
        int64_t t = when(r);
        posts.push_back({{"timestamp", t}, {"attachments", json::array()}, {"data", json::array({{{"update_timestamp", t}}})}});
    }
    // Shuffle deterministically so kinds interleave.
    for (size_t i = posts.size(); i > 1; --i) std::swap(posts[i - 1], posts[r.next() % i]);
    out.push_back({act + (o.new_layout ? "posts/your_posts__check_ins__photos_and_videos_1.json" : "posts/your_posts_1.json"), meta_dump(posts)});
    json comments = json::array();
    for (int i = 0; i < o.comments; ++i) {
        int64_t t = when(r);
        bool own = i % 4 == 0;
        std::string text = "Comment " + phrase(r, i);
        json e = {{"timestamp", t}, {"title", meta_mojibake(o.name + (own ? " commented on her own post." : " commented on Kari Nordmann's post."))}};
        if (i % 7 != 3) e["data"] = json::array({{{"comment", {{"timestamp", t}, {"comment", meta_mojibake(text)}, {"author", meta_mojibake(o.name)}}}}});
        comments.push_back(e);
        ++fb.replies;
        if (own) ++fb.self_replies;
    }
    out.push_back({act + "comments_and_reactions/comments.json", meta_dump({{"comments_v2", comments}})});
    json reactions = json::array();
    for (int i = 0; i < o.reactions; ++i) {
        int64_t t = kBase + i * 3600L;
        reactions.push_back({{"timestamp", t}, {"data", json::array({{{"reaction", {{"reaction", i % 4 ? "LIKE" : "LOVE"}, {"actor", meta_mojibake(o.name)}}}}})},
                             {"title", meta_mojibake(o.name + " likes Kari's post " + std::to_string(i) + ".")}});
    }
    fb.likes_given = o.reactions;
    auto people = [&](const char* prefix, int n) {
        json a = json::array();
        for (int i = 0; i < n; ++i) a.push_back({{"name", meta_mojibake(std::string(prefix) + " S\xC3\xB8rensen " + std::to_string(i))}, {"timestamp", when(r)}});
        return a;
    };
    if (o.new_layout) {
        out.push_back({act + "comments_and_reactions/likes_and_reactions_1.json", meta_dump(reactions)});
        out.push_back({"connections/friends/your_friends.json", meta_dump({{"friends_v2", people("Friend", o.friends)}})});
        out.push_back({"connections/followers/people_who_followed_you.json", meta_dump({{"followers_v3", people("Fan", o.followers)}})});
        out.push_back({"connections/followers/who_you've_followed.json", meta_dump({{"following_v3", people("Page", o.following)}})});
    } else {
        out.push_back({"comments_and_reactions/posts_and_comments.json", meta_dump({{"reactions", reactions}})});
        out.push_back({"friends_and_followers/friends.json", meta_dump({{"friends", people("Friend", o.friends)}})});
        out.push_back({"friends_and_followers/followers.json", meta_dump({{"followers", people("Fan", o.followers)}})});
        out.push_back({"friends_and_followers/who_you_follow.json", meta_dump({{"following", people("Page", o.following)}})});
    }
    fb.followers = o.friends + o.followers;
    fb.following = o.following;
    out.push_back({"messages/inbox/kari_1/message_1.json", meta_dump({{"messages", json::array()}})});
    return out;
}

namespace {

// UTF-8 to UTF-16LE with a byte-order mark (the older LinkedIn Shares.csv).
std::string utf16le_bom(const std::string& s) {
    std::string o = "\xFF\xFE";
    auto put = [&](uint32_t u) {
        o.push_back(static_cast<char>(u & 0xFF));
        o.push_back(static_cast<char>(u >> 8));
    };
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        uint32_t cp;
        size_t n;
        if (c < 0x80) { cp = c; n = 1; }
        else if (c < 0xE0) { cp = c & 0x1F; n = 2; }
        else if (c < 0xF0) { cp = c & 0x0F; n = 3; }
        else { cp = c & 0x07; n = 4; }
        for (size_t k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += n;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            put(0xD800 + (cp >> 10));
            put(0xDC00 + (cp & 0x3FF));
        } else {
            put(cp);
        }
    }
    return o;
}

// Every field quoted, tab-separated (the older LinkedIn Shares.csv).
std::string tsv_line(const std::vector<std::string>& f) {
    std::string o;
    for (size_t i = 0; i < f.size(); ++i) {
        if (i) o += "\t";
        o += "\"";
        for (char c : f[i]) {
            if (c == '"') o += "\"\"";
            else o.push_back(c);
        }
        o += "\"";
    }
    return o + "\r\n";
}

std::vector<std::string> text_lines(const std::string& text) {
    std::vector<std::string> lines;
    size_t b = 0;
    for (;;) {
        size_t e = text.find('\n', b);
        lines.push_back(text.substr(b, e == std::string::npos ? std::string::npos : e - b));
        if (e == std::string::npos) break;
        b = e + 1;
    }
    return lines;
}

// A row whose multi-line text (cell `text_at`) is written with LinkedIn's broken doubled
// quoting: every line wrapped in "" and an empty line as """". `splits`: the text cell
// is not opened by a quote, so a standard reader cuts the post into several records;
// otherwise it is opened and closed by one, which reads as one record with quote debris.
std::string broken_quoting_line(const std::vector<std::string>& f, size_t text_at, bool splits) {
    std::string o;
    for (size_t i = 0; i < f.size(); ++i) {
        if (i) o += ",";
        if (i != text_at) {
            o += csv_quote(f[i]);
            continue;
        }
        auto lines = text_lines(f[i]);
        if (!splits) o += "\"";
        for (size_t k = 0; k < lines.size(); ++k) {
            if (k) o += "\r\n";
            std::string l;
            for (char c : lines[k]) {
                if (c == '"') l += "\"\"";
                else l.push_back(c);
            }
            o += lines[k].empty() ? "\"\"\"\"" : "\"\"" + l + "\"\"";
        }
        if (!splits) o += "\"";
    }
    return o + "\r\n";
}

void note_time(LayoutFacts* facts, int64_t t) {
    if (!facts) return;
    if (facts->first_post_time == 0 || t < facts->first_post_time) facts->first_post_time = t;
    if (t > facts->last_post_time) facts->last_post_time = t;
}

const char* const kLiProfile =
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\r\n"
    "Ada,Lovelace,,,,\"Engineer, writer\",\"Line one\r\nline two\",Software,,London,,,\r\n";

GenExport gen_linkedin_2017(const LinkedInOptions& o, Expected& li, LayoutFacts* facts) {
    Rng r(o.seed);
    GenExport out;
    const int64_t base = 1451606400;   // 2016-01-01
    std::string sh = tsv_line({"Date", "Share Title", "Share Description", "Share Link", "Share Commentary", "Shared URL", "Media URL",
                               "Type", "Visibility"});
    std::set<std::pair<int64_t, std::string>> seen;
    for (int i = 0; i < o.shares + o.reposts + o.quotes; ++i) {
        int64_t t = base + r.range(0, 1000 * 86400L);
        uint64_t act = 6200000000000000000ull + r.next() % 100000000000000ull;
        bool repost = i >= o.shares && i < o.shares + o.reposts;
        bool quote = i >= o.shares + o.reposts;
        std::string text;
        if (!repost) {
            text = phrase(r, i);
            if (i % 3 == 0) text += "\n\nSecond paragraph with \"quotes\",\ta tab, and a list:\n- one\n- two";
        }
        if (!repost && !quote && !seen.insert({t, text}).second) continue;
        if (li.sample_text.empty() && i % 3 == 0) li.sample_text = text;
        std::string shared = repost || quote ? "https://www.linkedin.com/feed/update/urn:li:activity:61" + std::to_string(100000 + i) + "/"
                                             : (i % 4 == 1 ? "https://example.org/blog/" + std::to_string(i) : "");
        bool article = i % 4 == 1 && !repost && !quote;
        std::string media = i % 5 == 2 ? "https://media.licdn.com/mpr/mpr/p/" + std::to_string(i) + ".jpg" : "";
        std::string ymd = ymd_hms(t);
        ymd[4] = ymd[7] = '/';
        sh += tsv_line({ymd + " UTC", article ? "Article " + std::to_string(i) : "", article ? "A summary, with a comma" : "",
                        "https://www.linkedin.com/feed/update/urn:li:activity:" + std::to_string(act) + "/", text, shared, media,
                        article ? "ARTICLE" : (media.empty() ? "" : "IMAGE"), i % 2 ? "CONNECTIONS" : "PUBLIC"});
        note_time(facts, t);
        if (repost) ++li.reposts;
        else if (quote) ++li.quotes;
        else ++li.originals;
    }
    out.push_back({"Shares.csv", utf16le_bom(sh)});
    std::string cn = "First Name,Last Name,Email Address,Company,Position,Connected On\r\n";
    for (int i = 0; i < o.connections; ++i) {
        int64_t t = base + (i * 3L) * 86400 + (i * 37L % 1440) * 60;
        std::string d = ymd_hms(t);   // YYYY-MM-DD HH:MM:SS
        int mo = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2)), h = std::stoi(d.substr(11, 2));
        std::string us = std::to_string(mo) + "/" + std::to_string(day) + "/" + d.substr(2, 2) + ", " + std::to_string(h % 12 == 0 ? 12 : h % 12) +
                         ":" + d.substr(14, 2) + (h < 12 ? " AM" : " PM");
        cn += csv_line({"Person" + std::to_string(i), i % 7 == 0 ? "M\xC3\xBCller" : "Smith", i % 3 ? "" : "p" + std::to_string(i) + "@example.com",
                        i % 4 ? "Acme, Inc." : "", "Engineer", us});
        if (facts) ++facts->dated_connections;
    }
    li.followers = o.connections;
    out.push_back({"Connections.csv", cn});
    out.push_back({"Profile.csv", kLiProfile});
    return out;
}

}  // namespace

GenExport gen_linkedin(const LinkedInOptions& o, Expected& li, LayoutFacts* facts) {
    li = Expected();
    if (facts) *facts = LayoutFacts();
    if (o.layout == 2017) return gen_linkedin_2017(o, li, facts);
    const bool y2026 = o.layout >= 2026;
    Rng r(o.seed);
    GenExport out;
    const std::string bom = "\xEF\xBB\xBF";
    std::string shares_head = y2026 ? "Date,ShareLink,ShareCommentary,SharedURL,MediaURL,Visibility\r\n"
                                    : "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\r\n";
    std::vector<std::string> share_rows;
    std::vector<uint64_t> own_ids;
    std::set<std::pair<int64_t, std::string>> seen;
    long multi = 0;
    for (int i = 0; i < o.shares + o.reposts + o.quotes; ++i) {
        int64_t t = when(r);
        uint64_t act = 7000000000000000000ull + r.next() % 100000000000000ull;
        bool repost = i >= o.shares && i < o.shares + o.reposts;
        bool quote = i >= o.shares + o.reposts;
        std::string text;
        if (!repost) {
            text = phrase(r, i);
            if (i % 3 == 0) text += "\n\nSecond paragraph with \"quotes\", commas, and a list:\n- one\n- two";
        }
        if (!repost && !quote && !seen.insert({t, text}).second) continue;
        if (li.sample_text.empty() && i % 3 == 0) li.sample_text = text;
        std::string link = i % 6 == 5 ? "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A" + std::to_string(act) + "/"
                                      : "https://www.linkedin.com/feed/update/urn%3Ali%3Aactivity%3A" + std::to_string(act) + "/";
        if (i % 6 != 5) own_ids.push_back(act);
        std::string shared = repost || quote ? "https://www.linkedin.com/feed/update/urn:li:activity:69" + std::to_string(100000 + i) + "/"
                                             : (i % 4 == 1 ? "https://example.org/blog/" + std::to_string(i) : "");
        std::string media = i % 5 == 2 ? "https://media.licdn.com/dms/image/x" + std::to_string(i) : "";
        std::vector<std::string> fields = {ymd_hms(t), link, text, shared, media, i % 2 ? "MEMBER_NETWORK" : "PUBLIC"};
        if (y2026 && text.find('\n') != std::string::npos) {
            // The first such post splits into records (and is the sample), then they alternate.
            share_rows.push_back(broken_quoting_line(fields, 2, multi++ % 2 == 0));
            if (facts) ++facts->repaired_rows;
        } else {
            share_rows.push_back(csv_line(fields));
        }
        note_time(facts, t);
        if (repost) ++li.reposts;
        else if (quote) ++li.quotes;
        else ++li.originals;
        if (i % 10 == 7) share_rows.push_back(",,,,,\r\n");   // rows of only commas
    }
    if (o.split_shares) {
        size_t half = share_rows.size() / 2;
        std::string a = bom + shares_head, b = shares_head;
        for (size_t i = 0; i < share_rows.size(); ++i) (i < half ? a : b) += share_rows[i];
        out.push_back({"Shares_1.csv", a});
        out.push_back({"Shares_2.csv", b});
    } else {
        std::string s = bom + shares_head;
        for (auto& row : share_rows) s += row;
        out.push_back({"Shares.csv", s});
    }
    std::string c = bom + "Date,Link,Message\r\n";
    for (int i = 0; i < o.comments; ++i) {
        int64_t t = when(r);
        bool own = i % 5 == 0 && !own_ids.empty();
        uint64_t target = own ? own_ids[static_cast<size_t>(i) % own_ids.size()] : 6900000000000000000ull + static_cast<uint64_t>(i);
        c += csv_line({ymd_hms(t), "https://www.linkedin.com/feed/update/urn:li:activity:" + std::to_string(target), "Great point, \"agreed\" " + phrase(r, i)});
        note_time(facts, t);
        ++li.replies;
        if (own) ++li.self_replies;
    }
    out.push_back({"Comments.csv", c});
    std::string re = "Date,Type,Link\r\n";
    for (int i = 0; i < o.reactions; ++i)
        re += csv_line({ymd_hms(when(r)), i % 3 ? "LIKE" : "PRAISE", "https://www.linkedin.com/feed/update/urn:li:activity:68" + std::to_string(100000 + i)});
    li.likes_given = o.reactions;
    out.push_back({"Reactions.csv", re});
    std::string cn = bom + "Notes:\r\n\"When exporting your connection data, you may notice that some of the email addresses are missing. "
                          "You will only see email addresses for connections who have allowed their connections to see or download their "
                          "email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here "
                          "https://www.linkedin.com/help/linkedin/answer/261\"\r\n\r\n"
                          "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n";
    static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (int i = 0; i < o.connections; ++i) {
        cn += csv_line({"Person" + std::to_string(i), i % 7 == 0 ? "M\xC3\xBCller" : "Smith", "https://www.linkedin.com/in/p" + std::to_string(i),
                        i % 3 ? "" : "p" + std::to_string(i) + "@example.com", i % 4 ? "Acme, Inc." : "", "Engineer",
                        std::to_string(1 + i % 28) + " " + kMon[i % 12] + " 2024"});
        if (facts) ++facts->dated_connections;
        if (i % 50 == 49) cn += ",,,,,,\r\n";
    }
    li.followers = o.connections;
    out.push_back({"Connections.csv", cn});
    out.push_back({"Profile.csv", kLiProfile});
    return out;
}

GenExport gen_tiktok(const TikTokOptions& o, Expected& tt, LayoutFacts* facts) {
    Rng r(o.seed);
    tt = Expected();
    if (facts) *facts = LayoutFacts();
    tt.handle = o.handle;
    // 0 keeps the two layouts new_layout has always chosen between.
    const int year = o.layout ? o.layout : (o.new_layout ? 2026 : 0);
    const bool newer = year >= 2025;
    json videos = json::array();
    long long sum = 0;
    for (int i = 0; i < o.videos; ++i) {
        int64_t t = when(r);
        long likes = r.range(0, 5000);
        std::string id = std::to_string(7100000000000000000ull + r.next() % 100000000000000ull);
        std::string url = "https://www.tiktokv.com/share/video/" + id + "/";
        // A photo post: one URL per photo, a line each.
        if (year == 2021 && i % 5 == 3)
            url += "\nhttps://p16-sign-va.tiktokcdn.com/obj/photo" + std::to_string(i) + "b.jpeg\nhttps://p16-sign-va.tiktokcdn.com/obj/photo" +
                   std::to_string(i) + "c.jpeg";
        json v = {{"Date", ymd_hms(t)}, {newer || year == 2021 ? "Link" : "VideoLink", url}};
        if (i % 2) v["Likes"] = std::to_string(likes);
        else v["Likes"] = likes;
        if (newer) {
            v["WhoCanView"] = "Everyone";
            v["AllowComments"] = "Yes";
            v["Sound"] = "original sound";
            v["Title"] = phrase(r, i) + " #fyp #dance";
        }
        if (i == 0) tt.sample_text = newer ? v["Title"].get<std::string>() : "";
        videos.push_back(v);
        note_time(facts, t);
        sum += likes;
        ++tt.originals;
        ++tt.videos_with_likes;
    }
    tt.likes_received_sum = sum;
    tt.likes_received_total = sum + 12345;   // the account total includes deleted videos
    json fans = json::array(), following = json::array(), likes = json::array(), comments = json::array();
    // 2025 writes the fans list with lower-case keys.
    for (int i = 0; i < o.followers; ++i)
        fans.push_back({{year == 2025 ? "date" : "Date", ymd_hms(when(r))}, {year == 2025 ? "username" : "UserName", "fan" + std::to_string(i)}});
    for (int i = 0; i < o.following; ++i) following.push_back({{"Date", ymd_hms(when(r))}, {"UserName", "idol" + std::to_string(i)}});
    for (int i = 0; i < o.likes; ++i) {
        std::string link = "https://www.tiktokv.com/share/video/72" + std::to_string(100000000000000000ull + static_cast<uint64_t>(i)) + "/";
        if (newer || (year == 0 && o.new_layout)) likes.push_back({{"date", ymd_hms(when(r))}, {"link", link}});
        else likes.push_back({{"Date", ymd_hms(when(r))}, {"VideoLink", link}});
    }
    for (int i = 0; i < o.comments; ++i) {
        int64_t t = when(r);
        comments.push_back({{"date", ymd_hms(t)}, {"comment", "so good " + phrase(r, i)}, {"photo", "N/A"}, {"url", ""}});
        note_time(facts, t);
    }
    tt.replies = o.comments;
    tt.followers = o.followers;
    tt.following = o.following;
    tt.likes_given = o.likes;
    json history = json::array();
    for (int i = 0; i < o.browsing_history; ++i) history.push_back({{"Date", ymd_hms(when(r))}, {"Link", "https://www.tiktokv.com/share/video/73" + std::to_string(i) + "/"}});
    json profile = {{"userName", o.handle}, {"bioDescription", "dance \xF0\x9F\x92\x83"}, {"likesReceived", std::to_string(tt.likes_received_total)},
                    {"followerCount", o.followers}};
    json doc;
    if (year == 2021) {
        doc["Activity"] = {{"Follower List", {{"FansList", fans}}},
                           {"Following List", {{"Following", following}}},
                           {"Like List", {{"ItemFavoriteList", likes}}},
                           {"Comments", {{"CommentsList", comments}}},
                           {"Video Browsing History", {{"VideoList", history}}},
                           {"Search History", {{"SearchList", json::array({{{"Date", "2021-03-01 10:00:00"}, {"SearchTerm", "dance"}}})}}}};
        doc["Profile"] = {{"Profile Information", {{"ProfileMap", profile}}}};
        doc["Video"] = {{"Videos", {{"VideoList", videos}}}};
    } else if (year == 2025) {
        doc["Ads and data"] = {{"Ad Interests", {{"AdInterestCategories", "Dance"}}}};
        doc["Comment"] = {{"Comments", {{"CommentsList", comments}}}};
        doc["Post"] = {{"Posts", {{"VideoList", videos}}}};
        doc["Profile"] = {{"Profile Info", {{"ProfileMap", profile}}}};
        doc["Your Activity"] = {{"Follower", {{"FansList", fans}}}, {"Following", {{"Following", following}}},
                                {"Like List", {{"ItemFavoriteList", likes}}}, {"Watch History", {{"VideoList", history}}}};
    } else if (newer) {
        doc["Ads and data"] = {{"Ad Interests", {{"AdInterestCategories", "Dance"}}}};
        doc["App Settings"] = {{"Settings", {{"SettingsMap", {{"Allow DownLoad", "Yes"}}}}}};
        doc["Comment"] = {{"Comments", {{"CommentsList", comments}}}};
        doc["Direct Message"] = {{"Direct Messages", {{"ChatHistory", json::object()}}}};
        doc["Likes and Favorites"] = {{"Like List", {{"ItemFavoriteList", likes}}}};
        doc["Post"] = {{"Posts", {{"VideoList", videos}}}};
        doc["Profile"] = {{"Profile Info", {{"ProfileMap", profile}}}};
        doc["Your Activity"] = {{"Follower", {{"FansList", fans}}}, {"Following", {{"Following", following}}}, {"Watch History", {{"VideoList", history}}}};
    } else {
        doc["Activity"] = {{"Follower List", {{"FansList", fans}}}, {"Following List", {{"Following", following}}}, {"Like List", {{"ItemFavoriteList", likes}}},
                           {"Video Browsing History", {{"VideoList", history}}}};
        doc["Comment"] = {{"Comments", {{"CommentsList", comments}}}};
        doc["Profile"] = {{"Profile Information", {{"ProfileMap", profile}}}};
        doc["Video"] = {{"Videos", {{"VideoList", videos}}}};
    }
    return {{newer ? "user_data_tiktok.json" : "user_data.json", doc.dump(2)}};
}

GenExport gen_reddit(const RedditOptions& o, Expected& rd) {
    Rng r(o.seed);
    rd = Expected();
    auto b36 = [](uint64_t v) {
        std::string s;
        do {
            s.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
            v /= 36;
        } while (v);
        std::reverse(s.begin(), s.end());
        return s;
    };
    std::string gild = o.gilding_variants ? ",gildings_silver,gildings_supergold" : "";
    std::string ph = "id,permalink,date,ip,subreddit,gildings" + gild + ",title,url,body\r\n";
    std::vector<std::string> post_ids, comment_ids;
    for (int i = 0; i < o.posts; ++i) {
        std::string id = b36(1000000000ull + r.next() % 1000000000ull);
        std::string sub = i % 2 ? "cpp" : "AskHistorians";
        std::string permalink = "https://www.reddit.com/r/" + sub + "/comments/" + id + "/a_title/";
        bool self = i % 3 != 0;
        std::string title = "Title " + phrase(r, i);
        std::string body = self ? "Body line one, with commas\nline two with \"quotes\"" : "";
        std::vector<std::string> f = {id, permalink, ymd_hms(when(r)) + " UTC", "0.0.0.0", sub, "0"};
        if (o.gilding_variants) { f.push_back("0"); f.push_back("0"); }
        f.push_back(title);
        f.push_back(self ? permalink : (i % 2 ? "https://i.redd.it/x" + id + ".jpg" : "https://example.org/" + id));
        f.push_back(body);
        ph += csv_line(f);
        if (i == 1) rd.sample_text = title + "\n\n" + body;
        post_ids.push_back(id);
        ++rd.originals;
    }
    std::string chd = "id,permalink,date,ip,subreddit,gildings,link,parent,body,media\r\n";
    for (int i = 0; i < o.comments; ++i) {
        std::string id = b36(2000000000ull + r.next() % 1000000000ull);
        std::string post = i % 4 == 0 && !post_ids.empty() ? post_ids[static_cast<size_t>(i) % post_ids.size()] : b36(900000 + i);
        std::string parent;
        bool self = false;
        if (i % 4 == 0 && !post_ids.empty()) { parent = "t3_" + post; self = true; }
        else if (i % 6 == 1 && !comment_ids.empty()) { parent = "t1_" + comment_ids.back(); self = true; }
        else parent = i % 2 ? "t1_" + b36(800000 + i) : "t3_" + post;
        chd += csv_line({id, "https://www.reddit.com/r/cpp/comments/" + post + "/x/" + id + "/", ymd_hms(when(r)) + " UTC", "", "cpp", "0",
                         "https://www.reddit.com/r/cpp/comments/" + post + "/x/", parent, "I think \"this\", mostly\n> quoted " + phrase(r, i), ""});
        comment_ids.push_back(id);
        ++rd.replies;
        if (self) ++rd.self_replies;
    }
    std::string pv = "id,permalink,direction\r\n", cv = "id,permalink,direction\r\n";
    for (int i = 0; i < o.upvotes; ++i) (i % 2 ? pv : cv) += b36(5000000 + i) + ",https://www.reddit.com/x/" + std::to_string(i) + ",up\r\n";
    for (int i = 0; i < o.downvotes; ++i) pv += b36(6000000 + i) + ",https://www.reddit.com/y/" + std::to_string(i) + ",down\r\n";
    rd.likes_given = o.upvotes;
    return {{"posts.csv", ph}, {"comments.csv", chd}, {"post_votes.csv", pv}, {"comment_votes.csv", cv},
            {"statistics.csv", "statistic,value\r\naccount name,quiet_owl\r\nexport time,2024-06-01 10:00:00 UTC\r\n"}};
}

void write_export_dir(const GenExport& files, const std::string& dir) {
    namespace fs = std::filesystem;
    for (const auto& f : files) {
        fs::path p = fs::path(dir) / f.path;
        fs::create_directories(p.parent_path());
        std::ofstream o(p, std::ios::binary);
        if (!o) throw std::runtime_error("cannot write " + p.string());
        o.write(f.bytes.data(), static_cast<std::streamsize>(f.bytes.size()));
    }
}

void write_export_zip(const GenExport& files, const std::string& zip_path, const std::string& root_folder) {
    ZipOptions zo;
    zo.root_folder = root_folder;
    ZipWriter w(zip_path, zo);
    for (const auto& f : files) {
        bool media = f.path.size() > 4 && (f.path.substr(f.path.size() - 4) == ".jpg" || f.path.substr(f.path.size() - 4) == ".mp4");
        w.add(f.path, f.bytes, media ? ZipMethod::Stored : ZipMethod::Deflated);
    }
    w.finish();
}

}  // namespace clout::gen
