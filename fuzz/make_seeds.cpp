// fuzz_seeds OUT_DIR [SAMPLES_DIR]: writes the seed corpora of every fuzz target into
// OUT_DIR/<target>/ from the generators (tools/gen) and the real samples, small enough
// for fast fuzzing. Run by scripts/fuzz.sh; nothing it writes is committed.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "activity_gen.h"
#include "bluesky_gen.h"
#include "container/car.h"
#include "fetch/public_counts.h"
#include "share/share_link.h"
#include "fuzz_common.h"
#include "social_gen.h"
#include "x_archive_gen.h"
#include "importers/x_archive.h"
#include "io/container.h"
#include "util/wire.h"
#include "zip_writer.h"

namespace fs = std::filesystem;
using Files = std::vector<std::pair<std::string, std::string>>;

// In seeds_mastodon.cpp (mastodon_gen.h and social_gen.h cannot share a file).
void write_mastodon_seeds(const fs::path& tmp, Files& folder, std::string& tar_gz, std::string& tar);

namespace {

fs::path g_out;

std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

void put(const std::string& target, const std::string& name, const std::string& bytes) {
    fs::create_directories(g_out / target);
    std::ofstream f(g_out / target / name, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A folder's files (not media) as a bundle's list, paths relative to the folder.
Files folder_files(const fs::path& dir) {
    Files out;
    for (auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::string rel = fs::relative(e.path(), dir).generic_string();
        std::string ext = e.path().extension().string();
        if (ext != ".js" && ext != ".json" && ext != ".csv" && ext != ".txt") continue;
        out.push_back({rel, slurp(e.path())});
    }
    std::sort(out.begin(), out.end());
    return out;
}

// (social_gen.h declares write_export_zip but nothing defines it yet.)
void zip_export(const clout::gen::GenExport& g, const std::string& path, const std::string& root = "") {
    clout::gen::ZipOptions o;
    o.root_folder = root;
    clout::gen::ZipWriter w(path, o);
    for (const auto& f : g) w.add(f.path, f.bytes);
    w.finish();
}

Files from_gen(const clout::gen::GenExport& g) {
    Files out;
    for (const auto& f : g) out.push_back({f.path, f.bytes});
    return out;
}

// A share link's payload (base64url) back to its bytes, without the CRC-32: the fuzzer's
// second reading of an input appends a correct one (fuzz_share_link.cpp).
std::string share_bytes(const std::string& payload) {
    std::string out;
    uint32_t acc = 0;
    int bits = 0;
    for (char c : payload) {
        const char* abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        acc = (acc << 6) | static_cast<uint32_t>(std::string(abc).find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((acc >> bits) & 0xFF);
        }
    }
    return out.substr(0, out.size() - 4);
}

// Share links of generated reports: format 2 (one network; three with a name), and format 3
// (public counts fetched for a Bluesky account, beside a Mastodon one that was not).
void write_share_seeds() {
    using namespace clout;
    std::vector<std::pair<std::string, ShareCard>> cards;
    {
        gen::ActivityGenOptions o;
        o.seed = 3;
        cards.emplace_back("format2", card_from_report(build_report(gen::make_activity(gen::Profile::Median, o))));
        Activity a;
        for (Network n : {Network::X, Network::Mastodon, Network::Bluesky}) {
            o.network = n;
            ++o.seed;
            gen::add_profile_activity(a, gen::Profile::SmallBusiness, o);
        }
        a.normalize();
        cards.emplace_back("format2-named", card_from_report(build_report(a), "Ada Lovelace"));
    }
    {
        gen::ActivityGenOptions o;
        Activity a;
        o.seed = 21, o.network = Network::Bluesky;
        gen::add_profile_activity(a, gen::Profile::Professional, o);
        o.seed = 22, o.network = Network::Mastodon;
        gen::add_profile_activity(a, gen::Profile::Median, o);
        a.normalize();
        for (uint32_t i = 0; i < a.accounts.size(); ++i) {
            if (a.accounts[i].network != Network::Bluesky) continue;
            PublicCounts c;
            c.network = Network::Bluesky;
            c.host = "public.api.bsky.app";
            c.profile_ok = true;
            c.followers = 1500;
            c.complete = true;
            for (const Post& p : a.posts)
                if (p.account == i && p.kind != PostKind::Repost) {
                    ++c.posts_asked;
                    c.posts[p.id] = FetchedPostCounts{static_cast<int32_t>(p.id % 17), static_cast<int32_t>(p.id % 5), 1, 0};
                }
            apply_public_counts(a, i, c, 1796083200);
        }
        cards.emplace_back("format3", card_from_report(build_report(a), "Ada"));
    }
    for (const auto& [name, card] : cards) {
        const std::string payload = encode_share(card);
        put("share_link", name + "-text", payload);
        put("share_link", name + "-bytes", share_bytes(payload));
    }
}

// The first `n` items of a Mastodon outbox (the real ones are megabytes).
std::string trim_outbox(const std::string& text, size_t n) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("orderedItems")) return text.substr(0, 20000);
    auto& items = j["orderedItems"];
    if (items.is_array() && items.size() > n) items.erase(items.begin() + static_cast<long>(n), items.end());
    return j.dump(1);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: fuzz_seeds OUT_DIR [SAMPLES_DIR]\n";
        return 2;
    }
    g_out = argv[1];
    fs::path samples = argc > 2 ? fs::path(argv[2]) : fs::path();
    fs::path tmp = g_out / ".tmp";
    fs::remove_all(tmp);
    fs::create_directories(tmp);
    using namespace clout::gen;
    using clout_fuzz::bundle;

