// The activity model's functions (model/activity.h): network names, ids (hashes, Bluesky
// TIDs, ids printed back), the kept snippets, likes and follows, merging activities and the
// parts read apart, a part's wire form, and normalize(), the canonical form the score reads.
//
// Index of this file:
//   [SECTION] Networks: ids and labels
//   [SECTION] Ids: hashes, Bluesky TIDs, ids printed back
//   [SECTION] Adding to an activity: accounts, snippets, likes, follows
//   [SECTION] Merging activities and parts
//   [SECTION] A part on the wire
//   [SECTION] normalize(): the canonical form
//   [SECTION] Memory use
#include "model/activity.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <tuple>
#include <unordered_set>

#include "util/text.h"
#include "util/wire.h"

namespace clout {

// ---- [SECTION] Networks: ids and labels
namespace {
const char* const kIds[kNetworkCount] = {"x", "mastodon", "bluesky", "instagram", "threads",
                                         "facebook", "linkedin", "tiktok", "reddit"};
const char* const kLabels[kNetworkCount] = {"X", "Mastodon", "Bluesky", "Instagram", "Threads",
                                            "Facebook", "LinkedIn", "TikTok", "Reddit"};
const char kTidAlphabet[] = "234567abcdefghijklmnopqrstuvwxyz";
}  // namespace

const char* network_id(Network n) { return kIds[static_cast<int>(n)]; }
const char* network_label(Network n) { return kLabels[static_cast<int>(n)]; }

bool parse_network(std::string_view s, Network& out) {
    std::string l = ascii_lower(s);
    if (l == "twitter") l = "x";
    for (int i = 0; i < kNetworkCount; ++i) {
        if (l == kIds[i]) {
            out = static_cast<Network>(i);
            return true;
        }
    }
    return false;
}

// ---- [SECTION] Ids: hashes, Bluesky TIDs, ids printed back
uint64_t hash64(std::string_view s, uint64_t seed) {
    uint64_t h = 1469598103934665603ull ^ (seed * 0x9E3779B97F4A7C15ull);
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    // final avalanche (splitmix64)
    h ^= h >> 30; h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27; h *= 0x94d049bb133111ebull;
    h ^= h >> 31;
    return h;
}

void make_decimal_or_hash_id(std::string_view s, uint64_t& id, IdKind& kind) {
    if (!s.empty() && s.size() <= 19 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        uint64_t v = 0;
        for (char c : s) v = v * 10 + static_cast<uint64_t>(c - '0');
        id = v;
        kind = IdKind::Decimal;
        return;
    }
    id = hash64(s);
    kind = IdKind::Hash;
}

bool decode_tid(std::string_view s, uint64_t& out) {
    if (s.size() != 13) return false;
    uint64_t v = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        const char* p = std::strchr(kTidAlphabet, s[i]);
        if (!p || !*p) return false;
        uint64_t digit = static_cast<uint64_t>(p - kTidAlphabet);
        if (i == 0 && digit >= 16) return false;  // the top bit of a TID is always 0
        v = (v << 5) | digit;
    }
    out = v;
    return true;
}

std::string encode_tid(uint64_t v) {
    std::string s(13, '2');
    for (int i = 12; i >= 0; --i) {
        s[static_cast<size_t>(i)] = kTidAlphabet[v & 31];
        v >>= 5;
    }
    return s;
}

std::string format_post_id(uint64_t id, IdKind kind) {
    switch (kind) {
        case IdKind::Decimal: return std::to_string(id);
        case IdKind::Tid: return encode_tid(id);
        case IdKind::Base36: {
            if (id == 0) return "0";
            std::string s;
            while (id) {
                s.push_back("0123456789abcdefghijklmnopqrstuvwxyz"[id % 36]);
                id /= 36;
            }
            std::reverse(s.begin(), s.end());
            return s;
        }
        case IdKind::Hash: {
            char buf[24];
            static const char hex[] = "0123456789abcdef";
            for (int i = 15; i >= 0; --i) {
                buf[i] = hex[id & 15];
                id >>= 4;
            }
            return "h" + std::string(buf, 16);
        }
    }
    return {};
}

