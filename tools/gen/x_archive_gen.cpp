#include "x_archive_gen.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "util/text.h"
#include "util/time.h"
#include "zip_writer.h"

namespace clout::gen {

namespace {

// Deterministic generator (splitmix64).
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 12345) {}
    uint64_t next() {
        uint64_t z = (s += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return static_cast<int>(next() % static_cast<uint64_t>(n)); }
    bool chance(int percent) { return below(100) < percent; }
};

// Where generated files go: a zip or a folder.
class Sink {
public:
    virtual ~Sink() = default;
    virtual void begin(const std::string& name) = 0;
    virtual void write(std::string_view s) = 0;
    virtual void end() = 0;
    virtual void big(const std::string& name, uint64_t size, const ZipWriter::Fill& fill) = 0;
    virtual void sparse(const std::string& name, uint64_t size) = 0;
    virtual uint64_t finish() = 0;
};

class ZipSink final : public Sink {
public:
    ZipSink(const std::string& path, const XArchiveOptions& o) : stored_(o.stored) {
        ZipOptions z;
        z.root_folder = o.root_folder;
        z.data_descriptors = o.data_descriptors;
        z.force_zip64 = o.force_zip64;
        z.legacy_no_zip64 = o.legacy_zip;
        w_ = std::make_unique<ZipWriter>(path, z);
    }
    void begin(const std::string& name) override { w_->begin(name, stored_ ? ZipMethod::Stored : ZipMethod::Deflated); }
    void write(std::string_view s) override { w_->write(s); }
    void end() override { w_->end(); }
    void big(const std::string& name, uint64_t size, const ZipWriter::Fill& fill) override {
        w_->add_stream(name, size, fill, ZipMethod::Stored);
    }
    void sparse(const std::string& name, uint64_t size) override { w_->add_sparse(name, size); }
    uint64_t finish() override { return w_->finish(); }

private:
    std::unique_ptr<ZipWriter> w_;
    bool stored_;
};

class DirSink final : public Sink {
public:
    DirSink(const std::string& dir, const XArchiveOptions& o) : base_(dir), root_(dir) {
        if (!o.root_folder.empty()) root_ = (std::filesystem::path(dir) / o.root_folder).string();
        std::filesystem::create_directories(root_);
    }
    ~DirSink() override {
        if (f_) std::fclose(f_);
    }
    void begin(const std::string& name) override {
        auto p = name[0] == '/' ? std::filesystem::path(base_) / name.substr(1) : std::filesystem::path(root_) / name;
        std::filesystem::create_directories(p.parent_path());
        f_ = std::fopen(p.string().c_str(), "wb");
        if (!f_) throw std::runtime_error("cannot create " + p.string());
    }
    void write(std::string_view s) override {
        if (!s.empty() && std::fwrite(s.data(), 1, s.size(), f_) != s.size()) throw std::runtime_error("write failed");
        bytes_ += s.size();
    }
    void end() override {
        std::fclose(f_);
        f_ = nullptr;
    }
    void big(const std::string& name, uint64_t size, const ZipWriter::Fill& fill) override {
        begin(name);
        std::vector<char> buf(1 << 20);
        for (uint64_t off = 0; off < size;) {
            size_t n = static_cast<size_t>(std::min<uint64_t>(buf.size(), size - off));
            fill(off, buf.data(), n);
            write(std::string_view(buf.data(), n));
            off += n;
        }
        end();
    }
    void sparse(const std::string& name, uint64_t size) override {
        begin(name);
        end();
        std::filesystem::resize_file(std::filesystem::path(root_) / name, size);
    }
    uint64_t finish() override { return bytes_; }

private:
    std::string base_, root_;
    FILE* f_ = nullptr;
    uint64_t bytes_ = 0;
};

const char* kWords[] = {"the", "launch", "weekend", "coffee", "release", "thread", "people", "design", "really",
                        "simple", "server", "garden", "reading", "music", "project", "today", "morning", "friends",
                        "writing", "городе", "café", "naïve", "data", "great", "small", "update", "working", "moved",
                        "zürich", "東京", "photos", "build", "notes", "about", "finally", "question", "thanks"};
const char* kTags[] = {"opensource", "cpp", "photography", "Berlin", "café", "rust", "running", "books"};
const char* kOthers[] = {"bob", "carol_k", "DaveR", "erin", "frank99", "grace_h", "heidi", "ivan"};
const char* kEmoji[] = {"\xF0\x9F\x98\x80", "\xF0\x9F\x8E\x89", "\xE2\x9D\xA4\xEF\xB8\x8F", "\xF0\x9F\x91\x8D"};

// JSON string content (escaped; non-ASCII raw, emoji sometimes as \u surrogate pairs).
std::string jstr(std::string_view s, bool escape_non_ascii = false) {
    std::string o;
    o.reserve(s.size() + 8);
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': o += "\\\""; break;
            case '\\': o += "\\\\"; break;
            case '\n': o += "\\n"; break;
            case '\t': o += "\\t"; break;
            case '/': o += escape_non_ascii ? "\\/" : "/"; break;
            default:
                if (c < 0x20) {
                    char b[8];
                    std::snprintf(b, sizeof b, "\\u%04x", c);
                    o += b;
                } else if (escape_non_ascii && c >= 0xF0 && i + 3 < s.size()) {
                    uint32_t cp = ((c & 0x07u) << 18) | ((static_cast<unsigned char>(s[i + 1]) & 0x3Fu) << 12) |
                                  ((static_cast<unsigned char>(s[i + 2]) & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 3]) & 0x3Fu);
                    cp -= 0x10000;
                    char b[16];
                    std::snprintf(b, sizeof b, "\\u%04X\\u%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
                    o += b;
                    i += 3;
                } else {
                    o += static_cast<char>(c);
                }
        }
    }
    return o;
}

