// Bluesky repository CARs: generated repositories (the generator's counts are the
// truth), deleted records left in the file, v2 commits, and hostile files.
#include <doctest/doctest.h>

#include "bluesky_gen.h"
#include "container/car.h"
#include "importers/importer.h"
#include "report/report.h"
#include "util/error.h"

using namespace clout;
using nlohmann::json;

namespace {

Activity import_bytes(const std::string& bytes, const std::string& name = "repo.car") {
    ImportContext ctx;
    Activity a;
    auto c = open_source(memory_source(bytes), name, ctx);
    import_container(*c, a, ctx);
    a.normalize();
    return a;
}

struct Counts {
    int posts = 0, replies = 0, self_replies = 0, quotes = 0, reposts = 0, media = 0, links = 0, mentions = 0, tags = 0;
    int follows = 0;
};

Counts count(const Activity& a) {
    Counts c;
    for (auto& p : a.posts) {
        if (p.kind == PostKind::Repost) {
            ++c.reposts;
            CHECK(p.target_account != 0);
            continue;
        }
        ++c.posts;
        c.replies += p.kind == PostKind::Reply;
        c.self_replies += p.reply_target == ReplyTarget::Self;
        c.quotes += p.kind == PostKind::Quote;
        c.media += p.has_media;
        c.links += p.has_link;
        c.mentions += p.n_mentions;
        c.tags += p.n_hashtags;
    }
    for (auto& i : a.interactions) c.follows += i.kind == InteractionKind::Follow;
    return c;
}

}  // namespace

TEST_CASE("a generated Bluesky repository reads exactly, whatever the block order") {
    for (bool v2 : {false, true}) {
        gen::BlueskySpec sp;
        sp.v2_commit = v2;
        sp.seed = v2 ? 11 : 12;
        std::string car;
        auto tr = gen::make_bluesky_car(sp, car);
        Activity a = import_bytes(car);
        REQUIRE(a.accounts.size() == 1);
        const Account& acc = a.accounts[0];
        CHECK(acc.network == Network::Bluesky);
        CHECK(acc.id == sp.did);
        CHECK(acc.handle.empty());  // a repository does not hold the handle
        CHECK(acc.display_name == sp.display_name);
        Counts c = count(a);
        CHECK(c.posts == tr.posts);
        CHECK(c.replies == tr.replies);
        CHECK(c.self_replies == tr.self_replies);
        CHECK(c.quotes == tr.quotes);
        CHECK(c.reposts == tr.reposts);
        CHECK(c.media == tr.with_media);
        CHECK(c.links == tr.with_links);
        CHECK(c.mentions == tr.mentions);
        CHECK(c.tags == tr.tags);
        CHECK(acc.likes_given == tr.likes);
        CHECK(acc.following == tr.follows);  // the deleted follows left in the file do not count
        CHECK(c.follows == tr.follows);
        CHECK(acc.followers == -1);
        CHECK_FALSE(acc.signals.likes_received);
        CHECK_FALSE(acc.signals.reposts_received);
        CHECK_FALSE(acc.signals.replies_received);
        CHECK_FALSE(acc.signals.followers);
        CHECK(acc.signals.following);
        CHECK(a.warnings.empty());
        for (auto& p : a.posts) {
            CHECK(p.id_kind == IdKind::Tid);
            CHECK(p.time >= sp.start_time);
        }
        // Facet mentions name the handle typed in the text (UTF-8 byte offsets after "é" and an emoji).
        bool friend_seen = false;
        for (auto& p : a.posts)
            for (uint8_t k = 0; k < p.n_mentions; ++k)
                if (a.strings.view(a.mentions(p)[k]) == "friend.bsky.social") friend_seen = true;
        CHECK(friend_seen);
    }
}

TEST_CASE("the same repository read twice gives the same model") {
    gen::BlueskySpec sp;
    std::string car;
    gen::make_bluesky_car(sp, car);
    Activity a = import_bytes(car), b = import_bytes(car);
    REQUIRE(a.posts.size() == b.posts.size());
    for (size_t i = 0; i < a.posts.size(); ++i) {
        CHECK(a.posts[i].id == b.posts[i].id);
        CHECK(a.posts[i].time == b.posts[i].time);
    }
}

