// Generator of X/Twitter archives shaped like real ones (see docs/FORMATS.md, X section),
// with the counts an importer must find, known by construction (the generator decides
// every tweet's kind, so the expected numbers do not come from the importer).
//
//   XArchiveOptions o; o.tweets = 5000; o.parts = 3; o.media_files = 70000;
//   XArchiveExpected e = write_x_archive("/tmp/twitter.zip", o);   // or write_x_archive_dir
//   o.media_only_part = true; write_x_archive("/tmp/twitter-part2.zip", o);  // its media-only part
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace clout::gen {

// A tweet's full_text as X stores it: &, < and > escaped as HTML entities.
std::string x_full_text(std::string_view text);
// A tweet's created_at as X writes it: "Fri Oct 04 12:00:00 +0000 2024" (UTC).
std::string x_created_at(int64_t unix_seconds);

struct XArchiveOptions {
    uint64_t seed = 1;
    int tweets = 1000;              // tweets in tweets.js (and its parts), RTs and replies included
    bool era2019 = false;           // tweet.js + window.YTD.tweet.part0, bare tweet objects, no manifest
    int parts = 1;                  // tweets split into tweets.js + tweets-part1.js ... (written shuffled)
    bool manifest = true;           // data/manifest.js (ignored for era2019)
    int note_tweets = 0;            // long posts: truncated in tweets.js, full text in note-tweet.js
    int community_tweets = 0;       // public posts only in community-tweet.js
    int deleted_tweets = 0;         // deleted-tweets.js (must not be counted)
    int likes = 0;                  // like.js (likes given)
    int followers = 0;              // follower.js (+ parts)
    int following = 0;              // following.js
    int follower_parts = 1;         // follower.js + follower-part1.js ...
    int media_files = 0;            // small stored files in data/tweets_media/ (e.g. 70000)
    uint64_t media_bytes = 0;       // one big stored video generated on the fly (never in memory)
    std::string root_folder;        // a top folder around everything (Finder/Explorer re-zip)
    bool macosx = false;            // __MACOSX/ resource-fork entries (to be ignored)
    bool data_descriptors = false;  // zip entries with data descriptors
    bool force_zip64 = false;       // ZIP64 records for every entry
    int damaged_part = -1;          // this tweets part is cut short after half its tweets
    bool stored = false;            // store the data files instead of deflating them
    uint64_t sparse_media_bytes = 0;  // a media file of zeros written FIRST as a sparse hole (zip only),
                                      // so the data files lie past it (e.g. past 4 GiB)
    bool legacy_zip = false;        // no ZIP64 records even past 4 GB / 65 535 entries (broken writers)
    bool media_only_part = false;   // a later part of a large archive (several zips): media_files in
                                    // data/tweets_media/ and a few other media folders, no data file
};

struct XArchiveExpected {
    // Post records in the model (reposts included) and the report's counts.
    int64_t records = 0;            // every post record: originals + replies + quotes + reposts
    int64_t posts = 0;              // published: originals + replies + quotes (reposts excluded)
    int64_t originals = 0;
    int64_t replies = 0;
    int64_t replies_self = 0;
    int64_t replies_other = 0;
    int64_t quotes = 0;
    int64_t reposts = 0;
    int64_t with_media = 0;         // records with media
    int64_t with_link = 0;          // records with a non-status link
    int64_t likes_received = 0;     // sum over non-retweets
    int64_t reposts_received = 0;   // sum over non-retweets
    int64_t text_length = 0;        // code points of every record's full plain text
    int64_t long_posts = 0;         // note tweets joined to their tweet
    int64_t likes_given = 0;
    int64_t followers = -1;         // -1 when follower.js is absent
    int64_t following = -1;
    int64_t warnings = 0;           // damaged parts
    std::string handle, display_name, account_id;
    int64_t export_time = 0;        // 0 when there is no manifest
    int64_t created_time = 0;
    uint64_t tweet_json_bytes = 0;  // bytes of tweets*.js files (uncompressed), for MB/s
    uint64_t file_bytes = 0;        // size of the zip written
};

// Writes a zip archive. Throws std::runtime_error on I/O errors.
XArchiveExpected write_x_archive(const std::string& zip_path, const XArchiveOptions& o);
// Writes the same archive unzipped into a folder (created; media files are written too).
XArchiveExpected write_x_archive_dir(const std::string& dir, const XArchiveOptions& o);

}  // namespace clout::gen
