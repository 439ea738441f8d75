#include "activity_gen.h"

#include <algorithm>

#include "score/score.h"
#include "util/time.h"

namespace clout::gen {

namespace {
struct Params {
    const char* handle;
    int64_t followers, following;
    double posts_per_week, reply_share, quote_share, reposts_per_week, mean_reactions, likes_per_week;
    std::vector<const char*> words, tags;
};

Params params_of(Profile p) {
    switch (p) {
        case Profile::Newcomer:
            return {"newbie_nora", 25, 80, 1.0, 0.3, 0.0, 0.5, 1.2, 3,
                    {"garden", "tomatoes", "weekend", "learning", "seedlings"}, {"gardening"}};
        case Profile::Median:
            return {"median_max", 300, 280, 5.0, 0.4, 0.05, 2.0, 4.0, 20,
                    {"coffee", "running", "podcast", "recipe", "morning", "training", "marathon"}, {"running", "coffee"}};
        case Profile::SmallBusiness:
            return {"corner_bakery", 3000, 400, 7.0, 0.15, 0.05, 1.0, 25.0, 10,
                    {"sourdough", "croissants", "opening", "special", "bakery", "pastry", "weekend"}, {"bakery", "sourdough", "localfood"}};
        case Profile::Professional:
            return {"dr_data", 50000, 900, 14.0, 0.3, 0.1, 3.0, 300.0, 40,
                    {"statistics", "research", "dataset", "analysis", "models", "paper", "conference"}, {"datascience", "stats", "ml"}};
        case Profile::Celebrity:
            return {"famous_fay", 5000000, 300, 10.0, 0.1, 0.05, 2.0, 20000.0, 5,
                    {"tour", "album", "tonight", "fans", "stage", "music", "video"}, {"tour", "newmusic"}};
        case Profile::Spam:
            return {"deals4u_bot", 40, 4000, 300.0, 0.3, 0.0, 50.0, 0.0, 0,
                    {"discount", "crypto", "offer", "giveaway", "click"}, {"deal", "crypto", "free"}};
    }
    return params_of(Profile::Median);
}

const char* const kFriends[] = {"ana", "ben", "chloe", "dev_dan", "eve", "farid", "gwen", "hiro", "ines", "jules",
                                "kai", "lena", "mo", "nadia", "otto", "pia", "quinn", "ravi", "sara", "tom"};
}  // namespace

const char* profile_id(Profile p) {
    switch (p) {
        case Profile::Newcomer: return "newcomer";
        case Profile::Median: return "median";
        case Profile::SmallBusiness: return "small_business";
        case Profile::Professional: return "professional";
        case Profile::Celebrity: return "celebrity";
        case Profile::Spam: return "spam";
    }
    return "?";
}

std::vector<Profile> all_profiles() {
    return {Profile::Newcomer, Profile::Median, Profile::SmallBusiness, Profile::Professional, Profile::Celebrity, Profile::Spam};
}

uint64_t Rng::next() {
    uint64_t z = (s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
double Rng::uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
int64_t Rng::below(int64_t n) { return n <= 0 ? 0 : static_cast<int64_t>(next() % static_cast<uint64_t>(n)); }
double Rng::exponential(double mean) { return -mean * det_ln(1.0 - uniform()); }

void add_profile_activity(Activity& a, Profile prof, const ActivityGenOptions& o, std::vector<GeneratedPost>* out,
                          GeneratedActions* actions) {
    Params P = params_of(prof);
    Rng rng(o.seed * 1000003ull + static_cast<uint64_t>(prof) * 7919ull + static_cast<uint64_t>(o.network));
    Account acc;
    acc.network = o.network;
    acc.handle = P.handle;
    acc.id = std::to_string(1000 + static_cast<int>(prof));
    acc.display_name = P.handle;
    acc.export_time = o.as_of_day * kSecondsPerDay + 12 * 3600;
    IdKind id_kind = IdKind::Decimal;
    switch (o.network) {
        case Network::X:
            acc.format = "x-archive";
            acc.followers = P.followers;
            acc.following = P.following;
            acc.signals.likes_received = acc.signals.reposts_received = true;
            acc.signals.followers = acc.signals.following = true;
            break;
        case Network::Mastodon:
            acc.format = "mastodon-archive";
            acc.handle += "@example.social";
            acc.signals.following = true;
            acc.following = P.following;
            break;
        case Network::Bluesky:
            acc.format = "bluesky-car";
            acc.handle += ".bsky.social";
            acc.id = "did:plc:gen" + std::to_string(static_cast<int>(prof));
            acc.signals.following = true;
            acc.following = P.following;
            id_kind = IdKind::Tid;
            break;
        default:
            acc.format = std::string(network_id(o.network)) + "-export";
            acc.followers = P.followers;
            acc.signals.followers = true;
            break;
    }
    acc.source_name = std::string(profile_id(prof)) + "-" + network_id(o.network) + ".gen";
    const uint32_t ai = a.add_account(acc);
    const bool react = acc.signals.likes_received || acc.signals.reposts_received;

    const int64_t start = (o.as_of_day - o.history_days + 1) * kSecondsPerDay;
    const int64_t end = o.as_of_day * kSecondsPerDay + 12 * 3600;
    double per_week = P.posts_per_week + P.reposts_per_week;
    if (o.posts_override >= 0) per_week = static_cast<double>(o.posts_override) * 7.0 / o.history_days;
    const double mean_gap = 7.0 * kSecondsPerDay / std::max(per_week, 1e-9);
    const double repost_share = P.reposts_per_week / std::max(P.posts_per_week + P.reposts_per_week, 1e-9);
    uint64_t next_id = 1500000000000000000ull + static_cast<uint64_t>(prof) * 10000000000000ull + o.seed * 100000000ull;
    std::string text;
    for (double t = static_cast<double>(start) + rng.exponential(mean_gap); t < static_cast<double>(end);
         t += rng.exponential(mean_gap)) {
        Post p;
        p.account = ai;
        p.time = static_cast<int64_t>(t);
        p.id = id_kind == IdKind::Tid ? (static_cast<uint64_t>(p.time) * 1000000ull + rng.below(1000000)) : next_id++;
        p.id_kind = id_kind;
        const double u = rng.uniform();
        const char* friend_name = kFriends[std::min<int64_t>(rng.below(20), rng.below(20))];  // skewed to the first
        if (u < repost_share) {
            p.kind = PostKind::Repost;
            p.target_account = a.strings.intern(friend_name);
            if (react) p.likes = p.reposts = 0;
            const std::string rt = o.with_text ? std::string("RT @") + friend_name + ": something worth sharing" : "rt";
            a.add_post(p, rt);
            if (out) out->push_back({p, rt, friend_name, {}, {}});
            continue;
        }
        const double v = rng.uniform();
        std::vector<std::string_view> tags, mentions;
        if (v < P.reply_share) {
            p.kind = PostKind::Reply;
            p.reply_target = ReplyTarget::Other;
            p.target_account = a.strings.intern(friend_name);
            mentions.push_back(friend_name);
        } else if (v < P.reply_share + P.quote_share) {
            p.kind = PostKind::Quote;
            p.target_account = a.strings.intern(friend_name);
        }
        if (react) {
            double mean = P.mean_reactions * (p.kind == PostKind::Reply ? 0.3 : 1.0);
            if (rng.uniform() < 0.05) mean *= 5;  // the occasional hit
            const int64_t e = static_cast<int64_t>(rng.exponential(mean));
            const int64_t reposts = e / 5;
            p.likes = static_cast<int32_t>(std::min<int64_t>(e - reposts, INT32_MAX));
            p.reposts = static_cast<int32_t>(std::min<int64_t>(reposts, INT32_MAX));
        }
        if (o.with_text) {
            text.clear();
            if (!mentions.empty()) text += "@" + std::string(mentions[0]) + " ";
            for (int k = 0; k < 2 + static_cast<int>(rng.below(3)); ++k) {
                text += P.words[static_cast<size_t>(rng.below(static_cast<int64_t>(P.words.size())))];
                text += ' ';
            }
            text += "today";
            if (!o.filler_words.empty()) {
                for (int k = 0; k < 2 + static_cast<int>(rng.below(3)); ++k) {
                    text += ' ';
                    text += o.filler_words[static_cast<size_t>(rng.below(static_cast<int64_t>(o.filler_words.size())))];
                }
            }
            if (!P.tags.empty() && rng.uniform() < 0.5) {
                const char* tg = P.tags[static_cast<size_t>(rng.below(static_cast<int64_t>(P.tags.size())))];
                tags.push_back(tg);
                text += std::string(" #") + tg;
            }
        } else {
            text = "post";
        }
        a.add_post(p, text, tags, mentions);
        if (out) {
            GeneratedPost g{p, text, p.kind == PostKind::Original ? std::string() : std::string(friend_name), {}, {}};
            for (auto t : tags) g.hashtags.emplace_back(t);
            for (auto m : mentions) g.mentions.emplace_back(m);
            out->push_back(std::move(g));
        }
    }
    // likes given and follows made
    const double like_gap = 7.0 * kSecondsPerDay / std::max(P.likes_per_week, 1e-9);
    if (P.likes_per_week > 0 && o.posts_override < 0) {
        int n = 0;
        for (double t = static_cast<double>(start) + rng.exponential(like_gap); t < static_cast<double>(end);
             t += rng.exponential(like_gap)) {
            const char* who = kFriends[std::min<int64_t>(rng.below(20), rng.below(20))];
            a.add_like(ai, o.network == Network::X ? 0 : static_cast<int64_t>(t),
                       std::string("liked-") + std::to_string(++n) + "-" + std::to_string(static_cast<int64_t>(t)), who);
        }
        if (actions) actions->likes = n;
    }
    for (int k = 0; k < 10; ++k) {
        a.add_follow(ai, start + k * 86400, kFriends[k]);
        if (actions) actions->follows.emplace_back(kFriends[k]);
    }
}

Activity make_activity(Profile p, const ActivityGenOptions& o) {
    Activity a;
    add_profile_activity(a, p, o);
    a.normalize();
    return a;
}

}  // namespace clout::gen