std::string iso(int64_t t, int ms = 0) {
    std::string s = format_time(t);  // ...Z
    char b[8];
    std::snprintf(b, sizeof b, ".%03dZ", ms);
    s.pop_back();
    return s + b;
}

std::string num(int64_t v) { return std::to_string(v); }
// X writes numbers as strings.
std::string q(const std::string& s) { return "\"" + s + "\""; }

struct Tweet {
    uint64_t id = 0;
    int64_t time = 0;
    std::string text;      // plain text (as the person wrote it)
    std::string stored;    // what full_text holds (truncated for long posts)
    std::string lang = "en";
    enum K { Original, ReplySelf, ReplyOther, Quote, Repost } kind = Original;
    std::string other;     // replied / quoted / retweeted account
    std::vector<std::string> tags, mentions, urls;
    bool media = false, link = false, long_post = false, surrogate_escapes = false;
    int64_t likes = 0, rts = 0;
};

class Generator {
public:
    Generator(const XArchiveOptions& o, Sink& sink) : o_(o), sink_(sink), rng_(o.seed) {
        handle_ = o.era2019 ? "alice_2019" : "alice_dev";
        display_ = "Alice \"Ally\" Müller \xF0\x9F\x8C\xBB";
        account_id_ = "1234567890123";
    }

