// clout-gen: writes realistic test exports.   clout-gen <kind> [options] OUT
//
// Each kind registers one entry in kKinds below (name, one-line help, run function).
// A run function parses its own options (see Args) and prints the expected counts of
// what it wrote, one "key: value" per line, so scripts and people can check a reader.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include <filesystem>

#include "x_archive_gen.h"
#include "export_gen.h"
#include "mastodon_gen.h"
#include "bluesky_gen.h"
#include "roster_gen.h"
#include "social_gen.h"

namespace {

// Minimal option parsing: --name VALUE and --flag; the last plain argument is OUT.
struct Args {
    std::vector<std::string> a;
    std::string out;
    std::vector<bool> used;
    Args(int argc, char** argv, int from) {
        for (int i = from; i < argc; ++i) a.push_back(argv[i]);
        used.assign(a.size(), false);
    }
    bool flag(const char* name) {
        for (size_t i = 0; i < a.size(); ++i)
            if (a[i] == name) {
                used[i] = true;
                return true;
            }
        return false;
    }
    std::string str(const char* name, const std::string& def) {
        for (size_t i = 0; i + 1 < a.size(); ++i)
            if (a[i] == name) {
                used[i] = used[i + 1] = true;
                return a[i + 1];
            }
        return def;
    }
    long long num(const char* name, long long def) {
        std::string s = str(name, "");
        if (s.empty()) return def;
        char* end = nullptr;
        long long v = std::strtoll(s.c_str(), &end, 10);
        if (*end) throw std::runtime_error(std::string("bad number for ") + name + ": " + s);
        return v;
    }
    // Call after every option was read: the one unused argument is OUT.
    std::string output() {
        std::string o;
        for (size_t i = 0; i < a.size(); ++i) {
            if (used[i]) continue;
            if (a[i].rfind("--", 0) == 0) throw std::runtime_error("unknown option " + a[i]);
            if (!o.empty()) throw std::runtime_error("more than one output given");
            o = a[i];
        }
        if (o.empty()) throw std::runtime_error("no output given");
        return o;
    }
};

int run_x_archive(Args& args) {
    clout::gen::XArchiveOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 1));
    o.tweets = static_cast<int>(args.num("--tweets", 1000));
    o.parts = static_cast<int>(args.num("--parts", 1));
    o.note_tweets = static_cast<int>(args.num("--note-tweets", 0));
    o.community_tweets = static_cast<int>(args.num("--community-tweets", 0));
    o.deleted_tweets = static_cast<int>(args.num("--deleted-tweets", 0));
    o.likes = static_cast<int>(args.num("--likes", 0));
    o.followers = static_cast<int>(args.num("--followers", 0));
    o.follower_parts = static_cast<int>(args.num("--follower-parts", 1));
    o.following = static_cast<int>(args.num("--following", 0));
    o.media_files = static_cast<int>(args.num("--media-files", 0));
    o.media_bytes = static_cast<uint64_t>(args.num("--media-mb", 0)) << 20;
    o.sparse_media_bytes = static_cast<uint64_t>(args.num("--sparse-media-mb", 0)) << 20;
    o.damaged_part = static_cast<int>(args.num("--damaged-part", -1));
    o.root_folder = args.str("--root", "");
    o.era2019 = args.flag("--2019");
    o.manifest = !args.flag("--no-manifest");
    o.macosx = args.flag("--macosx");
    o.data_descriptors = args.flag("--data-descriptors");
    o.force_zip64 = args.flag("--zip64");
    o.stored = args.flag("--stored");
    o.media_only_part = args.flag("--media-only-part");
    bool dir = args.flag("--dir");
    std::string out = args.output();
    auto e = dir ? clout::gen::write_x_archive_dir(out, o) : clout::gen::write_x_archive(out, o);
    std::printf("records: %lld\nposts: %lld\noriginals: %lld\nreplies: %lld\nreplies_self: %lld\nreplies_other: %lld\n"
                "quotes: %lld\nreposts: %lld\nlikes_given: %lld\nfollowers: %lld\nfollowing: %lld\nhandle: %s\n"
                "display_name: %s\nexport_time: %lld\nlong_posts: %lld\nwarnings: %lld\ntweet_json_bytes: %llu\nfile_bytes: %llu\n",
                (long long)e.records, (long long)e.posts, (long long)e.originals, (long long)e.replies,
                (long long)e.replies_self, (long long)e.replies_other, (long long)e.quotes, (long long)e.reposts,
                (long long)e.likes_given, (long long)e.followers, (long long)e.following, e.handle.c_str(),
                e.display_name.c_str(), (long long)e.export_time, (long long)e.long_posts, (long long)e.warnings,
                (unsigned long long)e.tweet_json_bytes, (unsigned long long)e.file_bytes);
    return 0;
}

