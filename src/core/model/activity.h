// The compact, network-neutral activity model that every importer fills and the
// scoring engine reads. No I/O, no UI. See docs/ARCHITECTURE.md.
//
// Memory: posts are stored by value in one vector (64 bytes each); repeated strings
// (other accounts, hashtags, keywords, languages) are interned in a StringPool and
// referenced by 32-bit ids; a post's id is a 64-bit number (see IdKind). Post text is
// not kept for every post: a bounded set of snippets (the most engaged and the most
// recent posts of each account) is kept for top posts and the activity statement.
// A million posts take about 64 MB plus their terms.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/string_pool.h"

namespace clout {

namespace wire {
class Writer;
class Reader;
}  // namespace wire

enum class Network : uint8_t { X, Mastodon, Bluesky, Instagram, Threads, Facebook, LinkedIn, TikTok, Reddit };
constexpr int kNetworkCount = 9;

// Stable lower-case identifier used in reports ("x", "mastodon", ...).
const char* network_id(Network n);
// Human label ("X", "Mastodon", ...).
const char* network_label(Network n);
// Parses an identifier (also accepts "twitter" for X). Returns false when unknown.
bool parse_network(std::string_view s, Network& out);

enum class PostKind : uint8_t { Original, Reply, Quote, Repost };
enum class ReplyTarget : uint8_t { None, Self, Other };

// How Post::id encodes the network's own id, so it can be printed back.
enum class IdKind : uint8_t {
    Decimal,   // X, Mastodon, TikTok, LinkedIn activity ids: printed in decimal
    Base36,    // Reddit ids ("t3_" stripped): printed in base 36
    Tid,       // Bluesky record keys (13-char base32-sortable TIDs)
    Hash,      // no usable id in the export: a 64-bit hash of (time, text)
};

// Parses an id into (value, kind). Decimal strings of up to 19 digits -> Decimal;
// otherwise a 64-bit FNV-1a hash of the string -> Hash.
void make_decimal_or_hash_id(std::string_view s, uint64_t& id, IdKind& kind);
uint64_t hash64(std::string_view s, uint64_t seed = 0);
// Bluesky TIDs: 13 chars of "234567abcdefghijklmnopqrstuvwxyz". False when not a TID.
bool decode_tid(std::string_view s, uint64_t& out);
std::string encode_tid(uint64_t v);
std::string format_post_id(uint64_t id, IdKind kind);

// A count the export may not hold: -1 means "the export does not say".
constexpr int32_t kUnknownCount = -1;

struct Post {
    int64_t time = 0;             // unix seconds, UTC
    uint64_t id = 0;              // the network's own id (see IdKind)
    uint32_t account = 0;         // index into Activity::accounts
    StrId target_account = 0;     // replied-to / quoted / reposted account, when known
    StrId lang = 0;               // language tag, when known
    uint32_t terms_begin = 0;     // hashtags, then mentions, then keywords, in Activity::terms
    int32_t likes = kUnknownCount;    // received, snapshot at export time
    int32_t reposts = kUnknownCount;  // received (retweets, boosts, shares)
    int32_t replies = kUnknownCount;  // received
    int32_t quotes = kUnknownCount;   // received
    uint32_t text_length = 0;     // code points of the full text
    uint8_t n_hashtags = 0;
    uint8_t n_mentions = 0;
    uint8_t n_keywords = 0;
    PostKind kind = PostKind::Original;
    ReplyTarget reply_target = ReplyTarget::None;
    IdKind id_kind = IdKind::Decimal;
    bool has_media = false;
    bool has_link = false;        // the post links to a web page
};

// Which received-engagement signals an export carries at all.
struct SignalAvailability {
    bool likes_received = false;
    bool reposts_received = false;
    bool replies_received = false;
    bool quotes_received = false;
    bool followers = false;       // a follower (or connection) count exists in the export
    bool following = false;
};

// Aggregates an export carries about itself over a date range (Instagram's
// logged_information/past_instagram_insights/): the person's own platform's totals, not
// per-post counts. -1 = the export does not give that figure. Used only to estimate signals
// the export lacks per post (docs/SCORING.md), and always marked as an estimate.
struct Insights {
    int64_t from_day = 0, to_day = 0;      // inclusive UTC day numbers of the range; 0 = no insights
    int64_t post_interactions = -1;        // "Post interactions" (likes, comments, saves, shares on posts)
    int64_t content_interactions = -1;     // "Content interactions" (posts, stories, reels together)
    int64_t accounts_engaged = -1;         // "Accounts engaged"
    int64_t accounts_reached = -1;         // "Accounts reached"
    int64_t impressions = -1;              // "Impressions"
    int64_t followers = -1;                // "Followers" at the end of the range
    bool present() const { return from_day != 0 || to_day != 0; }
};

// Public counts fetched from the network's API at the person's request: where from, when,
// and how much of the asked period the server showed.
struct FetchedInfo {
    std::string host;             // the only host contacted
    int64_t at = 0;               // unix seconds of the fetch; 0 = nothing fetched
    bool followers = false;       // the follower count came from the fetch
    bool reactions = false;       // the reaction counts came from it (the export had none)
    int64_t posts_asked = 0, posts_found = 0;  // published posts asked about / answered for
    bool complete = false;        // every request was answered
};

struct Account {
    Network network = Network::X;
    std::string format;           // importer id, e.g. "x-archive", "mastodon-archive"
    std::string source_name;      // the file or folder the person gave us
    std::string id;               // account id or DID, when known
    std::string handle;           // e.g. "alice", "alice@example.social", "alice.bsky.social"
    std::string display_name;
    int64_t followers = -1;       // -1 = unknown (the export does not say)
    int64_t following = -1;       // -1 = unknown
    int64_t followers_supplied = -1;  // typed in by the person (--followers N / app field)
    int64_t likes_given = 0;      // derived by Activity::normalize() from the Like interactions
    int64_t direct_messages = 0;  // private messages found and left out of posts
    int64_t likes_received_total = -1;  // an account-level total some exports carry (TikTok)
    int64_t export_time = 0;      // the archive's own generation time, 0 = unknown
    int64_t created_time = 0;     // account creation time, 0 = unknown
    SignalAvailability signals;
    Insights insights;            // the export's own aggregates (Instagram's insights), if any
    FetchedInfo fetched;          // public counts fetched on request (fetch/public_counts.h), if any
    std::vector<std::string> notes;  // what this export lacks or how it was read, for the report
};

// Things a person did that are not publishing: likes given, follows made.
enum class InteractionKind : uint8_t { Like, Follow };
struct Interaction {
    int64_t time = 0;             // 0 when the export gives no time (X likes)
    uint64_t target = 0;          // hash64 of the liked post / followed account (dedup key)
    StrId target_account = 0;     // whose post was liked / who was followed, when known
    uint32_t account = 0;
    InteractionKind kind = InteractionKind::Like;
};

struct Activity {
    StringPool strings;
    std::vector<Account> accounts;
    std::vector<Post> posts;
    std::vector<Interaction> interactions;
    std::vector<StrId> terms;      // per-post hashtags/mentions/keywords (see Post)
    std::vector<std::string> warnings;  // "FILE: what was skipped", shown to the person

