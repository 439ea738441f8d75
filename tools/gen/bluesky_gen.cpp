#include "bluesky_gen.h"

#include <algorithm>
#include <random>

#include "model/activity.h"
#include "util/time.h"

namespace clout::gen {

using nlohmann::json;

std::string uvarint(uint64_t v) {
    std::string s;
    do {
        unsigned char c = v & 0x7f;
        v >>= 7;
        if (v) c |= 0x80;
        s.push_back(static_cast<char>(c));
    } while (v);
    return s;
}

std::string make_cid(const std::string& data) {
    std::string cid = "\x01\x71\x12\x20";
    for (uint64_t k = 0; k < 4; ++k) {
        uint64_t h = hash64(data, k + 1);
        for (int b = 0; b < 8; ++b) cid.push_back(static_cast<char>((h >> (8 * b)) & 0xff));
    }
    return cid;
}

json cbor_link(const std::string& cid) {
    std::vector<uint8_t> bytes;
    bytes.push_back(0);
    bytes.insert(bytes.end(), cid.begin(), cid.end());
    return json::binary(bytes, 42);
}

std::string to_cbor(const json& v) {
    std::vector<uint8_t> b = json::to_cbor(v);
    return std::string(b.begin(), b.end());
}

std::string write_car(const std::vector<std::string>& roots, const std::vector<CarBlock>& blocks) {
    json rj = json::array();
    for (auto& r : roots) rj.push_back(cbor_link(r));
    std::string header = to_cbor(json{{"version", 1}, {"roots", rj}});
    std::string out = uvarint(header.size()) + header;
    for (auto& b : blocks) {
        out += uvarint(b.cid.size() + b.data.size());
        out += b.cid;
        out += b.data;
    }
    return out;
}

namespace {

// Builds one node over entries [lo, hi): a B-tree-like layout that is a valid MST shape.
std::string build_node(const std::vector<std::pair<std::string, std::string>>& e, size_t lo, size_t hi,
                       std::vector<CarBlock>& blocks, size_t fanout) {
    json node = {{"l", nullptr}, {"e", json::array()}};
    std::string prev;
    auto add_entry = [&](size_t i, const json& t) {
        const std::string& key = e[i].first;
        size_t p = 0;
        while (p < prev.size() && p < key.size() && prev[p] == key[p]) ++p;
        std::vector<uint8_t> suffix(key.begin() + static_cast<long>(p), key.end());
        node["e"].push_back({{"p", p}, {"k", json::binary(suffix)}, {"v", cbor_link(e[i].second)}, {"t", t}});
        prev = key;
    };
    size_t n = hi - lo;
    if (n <= fanout) {
        for (size_t i = lo; i < hi; ++i) add_entry(i, nullptr);
    } else {
        // `fanout` separators split the range into fanout + 1 subtrees.
        std::vector<size_t> seps;
        for (size_t k = 1; k <= fanout; ++k) seps.push_back(lo + k * n / (fanout + 1));
        size_t start = lo;
        for (size_t k = 0; k <= seps.size(); ++k) {
            size_t end = k < seps.size() ? seps[k] : hi;
            json sub = nullptr;
            if (end > start) sub = cbor_link(build_node(e, start, end, blocks, fanout));
            if (k == 0) node["l"] = sub;
            else node["e"].back()["t"] = sub;
            if (k < seps.size()) add_entry(seps[k], nullptr);
            start = end + 1;
        }
    }
    std::string data = to_cbor(node);
    std::string cid = make_cid(data);
    blocks.push_back({cid, data});
    return cid;
}

}  // namespace

std::string build_mst(std::vector<std::pair<std::string, std::string>> entries, std::vector<CarBlock>& blocks,
                      size_t fanout) {
    std::sort(entries.begin(), entries.end());
    return build_node(entries, 0, entries.size(), blocks, fanout);
}

BlueskyTruth make_bluesky_car(const BlueskySpec& sp, std::string& car_out) {
    std::mt19937_64 rng(sp.seed);
    BlueskyTruth tr;
    std::vector<CarBlock> blocks;
    std::vector<std::pair<std::string, std::string>> entries;
    int64_t t = sp.start_time;
    uint64_t clock_id = sp.seed % 1024;
    auto next_tid = [&](int64_t when) {
        uint64_t micros = static_cast<uint64_t>(when) * 1000000 + rng() % 1000000;
        return encode_tid((micros << 10) | clock_id);
    };
    auto add_record = [&](const std::string& collection, const json& rec, bool live = true) {
        std::string rkey = next_tid(t);
        std::string data = to_cbor(rec);
        std::string cid = make_cid(data);
        blocks.push_back({cid, data});
        if (live) entries.emplace_back(collection + "/" + rkey, cid);
        return "at://" + sp.did + "/" + collection + "/" + rkey;
    };
    const char* const words[] = {"skyline", "protocol", "federation", "bagels", "atproto", "feeds", "moderation",
                                 "weekend", "telescope", "garden"};
    auto text_of = [&](int n) {
        std::string s;
        for (int i = 0; i < n; ++i) {
            if (i) s += ' ';
            s += words[rng() % 10];
        }
        return s;
    };
    auto ref = [](const std::string& uri) { return json{{"uri", uri}, {"cid", "bafyreigenerated"}}; };
    auto other_post = [&]() {
        return "at://did:plc:other" + std::to_string(rng() % 50) + "/app.bsky.feed.post/" + next_tid(t - 86400);
    };
    std::vector<std::string> own;
    auto step = [&]() { t += 300 + static_cast<int64_t>(rng() % 5000); };

    for (int i = 0; i < sp.originals; ++i) {
        step();
        // "héllo 🌍 @friend.bsky.social #tag": facets index UTF-8 bytes after multi-byte text.
        std::string text = "h\xc3\xa9llo \xf0\x9f\x8c\x8d " + text_of(5);
        json rec = {{"$type", "app.bsky.feed.post"}, {"text", text}, {"createdAt", format_time(t)},
                    {"langs", json::array({"en"})}};
        json facets = json::array();
        if (i % 3 == 0) {
            size_t start = text.size() + 1;
            text += " @friend.bsky.social";
            facets.push_back({{"index", {{"byteStart", start}, {"byteEnd", text.size()}}},
                              {"features", json::array({{{"$type", "app.bsky.richtext.facet#mention"},
                                                         {"did", "did:plc:friend"}}})}});
            ++tr.mentions;
        }
        if (i % 4 == 0) {
            size_t start = text.size() + 1;
            text += " #atproto";
            facets.push_back({{"index", {{"byteStart", start}, {"byteEnd", text.size()}}},
                              {"features", json::array({{{"$type", "app.bsky.richtext.facet#tag"}, {"tag", "atproto"}}})}});
            ++tr.tags;
        }
        if (i < sp.with_links) {
            size_t start = text.size() + 1;
            text += " example.org";
            facets.push_back({{"index", {{"byteStart", start}, {"byteEnd", text.size()}}},
                              {"features", json::array({{{"$type", "app.bsky.richtext.facet#link"},
                                                         {"uri", "https://example.org"}}})}});
            ++tr.with_links;
        }
        rec["text"] = text;
        if (!facets.empty()) rec["facets"] = facets;
        if (i >= sp.with_links && i < sp.with_links + sp.with_images) {
            rec["embed"] = {{"$type", "app.bsky.embed.images"},
                            {"images", json::array({{{"alt", "a photo"},
                                                     {"image", {{"$type", "blob"}, {"ref", cbor_link(make_cid("img" + std::to_string(i)))},
                                                                {"mimeType", "image/jpeg"}, {"size", 12345}}}}})}};
            ++tr.with_media;
        }
        own.push_back(add_record("app.bsky.feed.post", rec));
        ++tr.posts;
    }
    for (int i = 0; i < sp.self_replies + sp.other_replies; ++i) {
        step();
        bool self = i < sp.self_replies;
        std::string parent = self && !own.empty() ? own[rng() % own.size()] : other_post();
        json rec = {{"$type", "app.bsky.feed.post"}, {"text", text_of(8)}, {"createdAt", format_time(t)},
                    {"reply", {{"root", ref(parent)}, {"parent", ref(parent)}}}};
        add_record("app.bsky.feed.post", rec);
        ++tr.posts;
        ++tr.replies;
        if (self) ++tr.self_replies;
    }
    for (int i = 0; i < sp.quotes + sp.quotes_with_media; ++i) {
        step();
        json rec = {{"$type", "app.bsky.feed.post"}, {"text", text_of(4)}, {"createdAt", format_time(t)}};
        if (i < sp.quotes) {
            rec["embed"] = {{"$type", "app.bsky.embed.record"}, {"record", ref(other_post())}};
        } else {
            rec["embed"] = {{"$type", "app.bsky.embed.recordWithMedia"},
                            {"record", {{"$type", "app.bsky.embed.record"}, {"record", ref(other_post())}}},
                            {"media", {{"$type", "app.bsky.embed.video"}, {"video", {{"mimeType", "video/mp4"}}}}}};
            ++tr.with_media;
        }
        add_record("app.bsky.feed.post", rec);
        ++tr.posts;
        ++tr.quotes;
    }
    for (int i = 0; i < sp.reposts; ++i) {
        step();
        add_record("app.bsky.feed.repost", {{"$type", "app.bsky.feed.repost"}, {"subject", ref(other_post())},
                                            {"createdAt", format_time(t)}});
        ++tr.reposts;
    }
    for (int i = 0; i < sp.likes; ++i) {
        step();
        add_record("app.bsky.feed.like", {{"$type", "app.bsky.feed.like"}, {"subject", ref(other_post())},
                                          {"createdAt", format_time(t)}});
        ++tr.likes;
    }
    for (int i = 0; i < sp.follows + sp.deleted_follows; ++i) {
        step();
        bool live = i < sp.follows;
        add_record("app.bsky.graph.follow",
                   {{"$type", "app.bsky.graph.follow"}, {"subject", "did:plc:followed" + std::to_string(i)},
                    {"createdAt", format_time(t)}},
                   live);
        if (live) ++tr.follows;
    }
    if (sp.profile) {
        json rec = {{"$type", "app.bsky.actor.profile"}, {"displayName", sp.display_name}, {"description", "generated"}};
        std::string data = to_cbor(rec);
        std::string cid = make_cid(data);
        blocks.push_back({cid, data});
        entries.emplace_back("app.bsky.actor.profile/self", cid);
    }
    std::string mst_root = build_mst(entries, blocks);
    json commit = {{"did", sp.did}, {"version", sp.v2_commit ? 2 : 3}, {"data", cbor_link(mst_root)}, {"prev", nullptr},
                   {"sig", json::binary(std::vector<uint8_t>(64, 7))}};
    if (!sp.v2_commit) commit["rev"] = next_tid(t);
    std::string cdata = to_cbor(commit);
    std::string ccid = make_cid(cdata);
    blocks.push_back({ccid, cdata});
    if (sp.shuffle_blocks) std::shuffle(blocks.begin(), blocks.end(), rng);
    car_out = write_car({ccid}, blocks);
    return tr;
}

}  // namespace clout::gen
