// X/Twitter archive importer ("Download an archive of your data"). See docs/FORMATS.md.
//
// Reads only data/*.js files (never media), each as a stream through json::JsArrayReader:
// manifest.js (generation date, user info), account.js, note-tweet.js (long posts),
// tweets.js / tweets-partN.js / tweet.js / tweet-partN.js (2019-era bare tweet objects
// too), community-tweet.js, like.js, follower.js, following.js (and their -partN files).
// A damaged file gives a warning and the rest is read; only when nothing could be read
// is it an InputError.
//
// Index of this file:
//   [SECTION] The data files: names, parts, folders
//   [SECTION] Small readers: status links, dates, one tweet's fields
//   [SECTION] FileReader: one data file into its own Activity
//   [SECTION] XReader: the whole archive, its files merged in order
//   [SECTION] The importer: detect and read, media-only parts
//   [SECTION] Entry points: the importer, the parts read ahead
//   [SECTION] Parts read ahead on the wire
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <cctype>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "importers/x_archive.h"
#include "io/jobs.h"
#include "io/json_scan.h"
#include "util/error.h"
#include "util/text.h"
#include "util/time.h"
#include "util/json_field.h"
#include "util/wire.h"

namespace clout {

namespace {

using json::Scanner;

// ---- [SECTION] The data files: names, parts, folders
enum class Kind { None, Manifest, Account, Tweets, Community, Notes, Likes, Followers, Following };

// "tweets.js" -> (Tweets, 0); "tweets-part3.js" -> (Tweets, 3); also the older "tweet" names.
Kind classify(std::string_view base, long& part) {
    static const struct { const char* stem; Kind kind; } stems[] = {
        {"tweets", Kind::Tweets},       {"tweet", Kind::Tweets},         {"community-tweet", Kind::Community},
        {"note-tweet", Kind::Notes},    {"like", Kind::Likes},           {"follower", Kind::Followers},
        {"following", Kind::Following}, {"account", Kind::Account},      {"manifest", Kind::Manifest}};
    if (base.size() < 4 || base.substr(base.size() - 3) != ".js") return Kind::None;
    std::string_view stem = base.substr(0, base.size() - 3);
    part = 0;
    size_t dash = stem.rfind("-part");
    if (dash != std::string_view::npos && dash + 5 < stem.size()) {
        std::string_view num = stem.substr(dash + 5);
        if (Scanner::all_digits(num) && num.size() <= 6) {
            part = std::stol(std::string(num));
            stem = stem.substr(0, dash);
        }
    }
    for (auto& s : stems)
        if (stem == s.stem) return (s.kind == Kind::Manifest && part != 0) ? Kind::None : s.kind;
    return Kind::None;
}

struct DataFiles {
    std::string dir;  // the data folder ("data", "twitter-2024-x/data", or "" for loose files)
    long manifest = -1;
    std::vector<size_t> account, tweets, community, notes, likes, followers, following;
    bool any() const { return manifest >= 0 || !account.empty() || !tweets.empty() || !community.empty(); }
};

std::string_view dir_of(std::string_view path) {
    size_t s = path.find_last_of('/');
    return s == std::string_view::npos ? std::string_view() : path.substr(0, s);
}

bool is_data_dir(std::string_view dir) {
    return dir.empty() || dir == "data" || (dir.size() > 5 && dir.substr(dir.size() - 5) == "/data");
}

DataFiles find_files(const Container& c) {
    // The data folder: the one holding the most recognised files (ties: shortest, then first).
    std::map<std::string, int> hits;
    for (const Entry& e : c.entries()) {
        long part;
        std::string_view d = dir_of(e.path);
        if (!is_data_dir(d)) continue;
        if (classify(base_name(e.path), part) != Kind::None) ++hits[std::string(d)];
    }
    DataFiles f;
    int best = 0;
    for (auto& [d, n] : hits) {
        if (n > best || (n == best && d.size() < f.dir.size())) {
            best = n;
            f.dir = d;
        }
    }
    if (best == 0) return f;
    std::vector<std::pair<long, size_t>> lists[9];
    for (size_t i = 0; i < c.entries().size(); ++i) {
        const std::string& p = c.entries()[i].path;
        if (dir_of(p) != f.dir) continue;
        long part;
        Kind k = classify(base_name(p), part);
        if (k == Kind::Manifest) {
            if (f.manifest < 0) f.manifest = static_cast<long>(i);
        } else if (k != Kind::None) {
            lists[static_cast<int>(k)].push_back({part, i});
        }
    }
    auto take = [&](Kind k, std::vector<size_t>& out) {
        auto& l = lists[static_cast<int>(k)];
        // Part order is not chronological and entries come in any order: sort by part
        // number, then name (tweets.js before tweet.js), for a deterministic reading order.
        std::sort(l.begin(), l.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) return a.first < b.first;
            return c.entries()[a.second].path > c.entries()[b.second].path;
        });
        for (auto& [part, i] : l) out.push_back(i);
    };
    take(Kind::Account, f.account);
    take(Kind::Tweets, f.tweets);
    take(Kind::Community, f.community);
    take(Kind::Notes, f.notes);
    take(Kind::Likes, f.likes);
    take(Kind::Followers, f.followers);
    take(Kind::Following, f.following);
    return f;
}

// ---- [SECTION] Small readers: status links, dates, one tweet's fields
bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

// "https://twitter.com/alice/status/123" -> "alice" (x.com, mobile., www. too); else "".
// "/i/web/status/..." (the reader's own long-post link) gives "i".
std::string_view status_url_user(std::string_view u) {
    if (u.rfind("https://", 0) == 0) u.remove_prefix(8);
    else if (u.rfind("http://", 0) == 0) u.remove_prefix(7);
    else return {};
    size_t slash = u.find('/');
    if (slash == std::string_view::npos) return {};
    std::string_view host = u.substr(0, slash);
    if (host.rfind("www.", 0) == 0) host.remove_prefix(4);
    else if (host.rfind("mobile.", 0) == 0) host.remove_prefix(7);
    if (!iequals(host, "twitter.com") && !iequals(host, "x.com")) return {};
    std::string_view rest = u.substr(slash + 1);
    size_t s2 = rest.find('/');
    if (s2 == std::string_view::npos || s2 == 0) return {};
    std::string_view user = rest.substr(0, s2);
    std::string_view tail = rest.substr(s2 + 1);
    if (user == "i" && tail.rfind("web/status/", 0) == 0) return user;
    if (tail.rfind("status/", 0) != 0 && tail.rfind("statuses/", 0) != 0) return {};
    tail.remove_prefix(tail[6] == '/' ? 7 : 9);
    size_t d = 0;
    while (d < tail.size() && tail[d] >= '0' && tail[d] <= '9') ++d;
    if (d == 0) return {};
    return user;
}

