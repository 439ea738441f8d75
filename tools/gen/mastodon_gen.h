// Generates realistic Mastodon archives (outbox.json, actor.json, likes.json, media,
// optionally following_accounts.csv) as a folder, a .zip (servers from 4.2 on), a .tar.gz
// (older servers) or a .tar.
// The counts in the spec are the truth the tests check the importer against.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace clout::gen {

struct MastodonSpec {
    uint64_t seed = 1;
    std::string host = "example.social";
    std::string user = "alice";
    std::string display_name = "Alice Example";
    std::string top_folder;           // e.g. "archive-20240715" to nest everything
    int originals = 40;               // public posts, not replies
    int unlisted = 5;                 // unlisted originals (still posts)
    int followers_only = 5;           // followers-only originals (still posts)
    int polls = 2;                    // Question posts
    int self_replies = 10;
    int other_replies = 15;
    int boosts = 12;
    int boosts_of_objects = 2;        // boosts whose URI does not name the author (/objects/<uuid>)
    int direct_messages = 4;
    int likes_given = 30;
    int following = -1;               // rows of following_accounts.csv; -1: no CSV in the archive
    bool following_quoted_newlines = false;  // some CSV fields quoted, with line breaks and commas in them
    bool counts_43 = false;           // likes/shares collections with totalItems (Mastodon 4.3+)
    bool duplicate_ordered_items = true;   // "orderedItems":[] first, as the real 2024 export
    int total_items_offset = -7;      // totalItems = items + this (the real exports differ)
    bool tar_era = false;             // per-item @context and signature (older servers)
    int media_files = 3;              // files under media_attachments/files/...
    uint64_t media_bytes = 20000;     // size of each media file
    int64_t start_time = 1667779200;  // 2022-11-07
};

struct MastodonTruth {
    int posts = 0;          // originals + unlisted + followers-only + polls + replies
    int replies = 0;
    int self_replies = 0;
    int boosts = 0;
    int direct = 0;
    int likes_given = 0;
    int hashtags = 0;       // hashtag tags on posts (not DMs)
    int mentions = 0;
    int with_media = 0;
    int64_t likes_received = 0;   // sum over posts when counts_43
    int64_t boosts_received = 0;
    int items = 0;          // orderedItems length
    int total_items = 0;    // the stated totalItems
};

enum class ArchiveKind { Folder, TarGz, Tar, Zip };

// Writes the archive at `path` (a folder to create, or the archive file).
MastodonTruth write_mastodon_archive(const MastodonSpec& spec, const std::string& path, ArchiveKind kind);

// The file contents, for writers of other containers (zip): name -> bytes. Media
// files are listed with their size only (contents from media_bytes()).
// (Not "GenFile": social_gen.h has a different clout::gen::GenFile, and two definitions of
// one name break the One Definition Rule -- std::vector<GenFile> code was shared between
// them, a stack-buffer-overflow under ASan.)
struct MastodonFile {
    std::string name;
    std::string data;          // empty for media
    uint64_t media_size = 0;   // > 0 for media
};
MastodonTruth mastodon_files(const MastodonSpec& spec, std::vector<MastodonFile>& files);
// Deterministic pseudo-random bytes for a media file (incompressible, like JPEG data).
void media_bytes(uint64_t seed, uint64_t offset, char* buf, size_t n);

// following_accounts.csv with n rows. quoted_newlines: every third row's Languages field
// is quoted with a line break and a comma in it ("en\nde,fr"), and every fifth address is
// quoted: n rows still, over more lines.
std::string mastodon_following_csv(int n, uint64_t seed, bool quoted_newlines = false);

}  // namespace clout::gen