    XArchiveExpected run() {
        if (o_.media_only_part) {
            // A later part of a large archive: media folders only, no data file.
            write_media();
            for (const char* name : {"data/community_tweet_media/1700000000000000000-Fcomm.jpg",
                                     "data/profile_media/1111111111-avatar.jpg", "data/direct_messages_media/123-Fdm.jpg"}) {
                sink_.begin(name);
                sink_.write("\xFF\xD8\xFF\xE0 fake jpeg");
                sink_.end();
            }
            e_.file_bytes = sink_.finish();
            return e_;
        }
        e_.handle = handle_;
        e_.display_name = display_;
        e_.account_id = account_id_;
        e_.created_time = days_from_civil(2012, 5, 17) * 86400 + 3600;
        make_tweets();
        // Files in a shuffled order, as zips do not promise any.
        std::vector<int> order;
        int nfiles = 8 + o_.parts;
        for (int i = 0; i < nfiles; ++i) order.push_back(i);
        for (int i = nfiles - 1; i > 0; --i) std::swap(order[i], order[rng_.below(i + 1)]);
        if (o_.macosx) {
            // Finder puts its resource forks in a top-level __MACOSX folder.
            sink_.begin(o_.root_folder.empty() ? "/__MACOSX/data/._tweets.js" : "/__MACOSX/" + o_.root_folder + "/data/._tweets.js");
            sink_.write(std::string(64, '\x07'));
            sink_.end();
        }
        if (o_.sparse_media_bytes > 0) sink_.sparse("data/tweets_media/1500000000000000000-long.mp4", o_.sparse_media_bytes);
        for (int f : order) write_file(f);
        write_media();
        e_.file_bytes = sink_.finish();
        return e_;
    }

private:
    std::string words(int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            if (!s.empty()) s += ' ';
            s += kWords[rng_.below(static_cast<int>(std::size(kWords)))];
        }
        return s;
    }

    void make_tweets() {
        int total = o_.tweets + o_.community_tweets;
        // Tweets lead up to the day before the archive was made, spread over at most six
        // years (one every ~90 minutes for small accounts, closer for big ones).
        int64_t end = (o_.era2019 ? days_from_civil(2019, 3, 1) : days_from_civil(2024, 5, 31)) * 86400;
        int64_t step = std::max<int64_t>(60, std::min<int64_t>(5347, 6 * 365 * 86400ll / std::max(1, total)));
        int64_t t0 = end - step * total;
        int notes_left = o_.era2019 ? 0 : o_.note_tweets;
        for (int i = 0; i < total; ++i) {
            Tweet t;
            t.time = t0 + static_cast<int64_t>(i) * step + rng_.below(static_cast<int>(std::min<int64_t>(step / 2, 600)));
            t.id = ((static_cast<uint64_t>(t.time) * 1000 - 1288834974657ull) << 22) | static_cast<uint64_t>(i & 0x3FFFFF);
            bool community = i >= o_.tweets;
            int r = rng_.below(100);
            if (!community && r < 12) t.kind = Tweet::Repost;
            else if (!community && r < 24) t.kind = Tweet::ReplyOther;
            else if (!community && r < 32) t.kind = Tweet::ReplySelf;
            else if (r < 40) t.kind = Tweet::Quote;
            t.other = kOthers[rng_.below(static_cast<int>(std::size(kOthers)))];
            std::string body = words(4 + rng_.below(14));
            if (rng_.chance(15)) body += " & more <3";
            if (rng_.chance(10)) body += " \"quoted\"\nnew line";
            if (rng_.chance(20)) {
                body += " ";
                body += kEmoji[rng_.below(4)];
                t.surrogate_escapes = rng_.chance(50);
            }
            if (rng_.chance(25)) {
                std::string tag = kTags[rng_.below(static_cast<int>(std::size(kTags)))];
                body += " #" + tag;
                t.tags.push_back(tag);
            }
            t.likes = rng_.below(50) == 0 ? 1000 + rng_.below(5000) : rng_.below(40);
            t.rts = rng_.below(8);
            switch (t.kind) {
                case Tweet::Repost:
                    t.text = "RT @" + t.other + ": " + body;
                    t.mentions.push_back(t.other);
                    break;
                case Tweet::ReplyOther:
                    t.text = "@" + t.other + " " + body;
                    t.mentions.push_back(t.other);
                    break;
                case Tweet::ReplySelf:
                    t.text = body;
                    break;
                case Tweet::Quote: {
                    std::string host = rng_.chance(50) ? "https://twitter.com/" : "https://x.com/";
                    t.urls.push_back(host + t.other + "/status/" + num(1000000 + i));
                    t.text = body + " https://t.co/q" + num(i);
                    break;
                }
                default:
                    t.text = body;
            }
            if (t.kind == Tweet::Original && rng_.chance(20)) {
                t.urls.push_back("https://example.org/article/" + num(i) + "?a=1&b=2");
                t.text += " https://t.co/l" + num(i);
                t.link = true;
            } else if (t.kind == Tweet::Original && rng_.chance(5)) {
                // A link to one's own status: neither a quote nor a link.
                t.urls.push_back("https://twitter.com/" + handle_ + "/status/" + num(555 + i));
                t.text += " https://t.co/s" + num(i);
            }
            if (t.kind != Tweet::Repost && rng_.chance(15)) {
                t.media = true;
                t.text += " https://t.co/m" + num(i);
            }
            if (rng_.chance(7)) t.lang = "und";
            else if (rng_.chance(10)) t.lang = "de";
            t.stored = t.text;
            if (!community && notes_left > 0 && t.kind == Tweet::Original && !t.media && !t.link && t.urls.empty()) {
                --notes_left;
                t.long_post = true;
                t.text = "Long post " + num(i) + ": " + words(90) + " & the end.";
                // tweets.js keeps the first ~270 characters, an ellipsis and a link.
                std::string cut(utf8_prefix(t.text, 270));
                t.stored = cut + "\xE2\x80\xA6 https://t.co/n" + num(i);
            }
            tweets_.push_back(std::move(t));
        }
        if (notes_left > 0) throw std::runtime_error("x-archive generator: not enough eligible tweets for note tweets");
    }

    // One tweet object (the inner object; wrapped by the caller for the modern format).
    std::string tweet_json(const Tweet& t, const std::string& ind, bool community, bool deleted) {
        const std::string i1 = ind + "  ", i2 = i1 + "  ", i3 = i2 + "  ";
        std::string s;
        s.reserve(1600);
        s += "{\n";
        if (!o_.era2019) {
            s += i1 + "\"edit_info\" : {\n" + i2 + "\"initial\" : {\n" + i3 + "\"editTweetIds\" : [\n" + i3 + "  \"" + num(t.id) +
                 "\"\n" + i3 + "],\n" + i3 + "\"editableUntil\" : \"" + iso(t.time + 1800) + "\",\n" + i3 +
                 "\"editsRemaining\" : \"5\",\n" + i3 + "\"isEditEligible\" : " + (t.kind == Tweet::Repost ? "false" : "true") +
                 "\n" + i2 + "}\n" + i1 + "},\n";
        }
        s += i1 + "\"retweeted\" : false,\n";
        s += i1 + "\"source\" : \"<a href=\\\"https://mobile.twitter.com\\\" rel=\\\"nofollow\\\">Twitter Web App</a>\",\n";
        // entities
        s += i1 + "\"entities\" : {\n";
        s += i2 + "\"hashtags\" : [";
        for (size_t k = 0; k < t.tags.size(); ++k)
            s += std::string(k ? "," : "") + "\n" + i3 + "{\n" + i3 + "  \"text\" : \"" + jstr(t.tags[k]) + "\",\n" + i3 +
                 "  \"indices\" : [\n" + i3 + "    \"10\",\n" + i3 + "    \"20\"\n" + i3 + "  ]\n" + i3 + "}";
        s += t.tags.empty() ? "],\n" : "\n" + i2 + "],\n";
        s += i2 + "\"symbols\" : [ ],\n";
        s += i2 + "\"user_mentions\" : [";
        for (size_t k = 0; k < t.mentions.size(); ++k)
            s += std::string(k ? "," : "") + "\n" + i3 + "{\n" + i3 + "  \"name\" : \"" + t.mentions[k] + " Name\",\n" + i3 +
                 "  \"screen_name\" : \"" + t.mentions[k] + "\",\n" + i3 + "  \"indices\" : [\n" + i3 + "    \"3\",\n" + i3 +
                 "    \"12\"\n" + i3 + "  ],\n" + i3 + "  \"id_str\" : \"77" + num(k) + "\",\n" + i3 + "  \"id\" : \"77" + num(k) +
                 "\"\n" + i3 + "}";
        s += t.mentions.empty() ? "],\n" : "\n" + i2 + "],\n";
        s += i2 + "\"urls\" : [";
        for (size_t k = 0; k < t.urls.size(); ++k)
            s += std::string(k ? "," : "") + "\n" + i3 + "{\n" + i3 + "  \"url\" : \"https://t.co/x" + num(k) + "\",\n" + i3 +
                 "  \"expanded_url\" : \"" + jstr(t.urls[k], (t.id & 3) == 0) + "\",\n" + i3 + "  \"display_url\" : \"" +
                 jstr(t.urls[k].substr(8, 20)) + "…\",\n" + i3 + "  \"indices\" : [\n" + i3 + "    \"40\",\n" + i3 +
                 "    \"63\"\n" + i3 + "  ]\n" + i3 + "}";
        s += t.urls.empty() ? "]" : "\n" + i2 + "]";
        std::string media;
        if (t.media) {
            media = "[\n" + i3 + "{\n" + i3 + "  \"expanded_url\" : \"https://twitter.com/" + handle_ + "/status/" + num(t.id) +
                    "/photo/1\",\n" + i3 + "  \"indices\" : [\n" + i3 + "    \"70\",\n" + i3 + "    \"93\"\n" + i3 + "  ],\n" +
                    i3 + "  \"url\" : \"https://t.co/m\",\n" + i3 + "  \"media_url\" : \"http://pbs.twimg.com/media/F" + num(t.id) +
                    ".jpg\",\n" + i3 + "  \"id_str\" : \"" + num(t.id + 1) + "\",\n" + i3 + "  \"id\" : \"" + num(t.id + 1) +
                    "\",\n" + i3 + "  \"media_url_https\" : \"https://pbs.twimg.com/media/F" + num(t.id) + ".jpg\",\n" + i3 +
                    "  \"sizes\" : {\n" + i3 + "    \"large\" : { \"w\" : \"2048\", \"h\" : \"1536\", \"resize\" : \"fit\" },\n" +
                    i3 + "    \"thumb\" : { \"w\" : \"150\", \"h\" : \"150\", \"resize\" : \"crop\" }\n" + i3 + "  },\n" + i3 +
                    "  \"type\" : \"photo\",\n" + i3 + "  \"display_url\" : \"pic.twitter.com/m\"\n" + i3 + "}\n" + i2 + "]";
            s += ",\n" + i2 + "\"media\" : " + media;
        }
        s += "\n" + i1 + "},\n";
        s += i1 + "\"display_text_range\" : [\n" + i2 + "\"0\",\n" + i2 + "\"" + num(static_cast<int64_t>(utf8_length(t.stored))) +
             "\"\n" + i1 + "],\n";
        s += i1 + "\"favorite_count\" : " + (o_.era2019 && (t.id & 1) ? num(t.likes) : q(num(t.likes))) + ",\n";
        if (t.kind == Tweet::ReplyOther || t.kind == Tweet::ReplySelf) {
            bool self = t.kind == Tweet::ReplySelf;
            std::string uid = self ? account_id_ : "9876" + num(static_cast<int64_t>(t.other.size()));
            s += i1 + "\"in_reply_to_status_id_str\" : \"" + num(t.id - 99999) + "\",\n";
            s += i1 + "\"in_reply_to_user_id\" : \"" + uid + "\",\n";
            s += i1 + "\"in_reply_to_status_id\" : \"" + num(t.id - 99999) + "\",\n";
            s += i1 + "\"in_reply_to_screen_name\" : \"" + (self ? handle_ : t.other) + "\",\n";
            s += i1 + "\"in_reply_to_user_id_str\" : \"" + uid + "\",\n";
        }
        s += i1 + "\"id_str\" : \"" + num(t.id) + "\",\n";
        s += i1 + "\"truncated\" : false,\n";
        s += i1 + "\"retweet_count\" : \"" + num(t.rts) + "\",\n";
        s += i1 + "\"id\" : " + (o_.era2019 ? num(t.id) : q(num(t.id))) + ",\n";
        if (t.media && !o_.era2019) s += i1 + "\"possibly_sensitive\" : false,\n";
        s += i1 + "\"created_at\" : \"" + x_created_at(t.time) + "\",\n";
        if (community) s += i1 + "\"community_id\" : \"1500000000000000001\",\n" + i1 + "\"community_id_str\" : \"1500000000000000001\",\n";
        if (deleted) s += i1 + "\"deleted_at\" : \"" + iso(t.time + 86400) + "\",\n";
        s += i1 + "\"favorited\" : false,\n";
        s += i1 + "\"full_text\" : \"" + jstr(x_full_text(t.stored), t.surrogate_escapes) + "\",\n";
        s += i1 + "\"lang\" : \"" + t.lang + "\"";
        if (t.media)
            s += ",\n" + i1 + "\"extended_entities\" : {\n" + i2 + "\"media\" : " + media + "\n" + i1 + "}";
        s += "\n" + ind + "}";
        return s;
    }

    void count(const Tweet& t) {
        ++e_.records;
        switch (t.kind) {
            case Tweet::Original: ++e_.originals; break;
            case Tweet::ReplySelf: ++e_.replies; ++e_.replies_self; break;
            case Tweet::ReplyOther: ++e_.replies; ++e_.replies_other; break;
            case Tweet::Quote: ++e_.quotes; break;
            case Tweet::Repost: ++e_.reposts; break;
        }
        if (t.kind != Tweet::Repost) {
            ++e_.posts;
            e_.likes_received += t.likes;
            e_.reposts_received += t.rts;
        }
        if (t.media) ++e_.with_media;
        if (t.link) ++e_.with_link;
        if (t.long_post) ++e_.long_posts;
        e_.text_length += static_cast<int64_t>(utf8_length(t.text));
    }

    // Writes one `window.YTD.<global>.partN = [ ... ]` file from element strings.
    template <class F>
    void array_file(const std::string& name, const std::string& global, int part, size_t n, F&& element,
                    bool tweets_file = false, size_t cut_after = static_cast<size_t>(-1)) {
        sink_.begin("data/" + name);
        std::string head = "window.YTD." + global + ".part" + num(part) + " = [";
        sink_.write(head);
        uint64_t bytes = head.size();
        for (size_t k = 0; k < n; ++k) {
            std::string el = std::string(k ? "," : "") + " " + element(k);
            if (k == cut_after) {
                // A damaged file: cut in the middle of this element, nothing after.
                el.resize(el.size() / 2);
                sink_.write(el);
                bytes += el.size();
                sink_.end();
                if (tweets_file) e_.tweet_json_bytes += bytes;
                return;
            }
            sink_.write(el);
            bytes += el.size();
        }
        sink_.write(n ? "\n]" : "]");
        bytes += 2;
        sink_.end();
        if (tweets_file) e_.tweet_json_bytes += bytes;
    }

    void write_file(int f) {
        const std::string g2019 = o_.era2019 ? "tweet" : "tweets";
        if (f >= 8) {
            // Tweets part p: parts hold blocks of tweets in a shuffled (non-chronological) order.
            int p = f - 8;
            int parts = std::max(1, o_.parts);
            int block = (p * 7 + 3) % parts;  // a fixed permutation when parts is prime to 7
            if (parts % 7 == 0) block = p;
            size_t lo = static_cast<size_t>(o_.tweets) * block / parts, hi = static_cast<size_t>(o_.tweets) * (block + 1) / parts;
            std::string name = p == 0 ? g2019 + ".js" : g2019 + "-part" + num(p) + ".js";
            size_t n = hi - lo;
            size_t cut = p == o_.damaged_part ? n / 2 : static_cast<size_t>(-1);
            if (p == o_.damaged_part) ++e_.warnings;
            array_file(name, g2019, p, n, [&](size_t k) {
                const Tweet& t = tweets_[hi - 1 - k];  // newest first, as X writes them
                if (k < cut) count(t);
                if (o_.era2019) return tweet_json(t, "  ", false, false);
                return "{\n    \"tweet\" : " + tweet_json(t, "    ", false, false) + "\n  }";
            }, true, cut);
            return;
        }
        switch (f) {
            case 0:
                if (!o_.manifest || o_.era2019) return;
                write_manifest();
                return;
            case 1: {
                sink_.begin("data/account.js");
                std::string g = "window.YTD.account.part0 = [ {\n  \"account\" : {\n    \"email\" : \"alice@example.org\",\n"
                                "    \"createdVia\" : \"web\",\n    \"username\" : \"" + handle_ + "\",\n    \"accountId\" : \"" +
                                account_id_ + "\",\n    \"createdAt\" : \"" + iso(e_.created_time) +
                                "\",\n    \"accountDisplayName\" : \"" + jstr(display_, true) + "\"\n  }\n} ]";
                sink_.write(g);
                sink_.end();
                return;
            }
            case 2: {
                if (o_.note_tweets <= 0 || o_.era2019) return;
                std::vector<const Tweet*> longs;
                for (const Tweet& t : tweets_)
                    if (t.long_post) longs.push_back(&t);
                array_file("note-tweet.js", "note_tweet", 0, longs.size(), [&](size_t k) {
                    const Tweet& t = *longs[k];
                    return "{\n    \"noteTweet\" : {\n      \"noteTweetId\" : \"" + num(t.id + 7) + "\",\n      \"updatedAt\" : \"" +
                           iso(t.time, 321) + "\",\n      \"lifecycle\" : {\n        \"value\" : \"" + num(t.id + 7) +
                           "\",\n        \"name\" : \"" + num(t.id + 7) + "\"\n      },\n      \"createdAt\" : \"" + iso(t.time, 456) +
                           "\",\n      \"core\" : {\n        \"styletags\" : [ ],\n        \"urls\" : [ ],\n        \"text\" : \"" +
                           jstr(t.text) + "\",\n        \"mentions\" : [ ],\n        \"cashtags\" : [ ],\n        \"hashtags\" : [ ]\n      }\n    }\n  }";
                });
                return;
            }
            case 3: {
                if (o_.community_tweets <= 0) return;
                array_file("community-tweet.js", "community_tweet", 0, static_cast<size_t>(o_.community_tweets), [&](size_t k) {
                    const Tweet& t = tweets_[static_cast<size_t>(o_.tweets) + k];
                    count(t);
                    return "{\n    \"tweet\" : " + tweet_json(t, "    ", true, false) + "\n  }";
                });
                return;
            }
            case 4: {
                if (o_.deleted_tweets <= 0) return;
                array_file("deleted-tweets.js", "deleted_tweets", 0, static_cast<size_t>(o_.deleted_tweets), [&](size_t k) {
                    Tweet t;
                    t.id = 999000000000000000ull + k;
                    t.time = days_from_civil(2020, 2, 2) * 86400 + static_cast<int64_t>(k) * 60;
                    t.text = t.stored = "deleted " + num(static_cast<int64_t>(k));
                    return "{\n    \"tweet\" : " + tweet_json(t, "    ", false, true) + "\n  }";
                });
                return;
            }
            case 5: {
                if (o_.likes <= 0) return;
                e_.likes_given = o_.likes;
                array_file("like.js", "like", 0, static_cast<size_t>(o_.likes), [&](size_t k) {
                    return "{\n    \"like\" : {\n      \"tweetId\" : \"" + num(1500000000000000000ll + static_cast<int64_t>(k) * 13) +
                           "\",\n      \"fullText\" : \"liked post " + num(static_cast<int64_t>(k)) +
                           " &amp; more\",\n      \"expandedUrl\" : \"https://twitter.com/i/web/status/" +
                           num(1500000000000000000ll + static_cast<int64_t>(k) * 13) + "\"\n    }\n  }";
                });
                return;
            }
            case 6: {
                if (o_.followers <= 0) return;
                e_.followers = o_.followers;
                int parts = std::max(1, o_.follower_parts);
                for (int p = parts - 1; p >= 0; --p) {
                    size_t lo = static_cast<size_t>(o_.followers) * p / parts, hi = static_cast<size_t>(o_.followers) * (p + 1) / parts;
                    array_file(p == 0 ? "follower.js" : "follower-part" + num(p) + ".js", "follower", p, hi - lo, [&](size_t k) {
                        std::string id = num(3000000000ll + static_cast<int64_t>(lo + k));
                        return "{\n    \"follower\" : {\n      \"accountId\" : \"" + id +
                               "\",\n      \"userLink\" : \"https://twitter.com/intent/user?user_id=" + id + "\"\n    }\n  }";
                    });
                }
                return;
            }
            case 7: {
                if (o_.following <= 0) return;
                e_.following = o_.following;
                array_file("following.js", "following", 0, static_cast<size_t>(o_.following), [&](size_t k) {
                    std::string id = num(4000000000ll + static_cast<int64_t>(k));
                    return "{\n    \"following\" : {\n      \"accountId\" : \"" + id +
                           "\",\n      \"userLink\" : \"https://twitter.com/intent/user?user_id=" + id + "\"\n    }\n  }";
                });
                return;
            }
        }
    }

    void write_manifest() {
        e_.export_time = days_from_civil(2024, 6, 1) * 86400 + 10 * 3600 + 20 * 60 + 30;
        std::string s = "window.__THAR_CONFIG = {\n  \"userInfo\" : {\n    \"accountId\" : \"" + account_id_ +
                        "\",\n    \"userName\" : \"" + handle_ + "\",\n    \"displayName\" : \"" + jstr(display_) +
                        "\"\n  },\n  \"archiveInfo\" : {\n    \"sizeBytes\" : \"123456\",\n    \"generationDate\" : \"" +
                        iso(e_.export_time, 789) + "\",\n    \"isPartialArchive\" : false,\n    \"maxPartSizeBytes\" : \"53687091200\"\n"
                        "  },\n  \"readOnlyMode\" : false,\n  \"dataTypes\" : {\n    \"tweets\" : {\n      \"mediaDirectory\" : "
                        "\"data/tweets_media\",\n      \"files\" : [ {\n        \"fileName\" : \"data/tweets.js\",\n"
                        "        \"globalName\" : \"YTD.tweets.part0\",\n        \"count\" : \"" + num(o_.tweets) +
                        "\"\n      } ]\n    }\n  }\n}";
        sink_.begin("data/manifest.js");
        sink_.write(s);
        sink_.end();
    }

    void write_media() {
        for (int i = 0; i < o_.media_files; ++i) {
            char name[96];
            std::snprintf(name, sizeof name, "data/tweets_media/%d-F%08dabc.jpg", 1400000000 + i, i);
            sink_.begin(name);
            char body[48];
            int n = std::snprintf(body, sizeof body, "\xFF\xD8\xFF\xE0 fake jpeg %d", i);
            sink_.write(std::string_view(body, static_cast<size_t>(n)));
            sink_.end();
        }
        if (o_.media_bytes > 0) {
            sink_.big("data/tweets_media/1600000000000000000-video.mp4", o_.media_bytes, [](uint64_t off, char* buf, size_t n) {
                // Incompressible-looking bytes, a function of the offset only.
                uint64_t x = off * 0x9E3779B97F4A7C15ull + 1;
                size_t i = 0;
                for (; i + 8 <= n; i += 8) {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    std::memcpy(buf + i, &x, 8);
                }
                for (; i < n; ++i) buf[i] = static_cast<char>(i);
            });
        }
    }

    const XArchiveOptions& o_;
    Sink& sink_;
    Rng rng_;
    std::vector<Tweet> tweets_;
    std::string handle_, display_, account_id_;
    XArchiveExpected e_;
};

}  // namespace