// ---- [SECTION] Adding to an activity: accounts, snippets, likes, follows
uint64_t snippet_key(Network n, uint64_t id) {
    return id * 0x9E3779B97F4A7C15ull + static_cast<uint64_t>(n) * 0xD6E8FEB86659FD93ull;
}

int64_t engagement_of(const Post& p) {
    int64_t e = 0;
    if (p.likes > 0) e += p.likes;
    if (p.reposts > 0) e += p.reposts;
    if (p.replies > 0) e += p.replies;
    if (p.quotes > 0) e += p.quotes;
    return e;
}

namespace {
// ascii_lower into a reused buffer: a name or tag is lower-cased for every post, like and
// follow, and most are too long for the short-string buffer (an allocation each).
std::string_view lower_into(std::string& buf, std::string_view s) {
    buf.assign(s);
    for (char& c : buf)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return buf;
}
}  // namespace

uint32_t Activity::add_account(Account a) {
    accounts.push_back(std::move(a));
    top_by_engagement_.emplace_back();
    top_by_recency_.emplace_back();
    return static_cast<uint32_t>(accounts.size() - 1);
}

bool Activity::offer_snippet(std::vector<Ranked>& heap, Ranked r) {
    // Min-heaps: the front is the weakest kept post, evicted when a stronger one comes.
    // (rank, key) is a strict order, so the kept set never depends on the order of offers.
    auto greater = [](const Ranked& a, const Ranked& b) { return std::tie(a.rank, a.key) > std::tie(b.rank, b.key); };
    if (heap.size() >= kSnippetsPerAccount) {
        if (!greater(r, heap.front())) return false;
        std::pop_heap(heap.begin(), heap.end(), greater);
        uint64_t evicted = heap.back().key;
        heap.pop_back();
        auto it = snippet_refs_.find(evicted);
        if (it != snippet_refs_.end() && --it->second == 0) {
            snippet_refs_.erase(it);
            snippets_.erase(evicted);
        }
    }
    heap.push_back(r);
    std::push_heap(heap.begin(), heap.end(), greater);
    ++snippet_refs_[r.key];
    return true;
}

void Activity::keep_snippet(const Post& p, uint32_t, std::string_view text) {
    if (text.empty() || p.kind == PostKind::Repost) return;
    if (p.account >= top_by_engagement_.size()) {
        top_by_engagement_.resize(accounts.size());
        top_by_recency_.resize(accounts.size());
    }
    const uint64_t key = snippet_key(accounts[p.account].network, p.id);
    bool added = offer_snippet(top_by_engagement_[p.account], Ranked{engagement_of(p), key});
    added = offer_snippet(top_by_recency_[p.account], Ranked{p.time, key}) || added;
    if (added && !snippets_.count(key)) snippets_.emplace(key, std::string(utf8_prefix(text, kSnippetBytes)));
}

Post& Activity::add_post(Post p, std::string_view text, const std::vector<std::string_view>& hashtags,
                         const std::vector<std::string_view>& mentions) {
    p.terms_begin = static_cast<uint32_t>(terms.size());
    p.text_length = static_cast<uint32_t>(utf8_length(text));
    uint8_t nh = 0, nm = 0, nk = 0;
    // Lower-cased without its leading '#' / '@', interned (scratch_ is reused: no allocation).
    auto term = [&](std::string_view t, char sigil) -> bool {
        if (!t.empty() && t[0] == sigil) t.remove_prefix(1);
        if (t.empty()) return false;
        terms.push_back(strings.intern(lower_into(scratch_, t)));
        return true;
    };
    for (auto h : hashtags) {
        if (nh == 255) break;
        if (term(h, '#')) ++nh;
    }
    for (auto m : mentions) {
        if (nm == 255) break;
        if (term(m, '@')) ++nm;
    }
    if (p.kind != PostKind::Repost) {
        size_t n = extract_keywords(text, kMaxKeywords, keyword_scratch_);
        for (size_t k = 0; k < n; ++k) terms.push_back(strings.intern(keyword_scratch_[k]));
        nk = static_cast<uint8_t>(n);
    }
    p.n_hashtags = nh;
    p.n_mentions = nm;
    p.n_keywords = nk;
    posts.push_back(p);
    keep_snippet(posts.back(), static_cast<uint32_t>(posts.size() - 1), text);
    return posts.back();
}