    // ---- X archive: folders (bundles) and zips
    for (int v = 0; v < 4; ++v) {
        XArchiveOptions o;
        o.seed = 10 + v;
        o.tweets = 12 + 5 * v;
        o.parts = v == 2 ? 2 : 1;
        o.era2019 = v == 1;
        o.note_tweets = v == 3 ? 2 : 0;
        o.community_tweets = v == 3 ? 2 : 0;
        o.deleted_tweets = v == 0 ? 2 : 0;
        o.likes = 5;
        o.followers = 4;
        o.following = 3;
        o.damaged_part = v == 2 ? 1 : -1;
        fs::path d = tmp / ("x" + std::to_string(v));
        write_x_archive_dir(d.string(), o);
        put("x_archive", "gen" + std::to_string(v), bundle(folder_files(d)));
        put("x_halves", "gen" + std::to_string(v), bundle(folder_files(d)));
        Files f = folder_files(d);
        for (auto& [p, b] : f)
            if (p.find("tweets.js") != std::string::npos || p.find("tweet.js") != std::string::npos) {
                put("x_archive", "gen" + std::to_string(v) + "-tweets", b);
                put("x_halves", "gen" + std::to_string(v) + "-tweets", b);
            }
        o.data_descriptors = v == 1;
        o.force_zip64 = v == 2;
        o.stored = v == 3;
        o.root_folder = v == 0 ? "twitter-2024" : "";
        o.macosx = v == 0;
        fs::path z = tmp / ("x" + std::to_string(v) + ".zip");
        write_x_archive(z.string(), o);
        put("zip", "x" + std::to_string(v), slurp(z));
        put("import", "x" + std::to_string(v) + ".zip", slurp(z));
        // parts: what one import worker sends the other, for every data file of the zip
        clout::ImportContext ctx;
        auto c = clout::open_input(z.string(), ctx);
        std::vector<clout::PartAhead> parts;
        for (const auto& f : clout::x_archive_part_files(*c, ctx)) parts.push_back(clout::read_x_archive_part(*c, f.path, ctx));
        put("parts", "x" + std::to_string(v), clout::encode_parts_ahead(parts));
    }