TEST_CASE("createdAt with offsets and the TID fallback") {
    std::vector<gen::CarBlock> blocks;
    uint64_t tid = (uint64_t{1700000000} * 1000000) << 10;
    std::string rkey1 = encode_tid(tid), rkey2 = encode_tid(tid + (uint64_t{5000000} << 10));
    std::string r1 = gen::to_cbor(json{{"$type", "app.bsky.feed.post"}, {"text", "a"}, {"createdAt", "2023-05-01T10:00:00-07:00"}});
    std::string r2 = gen::to_cbor(json{{"$type", "app.bsky.feed.post"}, {"text", "b"}, {"createdAt", "not a date"}});
    blocks.push_back({gen::make_cid(r1), r1});
    blocks.push_back({gen::make_cid(r2), r2});
    std::string root = gen::build_mst({{"app.bsky.feed.post/" + rkey1, gen::make_cid(r1)},
                                       {"app.bsky.feed.post/" + rkey2, gen::make_cid(r2)}},
                                      blocks);
    std::string commit = gen::to_cbor(json{{"did", "did:plc:t"}, {"version", 3}, {"data", gen::cbor_link(root)}, {"rev", rkey2}});
    blocks.push_back({gen::make_cid(commit), commit});
    Activity a = import_bytes(gen::write_car({gen::make_cid(commit)}, blocks));
    REQUIRE(a.posts.size() == 2);
    CHECK(a.posts[0].time == 1682960400);            // 2023-05-01T17:00:00Z
    CHECK(a.posts[1].time == 1700000005);            // "not a date": the TID's time
}

TEST_CASE("hostile and damaged CAR files") {
    gen::BlueskySpec sp;
    sp.shuffle_blocks = false;
    std::string car;
    gen::make_bluesky_car(sp, car);

    SUBCASE("a varint that never ends") {
        std::string bad(20, '\xff');
        CHECK_THROWS_AS(import_bytes(bad, "x.car"), InputError);
        size_t pos = 0;
        CHECK_THROWS_WITH_AS(read_uvarint(bad, pos), doctest::Contains("10 bytes"), InputError);
    }
    SUBCASE("a block longer than the file") {
        std::string bad = car + gen::uvarint(1u << 30) + "\x01\x71";
        CHECK_THROWS_WITH_AS(import_bytes(bad), doctest::Contains("claims"), InputError);
    }
    SUBCASE("truncated file") {
        CHECK_THROWS_AS(import_bytes(car.substr(0, car.size() - 10)), InputError);
    }
    SUBCASE("a CID of unknown shape") {
        std::string bad = car + gen::uvarint(40) + "\x05" + std::string(39, 'q');
        CHECK_THROWS_WITH_AS(import_bytes(bad), doctest::Contains("CID"), InputError);
    }
    SUBCASE("the root commit is missing") {
        std::vector<gen::CarBlock> blocks;
        std::string data = gen::to_cbor(json{{"x", 1}});
        blocks.push_back({gen::make_cid(data), data});
        CHECK_THROWS_WITH_AS(import_bytes(gen::write_car({gen::make_cid("nothing")}, blocks)),
                             doctest::Contains("commit block"), InputError);
    }
    SUBCASE("the tree root is missing") {
        std::vector<gen::CarBlock> blocks;
        std::string commit = gen::to_cbor(json{{"did", "did:plc:x"}, {"version", 3}, {"data", gen::cbor_link(gen::make_cid("gone"))}});
        blocks.push_back({gen::make_cid(commit), commit});
        CHECK_THROWS_WITH_AS(import_bytes(gen::write_car({gen::make_cid(commit)}, blocks)),
                             doctest::Contains("MST root"), InputError);
    }
    SUBCASE("missing subtree and record blocks: a warning naming how many") {
        std::vector<gen::CarBlock> blocks;
        std::vector<std::pair<std::string, std::string>> entries;
        for (int i = 0; i < 60; ++i) {
            std::string r = gen::to_cbor(json{{"$type", "app.bsky.feed.like"}, {"subject", {{"uri", "at://did:plc:o/app.bsky.feed.post/" + std::to_string(i)}}}, {"createdAt", "2024-01-01T00:00:00Z"}});
            std::string cid = gen::make_cid(r);
            if (i != 7) blocks.push_back({cid, r});  // record 7's block is missing
            entries.emplace_back("app.bsky.feed.like/" + encode_tid(uint64_t(1000 + i) << 20), cid);
        }
        std::vector<gen::CarBlock> nodes;
        std::string root = gen::build_mst(entries, nodes);
        // Drop one leaf node (not the root): its records cannot be reached.
        nodes.erase(nodes.begin());
        for (auto& n : nodes) blocks.push_back(n);
        std::string commit = gen::to_cbor(json{{"did", "did:plc:x"}, {"version", 3}, {"data", gen::cbor_link(root)}});
        blocks.push_back({gen::make_cid(commit), commit});
        Activity a = import_bytes(gen::write_car({gen::make_cid(commit)}, blocks));
        REQUIRE(a.warnings.size() == 1);
        CHECK(a.warnings[0].find("1 tree nodes missing") != std::string::npos);
        CHECK(a.accounts[0].likes_given > 40);
        CHECK(a.accounts[0].likes_given < 60);
    }
    SUBCASE("CBOR nested deeply, indefinite lengths, foreign tags, huge lengths") {
        ImportContext ctx;
        std::string deep(100000, '\x81');
        deep += '\x01';
        CHECK_THROWS_WITH_AS(decode_dag_cbor(deep, ctx), doctest::Contains("nested"), InputError);
        CHECK_THROWS_WITH_AS(decode_dag_cbor("\x9f\x01\xff", ctx), doctest::Contains("indefinite"), InputError);
        CHECK_THROWS_WITH_AS(decode_dag_cbor(std::string("\xc1\x01", 2), ctx), doctest::Contains("tag"), InputError);
        CHECK_THROWS_WITH_AS(decode_dag_cbor(std::string("\x5b\xff\xff\xff\xff\xff\xff\xff\xff", 9), ctx),
                             doctest::Contains("longer"), InputError);
        CHECK_THROWS_WITH_AS(decode_dag_cbor(std::string("\x9b\x00\x00\x00\xff\xff\xff\xff\xff", 9), ctx),
                             doctest::Contains("longer"), InputError);
        auto ok = decode_dag_cbor(gen::to_cbor(json{{"l", gen::cbor_link(gen::make_cid("a"))}}), ctx);
        CHECK(link_cid(ok["l"]) == gen::make_cid("a"));
    }
    SUBCASE("an MST that links back to itself") {
        std::vector<gen::CarBlock> blocks;
        // Node A's left subtree is node B; B's left is A (a cycle through CIDs we choose).
        std::string cid_a = gen::make_cid("A"), cid_b = gen::make_cid("B");
        std::string a = gen::to_cbor(json{{"l", gen::cbor_link(cid_b)}, {"e", json::array()}});
        std::string b = gen::to_cbor(json{{"l", gen::cbor_link(cid_a)}, {"e", json::array()}});
        blocks.push_back({cid_a, a});
        blocks.push_back({cid_b, b});
        std::string commit = gen::to_cbor(json{{"did", "did:plc:x"}, {"version", 3}, {"data", gen::cbor_link(cid_a)}});
        blocks.push_back({gen::make_cid(commit), commit});
        Activity act = import_bytes(gen::write_car({gen::make_cid(commit)}, blocks));
        CHECK(act.posts.empty());
        CHECK(act.warnings.size() == 1);
    }
}