void Activity::add_like(uint32_t account, int64_t time, std::string_view target, std::string_view target_account) {
    Interaction i;
    i.account = account;
    i.time = time;
    i.kind = InteractionKind::Like;
    i.target = hash64(target);
    if (!target_account.empty()) i.target_account = strings.intern(lower_into(scratch_, target_account));
    interactions.push_back(i);
}

void Activity::add_follow(uint32_t account, int64_t time, std::string_view target) {
    Interaction i;
    i.account = account;
    i.time = time;
    i.kind = InteractionKind::Follow;
    i.target = hash64(target);
    if (!target.empty()) i.target_account = strings.intern(lower_into(scratch_, target));
    interactions.push_back(i);
}

std::string_view Activity::snippet(const Post& p) const {
    auto it = snippets_.find(snippet_key(accounts[p.account].network, p.id));
    return it == snippets_.end() ? std::string_view() : std::string_view(it->second);
}

// ---- [SECTION] Merging activities and parts
namespace {
// Appends `from` to `into`, passing each element through fix. When `into` is empty (the
// first export or part merged into a new activity, nearly always) its buffer is taken
// over and fixed in place: copying it would touch as much fresh memory again, and every
// page of that is a page fault (the posts of 100k tweets are 6 MB).
template <class T, class Fix>
void append_fixed(std::vector<T>& into, std::vector<T>& from, Fix fix) {
    if (into.empty()) {
        into.swap(from);
        for (T& x : into) fix(x);
        return;
    }
    for (T x : from) {
        fix(x);
        into.push_back(x);
    }
}
}  // namespace

// The other pool's ids in this one. A pool holding only the empty string (id 0 in both)
// is replaced by the other one whole: every id stays what it was, nothing is re-interned.
std::vector<StrId> Activity::adopt_strings(StringPool& other, bool& same_ids) {
    std::vector<StrId> remap;
    same_ids = strings.size() == 1;
    if (same_ids) {
        strings = std::move(other);
        return remap;
    }
    remap.resize(other.size());
    for (size_t i = 0; i < other.size(); ++i) remap[i] = strings.intern(other.view(static_cast<StrId>(i)));
    return remap;
}

void Activity::merge(Activity&& o) {
    // The other pool's strings re-interned into ours (or adopted whole, see adopt_strings).
    bool same_ids = false;
    const std::vector<StrId> remap = adopt_strings(o.strings, same_ids);
    auto id = [&](StrId s) { return same_ids ? s : remap[s]; };
    uint32_t base = static_cast<uint32_t>(accounts.size());
    for (auto& a : o.accounts) add_account(std::move(a));
    uint32_t term_base = static_cast<uint32_t>(terms.size());
    if (!same_ids || !terms.empty()) append_fixed(terms, o.terms, [&](StrId& t) { t = id(t); });
    else terms.swap(o.terms);
    if (!posts.empty()) posts.reserve(posts.size() + o.posts.size());
    append_fixed(posts, o.posts, [&](Post& p) {
        p.account += base;
        p.target_account = id(p.target_account);
        p.lang = id(p.lang);
        p.terms_begin += term_base;
    });
    append_fixed(interactions, o.interactions, [&](Interaction& i) {
        i.account += base;
        i.target_account = id(i.target_account);
    });
    if (snippets_.empty()) snippets_.swap(o.snippets_);
    else
        for (auto& [k, v] : o.snippets_) snippets_.emplace(k, std::move(v));
    for (auto& w : o.warnings) warnings.push_back(std::move(w));
    o = Activity();
}