// "Sat Feb 18 12:33:11 +0000 2023", or the Grailbird-era "2012-03-04 12:00:00 +0000".
bool parse_tweet_time(std::string_view s, int64_t& out) {
    if (parse_twitter_date(s, out)) return true;
    if (s.size() == 25 && s[19] == ' ' && (s[20] == '+' || s[20] == '-')) {
        int64_t t;
        if (!parse_ymd_hms(s.substr(0, 19), t)) return false;
        int off = ((s[21] - '0') * 10 + (s[22] - '0')) * 3600 + ((s[23] - '0') * 10 + (s[24] - '0')) * 60;
        out = s[20] == '+' ? t - off : t + off;
        return true;
    }
    return parse_any_time(s, out);
}

// A key against a literal: with the length known when compiling, the compare is inlined
// (string_view's == calls memcmp: 2% of reading a tweets file).
template <size_t N>
inline bool is(std::string_view k, const char (&lit)[N]) {
    return k.size() == N - 1 && std::memcmp(k.data(), lit, N - 1) == 0;
}

struct Raw {
    std::string_view s;
    bool esc = false;
};

// The fields of one tweet, collected before anything is committed (an element may be
// scanned twice when it straddles the buffer's end). Vectors are reused between tweets.
struct TweetFields {
    Raw id, created_at, full_text, text, reply_status, reply_user, reply_screen, lang;
    int64_t likes = -1, reposts = -1;
    bool has_full_text = false, has_media = false, retweeted_status = false;
    std::vector<Raw> hashtags, mentions, urls;
    void clear() {
        id = created_at = full_text = text = reply_status = reply_user = reply_screen = lang = Raw{};
        likes = reposts = -1;
        has_full_text = has_media = retweeted_status = false;
        hashtags.clear();
        mentions.clear();
        urls.clear();
    }
};

struct Note {
    int64_t time = 0;
    std::string text;
};

// What a reader reads of a data file: all of it, or one half of a big tweets file read in
// two at once (json::SplitFinder): the first half up to the split point found from `from`,
// the second from there, or from `at` exactly (a split point its first half proved).
struct Half {
    int which = -1;  // -1: the whole file; 0: the first half; 1: the second
    uint64_t from = 0, at = 0;
};


// Reads a data file element by element (see json::JsArrayReader).
template <class F>
void each_element(Container& c, size_t i, ImportContext& ctx, F&& f) {
    auto s = c.open(i, ctx);
    json::JsArrayReader r(*s, ctx, ctx.limits.max_field_bytes);
    r.for_each(f);
}

std::string dec(Raw r) {
    std::string s;
    Scanner::decode(r.s, r.esc, s);
    return s;
}

// ---- [SECTION] FileReader: one data file into its own Activity
// Reads one data file (a tweets part, likes, followers or following) into its own
// Activity, whose account 0 stands for the archive's account. Several run at once on
// their own threads natively; XReader merges their results in file order.
class FileReader {
public:
    // used: the notes matched before this reader's part (a second half's first half).
    FileReader(Container& c, Activity& out, ImportContext& ctx, const Account& acct, const std::vector<Note>& notes,
               std::atomic<uint64_t>& posted, const std::vector<uint32_t>& used = {})
        : c_(c), out_(out), ctx_(ctx), acct_(acct), notes_(notes), used_(notes.size(), 0), posted_(posted) {
        for (uint32_t n : used)
            if (n < used_.size()) used_[n] = 1;
    }

    int64_t follows = 0;  // entries of a follower / following file
    uint64_t skipped_no_date_ = 0, retweets_ = 0;
    // A half: the split point where the first stopped or the second started; 0 when the
    // first read the file whole, or the second found no split point (then it read nothing).
    uint64_t split = 0;

    // The notes this reader matched to its tweets (with those given to it).
    std::vector<uint32_t> notes_used() const {
        std::vector<uint32_t> out;
        for (size_t n = 0; n < used_.size(); ++n)
            if (used_[n]) out.push_back(static_cast<uint32_t>(n));
        return out;
    }

    void read(size_t i, Kind k, Half h = {}) {
        switch (k) {
            case Kind::Tweets: read_tweets(i, false, h); break;
            case Kind::Community: read_tweets(i, true, h); break;
            case Kind::Likes: read_likes(i); break;
            case Kind::Followers: follows = read_follows(i, false); break;
            case Kind::Following: follows = read_follows(i, true); break;
            default: break;
        }
    }

private:
    // Entities of a tweet: hashtags, mentions, urls, media.
    void read_entities(Scanner& sc, TweetFields& t) {
        bool f1 = true;
        std::string_view k;
        sc.begin_object();
        while (sc.next_key(f1, k)) {
            std::vector<Raw>* list = nullptr;
            std::string_view want;
            if (is(k, "hashtags")) list = &t.hashtags, want = "text";
            else if (is(k, "user_mentions")) list = &t.mentions, want = "screen_name";
            else if (is(k, "urls")) list = &t.urls, want = "expanded_url";
            else if (is(k, "media")) {
                if (sc.array_length() > 0) t.has_media = true;
                continue;
            }
            if (!list || sc.peek() != '[') {
                sc.skip();
                continue;
            }
            bool f2 = true;
            sc.begin_array();
            while (sc.next_element(f2)) {
                if (sc.peek() != '{') {
                    sc.skip();
                    continue;
                }
                bool f3 = true;
                sc.begin_object();
                while (sc.next_key(f3, k)) {
                    Raw r;
                    if (k == want && sc.maybe_string(r.s, r.esc)) list->push_back(r);
                    else if (k != want) sc.skip();
                }
            }
        }
    }