    static constexpr size_t kSnippetBytes = 200;   // longest snippet kept
    static constexpr size_t kSnippetsPerAccount = 256;  // per ranking (engagement, recency)
    static constexpr size_t kMaxKeywords = 4;

    uint32_t add_account(Account a);

    // Appends a post. `text` is the full text, already plain UTF-8 (no HTML, no
    // entities). Its length is recorded, keywords extracted, and a snippet kept when
    // the post is among the account's most engaged or most recent.
    Post& add_post(Post p, std::string_view text,
                   const std::vector<std::string_view>& hashtags = {},
                   const std::vector<std::string_view>& mentions = {});

    void add_like(uint32_t account, int64_t time, std::string_view target, std::string_view target_account = {});
    void add_follow(uint32_t account, int64_t time, std::string_view target);

    // The snippet of a post, or empty when it was not kept.
    std::string_view snippet(const Post& p) const;
    const StrId* hashtags(const Post& p) const { return terms.data() + p.terms_begin; }
    const StrId* mentions(const Post& p) const { return terms.data() + p.terms_begin + p.n_hashtags; }
    const StrId* keywords(const Post& p) const {
        return terms.data() + p.terms_begin + p.n_hashtags + p.n_mentions;
    }

    // Merges another activity (from another export) into this one.
    void merge(Activity&& other);
    // Appends a part read separately (one data file of the same export, read on another
    // thread): its posts and interactions become `account`'s, its accounts are ignored.
    // Merging the parts in reading order gives exactly the model one reader would build.
    void merge_part(Activity&& part, uint32_t account);
    // A part as bytes and back, for a part read by another copy of the engine (the page's
    // second import worker; util/wire.h): what merge_part takes (strings, terms, posts,
    // interactions, warnings, the kept snippets), not the accounts. decode_part throws
    // InputError on damaged bytes and checks every index, so merging what it gives is safe.
    void encode_part(wire::Writer& w) const;
    static Activity decode_part(wire::Reader& r);

    // Puts the model in its canonical form, whatever order things came in:
    // - accounts folded when they are the same (same network and id, or handle), and an
    //   account with neither id nor handle folded into the only other one of its network;
    // - posts sorted by (network, time, id, kind) and the same post met twice (same
    //   network and id) kept once;
    // - interactions deduplicated by (account, kind, target) and likes_given recounted.
    // Idempotent.
    void normalize();

    // Bytes used, roughly (for benchmarks).
    size_t memory_bytes() const;

private:
    void keep_snippet(const Post& p, uint32_t index, std::string_view text);
    std::vector<StrId> adopt_strings(StringPool& other, bool& same_ids);
    struct Ranked { int64_t rank; uint64_t key; };
    bool offer_snippet(std::vector<Ranked>& heap, Ranked r);
    std::unordered_map<uint64_t, std::string> snippets_;  // snippet_key(post) -> text
    std::vector<std::vector<Ranked>> top_by_engagement_;  // per account, min-heaps
    std::vector<std::vector<Ranked>> top_by_recency_;
    std::unordered_map<uint64_t, uint8_t> snippet_refs_;
    std::string scratch_;                       // add_post, add_like, add_follow: reused buffers
    std::vector<std::string> keyword_scratch_;
};

uint64_t snippet_key(Network n, uint64_t id);
// Sum of the known received counts of a post (unknown counts as 0).
int64_t engagement_of(const Post& p);

}  // namespace clout