int run_mastodon_archive(Args& args) {
    clout::gen::MastodonSpec s;
    s.seed = static_cast<uint64_t>(args.num("--seed", 1));
    s.originals = static_cast<int>(args.num("--originals", s.originals));
    s.self_replies = static_cast<int>(args.num("--self-replies", s.self_replies));
    s.other_replies = static_cast<int>(args.num("--other-replies", s.other_replies));
    s.boosts = static_cast<int>(args.num("--boosts", s.boosts));
    s.direct_messages = static_cast<int>(args.num("--dms", s.direct_messages));
    s.likes_given = static_cast<int>(args.num("--likes", s.likes_given));
    s.following = static_cast<int>(args.num("--following", s.following));
    s.media_files = static_cast<int>(args.num("--media-files", s.media_files));
    s.media_bytes = static_cast<uint64_t>(args.num("--media-kb", static_cast<long long>(s.media_bytes >> 10))) << 10;
    s.counts_43 = args.flag("--counts-43");
    s.tar_era = args.flag("--tar-era");
    s.top_folder = args.str("--root", "");
    s.total_items_offset = static_cast<int>(args.num("--total-items-offset", s.total_items_offset));
    s.following_quoted_newlines = args.flag("--following-quoted-newlines");
    std::string fmt = args.str("--format", "zip");
    std::string out = args.output();
    clout::gen::ArchiveKind kind = fmt == "zip"      ? clout::gen::ArchiveKind::Zip
                                   : fmt == "tar.gz" ? clout::gen::ArchiveKind::TarGz
                                   : fmt == "tar"    ? clout::gen::ArchiveKind::Tar
                                   : fmt == "dir"    ? clout::gen::ArchiveKind::Folder
                                                     : throw std::runtime_error("--format is zip, tar.gz, tar or dir");
    auto t = clout::gen::write_mastodon_archive(s, out, kind);
    std::printf("posts: %d\nreplies: %d\nreplies_self: %d\nboosts: %d\ndirect_messages: %d\nlikes_given: %d\n"
                "following: %d\nhashtags: %d\nmentions: %d\nwith_media: %d\nitems: %d\ntotal_items: %d\n"
                "likes_received: %lld\nboosts_received: %lld\n",
                t.posts, t.replies, t.self_replies, t.boosts, t.direct, t.likes_given, s.following, t.hashtags,
                t.mentions, t.with_media, t.items, t.total_items, (long long)t.likes_received,
                (long long)t.boosts_received);
    return 0;
}