    void read_tweet_fields(Scanner& sc, TweetFields& t) {
        bool f1 = true;
        std::string_view k;
        sc.begin_object();
        while (sc.next_key(f1, k)) {
            switch (k.size()) {
                case 2:
                    if (is(k, "id") && t.id.s.empty()) {
                        std::string_view d;
                        if (sc.digits(d)) t.id = Raw{d, false};
                        continue;
                    }
                    break;
                case 4:
                    if (is(k, "text")) {
                        sc.maybe_string(t.text.s, t.text.esc);
                        continue;
                    }
                    if (is(k, "lang")) {
                        sc.maybe_string(t.lang.s, t.lang.esc);
                        continue;
                    }
                    break;
                case 5:
                    if (is(k, "tweet") && sc.peek() == '{') {  // {"tweet": {...}}: the modern wrapper
                        read_tweet_fields(sc, t);
                        continue;
                    }
                    break;
                case 6:
                    if (is(k, "id_str")) {
                        std::string_view d;
                        if (sc.digits(d)) t.id = Raw{d, false};
                        continue;
                    }
                    break;
                case 8:
                    if (is(k, "entities") && sc.peek() == '{') {
                        read_entities(sc, t);
                        continue;
                    }
                    break;
                case 9:
                    if (is(k, "full_text")) {
                        t.has_full_text = sc.maybe_string(t.full_text.s, t.full_text.esc);
                        continue;
                    }
                    break;
                case 10:
                    if (is(k, "created_at")) {
                        sc.maybe_string(t.created_at.s, t.created_at.esc);
                        continue;
                    }
                    break;
                case 13:
                    if (is(k, "retweet_count")) {
                        if (!sc.count(t.reposts)) t.reposts = -1;
                        continue;
                    }
                    break;
                case 14:
                    if (is(k, "favorite_count")) {
                        if (!sc.count(t.likes)) t.likes = -1;
                        continue;
                    }
                    break;
                case 16:
                    if (is(k, "retweeted_status")) {
                        t.retweeted_status = !sc.is_null();
                        if (t.retweeted_status) sc.skip();
                        continue;
                    }
                    break;
                case 17:
                    if (is(k, "extended_entities") && sc.peek() == '{') {
                        bool f2 = true;
                        sc.begin_object();
                        std::string_view k2;
                        while (sc.next_key(f2, k2)) {
                            if (is(k2, "media")) {
                                if (sc.array_length() > 0) t.has_media = true;
                            } else {
                                sc.skip();
                            }
                        }
                        continue;
                    }
                    break;
                case 19:
                    if (is(k, "in_reply_to_user_id") && t.reply_user.s.empty()) {
                        std::string_view d;
                        if (sc.digits(d)) t.reply_user = Raw{d, false};
                        continue;
                    }
                    break;
                case 21:
                    if (is(k, "in_reply_to_status_id") && t.reply_status.s.empty()) {
                        std::string_view d;
                        if (sc.digits(d)) t.reply_status = Raw{d, false};
                        continue;
                    }
                    break;
                case 23:
                    if (is(k, "in_reply_to_user_id_str")) {
                        std::string_view d;
                        if (sc.digits(d)) t.reply_user = Raw{d, false};
                        continue;
                    }
                    if (is(k, "in_reply_to_screen_name")) {
                        sc.maybe_string(t.reply_screen.s, t.reply_screen.esc);
                        continue;
                    }
                    break;
                case 25:
                    if (is(k, "in_reply_to_status_id_str")) {
                        std::string_view d;
                        if (sc.digits(d)) t.reply_status = Raw{d, false};
                        continue;
                    }
                    break;
                default:
                    break;
            }
            sc.skip();
        }
    }

    // The long-post text for a truncated tweet: createdAt within a second, text prefix.
    const Note* find_note(int64_t time, std::string_view text) {
        if (notes_.empty()) return nullptr;
        // The truncated text ends with "…" and/or a t.co link: compare what comes before.
        std::string_view pre = text;
        size_t tco = pre.find("https://t.co/");
        if (tco != std::string_view::npos) pre = pre.substr(0, tco);
        while (!pre.empty() && (pre.back() == ' ' || pre.back() == '\n')) pre.remove_suffix(1);
        if (pre.size() >= 3 && pre.substr(pre.size() - 3) == "\xE2\x80\xA6") pre.remove_suffix(3);
        while (!pre.empty() && (pre.back() == ' ' || pre.back() == '\n')) pre.remove_suffix(1);
        pre = utf8_prefix(pre, 40);
        if (pre.size() < 8) return nullptr;
        auto it = std::lower_bound(notes_.begin(), notes_.end(), time - 1, [](const Note& n, int64_t t) { return n.time < t; });
        for (; it != notes_.end() && it->time <= time + 1; ++it) {
            size_t at = static_cast<size_t>(it - notes_.begin());
            if (!used_[at] && it->text.compare(0, pre.size(), pre) == 0) {
                used_[at] = 1;
                return &*it;
            }
        }
        return nullptr;
    }