// X escapes &, < and > in full_text.
std::string x_full_text(std::string_view s) {
    std::string o;
    for (char c : s) {
        if (c == '&') o += "&amp;";
        else if (c == '<') o += "&lt;";
        else if (c == '>') o += "&gt;";
        else o += c;
    }
    return o;
}

std::string x_created_at(int64_t t) {
    static const char* wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char* mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int64_t day = day_of(t);
    int y;
    unsigned m, d;
    civil_from_days(day, y, m, d);
    int64_t s = t - day * 86400;
    char b[64];
    std::snprintf(b, sizeof b, "%s %s %02u %02d:%02d:%02d +0000 %d", wd[((day % 7) + 7) % 7], mo[m - 1], d,
                  static_cast<int>(s / 3600), static_cast<int>(s / 60 % 60), static_cast<int>(s % 60), y);
    return b;
}

XArchiveExpected write_x_archive(const std::string& zip_path, const XArchiveOptions& o) {
    ZipSink sink(zip_path, o);
    Generator g(o, sink);
    return g.run();
}

XArchiveExpected write_x_archive_dir(const std::string& dir, const XArchiveOptions& o) {
    DirSink sink(dir, o);
    Generator g(o, sink);
    XArchiveExpected e = g.run();
    e.file_bytes = 0;
    return e;
}

}  // namespace clout::gen