int run_bluesky_car(Args& args) {
    clout::gen::BlueskySpec s;
    s.seed = static_cast<uint64_t>(args.num("--seed", 1));
    s.originals = static_cast<int>(args.num("--originals", s.originals));
    s.self_replies = static_cast<int>(args.num("--self-replies", s.self_replies));
    s.other_replies = static_cast<int>(args.num("--other-replies", s.other_replies));
    s.quotes = static_cast<int>(args.num("--quotes", s.quotes));
    s.reposts = static_cast<int>(args.num("--reposts", s.reposts));
    s.likes = static_cast<int>(args.num("--likes", s.likes));
    s.follows = static_cast<int>(args.num("--follows", s.follows));
    s.deleted_follows = static_cast<int>(args.num("--deleted-follows", s.deleted_follows));
    s.v2_commit = args.flag("--v2");
    s.did = args.str("--did", s.did);
    s.display_name = args.str("--display-name", s.display_name);
    s.profile = !args.flag("--no-profile");
    std::string out = args.output();
    std::string car;
    auto t = clout::gen::make_bluesky_car(s, car);
    FILE* f = std::fopen(out.c_str(), "wb");
    if (!f || std::fwrite(car.data(), 1, car.size(), f) != car.size() || std::fclose(f) != 0)
        throw std::runtime_error("cannot write " + out);
    std::printf("posts: %d\nreplies: %d\nreplies_self: %d\nquotes: %d\nreposts: %d\nlikes_given: %d\nfollowing: %d\n"
                "with_media: %d\nwith_links: %d\nfile_bytes: %zu\n",
                t.posts, t.replies, t.self_replies, t.quotes, t.reposts, t.likes, t.follows, t.with_media,
                t.with_links, car.size());
    return 0;
}

// One generated activity (activity_gen.h's profiles) written as an X or a Mastodon archive:
// the same posts, times, kinds and texts in either, for comparing networks.
int run_activity(Args& args) {
    clout::gen::ActivityExportOptions o;
    const std::string profile = args.str("--profile", "median");
    bool found = false;
    for (auto p : clout::gen::all_profiles())
        if (profile == clout::gen::profile_id(p)) {
            o.profile = p;
            found = true;
        }
    if (!found) throw std::runtime_error("--profile is newcomer, median, small_business, professional, celebrity or spam");
    o.seed = static_cast<uint64_t>(args.num("--seed", 1));
    o.as_of_day = args.num("--as-of-day", o.as_of_day);
    o.history_days = static_cast<int>(args.num("--history-days", o.history_days));
    o.mastodon_counts = args.flag("--counts-43");
    o.mastodon_host = args.str("--host", o.mastodon_host);
    const std::string network = args.str("--network", "x");
    if (network != "x" && network != "mastodon") throw std::runtime_error("--network is x or mastodon");
    std::string out = args.output();
    // A folder: the file goes in it under the name the network gives its exports (for
    // Mastodon, the name is where the export date is read from).
    const bool dir = std::filesystem::is_directory(out);
    const int64_t export_time = o.as_of_day * 86400 + 12 * 3600;
    if (dir)
        out = (std::filesystem::path(out) /
               (network == "x" ? "twitter-" + std::to_string(o.as_of_day) + ".zip" : clout::gen::mastodon_archive_name(export_time)))
                  .string();
    else if (network == "mastodon" && std::filesystem::path(out).filename().string().find("archive-") == std::string::npos)
        std::fprintf(stderr, "clout-gen activity: the Mastodon importer reads the export date from a name like %s; "
                     "without it the as-of day is the newest post's\n", clout::gen::mastodon_archive_name(export_time).c_str());
    const auto t = network == "x" ? clout::gen::write_activity_x_archive(o, out) : clout::gen::write_activity_mastodon_archive(o, out);
    std::printf("file: %s\nhandle: %s\nposts: %lld\nreposts: %lld\nfollowers: %lld\nfollowing: %lld\nlikes_given: %lld\n"
                "likes_received: %lld\nreposts_received: %lld\nexport_time: %lld\n",
                out.c_str(), t.handle.c_str(), (long long)t.published, (long long)t.reposts, (long long)t.followers,
                (long long)t.following, (long long)t.likes_given,
                network == "x" || o.mastodon_counts ? (long long)t.likes_received : -1LL,
                network == "x" || o.mastodon_counts ? (long long)t.reposts_received : -1LL, (long long)t.export_time);
    return 0;
}