    void emit(TweetFields& t, bool community) {
        int64_t time;
        if (t.id.s.empty() || t.created_at.s.empty() || !parse_tweet_time(t.created_at.s, time)) {
            ++skipped_no_date_;
            return;
        }
        Post p;
        p.time = time;
        make_decimal_or_hash_id(t.id.s, p.id, p.id_kind);
        p.account = account_;
        // Text: JSON escapes, then HTML entities (X escapes &, <, > in full_text).
        Raw tr = t.has_full_text ? t.full_text : t.text;
        text_.clear();
        Scanner::decode(tr.s, tr.esc, text_);
        std::string_view text = text_;
        if (text.find('&') != std::string_view::npos) {
            html_ = decode_html_entities(text);
            text = html_;
        }
        if (!utf8_valid(text)) {
            html_ = utf8_sanitize(text);
            text = html_;
        }
        bool rt = t.retweeted_status || text.rfind("RT @", 0) == 0;
        // Terms.
        terms_.clear();
        term_ends_.clear();
        for (const Raw& r : t.hashtags) {
            Scanner::decode(r.s, r.esc, terms_);
            term_ends_.push_back(terms_.size());
        }
        size_t nh = term_ends_.size();
        for (const Raw& r : t.mentions) {
            Scanner::decode(r.s, r.esc, terms_);
            term_ends_.push_back(terms_.size());
        }
        hashtags_.clear();
        mentions_.clear();
        size_t at = 0;
        for (size_t i = 0; i < term_ends_.size(); ++i) {
            std::string_view v(terms_.data() + at, term_ends_[i] - at);
            at = term_ends_[i];
            if (!utf8_valid(v)) continue;
            (i < nh ? hashtags_ : mentions_).push_back(v);
        }
        // Links and quotes.
        std::string_view quoted;
        for (const Raw& r : t.urls) {
            url_.clear();
            Scanner::decode(r.s, r.esc, url_);
            std::string_view user = status_url_user(url_);
            if (user.empty()) {
                if (!url_.empty()) p.has_link = true;
            } else if (user != "i" && !iequals(user, acct_.handle) && quoted.empty()) {
                quoted_buf_ = url_.substr(static_cast<size_t>(user.data() - url_.data()), user.size());
                quoted = quoted_buf_;
            }
        }
        p.has_media = t.has_media;
        if (!t.lang.s.empty() && !t.lang.esc && t.lang.s != "und" && utf8_valid(t.lang.s)) p.lang = out_.strings.intern(t.lang.s);
        if (rt) {
            p.kind = PostKind::Repost;
            ++retweets_;
            // "RT @name: ..." names the reposted account.
            std::string_view rest = text.rfind("RT @", 0) == 0 ? text.substr(4) : std::string_view();
            size_t e = 0;
            while (e < rest.size() && (std::isalnum(static_cast<unsigned char>(rest[e])) || rest[e] == '_')) ++e;
            if (e > 0) p.target_account = out_.strings.intern(ascii_lower(rest.substr(0, e)));
            // Counts on a retweet are the original's: not the author's engagement.
        } else {
            p.likes = t.likes >= 0 ? static_cast<int32_t>(std::min<int64_t>(t.likes, INT32_MAX)) : kUnknownCount;
            p.reposts = t.reposts >= 0 ? static_cast<int32_t>(std::min<int64_t>(t.reposts, INT32_MAX)) : kUnknownCount;
            if (!t.reply_status.s.empty()) {
                p.kind = PostKind::Reply;
                bool self = !acct_.id.empty() ? t.reply_user.s == acct_.id
                                              : (!acct_.handle.empty() && iequals(t.reply_screen.s, acct_.handle));
                p.reply_target = self ? ReplyTarget::Self : ReplyTarget::Other;
                if (!t.reply_screen.s.empty() && !t.reply_screen.esc)
                    p.target_account = out_.strings.intern(ascii_lower(t.reply_screen.s));
            } else if (!quoted.empty()) {
                p.kind = PostKind::Quote;
                p.target_account = out_.strings.intern(ascii_lower(quoted));
            }
        }
        if (const Note* n = find_note(time, text)) text = n->text;
        (void)community;
        // Every post, across all files read at once: the limit is exact, not per 1024.
        ctx_.check_posts(posted_.fetch_add(1, std::memory_order_relaxed));
        out_.add_post(p, text, hashtags_, mentions_);
        ++ctx_.progress.posts;
    }

    void read_tweets(size_t i, bool community, Half h) {
        ctx_.check_posts(posted_.load(std::memory_order_relaxed));
        uint64_t n = 0;
        auto s = c_.open(i, ctx_);
        std::unique_ptr<InputStream> rest;
        InputStream* in = s.get();
        if (h.which == 1) {
            rest = json::skip_to_split(*s, json::SplitFinder(h.at ? h.at : h.from, h.at != 0), ctx_, split);
            if (!rest) return;  // no split point: the first half reads the whole file
            in = rest.get();
        }
        json::JsArrayReader r(*in, ctx_, ctx_.limits.max_field_bytes);
        if (h.which == 0) r.stop_at_split(h.from);
        if (h.which == 1) r.start_mid(split);
        r.for_each([&](Scanner& sc) {
            tf_.clear();
            if (sc.peek() != '{') {
                sc.skip();  // not a tweet object: ignored
                return;
            }
            read_tweet_fields(sc, tf_);
            emit(tf_, community);
            if ((++n & 1023) == 0) ctx_.tick();
        });
        if (h.which == 0) split = r.split();
    }

    void read_likes(size_t i) {
        each_element(c_, i, ctx_, [&](Scanner& sc) {
            Raw id;
            bool f1 = true;
            std::string_view k;
            if (sc.peek() != '{') {
                sc.skip();
                return;
            }
            sc.begin_object();
            while (sc.next_key(f1, k)) {
                if (!is(k, "like") || sc.peek() != '{') {
                    sc.skip();
                    continue;
                }
                bool f2 = true;
                sc.begin_object();
                while (sc.next_key(f2, k)) {
                    std::string_view d;
                    if (is(k, "tweetId") && sc.digits(d)) id = Raw{d, false};
                    else if (!is(k, "tweetId")) sc.skip();
                }
            }
            if (!id.s.empty()) out_.add_like(account_, 0, id.s);
        });
    }

    int64_t read_follows(size_t i, bool following) {
        int64_t n = 0;
        each_element(c_, i, ctx_, [&](Scanner& sc) {
            Raw id;
            bool f1 = true;
            std::string_view k;
            if (sc.peek() != '{') {
                sc.skip();
                return;
            }
            sc.begin_object();
            while (sc.next_key(f1, k)) {
                if ((!is(k, "follower") && !is(k, "following")) || sc.peek() != '{') {
                    sc.skip();
                    continue;
                }
                bool f2 = true;
                sc.begin_object();
                while (sc.next_key(f2, k)) {
                    std::string_view d;
                    if (is(k, "accountId") && sc.digits(d)) id = Raw{d, false};
                    else if (!is(k, "accountId")) sc.skip();
                }
            }
            ++n;
            if (following && !id.s.empty()) out_.add_follow(account_, 0, id.s);
        });
        return n;
    }


    Container& c_;
    Activity& out_;
    ImportContext& ctx_;
    const Account& acct_;
    const std::vector<Note>& notes_;
    std::vector<char> used_;  // notes already matched by a tweet of this file
    std::atomic<uint64_t>& posted_;
    const uint32_t account_ = 0;
    TweetFields tf_;
    std::string text_, html_, terms_, url_, quoted_buf_;
    std::vector<size_t> term_ends_;
    std::vector<std::string_view> hashtags_, mentions_;
};

// ---- [SECTION] XReader: the whole archive, its files merged in order
class XReader {
    // One data file read by a FileReader, and what came of it.
    struct Job {
        size_t entry;
        Kind kind;
        Half half;
        uint64_t split = 0;               // a half's: FileReader::split
        std::vector<uint32_t> notes_used;  // the notes its tweets took (FileReader::notes_used)
        bool dropped = false;             // a second half not used (its first read the file whole)
        Activity part;
        std::string error;  // the InputError of a damaged file (its sound start is kept)
        std::exception_ptr fatal;  // a limit, a cancellation, or anything unexpected
        int64_t follows = 0;
        uint64_t skipped_no_date = 0, retweets = 0, inflated = 0;
        std::atomic<uint64_t> bytes{0}, posts{0};  // progress, read by the waiting thread
        std::atomic<bool> done{false};             // finished: the waiting thread may merge it
        Job(size_t e, Kind k, Half h = {}) : entry(e), kind(k), half(h) {}
        Job(Job&& o) noexcept : entry(o.entry), kind(o.kind), half(o.half), part(std::move(o.part)) {}
    };

public:
    XReader(Container& c, Activity& out, ImportContext& ctx) : c_(c), out_(out), ctx_(ctx) {}