void Activity::merge_part(Activity&& o, uint32_t account) {
    // Strings in the part's first-use order: after merging parts in reading order the ids
    // are the ones reading everything on one thread would have given.
    bool same_ids = false;
    const std::vector<StrId> remap = adopt_strings(o.strings, same_ids);
    auto id = [&](StrId s) { return same_ids ? s : remap[s]; };
    uint32_t term_base = static_cast<uint32_t>(terms.size());
    // (No reserve to the exact size: merging many parts would reallocate at every part.)
    if (!same_ids || !terms.empty()) append_fixed(terms, o.terms, [&](StrId& t) { t = id(t); });
    else terms.swap(o.terms);
    append_fixed(posts, o.posts, [&](Post& p) {
        p.account = account;
        p.target_account = id(p.target_account);
        p.lang = id(p.lang);
        p.terms_begin += term_base;
    });
    append_fixed(interactions, o.interactions, [&](Interaction& i) {
        i.account = account;
        i.target_account = id(i.target_account);
    });
    // Snippets: offer the part's kept posts to this account's rankings. The top posts of a
    // union are the top posts of the parts' tops, so the kept set is the sequential one.
    if (account >= top_by_engagement_.size()) {
        top_by_engagement_.resize(accounts.size());
        top_by_recency_.resize(accounts.size());
    }
    for (size_t a = 0; a < o.top_by_engagement_.size(); ++a) {
        for (int which = 0; which < 2; ++which) {
            auto& from = which == 0 ? o.top_by_engagement_[a] : o.top_by_recency_[a];
            auto& to = which == 0 ? top_by_engagement_[account] : top_by_recency_[account];
            for (const Ranked& r : from) {
                if (!offer_snippet(to, r) || snippets_.count(r.key)) continue;
                auto it = o.snippets_.find(r.key);
                if (it != o.snippets_.end()) snippets_.emplace(r.key, it->second);
            }
        }
    }
    for (auto& w : o.warnings) warnings.push_back(std::move(w));
    o = Activity();
}

// ---- [SECTION] A part on the wire
void Activity::encode_part(wire::Writer& w) const {
    w.num(static_cast<uint64_t>(strings.size()));
    for (size_t i = 1; i < strings.size(); ++i) w.str(strings.view(static_cast<StrId>(i)));
    w.num(static_cast<uint64_t>(terms.size()));
    for (StrId t : terms) w.num(t);
    w.num(static_cast<uint64_t>(posts.size()));
    for (const Post& p : posts) {
        w.num(p.time), w.num(p.id), w.num(p.target_account), w.num(p.lang), w.num(p.terms_begin);
        w.num(p.likes), w.num(p.reposts), w.num(p.replies), w.num(p.quotes), w.num(p.text_length);
        w.num(p.n_hashtags), w.num(p.n_mentions), w.num(p.n_keywords);
        w.num(p.kind), w.num(p.reply_target), w.num(p.id_kind);
        w.num(static_cast<uint8_t>(p.has_media)), w.num(static_cast<uint8_t>(p.has_link));
    }
    w.num(static_cast<uint64_t>(interactions.size()));
    for (const Interaction& i : interactions) w.num(i.time), w.num(i.target), w.num(i.target_account), w.num(i.kind);
    w.num(static_cast<uint64_t>(warnings.size()));
    for (const std::string& s : warnings) w.str(s);
    w.num(static_cast<uint64_t>(top_by_engagement_.size()));
    for (size_t a = 0; a < top_by_engagement_.size(); ++a)
        for (const auto* heap : {&top_by_engagement_[a], &top_by_recency_[a]}) {
            w.num(static_cast<uint64_t>(heap->size()));
            for (const Ranked& r : *heap) w.num(r.rank), w.num(r.key);
        }
    // The snippets in key order: the same part always gives the same bytes.
    std::vector<uint64_t> keys;
    keys.reserve(snippets_.size());
    for (const auto& [k, text] : snippets_) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    w.num(static_cast<uint64_t>(keys.size()));
    for (uint64_t k : keys) w.num(k), w.str(snippets_.at(k));
}