TEST_CASE("damaged CARs never crash: every byte-flipped or cut copy reads or fails cleanly") {
    gen::BlueskySpec sp;
    sp.originals = 8;
    sp.other_replies = 2;
    sp.self_replies = 1;
    sp.likes = 5;
    sp.follows = 4;
    std::string car;
    gen::make_bluesky_car(sp, car);
    uint64_t x = 88172645463325252ull;
    auto rnd = [&]() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        return x;
    };
    int read = 0, failed = 0;
    for (int round = 0; round < 400; ++round) {
        std::string bad = car;
        int flips = 1 + static_cast<int>(rnd() % 4);
        for (int k = 0; k < flips; ++k) bad[rnd() % bad.size()] = static_cast<char>(rnd());
        if (round % 5 == 0) bad.resize(rnd() % bad.size());
        try {
            Activity a = import_bytes(bad);
            ++read;
        } catch (const InputError&) {
            ++failed;
        }
    }
    CHECK(read + failed == 400);
    CHECK(read > 0);
    CHECK(failed > 0);
}

TEST_CASE("Bluesky: the report names the account by its profile's display name, the DID kept as detail") {
    gen::BlueskySpec sp;
    sp.did = "did:plc:ewvi7nxzyoun6zhxrhs64oiz";
    sp.display_name = "Ada Lovelace \xF0\x9F\x9A\x80";  // with an emoji, as profiles have
    std::string car;
    gen::make_bluesky_car(sp, car);
    Activity a = import_bytes(car);
    REQUIRE(a.accounts.size() == 1);
    CHECK(a.accounts[0].display_name == sp.display_name);
    CHECK(a.accounts[0].id == sp.did);
    Report r = build_report(a);
    REQUIRE(r.sources.size() == 1);
    CHECK(r.sources[0].account == sp.display_name);
    bool did_note = false;
    for (const auto& n : r.sources[0].notes) did_note |= n.find("its DID is " + sp.did) != std::string::npos;
    CHECK(did_note);
    CHECK(report_to_json(r).find("Ada Lovelace") != std::string::npos);

    SUBCASE("without a profile record the DID names it") {
        sp.profile = false;
        gen::make_bluesky_car(sp, car);
        Activity b = import_bytes(car);
        REQUIRE(b.accounts.size() == 1);
        CHECK(b.accounts[0].display_name.empty());
        Report rb = build_report(b);
        REQUIRE(rb.sources.size() == 1);
        CHECK(rb.sources[0].account == sp.did);
    }
    SUBCASE("two repositories of one DID are still one account") {
        Activity both;
        ImportContext ctx;
        for (int i = 0; i < 2; ++i) {
            auto c = open_source(memory_source(car), "repo" + std::to_string(i) + ".car", ctx);
            import_container(*c, both, ctx);
        }
        both.normalize();
        CHECK(both.accounts.size() == 1);
    }
}
