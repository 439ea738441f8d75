// Generators of realistic Instagram/Threads, Facebook, LinkedIn, TikTok and Reddit
// exports, reproducing each format's pitfalls (see docs/FORMATS.md). Each returns the
// files of the export and the counts a correct reader must find, computed here from what
// was generated (never from the reader). Deterministic for a given seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace clout::gen {

struct GenFile {
    std::string path;    // '/'-separated, relative to the export root
    std::string bytes;
};
using GenExport = std::vector<GenFile>;

// What a reader must find for one account.
struct Expected {
    long originals = 0, replies = 0, self_replies = 0, quotes = 0, reposts = 0;
    long followers = -1, following = -1, likes_given = 0;
    long videos_with_likes = 0;
    long long likes_received_sum = -1;   // sum of per-post likes, -1 when the export has none
    long long likes_received_total = -1; // account-level total (TikTok)
    std::string handle;
    std::string sample_text;             // the plain text of one post, to check repairs
    long posts() const { return originals + replies + quotes; }
};

// Instagram (+ Threads inside it).
struct InstagramOptions {
    uint64_t seed = 1;
    bool new_layout = true;     // 2024+: your_instagram_activity/..., connections/...; else the older folders
    int posts = 40;             // feed posts (some multi-photo with the caption outside)
    int reels = 5;
    int comments = 25;          // the person's comments (some on their own posts)
    int followers = 150;        // split over followers_1.json and followers_2.json past 100
    int following = 90;
    int likes = 70;
    int threads_posts = 12;
    int threads_replies = 6;
    int threads_followers = 40;
    int threads_following = 20;
    int threads_likes = 10;
    bool messages = true;       // a messages/inbox folder that must be ignored
    std::string handle = "ana.sousa";
};
GenExport gen_instagram(const InstagramOptions& o, Expected& instagram, Expected& threads);

struct FacebookOptions {
    uint64_t seed = 2;
    bool new_layout = true;
    int posts = 30;             // own posts: statuses, photos, links
    int shares = 4;             // "shared a post" without words: reposts
    int empty_records = 3;      // records with nothing published: skipped
    int comments = 20;
    int friends = 120;
    int followers = 35;
    int following = 25;
    int reactions = 50;
    std::string name = "Bj\xC3\xB8rn S\xC3\xA6ther";
};
GenExport gen_facebook(const FacebookOptions& o, Expected& facebook);

// Facts of a LinkedIn or TikTok layout variant a reader must reproduce besides the counts.
struct LayoutFacts {
    int64_t first_post_time = 0, last_post_time = 0;  // over posts, reposts and comments
    long repaired_rows = 0;     // LinkedIn posts written with broken doubled quoting
    long dated_connections = 0; // LinkedIn connections whose Connected On is written
};

struct LinkedInOptions {
    uint64_t seed = 3;
    // 2024: UTF-8 CSVs, Connections.csv after a notes preamble ("12 Mar 2024" dates).
    // 2017: Shares.csv in UTF-16LE with a byte-order mark, tab-separated, quoted spaced
    //   headers ("Share Commentary"), "2017/06/08 08:15:44 UTC" dates; Connections.csv
    //   without the preamble, dated "1/8/18, 6:14 PM"; no Comments.csv or Reactions.csv.
    // 2026: header case variants (SharedURL, MediaURL) and multi-line texts written with
    //   broken doubled quoting (lines wrapped in "" and empty lines as """"), some so that
    //   a post splits into several records, some as valid CSV with quote debris.
    int layout = 2024;
    int shares = 30;            // some multi-line with "" quotes, some without an activity urn
    int reposts = 3;            // shares of another post without words
    int quotes = 2;             // shares of another post with words
    int comments = 15;          // some on the person's own posts
    int reactions = 40;
    int connections = 250;
    bool split_shares = false;  // Shares_1.csv + Shares_2.csv instead of Shares.csv
};
GenExport gen_linkedin(const LinkedInOptions& o, Expected& linkedin, LayoutFacts* facts = nullptr);

struct TikTokOptions {
    uint64_t seed = 4;
    bool new_layout = true;     // "Your Activity" / Post / "Profile Info"; else Activity / Video / "Profile Information"
    // 0: as new_layout says. 2021: everything in Activity (follower, following, like and
    // comment lists), videos in Video.Videos.VideoList, some Links holding several URLs
    // a line each. 2025: "Your Activity" with the like list and lower-case keys, comments
    // in Comment, videos in Post. 2026: likes in "Likes and Favorites".
    int layout = 0;
    int videos = 25;            // Likes as strings and numbers
    int comments = 10;
    int followers = 300;
    int following = 80;
    int likes = 120;
    int browsing_history = 2000;  // a big section the reader must skip
    std::string handle = "dancer_lu";
};
GenExport gen_tiktok(const TikTokOptions& o, Expected& tiktok, LayoutFacts* facts = nullptr);

struct RedditOptions {
    uint64_t seed = 5;
    int posts = 20;
    int comments = 60;          // some answering the person's own posts or comments
    int upvotes = 45;           // post_votes.csv + comment_votes.csv, "up" only counted
    int downvotes = 10;
    bool gilding_variants = true;  // gildings_silver / gildings_supergold columns
};
GenExport gen_reddit(const RedditOptions& o, Expected& reddit);

// Writes the export into a folder (created), or into a zip (root_folder optional).
void write_export_dir(const GenExport& files, const std::string& dir);
void write_export_zip(const GenExport& files, const std::string& zip_path, const std::string& root_folder = "");

// Meta's per-byte escaping: every UTF-8 byte of s as its own code point U+00XX (what a
// JSON parser returns from Meta's \u00XX escapes).
std::string meta_mojibake(const std::string& s);

}  // namespace clout::gen