Activity Activity::decode_part(wire::Reader& r) {
    Activity a;
    const size_t n_strings = r.count(8);
    if (n_strings == 0) wire::Reader::fail();
    for (size_t i = 1; i < n_strings; ++i)
        if (a.strings.intern(r.str()) != i) wire::Reader::fail();  // a repeated string
    auto str_id = [&] {
        StrId id = r.num<StrId>();
        if (id >= a.strings.size()) wire::Reader::fail();
        return id;
    };
    a.terms.resize(r.count(4));
    for (StrId& t : a.terms) t = str_id();
    a.posts.resize(r.count(56));
    for (Post& p : a.posts) {
        p.time = r.num<int64_t>(), p.id = r.num<uint64_t>(), p.target_account = str_id(), p.lang = str_id();
        p.terms_begin = r.num<uint32_t>();
        p.likes = r.num<int32_t>(), p.reposts = r.num<int32_t>(), p.replies = r.num<int32_t>(), p.quotes = r.num<int32_t>();
        p.text_length = r.num<uint32_t>();
        p.n_hashtags = r.num<uint8_t>(), p.n_mentions = r.num<uint8_t>(), p.n_keywords = r.num<uint8_t>();
        p.kind = r.num<PostKind>(), p.reply_target = r.num<ReplyTarget>(), p.id_kind = r.num<IdKind>();
        uint8_t media = r.num<uint8_t>(), link = r.num<uint8_t>();
        if (static_cast<uint8_t>(p.kind) > static_cast<uint8_t>(PostKind::Repost) ||
            static_cast<uint8_t>(p.reply_target) > static_cast<uint8_t>(ReplyTarget::Other) ||
            static_cast<uint8_t>(p.id_kind) > static_cast<uint8_t>(IdKind::Hash) || media > 1 || link > 1 ||
            uint64_t{p.terms_begin} + p.n_hashtags + p.n_mentions + p.n_keywords > a.terms.size())
            wire::Reader::fail();
        p.has_media = media, p.has_link = link;
    }
    a.interactions.resize(r.count(21));
    for (Interaction& i : a.interactions) {
        i.time = r.num<int64_t>(), i.target = r.num<uint64_t>(), i.target_account = str_id(), i.kind = r.num<InteractionKind>();
        if (static_cast<uint8_t>(i.kind) > static_cast<uint8_t>(InteractionKind::Follow)) wire::Reader::fail();
    }
    a.warnings.resize(r.count(8));
    for (std::string& s : a.warnings) s = std::string(r.str());
    const size_t n_accounts = r.count(16);
    a.top_by_engagement_.resize(n_accounts);
    a.top_by_recency_.resize(n_accounts);
    for (size_t k = 0; k < n_accounts; ++k)
        for (auto* heap : {&a.top_by_engagement_[k], &a.top_by_recency_[k]}) {
            heap->resize(r.count(16));
            if (heap->size() > kSnippetsPerAccount) wire::Reader::fail();
            for (Ranked& x : *heap) {
                x.rank = r.num<int64_t>(), x.key = r.num<uint64_t>();
                ++a.snippet_refs_[x.key];
            }
            // Still a min-heap (offer_snippet's order), or merge_part would keep other posts.
            if (!std::is_heap(heap->begin(), heap->end(), [](const Ranked& x, const Ranked& y) {
                    return std::tie(x.rank, x.key) > std::tie(y.rank, y.key);
                }))
                wire::Reader::fail();
        }
    const size_t n_snippets = r.count(16);
    for (size_t k = 0; k < n_snippets; ++k) {
        uint64_t key = r.num<uint64_t>();
        std::string_view text = r.str();
        if (!a.snippet_refs_.count(key) || text.size() > kSnippetBytes || !a.snippets_.emplace(key, std::string(text)).second)
            wire::Reader::fail();
    }
    return a;
}

