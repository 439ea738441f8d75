#include "export_gen.h"

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "mastodon_gen.h"
#include "util/time.h"
#include "x_archive_gen.h"
#include "zip_writer.h"

namespace clout::gen {

namespace {

using ojson = nlohmann::ordered_json;

// The generation both writers share: the X network's activity (it has every signal), so
// the Mastodon writer can hold the very same per-post counts when asked to.
ActivityExportTruth generate(const ActivityExportOptions& o) {
    ActivityExportTruth t;
    ActivityGenOptions g;
    g.network = Network::X;
    g.seed = o.seed;
    g.as_of_day = o.as_of_day;
    g.history_days = o.history_days;
    Activity a;
    GeneratedActions actions;
    add_profile_activity(a, o.profile, g, &t.posts, &actions);
    const Account& acc = a.accounts.at(0);
    t.handle = acc.handle;
    t.followers = acc.followers;
    t.following = acc.following;
    t.likes_given = actions.likes;
    t.export_time = acc.export_time;
    for (const auto& p : t.posts) {
        if (p.post.kind == PostKind::Repost) {
            ++t.reposts;
            continue;
        }
        ++t.published;
        t.likes_received += std::max<int32_t>(0, p.post.likes);
        t.reposts_received += std::max<int32_t>(0, p.post.reposts);
    }
    return t;
}

std::string iso_ms(int64_t t) {
    std::string s = format_time(t);  // ...Z
    s.pop_back();
    return s + ".000Z";
}

// Mastodon's HTML escapes what X's full_text does, and quotes too.
std::string mastodon_html_text(std::string_view s) {
    std::string o;
    for (char c : x_full_text(s)) o += c == '"' ? std::string("&quot;") : std::string(1, c);
    return o;
}

// A stable made-up account id for a friend's name (X ids are numbers).
std::string friend_id(const std::string& name) { return std::to_string(7700000000ull + hash64(name) % 100000000ull); }

std::string ytd(const char* global, const ojson& items) { return std::string("window.YTD.") + global + ".part0 = " + items.dump(2); }

}  // namespace

std::string mastodon_archive_name(int64_t export_time) {
    const int64_t day = day_of(export_time);
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    const int64_t s = export_time - day * 86400;
    char b[80];
    std::snprintf(b, sizeof b, "archive-%04d%02u%02u%02d%02d%02d-%016llx.zip", y, m, d, static_cast<int>(s / 3600),
                  static_cast<int>(s / 60 % 60), static_cast<int>(s % 60),
                  static_cast<unsigned long long>(hash64(std::to_string(export_time))));
    return b;
}

ActivityExportTruth write_activity_x_archive(const ActivityExportOptions& o, const std::string& zip_path) {
    ActivityExportTruth t = generate(o);
    const std::string account_id = "1" + std::to_string(1000 + static_cast<int>(o.profile)) + "000000";
    ZipWriter z(zip_path);
    z.add("data/manifest.js",
          "window.__THAR_CONFIG = " +
              ojson{{"userInfo", {{"accountId", account_id}, {"userName", t.handle}, {"displayName", t.handle}}},
                    {"archiveInfo",
                     {{"sizeBytes", "123456"}, {"generationDate", iso_ms(t.export_time)}, {"isPartialArchive", false}}},
                    {"readOnlyMode", false}}
                  .dump(2));
    z.add("data/account.js",
          ytd("account", ojson::array({{{"account",
                                         {{"email", t.handle + "@example.org"},
                                          {"createdVia", "web"},
                                          {"username", t.handle},
                                          {"accountId", account_id},
                                          {"createdAt", iso_ms(t.export_time - 2000ll * 86400)},
                                          {"accountDisplayName", t.handle}}}}})));
    ojson tweets = ojson::array();
    for (size_t k = t.posts.size(); k-- > 0;) {  // newest first, as X writes them
        const GeneratedPost& g = t.posts[k];
        const Post& p = g.post;
        std::string text = g.text;
        ojson tags = ojson::array(), mentions = ojson::array(), urls = ojson::array();
        for (const auto& h : g.hashtags) tags.push_back({{"text", h}, {"indices", {"0", "0"}}});
        for (const auto& m : g.mentions)
            mentions.push_back({{"name", m}, {"screen_name", m}, {"indices", {"0", "0"}}, {"id_str", friend_id(m)}, {"id", friend_id(m)}});
        if (p.kind == PostKind::Repost)
            mentions.push_back({{"name", g.target}, {"screen_name", g.target}, {"indices", {"3", "3"}}, {"id_str", friend_id(g.target)}, {"id", friend_id(g.target)}});
        if (p.kind == PostKind::Quote) {
            // X keeps the quoted post's link in the text, shortened
            const std::string code = std::to_string(p.id % 1000000);
            urls.push_back({{"url", "https://t.co/q" + code},
                            {"expanded_url", "https://twitter.com/" + g.target + "/status/" + std::to_string(p.id - 77777)},
                            {"display_url", "twitter.com/" + g.target + "/status/…"},
                            {"indices", {"0", "0"}}});
            text += " https://t.co/q" + code;
        }
        ojson tw;
        tw["retweeted"] = false;
        tw["source"] = "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>";
        tw["entities"] = {{"hashtags", tags}, {"symbols", ojson::array()}, {"user_mentions", mentions}, {"urls", urls}};
        tw["display_text_range"] = {"0", std::to_string(text.size())};
        tw["favorite_count"] = std::to_string(std::max<int32_t>(0, p.likes));
        if (p.kind == PostKind::Reply) {
            const std::string uid = friend_id(g.target);
            tw["in_reply_to_status_id_str"] = std::to_string(p.id - 99999);
            tw["in_reply_to_user_id"] = uid;
            tw["in_reply_to_status_id"] = std::to_string(p.id - 99999);
            tw["in_reply_to_screen_name"] = g.target;
            tw["in_reply_to_user_id_str"] = uid;
        }
        tw["id_str"] = std::to_string(p.id);
        tw["truncated"] = false;
        tw["retweet_count"] = std::to_string(std::max<int32_t>(0, p.reposts));
        tw["id"] = std::to_string(p.id);
        tw["created_at"] = x_created_at(p.time);
        tw["favorited"] = false;
        tw["full_text"] = x_full_text(text);
        tw["lang"] = "en";
        tweets.push_back({{"tweet", tw}});
    }
    z.add("data/tweets.js", ytd("tweets", tweets));
    ojson followers = ojson::array(), following = ojson::array(), likes = ojson::array();
    for (int64_t i = 0; i < t.followers; ++i) {
        const std::string id = std::to_string(3000000000ll + i);
        followers.push_back({{"follower", {{"accountId", id}, {"userLink", "https://twitter.com/intent/user?user_id=" + id}}}});
    }
    for (int64_t i = 0; i < t.following; ++i) {
        const std::string id = std::to_string(4000000000ll + i);
        following.push_back({{"following", {{"accountId", id}, {"userLink", "https://twitter.com/intent/user?user_id=" + id}}}});
    }
    for (int64_t i = 0; i < t.likes_given; ++i) {
        const std::string id = std::to_string(1400000000000000000ll + i * 13);
        likes.push_back({{"like", {{"tweetId", id}, {"fullText", "a liked post"}, {"expandedUrl", "https://twitter.com/i/web/status/" + id}}}});
    }
    z.add("data/follower.js", ytd("follower", followers));
    z.add("data/following.js", ytd("following", following));
    z.add("data/like.js", ytd("like", likes));
    z.finish();
    return t;
}

ActivityExportTruth write_activity_mastodon_archive(const ActivityExportOptions& o, const std::string& zip_path) {
    ActivityExportTruth t = generate(o);
    t.followers = -1;  // a Mastodon archive holds no follower count
    const std::string host = o.mastodon_host;
    const std::string actor = "https://" + host + "/users/" + t.handle;
    const std::string followers_uri = actor + "/followers";
    const char* const kPublic = "https://www.w3.org/ns/activitystreams#Public";
    auto friend_uri = [&](const std::string& name) { return "https://" + host + "/users/" + name; };
    ojson items = ojson::array();
    for (const GeneratedPost& g : t.posts) {
        const Post& p = g.post;
        const std::string sid = actor + "/statuses/" + std::to_string(p.id);
        if (p.kind == PostKind::Repost) {
            const std::string author = friend_uri(g.target);
            items.push_back({{"id", sid + "/activity"},
                             {"type", "Announce"},
                             {"actor", actor},
                             {"published", format_time(p.time)},
                             {"to", {kPublic}},
                             {"cc", {author, followers_uri}},
                             {"object", author + "/statuses/" + std::to_string(p.id - 55555)}});
            continue;
        }
        // The text as Mastodon's HTML: mentions and hashtags become links, the rest is escaped.
        std::string html = "<p>";
        ojson tags = ojson::array();
        size_t pos = 0;
        while (pos <= g.text.size()) {
            size_t end = g.text.find(' ', pos);
            if (end == std::string::npos) end = g.text.size();
            const std::string word = g.text.substr(pos, end - pos);
            if (pos) html += ' ';
            bool linked = false;
            if (word.size() > 1 && word[0] == '@') {
                const std::string who = word.substr(1);
                for (const auto& m : g.mentions)
                    if (m == who) {
                        html += "<span class=\"h-card\"><a href=\"https://" + host + "/@" + who +
                                "\" class=\"u-url mention\">@<span>" + who + "</span></a></span>";
                        tags.push_back({{"type", "Mention"}, {"href", friend_uri(who)}, {"name", "@" + who + "@" + host}});
                        linked = true;
                        break;
                    }
            } else if (word.size() > 1 && word[0] == '#') {
                const std::string tag = word.substr(1);
                for (const auto& h : g.hashtags)
                    if (h == tag) {
                        html += "<a href=\"https://" + host + "/tags/" + tag + "\" class=\"mention hashtag\" rel=\"tag\">#<span>" +
                                tag + "</span></a>";
                        tags.push_back({{"type", "Hashtag"}, {"href", "https://" + host + "/tags/" + tag}, {"name", "#" + tag}});
                        linked = true;
                        break;
                    }
            }
            if (!linked) html += mastodon_html_text(word);
            pos = end + 1;
        }
        html += "</p>";
        ojson obj;
        obj["id"] = sid;
        obj["type"] = "Note";
        obj["summary"] = nullptr;
        obj["inReplyTo"] = p.kind == PostKind::Reply ? ojson(friend_uri(g.target) + "/statuses/" + std::to_string(p.id - 99999)) : ojson(nullptr);
        obj["published"] = format_time(p.time);
        obj["url"] = "https://" + host + "/@" + t.handle + "/" + std::to_string(p.id);
        obj["attributedTo"] = actor;
        obj["to"] = {kPublic};
        obj["cc"] = {followers_uri};
        obj["sensitive"] = false;
        obj["atomUri"] = sid;
        obj["content"] = html;
        obj["contentMap"] = {{"en", html}};
        if (p.kind == PostKind::Quote) obj["quote"] = friend_uri(g.target) + "/statuses/" + std::to_string(p.id - 77777);
        obj["attachment"] = ojson::array();
        obj["tag"] = tags;
        if (o.mastodon_counts) {
            obj["likes"] = {{"id", sid + "/likes"}, {"type", "Collection"}, {"totalItems", std::max<int32_t>(0, p.likes)}};
            obj["shares"] = {{"id", sid + "/shares"}, {"type", "Collection"}, {"totalItems", std::max<int32_t>(0, p.reposts)}};
        }
        items.push_back({{"id", sid + "/activity"},
                         {"type", "Create"},
                         {"actor", actor},
                         {"published", format_time(p.time)},
                         {"to", {kPublic}},
                         {"cc", {followers_uri}},
                         {"object", obj}});
    }
    const ojson outbox = {{"@context", "https://www.w3.org/ns/activitystreams"},
                          {"id", "outbox.json"},
                          {"type", "OrderedCollection"},
                          {"totalItems", items.size()},
                          {"orderedItems", items}};
    const ojson actor_doc = {{"@context", {"https://www.w3.org/ns/activitystreams"}},
                             {"id", actor},
                             {"type", "Person"},
                             {"following", actor + "/following"},
                             {"followers", followers_uri},
                             {"inbox", actor + "/inbox"},
                             {"outbox", "outbox.json"},
                             {"preferredUsername", t.handle},
                             {"name", t.handle},
                             {"summary", "<p>Generated account</p>"},
                             {"url", "https://" + host + "/@" + t.handle},
                             {"published", format_time(t.export_time - 2000ll * 86400)},
                             {"likes", "likes.json"},
                             {"bookmarks", "bookmarks.json"}};
    ojson likes = {{"@context", "https://www.w3.org/ns/activitystreams"}, {"id", "likes.json"}, {"type", "OrderedCollection"}};
    likes["orderedItems"] = ojson::array();
    for (int64_t i = 0; i < t.likes_given; ++i)
        likes["orderedItems"].push_back("https://" + host + "/users/someone/statuses/" + std::to_string(300000 + i));
    ZipWriter z(zip_path);
    z.add("outbox.json", outbox.dump());
    z.add("actor.json", actor_doc.dump());
    z.add("likes.json", likes.dump());
    z.add("bookmarks.json", ojson{{"id", "bookmarks.json"}, {"type", "OrderedCollection"}, {"orderedItems", ojson::array()}}.dump());
    z.add("following_accounts.csv", mastodon_following_csv(static_cast<int>(t.following), o.seed));
    z.finish();
    return t;
}

}  // namespace clout::gen