    // ---- Meta 2026 layouts with Instagram's insights, Facebook in Spanish
    {
        Expected ig, th, fb;
        InstagramOptions io;
        io.seed = 25;
        io.layout_2026 = true;
        io.posts = 4, io.reels = 1, io.comments = 3, io.followers = 5, io.following = 4, io.likes = 4, io.comment_likes = 3;
        io.threads_posts = 2, io.threads_replies = 3, io.threads_followers = 2, io.threads_following = 2, io.threads_likes = 2;
        auto g = gen_instagram(io, ig, th);
        add_instagram_insights(g, InstagramInsightsOptions());
        put("meta", "instagram2026", bundle(from_gen(g)));
        FacebookOptions fo;
        fo.seed = 35;
        fo.layout_2026 = true;
        fo.lang = "es";
        fo.posts = 6, fo.shares = 4, fo.bare_shares = 1, fo.empty_records = 1, fo.comments = 3, fo.friends = 4, fo.followers = 3,
        fo.following = 2, fo.reactions = 3;
        put("meta", "facebook2026-es", bundle(from_gen(gen_facebook(fo, fb))));
    }

    // ---- Meta, TikTok, LinkedIn, Reddit
    for (int v = 0; v < 2; ++v) {
        Expected ig, th, fb, tt, li, rd;
        InstagramOptions io;
        io.seed = 20 + v;
        io.new_layout = v == 0;
        io.posts = 6, io.reels = 2, io.comments = 4, io.followers = 8, io.following = 5, io.likes = 6;
        io.threads_posts = 3, io.threads_replies = 2, io.threads_followers = 3, io.threads_following = 2, io.threads_likes = 2;
        auto g = gen_instagram(io, ig, th);
        put("meta", "instagram" + std::to_string(v), bundle(from_gen(g)));
        for (const auto& f : g)
            if (f.path.find("posts_1.json") != std::string::npos) put("meta", "ig-posts" + std::to_string(v), f.bytes);
        FacebookOptions fo;
        fo.seed = 30 + v;
        fo.new_layout = v == 0;
        fo.posts = 6, fo.shares = 2, fo.empty_records = 1, fo.comments = 4, fo.friends = 6, fo.followers = 4, fo.following = 3, fo.reactions = 5;
        auto gf = gen_facebook(fo, fb);
        put("meta", "facebook" + std::to_string(v), bundle(from_gen(gf)));
        fs::path mz = tmp / ("meta" + std::to_string(v) + ".zip");
        zip_export(gf, mz.string(), v ? "facebook-export" : "");
        put("zip", "facebook" + std::to_string(v), slurp(mz));
        put("import", "facebook" + std::to_string(v) + ".zip", slurp(mz));

        TikTokOptions to;
        to.seed = 40 + v;
        to.new_layout = v == 0;
        to.videos = 5, to.comments = 3, to.followers = 6, to.following = 4, to.likes = 5, to.browsing_history = 20;
        auto gt = gen_tiktok(to, tt);
        for (const auto& f : gt) {
            put("tiktok", "gen" + std::to_string(v) + "-" + std::string(clout::base_name(f.path)), f.bytes);
            put("json", "tiktok" + std::to_string(v), f.bytes);
            put("import", "tiktok" + std::to_string(v) + ".json", f.bytes);
        }

        LinkedInOptions lo;
        lo.seed = 50 + v;
        lo.shares = 6, lo.reposts = 2, lo.quotes = 2, lo.comments = 4, lo.reactions = 5, lo.connections = 6;
        lo.split_shares = v == 1;
        auto gl = gen_linkedin(lo, li);
        put("linkedin", "gen" + std::to_string(v), bundle(from_gen(gl)));
        for (const auto& f : gl) put("csv", "linkedin" + std::to_string(v) + "-" + std::string(clout::base_name(f.path)), f.bytes);
        fs::path lz = tmp / ("li" + std::to_string(v) + ".zip");
        zip_export(gl, lz.string());
        put("import", "linkedin" + std::to_string(v) + ".zip", slurp(lz));

        RedditOptions ro;
        ro.seed = 60 + v;
        ro.posts = 5, ro.comments = 8, ro.upvotes = 4, ro.downvotes = 2;
        ro.gilding_variants = v == 0;
        auto gr = gen_reddit(ro, rd);
        put("reddit", "gen" + std::to_string(v), bundle(from_gen(gr)));
        for (const auto& f : gr) put("csv", "reddit" + std::to_string(v) + "-" + std::string(clout::base_name(f.path)), f.bytes);
    }
    put("mojibake", "cafe", meta_mojibake("caf\xC3\xA9 \xC3\xB1 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80"));
    put("mojibake", "plain", "caf\xC3\xA9 already right");
    put("mojibake", "latin1", "caf\xE9");
    put("csv", "quoted", "\xEF\xBB\xBF" "Date,ShareLink,ShareCommentary\r\n2024-01-02 10:00:00,\"https://x\",\"multi\nline \"\"q\"\"\"\r\n");