    void run() {
        DataFiles f = prepare();
        // Halves pay off when they are read at once: on threads, or one read ahead elsewhere.
        auto* ahead = dynamic_cast<PartsAhead*>(ctx_.pre_read);
        std::vector<Job> jobs = make_jobs(f, threads() > 1 || (ahead && !ahead->parts.empty()));
        read_parts(jobs);  // merges each file's part into out_ in file order (absorb)
        finish(f);
    }

    // One data file read alone (read_x_archive_part): the account and notes first, as run().
    PartAhead read_ahead(const std::string& path) {
        reading_ahead_ = true;
        DataFiles f = prepare();
        std::vector<Job> jobs = make_jobs(f, true);
        auto it = std::find_if(jobs.begin(), jobs.end(), [&](const Job& j) { return name(j) == path; });
        if (it == jobs.end()) throw InputError(path + ": not a data file this reader reads in parts");
        Job& j = *it;
        std::atomic<bool> stop{false};
        std::atomic<uint64_t> posted{0};
        const uint64_t bytes0 = ctx_.progress.bytes_done, posts0 = ctx_.progress.posts;
        read_job(j, true, stop, posted, ctx_.inflated_total, [&] {
            ctx_.progress.bytes_done = bytes0 + j.bytes.load(std::memory_order_relaxed);
            ctx_.progress.posts = posts0 + j.posts.load(std::memory_order_relaxed);
            ctx_.tick();
        });
        if (j.fatal) std::rethrow_exception(j.fatal);
        ctx_.count_inflated(j.inflated);
        PartAhead pa;
        pa.path = path;
        pa.part = std::move(j.part);
        pa.error = std::move(j.error);
        pa.follows = j.follows;
        pa.skipped_no_date = j.skipped_no_date;
        pa.retweets = j.retweets;
        pa.inflated = j.inflated;
        pa.bytes = j.bytes.load();
        pa.posts = j.posts.load();
        pa.split = j.split;
        pa.notes_used = std::move(j.notes_used);
        return pa;
    }

    // The files read as parts, in run()'s order.
    std::vector<DataFile> part_files() {
        std::vector<DataFile> out;
        for (const Job& j : make_jobs(find_files(c_), true)) {
            const uint64_t size = c_.entries()[j.entry].size;
            out.push_back({name(j), j.half.which < 0 ? size : j.half.which == 0 ? j.half.from : size - j.half.from});
        }
        return out;
    }

private:
    // A job's name: its entry, and which half (the key of a part read ahead). A zip may
    // hold two entries of one name: the later ones are told apart by their rank.
    std::string name(const Job& j) const {
        std::string n = c_.entries()[j.entry].path;
        size_t same = 0;
        for (size_t i = 0; i < j.entry; ++i) same += c_.entries()[i].path == n;
        if (same) n += " (" + std::to_string(same + 1) + ")";
        return j.half.which < 0 ? n : n + (j.half.which == 0 ? " (first half)" : " (second half)");
    }
    unsigned threads() const { return !c_.concurrent_reads() ? 1 : ctx_.threads ? ctx_.threads : job_threads(); }

    // What every data file's reader needs: the account (manifest.js, account.js) and the
    // long posts (note-tweet.js).
    DataFiles prepare() {
        DataFiles f = find_files(c_);
        if (!f.any()) throw InputError("not an X archive: no data/tweets.js, data/account.js or data/manifest.js");
        {
            uint64_t total = 0;
            for (auto* l : {&f.account, &f.notes, &f.tweets, &f.community, &f.likes, &f.followers, &f.following})
                for (size_t i : *l) total += c_.entries()[i].size;
            // Read ahead file by file, the archive still counts once (its data files).
            if (reading_ahead_) ctx_.progress.bytes_total = std::max(ctx_.progress.bytes_total, total);
            else ctx_.progress.bytes_total += total;
        }
        acct_.network = Network::X;
        acct_.format = "x-archive";
        acct_.source_name = c_.name();
        if (f.manifest >= 0) guarded(static_cast<size_t>(f.manifest), [&](size_t i) { read_manifest(i); });
        for (size_t i : f.account) guarded(i, [&](size_t j) { read_account(j); });
        acct_.signals.likes_received = true;
        acct_.signals.reposts_received = true;
        acct_.signals.replies_received = false;
        acct_.signals.quotes_received = false;
        account_ = out_.add_account(acct_);
        for (size_t i : f.notes) guarded(i, [&](size_t j) { read_notes(j); });
        std::sort(notes_.begin(), notes_.end(), [](const Note& a, const Note& b) { return a.time < b.time; });
        return f;
    }

    // The big files, each into its own part: on all cores natively (zip and folders),
    // one after the other otherwise. Merged in this order whatever finished first. With
    // `halves`, a big tweets file that is the only one is read as two halves (Half), the
    // second always right after the first.
    std::vector<Job> make_jobs(const DataFiles& f, bool halves) const {
        std::vector<Job> jobs;
        for (auto [list, kind] : {std::pair{&f.tweets, Kind::Tweets}, {&f.community, Kind::Community}, {&f.likes, Kind::Likes},
                                  {&f.followers, Kind::Followers}, {&f.following, Kind::Following}})
            for (size_t i : *list) {
                const uint64_t size = c_.entries()[i].size;
                if (halves && kind == Kind::Tweets && list->size() == 1 && size >= ctx_.halves_from) {
                    jobs.push_back(Job{i, kind, Half{0, size / 2, 0}});
                    jobs.push_back(Job{i, kind, Half{1, size / 2, 0}});
                } else {
                    jobs.push_back(Job{i, kind});
                }
            }
        return jobs;
    }

