// One generated activity (activity_gen.h) written as the export of a network: the same
// posts (times, kinds, texts, hashtags, mentions), likes given and follows, as an X archive
// zip and as a Mastodon archive zip. What differs is only what each network's export holds:
// the X archive carries the follower list and each post's likes and retweets; the Mastodon
// archive carries no follower count and, unless `mastodon_counts` (servers from 4.3 on), no
// reaction counts. Scoring both with the same signals supplied must give the same score
// (tests/test_score_network_neutral.cpp).
//
//   ActivityExportOptions o; o.profile = Profile::Median; o.seed = 4;
//   auto x = write_activity_x_archive(o, dir + "/twitter.zip");
//   auto m = write_activity_mastodon_archive(o, dir + "/" + mastodon_archive_name(m_time));
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "activity_gen.h"

namespace clout::gen {

struct ActivityExportOptions {
    Profile profile = Profile::Median;
    uint64_t seed = 1;
    int64_t as_of_day = 20000;      // the export date (noon that day)
    int history_days = 500;
    bool mastodon_counts = false;   // Mastodon 4.3+: each post's likes/shares totals (the X counts)
    std::string mastodon_host = "example.social";
};

// What was written, known by construction.
struct ActivityExportTruth {
    std::vector<GeneratedPost> posts;  // every post (reposts included), in time order, with the
                                       // likes and reposts the X archive records
    std::string handle;                // the account's name (the X username, the Mastodon user)
    int64_t followers = -1;            // follower.js entries (X); -1 for Mastodon
    int64_t following = 0;             // following.js entries / following_accounts.csv rows
    int64_t likes_given = 0;
    int64_t published = 0;             // originals, replies and quotes (reposts excluded)
    int64_t reposts = 0;
    int64_t likes_received = 0;        // sums over published posts (what the X archive holds)
    int64_t reposts_received = 0;
    int64_t export_time = 0;           // unix seconds: the manifest's date / the archive name's
};

// The X archive of the activity (data/manifest.js, account.js, tweets.js, follower.js,
// following.js, like.js) as a zip. Throws std::runtime_error on I/O errors.
ActivityExportTruth write_activity_x_archive(const ActivityExportOptions& o, const std::string& zip_path);

// The Mastodon archive of the same activity (outbox.json, actor.json, likes.json,
// following_accounts.csv) as a zip. Mastodon names the file after its date
// (mastodon_archive_name), and that name is where the importer reads the export date from:
// give the file that name for the same as-of day as the X archive.
ActivityExportTruth write_activity_mastodon_archive(const ActivityExportOptions& o, const std::string& zip_path);
// "archive-20241004120000-<hex>.zip" for an export time.
std::string mastodon_archive_name(int64_t export_time);

}  // namespace clout::gen