    // ---- Bluesky
    for (int v = 0; v < 2; ++v) {
        BlueskySpec s;
        s.seed = 70 + v;
        s.originals = 6, s.self_replies = 2, s.other_replies = 2, s.quotes = 1, s.quotes_with_media = 1, s.reposts = 2;
        s.likes = 3, s.follows = 3, s.deleted_follows = 1, s.with_images = 1, s.with_links = 1;
        s.v2_commit = v == 1;
        std::string car;
        make_bluesky_car(s, car);
        put("car", "gen" + std::to_string(v), car);
        put("import", "bluesky" + std::to_string(v) + ".car", car);
        clout::ImportContext ctx;
        clout::CarFile cf = clout::parse_car(car, ctx);
        int k = 0;
        for (const auto& [cid, block] : cf.blocks) {
            if (k++ >= 12) break;
            put("cbor", "gen" + std::to_string(v) + "-" + std::to_string(k), std::string(block));
        }
    }

    // ---- Mastodon (folder bundle, tar.gz and tar)
    {
        Files folder;
        std::string tgz, tar;
        write_mastodon_seeds(tmp, folder, tgz, tar);
        put("mastodon", "gen", bundle(folder));
        for (auto& [p, b] : folder)
            if (p.find("outbox.json") != std::string::npos) {
                put("mastodon", "gen-outbox", b);
                put("json", "outbox", b);
            }
        put("tar", "mastodon.tar.gz", tgz);
        put("tar", "mastodon.tar", tar);
        put("import", "mastodon.tar.gz", tgz);
    }

    // ---- the real samples
    if (!samples.empty() && fs::is_directory(samples)) {
        for (const char* era : {"archive-2024", "archive-2022"}) {
            fs::path d = samples / "mastodon" / era;
            if (!fs::is_directory(d)) continue;
            Files f;
            f.push_back({"actor.json", slurp(d / "actor.json")});
            f.push_back({"outbox.json", trim_outbox(slurp(d / "outbox.json"), 10)});
            std::string likes = slurp(d / "likes.json");
            f.push_back({"likes.json", trim_outbox(likes, 10)});
            put("mastodon", std::string("sample-") + era, bundle(f));
            put("json", std::string("sample-outbox-") + era, f[1].second);
        }
        for (auto& e : fs::recursive_directory_iterator(samples / "bluesky")) {
            if (e.path().extension() != ".car") continue;
            std::string b = slurp(e.path());
            if (b.size() <= 300000) put("car", "sample-" + e.path().filename().string(), b);
        }
        for (auto& e : fs::recursive_directory_iterator(samples / "meta")) {
            if (e.path().extension() != ".json") continue;
            std::string b = slurp(e.path());
            put("meta", "sample-" + e.path().filename().string(), b);
            put("json", "sample-" + e.path().filename().string(), b);
            put("mojibake", "sample-" + e.path().filename().string(), b.substr(0, 4096));
        }
    }
    write_share_seeds();
    fs::remove_all(tmp);
    return 0;
}