    void finish(const DataFiles& f) {
        Account& a = out_.accounts[account_];
        // A damaged part makes the total a lower bound at best: then it stays unknown.
        bool followers_all = followers_ok_ && followers_failed_ == 0;
        bool following_all = following_ok_ && following_failed_ == 0;
        if (followers_all) a.followers = followers_;
        if (following_all) a.following = following_;
        a.signals.followers = followers_all;
        a.signals.following = following_all;
        a.notes.push_back("Likes and reposts received are a snapshot taken when the archive was generated.");
        a.notes.push_back("X archives hold no follower history, and no reply or quote counts.");
        if (f.followers.empty()) a.notes.push_back("No follower.js in the archive: the follower count is unknown.");
        if (retweets_ > 0)
            a.notes.push_back("Retweets carry the original post's counts, which are not yours: they are not counted as engagement.");
        if (skipped_no_date_ > 0)
            out_.warnings.push_back(c_.entries()[f.tweets.empty() ? 0 : f.tweets[0]].path + ": " +
                                    std::to_string(skipped_no_date_) + " tweets without a readable id or date were skipped");
        if (files_ok_ == 0) {
            std::string why = first_error_.empty() ? std::string("no readable data files") : first_error_;
            throw InputError("nothing could be read from this X archive: " + why);
        }
    }


    // Takes one finished file into out_: its posts and interactions, counts and warning.
    // Called in file order, as soon as the files before it are merged too, so at most a
    // few parts are held at once (memory stays flat with many tweets parts).
    // A file read in halves: `second` follows `j`, and counts unless it was dropped (join).
    void absorb(Job& j, Job* second = nullptr) {
        const std::string& path = c_.entries()[j.entry].path;
        uint64_t kept = j.part.posts.size();
        inflated_ += j.inflated;
        if (second && !second->dropped) {
            // The first half ended clean between two elements: the file's error, if any, is
            // the second's, after the posts of both.
            j.error = std::move(second->error);
            j.skipped_no_date += second->skipped_no_date;
            j.retweets += second->retweets;
            inflated_ += second->inflated;
            kept += second->part.posts.size();
        }
        if (j.error.empty()) {
            ++files_ok_;
            if (j.kind == Kind::Followers) followers_ += j.follows, followers_ok_ = true;
            if (j.kind == Kind::Following) following_ += j.follows, following_ok_ = true;
        } else {
            if (first_error_.empty()) first_error_ = path + ": " + j.error;
            std::string w = path + ": " + j.error;
            if (kept) w += " (the " + std::to_string(kept) + " posts before it were kept)";
            w += "; read the other files";
            out_.warnings.push_back(std::move(w));
            if (j.kind == Kind::Followers) ++followers_failed_;
            if (j.kind == Kind::Following) ++following_failed_;
        }
        skipped_no_date_ += j.skipped_no_date;
        retweets_ += j.retweets;
        out_.merge_part(std::move(j.part), account_);
        if (second && !second->dropped) out_.merge_part(std::move(second->part), account_);
    }

    // Decides whether a file's second half counts, once both halves are done. It does when
    // the first stopped clean at the split point it started from and no note was taken by a
    // tweet of each half (one reader would have given it to the first only). After a
    // damaged or whole first half it is dropped; otherwise it is read again here, from the
    // first half's split point with its notes taken, as one reader would have read on.
    void join(Job& a, Job& b, std::atomic<bool>& stop, std::atomic<uint64_t>& posted, uint64_t inflated0) {
        if (!a.error.empty() || a.split == 0) {
            b.dropped = true;
            return;
        }
        bool shared = false;
        for (uint32_t n : b.notes_used)
            shared = shared || std::binary_search(a.notes_used.begin(), a.notes_used.end(), n);
        if (b.split == a.split && !shared) return;
        // Read again (rare: a note matched twice, or the file changed between the readers).
        posted.fetch_sub(std::min<uint64_t>(posted.load(), b.part.posts.size()));
        b.part = Activity();
        b.error.clear();
        b.half.at = a.split;
        read_job(b, true, stop, posted, inflated0, [&] { ctx_.tick(); }, a.notes_used);
        if (b.fatal) std::rethrow_exception(b.fatal);
        if (b.split != a.split && b.error.empty()) b.error = "the file changed while it was read";
    }

    // Reads one data file into its job (on a worker thread, or inline on this one).
    void read_job(Job& j, bool inline_run, std::atomic<bool>& stop, std::atomic<uint64_t>& posted, uint64_t inflated0,
                  const std::function<void()>& progress, const std::vector<uint32_t>& notes_used = {}) {
        ImportContext local;
        local.limits = ctx_.limits;
        local.inflated_total = inflated0;
        local.cancel = &stop;
        local.on_progress = [&](const Progress& p) {
            j.bytes.store(p.bytes_done, std::memory_order_relaxed);
            j.posts.store(p.posts, std::memory_order_relaxed);
            if (inline_run) progress();  // one thread: this is the only chance to report
        };
        if (inline_run) {
            ctx_.progress.stage = "reading " + name(j);
            ctx_.tick();
        }
        Account acct = acct_;
        acct.notes.clear();
        j.part.add_account(std::move(acct));
        FileReader r(c_, j.part, local, acct_, notes_, posted, notes_used);
        try {
            r.read(j.entry, j.kind, j.half);
        } catch (const LimitError&) {
            j.fatal = std::current_exception();
        } catch (const InputError& e) {
            const std::string& path = c_.entries()[j.entry].path;
            j.error = e.what();
            if (j.error.rfind(path + ": ", 0) == 0) j.error.erase(0, path.size() + 2);
        } catch (...) {
            j.fatal = std::current_exception();
        }
        if (j.fatal) stop = true;  // the others need not finish
        j.follows = r.follows;
        j.skipped_no_date = r.skipped_no_date_;
        j.retweets = r.retweets_;
        j.split = r.split;
        j.notes_used = r.notes_used();
        j.inflated = local.inflated_total - inflated0;
        if (j.half.which == 1) j.inflated -= std::min(j.inflated, j.split);  // the first half's bytes count there
        j.bytes.store(local.progress.bytes_done, std::memory_order_relaxed);
        j.posts.store(local.progress.posts, std::memory_order_relaxed);
        j.done.store(true, std::memory_order_release);
    }

    // A data file read ahead elsewhere (PartsAhead): taken as if read here.
    bool take_ahead(std::vector<PartAhead>& ahead, Job& j, std::atomic<uint64_t>& posted) {
        const std::string path = name(j);
        auto it = std::find_if(ahead.begin(), ahead.end(), [&](const PartAhead& p) { return p.path == path; });
        if (it == ahead.end()) return false;
        const uint64_t n = it->part.posts.size();
        const uint64_t before = posted.fetch_add(n, std::memory_order_relaxed);
        try {
            if (n > 0) ctx_.check_posts(before + n - 1);  // its last post
        } catch (const LimitError&) {
            j.fatal = std::current_exception();
        }
        if (!j.fatal) {
            j.part = std::move(it->part);
            j.error = std::move(it->error);
            j.follows = it->follows;
            j.skipped_no_date = it->skipped_no_date;
            j.retweets = it->retweets;
            j.inflated = it->inflated;
            j.split = it->split;
            j.notes_used = std::move(it->notes_used);
            j.bytes.store(it->bytes, std::memory_order_relaxed);
            j.posts.store(it->posts, std::memory_order_relaxed);
        }
        ahead.erase(it);
        j.done.store(true, std::memory_order_release);
        return true;
    }