// ---- [SECTION] normalize(): the canonical form
void Activity::normalize() {
    // 1. Fold accounts that are the same.
    const size_t n = accounts.size();
    std::vector<uint32_t> target(n);
    for (size_t i = 0; i < n; ++i) target[i] = static_cast<uint32_t>(i);
    auto same = [](const Account& a, const Account& b) {
        if (a.network != b.network) return false;
        if (!a.id.empty() && !b.id.empty()) return a.id == b.id;
        if (!a.handle.empty() && !b.handle.empty()) return ascii_lower(a.handle) == ascii_lower(b.handle);
        return false;
    };
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = 0; j < i; ++j) {
            if (target[j] == j && same(accounts[j], accounts[i])) {
                target[i] = static_cast<uint32_t>(j);
                break;
            }
        }
    }
    // Anonymous partial accounts (e.g. a loose following_accounts.csv) fold into the
    // only identified account of their network.
    for (size_t i = 0; i < n; ++i) {
        if (target[i] != i || !accounts[i].id.empty() || !accounts[i].handle.empty()) continue;
        int found = -1, count = 0;
        for (size_t j = 0; j < n; ++j) {
            if (j != i && target[j] == j && accounts[j].network == accounts[i].network &&
                (!accounts[j].id.empty() || !accounts[j].handle.empty())) {
                found = static_cast<int>(j);
                ++count;
            }
        }
        if (count == 1) target[i] = static_cast<uint32_t>(found);
        // No identified account of this network at all (e.g. the same Meta or LinkedIn
        // export, which names nobody, given twice): the anonymous ones are one account.
        if (count == 0) {
            for (size_t j = 0; j < i; ++j) {
                if (target[j] == j && accounts[j].network == accounts[i].network && accounts[j].id.empty() &&
                    accounts[j].handle.empty()) {
                    target[i] = static_cast<uint32_t>(j);
                    break;
                }
            }
        }
    }
    auto fold_max = [](int64_t& into, int64_t v) { if (v > into) into = v; };
    for (size_t i = 0; i < n; ++i) {
        if (target[i] == i) continue;
        Account& into = accounts[target[i]];
        Account& from = accounts[i];
        if (into.id.empty()) into.id = from.id;
        if (into.handle.empty()) into.handle = from.handle;
        if (into.display_name.empty()) into.display_name = from.display_name;
        fold_max(into.followers, from.followers);
        fold_max(into.following, from.following);
        fold_max(into.followers_supplied, from.followers_supplied);
        fold_max(into.direct_messages, from.direct_messages);
        fold_max(into.likes_received_total, from.likes_received_total);
        fold_max(into.export_time, from.export_time);
        // The export's own aggregates: the ones covering the latest range.
        if (from.insights.present() && (!into.insights.present() || from.insights.to_day > into.insights.to_day))
            into.insights = from.insights;
        if (into.created_time == 0 || (from.created_time != 0 && from.created_time < into.created_time))
            into.created_time = from.created_time;
        into.signals.likes_received |= from.signals.likes_received;
        into.signals.reposts_received |= from.signals.reposts_received;
        into.signals.replies_received |= from.signals.replies_received;
        into.signals.quotes_received |= from.signals.quotes_received;
        into.signals.followers |= from.signals.followers;
        into.signals.following |= from.signals.following;
        for (auto& note : from.notes)
            if (std::find(into.notes.begin(), into.notes.end(), note) == into.notes.end()) into.notes.push_back(note);
        if (into.source_name != from.source_name && !from.source_name.empty()) {
            if (into.source_name.empty()) into.source_name = from.source_name;
            else if (into.source_name.find(from.source_name) == std::string::npos)
                into.source_name += ", " + from.source_name;
        }
        if (into.format.empty()) into.format = from.format;
    }
    // Compact: keep folded-into accounts, in a canonical order (network, id, handle).
    std::vector<uint32_t> kept;
    for (size_t i = 0; i < n; ++i)
        if (target[i] == i) kept.push_back(static_cast<uint32_t>(i));
    std::sort(kept.begin(), kept.end(), [&](uint32_t a, uint32_t b) {
        const Account& x = accounts[a];
        const Account& y = accounts[b];
        return std::tie(x.network, x.id, x.handle, x.source_name) < std::tie(y.network, y.id, y.handle, y.source_name);
    });
    std::vector<uint32_t> new_index(n);
    for (size_t k = 0; k < kept.size(); ++k) new_index[kept[k]] = static_cast<uint32_t>(k);
    for (size_t i = 0; i < n; ++i) new_index[i] = new_index[target[i]];
    std::vector<Account> new_accounts;
    new_accounts.reserve(kept.size());
    for (uint32_t k : kept) new_accounts.push_back(std::move(accounts[k]));
    accounts = std::move(new_accounts);
    top_by_engagement_.assign(accounts.size(), {});
    top_by_recency_.assign(accounts.size(), {});

    // 2. Posts: canonical order, duplicates out.
    for (auto& p : posts) p.account = new_index[p.account];
    auto key_less = [&](const Post& a, const Post& b) {
        Network na = accounts[a.account].network, nb = accounts[b.account].network;
        return std::tie(na, a.time, a.id, a.id_kind, a.kind, a.account) <
               std::tie(nb, b.time, b.id, b.id_kind, b.kind, b.account);
    };
    // With one network (nearly always) the network part of the key is the same for every
    // post: the comparator without its two account lookups orders everything alike.
    const bool one_network = std::all_of(accounts.begin(), accounts.end(),
                                         [&](const Account& a) { return a.network == accounts.front().network; });
    if (one_network)
        std::sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) {
            return std::tie(a.time, a.id, a.id_kind, a.kind, a.account) < std::tie(b.time, b.id, b.id_kind, b.kind, b.account);
        });
    else
        std::sort(posts.begin(), posts.end(), key_less);
    auto same_post = [&](const Post& a, const Post& b) {
        return accounts[a.account].network == accounts[b.account].network && a.id == b.id &&
               a.id_kind == b.id_kind && a.time == b.time;
    };
    size_t w = 0;
    for (size_t r = 0; r < posts.size(); ++r) {
        if (w > 0 && same_post(posts[w - 1], posts[r])) {
            // The same post seen twice: keep the larger snapshot of each count.
            Post& k = posts[w - 1];
            k.likes = std::max(k.likes, posts[r].likes);
            k.reposts = std::max(k.reposts, posts[r].reposts);
            k.replies = std::max(k.replies, posts[r].replies);
            k.quotes = std::max(k.quotes, posts[r].quotes);
            continue;
        }
        posts[w++] = posts[r];
    }
    posts.resize(w);

    // 3. Interactions: canonical order, duplicates out, likes recounted.
    for (auto& i : interactions) i.account = new_index[i.account];
    std::sort(interactions.begin(), interactions.end(), [](const Interaction& a, const Interaction& b) {
        return std::tie(a.account, a.kind, a.target, a.time) < std::tie(b.account, b.kind, b.target, b.time);
    });
    w = 0;
    for (size_t r = 0; r < interactions.size(); ++r) {
        if (w > 0 && interactions[w - 1].account == interactions[r].account &&
            interactions[w - 1].kind == interactions[r].kind && interactions[w - 1].target == interactions[r].target)
            continue;
        interactions[w++] = interactions[r];
    }
    interactions.resize(w);
    std::vector<int64_t> likes(accounts.size(), 0);
    for (auto& i : interactions)
        if (i.kind == InteractionKind::Like) ++likes[i.account];
    for (size_t a = 0; a < accounts.size(); ++a) accounts[a].likes_given = likes[a];

    std::sort(warnings.begin(), warnings.end());
    warnings.erase(std::unique(warnings.begin(), warnings.end()), warnings.end());
}

// ---- [SECTION] Memory use
size_t Activity::memory_bytes() const {
    size_t b = posts.capacity() * sizeof(Post) + interactions.capacity() * sizeof(Interaction) +
               terms.capacity() * sizeof(StrId) + strings.bytes() + strings.size() * 48;
    for (auto& [k, v] : snippets_) b += v.capacity() + 48;
    return b;
}

}  // namespace clout