// ---- Instagram/Threads, Facebook, LinkedIn, TikTok, Reddit (social_gen.h) and rosters.
void print_expected(const char* label, const clout::gen::Expected& e) {
    std::printf("%s.posts: %ld\n%s.originals: %ld\n%s.replies: %ld\n%s.replies_self: %ld\n%s.quotes: %ld\n%s.reposts: %ld\n"
                "%s.followers: %ld\n%s.following: %ld\n%s.likes_given: %ld\n",
                label, e.posts(), label, e.originals, label, e.replies, label, e.self_replies, label, e.quotes, label, e.reposts,
                label, e.followers, label, e.following, label, e.likes_given);
    if (e.likes_received_sum >= 0) std::printf("%s.likes_received_sum: %lld\n", label, e.likes_received_sum);
    if (e.likes_received_total >= 0) std::printf("%s.likes_received_total: %lld\n", label, e.likes_received_total);
    if (!e.handle.empty()) std::printf("%s.handle: %s\n", label, e.handle.c_str());
}
void write_social(Args& args, const clout::gen::GenExport& files) {
    bool dir = args.flag("--dir");
    std::string root = args.str("--root", "");
    std::string out = args.output();
    if (dir) clout::gen::write_export_dir(files, out);
    else clout::gen::write_export_zip(files, out, root);
}
int run_instagram(Args& args) {
    clout::gen::InstagramOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 1));
    o.posts = static_cast<int>(args.num("--posts", o.posts));
    o.comments = static_cast<int>(args.num("--comments", o.comments));
    o.followers = static_cast<int>(args.num("--followers", o.followers));
    o.following = static_cast<int>(args.num("--following", o.following));
    o.likes = static_cast<int>(args.num("--likes", o.likes));
    o.threads_posts = static_cast<int>(args.num("--threads-posts", o.threads_posts));
    o.comment_likes = static_cast<int>(args.num("--comment-likes", o.comment_likes));
    std::string layout = args.str("--layout", args.flag("--old-layout") ? "old" : "2024");
    if (layout != "old" && layout != "2024" && layout != "2026") throw std::runtime_error("--layout is old, 2024 or 2026");
    o.new_layout = layout != "old";
    o.layout_2026 = layout == "2026";
    clout::gen::Expected ig, th;
    auto files = clout::gen::gen_instagram(o, ig, th);
    clout::gen::InstagramInsightsOptions io;
    bool insights = args.flag("--insights");
    io.range = args.str("--insights-range", io.range);
    if (insights) clout::gen::add_instagram_insights(files, io);
    write_social(args, files);
    print_expected("instagram", ig);
    if (insights)
        std::printf("instagram.insights_range: %s\ninstagram.post_interactions: %s\ninstagram.content_interactions: %s\n"
                    "instagram.accounts_engaged: %s\ninstagram.accounts_reached: %s\ninstagram.impressions: %s\n"
                    "instagram.insights_followers: %s\n",
                    io.range.c_str(), io.post_interactions.c_str(), io.content_interactions.c_str(), io.accounts_engaged.c_str(),
                    io.accounts_reached.c_str(), io.impressions.c_str(), io.followers.c_str());
    print_expected("threads", th);
    return 0;
}
int run_facebook(Args& args) {
    clout::gen::FacebookOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 2));
    o.posts = static_cast<int>(args.num("--posts", o.posts));
    o.comments = static_cast<int>(args.num("--comments", o.comments));
    o.friends = static_cast<int>(args.num("--friends", o.friends));
    o.followers = static_cast<int>(args.num("--followers", o.followers));
    o.shares = static_cast<int>(args.num("--shares", o.shares));
    o.bare_shares = static_cast<int>(args.num("--bare-shares", o.bare_shares));
    o.lang = args.str("--lang", o.lang);
    std::string layout = args.str("--layout", args.flag("--old-layout") ? "old" : "2024");
    if (layout != "old" && layout != "2024" && layout != "2026") throw std::runtime_error("--layout is old, 2024 or 2026");
    o.new_layout = layout != "old";
    o.layout_2026 = layout == "2026";
    clout::gen::Expected fb;
    auto files = clout::gen::gen_facebook(o, fb);
    write_social(args, files);
    print_expected("facebook", fb);
    return 0;
}
int run_linkedin(Args& args) {
    clout::gen::LinkedInOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 3));
    o.shares = static_cast<int>(args.num("--shares", o.shares));
    o.comments = static_cast<int>(args.num("--comments", o.comments));
    o.reactions = static_cast<int>(args.num("--reactions", o.reactions));
    o.connections = static_cast<int>(args.num("--connections", o.connections));
    o.split_shares = args.flag("--split-shares");
    o.layout = static_cast<int>(args.num("--layout", o.layout));
    if (o.layout != 2017 && o.layout != 2024 && o.layout != 2026) {
        std::fprintf(stderr, "clout-gen linkedin: --layout must be 2017, 2024 or 2026\n");
        return 2;
    }
    clout::gen::Expected li;
    clout::gen::LayoutFacts facts;
    auto files = clout::gen::gen_linkedin(o, li, &facts);
    write_social(args, files);
    print_expected("linkedin", li);
    std::printf("linkedin.repaired_rows: %ld\nlinkedin.dated_connections: %ld\n", facts.repaired_rows, facts.dated_connections);
    return 0;
}
int run_tiktok(Args& args) {
    clout::gen::TikTokOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 4));
    o.videos = static_cast<int>(args.num("--videos", o.videos));
    o.followers = static_cast<int>(args.num("--followers", o.followers));
    o.following = static_cast<int>(args.num("--following", o.following));
    o.likes = static_cast<int>(args.num("--likes", o.likes));
    o.browsing_history = static_cast<int>(args.num("--history", o.browsing_history));
    o.comments = static_cast<int>(args.num("--comments", o.comments));
    o.new_layout = !args.flag("--old-layout");
    o.layout = static_cast<int>(args.num("--layout", 0));
    if (o.layout != 0 && o.layout != 2021 && o.layout != 2025 && o.layout != 2026) {
        std::fprintf(stderr, "clout-gen tiktok: --layout must be 2021, 2025 or 2026\n");
        return 2;
    }
    clout::gen::Expected tt;
    auto files = clout::gen::gen_tiktok(o, tt);
    write_social(args, files);
    print_expected("tiktok", tt);
    return 0;
}
int run_reddit(Args& args) {
    clout::gen::RedditOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 5));
    o.posts = static_cast<int>(args.num("--posts", o.posts));
    o.comments = static_cast<int>(args.num("--comments", o.comments));
    o.upvotes = static_cast<int>(args.num("--upvotes", o.upvotes));
    clout::gen::Expected rd;
    auto files = clout::gen::gen_reddit(o, rd);
    write_social(args, files);
    print_expected("reddit", rd);
    return 0;
}
int run_roster(Args& args) {
    clout::gen::RosterOptions o;
    o.seed = static_cast<uint64_t>(args.num("--seed", 7));
    o.rows = static_cast<long>(args.num("--rows", 1000));
    o.bad_every = static_cast<int>(args.num("--bad-every", 0));
    o.blank_handle_every = static_cast<int>(args.num("--blank-every", 0));
    o.messy_headers = !args.flag("--plain-headers");
    o.names = args.flag("--names");
    std::string out = args.output();
    std::string text = clout::gen::gen_roster(o);
    FILE* f = std::fopen(out.c_str(), "wb");
    if (!f) throw std::runtime_error("cannot write " + out);
    std::fwrite(text.data(), 1, text.size(), f);
    std::fclose(f);
    std::printf("rows: %ld\nbytes: %zu\n", o.rows, text.size());
    return 0;
}