    void read_parts(std::vector<Job>& jobs) {
        size_t merged = 0;  // jobs [0, merged) are in out_
        const unsigned threads = this->threads();
        const uint64_t bytes0 = ctx_.progress.bytes_done, posts0 = ctx_.progress.posts, inflated0 = ctx_.inflated_total;
        const uint64_t inflated_before = inflated_;
        std::atomic<bool> stop{false};
        std::atomic<uint64_t> posted{out_.posts.size()};
        auto ready = [&](const Job& j) { return j.done.load(std::memory_order_acquire) && !j.fatal; };
        auto drain = [&] {
            while (merged < jobs.size() && ready(jobs[merged])) {
                Job& j = jobs[merged];
                if (j.half.which != 0) {
                    absorb(j);
                    ++merged;
                    continue;
                }
                Job& second = jobs[merged + 1];  // a first half's second half follows it
                if (!ready(second)) break;
                join(j, second, stop, posted, inflated0);
                absorb(j, &second);
                merged += 2;
            }
        };
        if (threads > 1 && jobs.size() > 1) {
            ctx_.progress.stage = "reading " + std::to_string(jobs.size()) + " data files on " +
                                  std::to_string(std::min<size_t>(threads, jobs.size())) + " threads";
            ctx_.tick();
        }
        // The waiting thread's progress: the files' bytes and posts so far; may throw Cancelled.
        auto progress = [&] {
            uint64_t b = 0, p = 0;
            for (const Job& j : jobs) b += j.bytes.load(std::memory_order_relaxed), p += j.posts.load(std::memory_order_relaxed);
            ctx_.progress.bytes_done = bytes0 + b;
            ctx_.progress.posts = posts0 + p;
            drain();
            ctx_.tick();
        };
        // Files read ahead elsewhere first (on this thread: the list is not shared).
        if (auto* ahead = dynamic_cast<PartsAhead*>(ctx_.pre_read))
            for (Job& j : jobs) take_ahead(ahead->parts, j, posted);
        run_jobs(jobs.size(), threads, stop, [&](size_t n, bool inline_run) {
            Job& j = jobs[n];
            if (j.done.load(std::memory_order_acquire)) return;  // taken ahead
            read_job(j, inline_run, stop, posted, inflated0, progress);
        }, progress);
        // A cancellation first, then the first fatal error in file order (not the
        // cancellations it caused in the other files).
        if (ctx_.cancel && ctx_.cancel->load()) throw Cancelled();
        for (Job& j : jobs) {
            if (!j.fatal) continue;
            try {
                std::rethrow_exception(j.fatal);
            } catch (const Cancelled&) {
                continue;
            }
        }
        for (Job& j : jobs)
            if (j.fatal) std::rethrow_exception(j.fatal);
        progress();  // (merges the rest)
        ctx_.count_inflated(inflated_ - inflated_before);
    }

    // Runs a small file's reader; a damaged file becomes a warning. Returns true when read whole.
    template <class F>
    bool guarded(size_t i, F&& f) {
        const std::string& path = c_.entries()[i].path;
        ctx_.progress.stage = "reading " + path;
        ctx_.tick();
        try {
            f(i);
            ++files_ok_;
            return true;
        } catch (const LimitError&) {
            throw;
        } catch (const InputError& e) {
            std::string msg = e.what();
            if (msg.rfind(path + ": ", 0) == 0) msg.erase(0, path.size() + 2);
            if (first_error_.empty()) first_error_ = path + ": " + msg;
            out_.warnings.push_back(path + ": " + msg + "; read the other files");
            return false;
        }
    }

    void read_manifest(size_t i) {
        std::string s = c_.read_all(i, ctx_);
        size_t eq = s.find('=');
        size_t open = s.find('{');
        if (eq != std::string::npos && (open == std::string::npos || eq < open)) s.erase(0, eq + 1);
        while (!s.empty() && (s.back() == ';' || s.back() == ' ' || s.back() == '\n' || s.back() == '\r' || s.back() == '\t'))
            s.pop_back();
        nlohmann::json j = nlohmann::json::parse(s, nullptr, false);
        if (j.is_discarded() || !j.is_object()) throw InputError("damaged JSON in the manifest");
        if (auto u = j.find("userInfo"); u != j.end() && u->is_object()) {
            if (acct_.id.empty()) acct_.id = jstr(*u, "accountId");
            if (acct_.handle.empty()) acct_.handle = jstr(*u, "userName");
            if (acct_.display_name.empty()) acct_.display_name = jstr(*u, "displayName");
        }
        if (auto a = j.find("archiveInfo"); a != j.end() && a->is_object()) {
            int64_t t;
            if (parse_iso8601(jstr(*a, "generationDate"), t)) acct_.export_time = t;
        }
    }

    void read_account(size_t i) {
        each_element(c_, i, ctx_, [&](Scanner& sc) {
            Raw user, id, created, name;
            bool f1 = true;
            std::string_view k;
            sc.begin_object();
            while (sc.next_key(f1, k)) {
                if (!is(k, "account") || sc.peek() != '{') {
                    sc.skip();
                    continue;
                }
                bool f2 = true;
                sc.begin_object();
                while (sc.next_key(f2, k)) {
                    Raw* dst = is(k, "username") ? &user : is(k, "accountId") ? &id : is(k, "createdAt") ? &created
                             : is(k, "accountDisplayName") ? &name : nullptr;
                    if (dst) sc.maybe_string(dst->s, dst->esc);
                    else sc.skip();
                }
            }
            if (!user.s.empty()) acct_.handle = utf8_sanitize(dec(user));
            if (!id.s.empty()) acct_.id = dec(id);
            if (!name.s.empty()) acct_.display_name = utf8_sanitize(dec(name));
            int64_t t;
            if (!created.s.empty() && parse_iso8601(dec(created), t)) acct_.created_time = t;
        });
    }

