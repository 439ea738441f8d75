// Reads Mastodon / Bluesky exports and prints what was found and how long it took:
//   bench_fediverse PATH...
// Used to measure the tar.gz scan and the outbox stream on big generated archives.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>

#include "importers/importer.h"
#include "util/error.h"

using namespace clout;

static long peak_rss_kb() {
    std::ifstream f("/proc/self/status");
    std::string line;
    while (std::getline(f, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_fediverse PATH...\n");
        return 2;
    }
    for (int i = 1; i < argc; ++i) {
        ImportContext ctx;
        Activity act;
        auto t0 = std::chrono::steady_clock::now();
        try {
            auto c = open_input(argv[i], ctx);
            auto t1 = std::chrono::steady_clock::now();
            import_container(*c, act, ctx);
            act.normalize();
            auto t2 = std::chrono::steady_clock::now();
            std::printf("%s: %s, %zu entries, open %.3f s, read %.3f s, peak RSS %ld MB\n", argv[i], c->kind(),
                        c->entries().size(), std::chrono::duration<double>(t1 - t0).count(),
                        std::chrono::duration<double>(t2 - t1).count(), peak_rss_kb() / 1024);
        } catch (const InputError& e) {
            std::printf("error: %s: %s\n", argv[i], e.what());
            continue;
        }
        for (size_t a = 0; a < act.accounts.size(); ++a) {
            const Account& acc = act.accounts[a];
            std::map<int, int> kinds;
            int self = 0, other = 0, media = 0, link = 0, hashtags = 0, mentions = 0;
            for (auto& p : act.posts) {
                if (p.account != a) continue;
                ++kinds[static_cast<int>(p.kind)];
                if (p.reply_target == ReplyTarget::Self) ++self;
                if (p.reply_target == ReplyTarget::Other) ++other;
                media += p.has_media;
                link += p.has_link;
                hashtags += p.n_hashtags;
                mentions += p.n_mentions;
            }
            int64_t follows = 0;
            for (auto& it : act.interactions)
                if (it.account == a && it.kind == InteractionKind::Follow) ++follows;
            std::printf("  %s id=%s handle=%s name=%s\n", network_id(acc.network), acc.id.c_str(), acc.handle.c_str(),
                        acc.display_name.c_str());
            std::printf("  original=%d reply=%d (self %d, other %d) quote=%d repost=%d media=%d link=%d hashtags=%d mentions=%d\n",
                        kinds[0], kinds[1], self, other, kinds[2], kinds[3], media, link, hashtags, mentions);
            std::printf("  likes_given=%lld follows=%lld following=%lld followers=%lld dms=%lld created=%lld export=%lld\n",
                        (long long)acc.likes_given, (long long)follows, (long long)acc.following,
                        (long long)acc.followers, (long long)acc.direct_messages, (long long)acc.created_time,
                        (long long)acc.export_time);
            std::printf("  signals likes=%d reposts=%d replies=%d followers=%d following=%d\n", acc.signals.likes_received,
                        acc.signals.reposts_received, acc.signals.replies_received, acc.signals.followers,
                        acc.signals.following);
            for (auto& n : acc.notes) std::printf("  note: %s\n", n.c_str());
        }
        for (auto& w : act.warnings) std::printf("  warning: %s\n", w.c_str());
    }
    return 0;
}