struct Kind {
    const char* name;
    const char* help;
    std::function<int(Args&)> run;
};

// KINDS: one line each (other generators add theirs here).
const std::vector<Kind> kKinds = {
    {"x-archive",
     "X/Twitter archive zip: --tweets N --parts N --note-tweets N --community-tweets N --deleted-tweets N --likes N\n"
     "      --followers N --follower-parts N --following N --media-files N --media-mb M --sparse-media-mb M (zeros, a sparse hole: instant) --damaged-part P --root DIR\n"
     "      --2019 --no-manifest --macosx --data-descriptors --zip64 --stored --dir (write a folder) --seed S\n"
     "      --media-only-part (a later part of a large archive: --media-files N in media folders, no data file)",
     run_x_archive},
    {"mastodon-archive",
     "Mastodon archive: --format zip|tar.gz|tar|dir --originals N --self-replies N --other-replies N --boosts N\n"
     "      --dms N --likes N --following N (rows of following_accounts.csv) --media-files N --media-kb K\n"
     "      --counts-43 (likes/shares totals) --tar-era --root DIR --seed S\n"
     "      --total-items-offset N (stated totalItems minus the items; real exports: -29) --following-quoted-newlines",
     run_mastodon_archive},
    {"activity",
     "one generated activity as an X or a Mastodon archive zip (the same posts, times, kinds and texts):\n"
     "      --network x|mastodon --profile newcomer|median|small_business|professional|celebrity|spam --seed S\n"
     "      --as-of-day D (default 20000) --history-days N --counts-43 (Mastodon: each post's likes/shares, the X counts)\n"
     "      --host HOST (Mastodon server); OUT a folder: the file gets the network's own name (Mastodon's holds the date)",
     run_activity},
    {"bluesky-car",
     "Bluesky repository CAR: --originals N --self-replies N --other-replies N --quotes N --reposts N --likes N\n"
     "      --follows N --deleted-follows N --v2 --did DID --seed S\n"
     "      --display-name NAME (the app.bsky.actor.profile record's displayName) --no-profile",
     run_bluesky_car},
    {"instagram", "Instagram + Threads export zip: --layout old|2024|2026 --posts N --comments N --followers N --following N --likes N --comment-likes N --threads-posts N --insights [--insights-range 'Feb 6 - May 6'] --root DIR --dir --seed S", run_instagram},
    {"facebook", "Facebook export zip: --layout old|2024|2026 --lang en|es|pt|fr|de|it|nl|da --posts N --shares N --bare-shares N --comments N --friends N --followers N --root DIR --dir --seed S", run_facebook},
    {"linkedin", "LinkedIn export zip: --shares N --comments N --reactions N --connections N --split-shares --layout 2017|2024|2026 --dir --seed S", run_linkedin},
    {"tiktok", "TikTok export zip (user_data_tiktok.json): --videos N --comments N --followers N --following N --likes N --history N --old-layout --layout 2021|2025|2026 --dir --seed S", run_tiktok},
    {"reddit", "Reddit export zip (CSVs): --posts N --comments N --upvotes N --dir --seed S", run_reddit},
    {"roster", "audience roster CSV for clout rank: --rows N --bad-every N --blank-every N --plain-headers --names (people-like handles and a name column) --seed S", run_roster},
};

void usage() {
    std::fprintf(stderr, "usage: clout-gen <kind> [options] OUT\nkinds:\n");
    for (const Kind& k : kKinds) std::fprintf(stderr, "  %s\n      %s\n", k.name, k.help);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        usage();
        return argc < 2 ? 2 : 0;
    }
    for (const Kind& k : kKinds) {
        if (std::strcmp(argv[1], k.name) != 0) continue;
        try {
            Args args(argc, argv, 2);
            return k.run(args);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "clout-gen %s: %s\n", k.name, e.what());
            return 2;
        }
    }
    std::fprintf(stderr, "clout-gen: unknown kind '%s'\n", argv[1]);
    usage();
    return 2;
}