    void read_notes(size_t i) {
        each_element(c_, i, ctx_, [&](Scanner& sc) {
            Raw created, text;
            bool f1 = true;
            std::string_view k;
            sc.begin_object();
            while (sc.next_key(f1, k)) {
                if (!is(k, "noteTweet") || sc.peek() != '{') {
                    sc.skip();
                    continue;
                }
                bool f2 = true;
                sc.begin_object();
                while (sc.next_key(f2, k)) {
                    if (is(k, "createdAt")) {
                        sc.maybe_string(created.s, created.esc);
                    } else if (is(k, "core") && sc.peek() == '{') {
                        bool f3 = true;
                        sc.begin_object();
                        while (sc.next_key(f3, k)) {
                            if (is(k, "text")) sc.maybe_string(text.s, text.esc);
                            else sc.skip();
                        }
                    } else {
                        sc.skip();
                    }
                }
            }
            int64_t t;
            if (text.s.empty() || !parse_iso8601(dec(created), t)) return;
            Note n;
            n.time = t;
            n.text = utf8_sanitize(decode_html_entities(dec(text)));
            notes_.push_back(std::move(n));
        });
    }

    Container& c_;
    Activity& out_;
    ImportContext& ctx_;
    Account acct_;
    uint32_t account_ = 0;
    std::vector<Note> notes_;
    int files_ok_ = 0, followers_failed_ = 0, following_failed_ = 0;
    int64_t followers_ = 0, following_ = 0;
    bool followers_ok_ = false, following_ok_ = false;
    uint64_t retweets_ = 0, skipped_no_date_ = 0, inflated_ = 0;
    std::string first_error_;
    bool reading_ahead_ = false;
};

// ---- [SECTION] The importer: detect and read, media-only parts
// A later part of a large X archive, which comes as several zips: only media folders
// (data/tweets_media/, data/community_tweet_media/, ...), no data file. The archive's
// viewer (Your archive.html, assets/) may come along; macOS leftovers are ignored.
bool media_only_part(const Container& c) {
    bool media = false;
    for (const Entry& e : c.entries()) {
        std::string_view p = e.path;
        if (p.empty() || p.back() == '/' || p.rfind("__MACOSX/", 0) == 0 || base_name(p) == ".DS_Store") continue;
        bool in_media = false, viewer = base_name(p) == "Your archive.html";
        std::string_view prev;
        size_t at = 0;
        while (true) {
            size_t slash = p.find('/', at);
            if (slash == std::string_view::npos) break;
            std::string_view part = p.substr(at, slash - at);
            if (prev == "data" && part.size() > 6 && part.substr(part.size() - 6) == "_media") in_media = true;
            if (part == "assets") viewer = true;
            prev = part;
            at = slash + 1;
        }
        if (in_media) media = true;
        else if (!viewer) return false;
    }
    return media;
}

const char* const kMediaOnlyPart = "media-only part of an X archive: nothing to score in it, its media are not read";

class XArchiveImporter final : public Importer {
public:
    const char* id() const override { return "x-archive"; }
    const char* looks_for() const override { return "an X archive (data/tweets.js)"; }
    bool detect(Container& c, ImportContext& ctx) override {
        DataFiles f = find_files(c);
        if (!f.any()) return media_only_part(c);
        // The content must look like an X data file.
        long i = f.manifest >= 0 ? f.manifest
                 : !f.tweets.empty() ? static_cast<long>(f.tweets[0])
                 : !f.account.empty() ? static_cast<long>(f.account[0])
                                      : static_cast<long>(f.community[0]);
        try {
            std::string head = c.peek(static_cast<size_t>(i), 256, ctx);
            return head.find("window.YTD.") != std::string::npos || head.find("__THAR_CONFIG") != std::string::npos;
        } catch (const InputError&) {
            return true;  // damaged, but named like an X archive: let read() report it
        }
    }
    void read(Container& c, Activity& out, ImportContext& ctx) override {
        if (!find_files(c).any() && media_only_part(c)) throw NothingToScore(kMediaOnlyPart);
        XReader r(c, out, ctx);
        r.run();
    }
};

}  // namespace

// ---- [SECTION] Entry points: the importer, the parts read ahead
std::unique_ptr<Importer> make_x_archive_importer() { return std::make_unique<XArchiveImporter>(); }

std::vector<DataFile> x_archive_part_files(Container& c, ImportContext& ctx) {
    for (const auto& imp : importers()) {
        if (!imp->detect(c, ctx)) continue;
        if (std::string_view(imp->id()) != "x-archive" || !find_files(c).any()) return {};
        Activity none;
        return XReader(c, none, ctx).part_files();
    }
    return {};
}

PartAhead read_x_archive_part(Container& c, const std::string& path, ImportContext& ctx) {
    Activity scratch;  // the account and the small files' warnings: the import has them
    return XReader(c, scratch, ctx).read_ahead(path);
}

// ---- [SECTION] Parts read ahead on the wire
namespace {

void encode_part_ahead(const PartAhead& p, wire::Writer& w) {
    w.str(p.path);
    w.str(p.error);
    w.num(p.follows), w.num(p.skipped_no_date), w.num(p.retweets), w.num(p.inflated), w.num(p.bytes), w.num(p.posts);
    w.num(p.split), w.num(static_cast<uint64_t>(p.notes_used.size()));
    for (uint32_t n : p.notes_used) w.num(n);
    p.part.encode_part(w);
}

PartAhead decode_part_ahead(wire::Reader& r) {
    PartAhead p;
    p.path = std::string(r.str());
    p.error = std::string(r.str());
    p.follows = r.num<int64_t>(), p.skipped_no_date = r.num<uint64_t>(), p.retweets = r.num<uint64_t>();
    p.inflated = r.num<uint64_t>(), p.bytes = r.num<uint64_t>(), p.posts = r.num<uint64_t>();
    p.split = r.num<uint64_t>();
    p.notes_used.resize(r.count(4));
    for (uint32_t& n : p.notes_used) n = r.num<uint32_t>();
    p.part = Activity::decode_part(r);
    return p;
}

}  // namespace

std::string encode_parts_ahead(const std::vector<PartAhead>& parts) {
    wire::Writer w;
    w.num(static_cast<uint64_t>(parts.size()));
    for (const PartAhead& p : parts) encode_part_ahead(p, w);
    return w.take();
}

std::vector<PartAhead> decode_parts_ahead(std::string_view bytes) {
    wire::Reader r(bytes);
    std::vector<PartAhead> parts(r.count(1));
    for (PartAhead& p : parts) p = decode_part_ahead(r);
    if (!r.at_end()) wire::Reader::fail();
    return parts;
}

}  // namespace clout
