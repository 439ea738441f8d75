// Realistic generated activity for tests and benchmarks (no files: an Activity built in
// code, as an importer would fill it). Deterministic: the same (profile, options) always
// gives the same activity, on every platform (own PRNG, own distributions, det_ln).
//
// Profiles (over the 91-day window; full history is generated for `history_days`):
//   newcomer        ~25 followers, ~1 post a week, ~1 reaction a post
//   median          ~300 followers, ~5 posts a week (40% replies), ~4 reactions a post
//   small_business  ~3,000 followers, ~7 posts a week, ~25 reactions a post
//   professional    ~50,000 followers, ~14 posts a week, ~300 reactions a post
//   celebrity       ~5,000,000 followers, ~10 posts a week, ~20,000 reactions a post
//   spam            ~40 followers, ~300 posts a week, no reactions at all
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/activity.h"

namespace clout::gen {

enum class Profile { Newcomer, Median, SmallBusiness, Professional, Celebrity, Spam };
const char* profile_id(Profile p);
std::vector<Profile> all_profiles();

struct ActivityGenOptions {
    Network network = Network::X;   // sets the signals an export of that network carries
    int64_t as_of_day = 20000;      // the export date (Account::export_time = noon that day)
    int history_days = 500;         // days of history before as_of
    uint64_t seed = 1;
    int64_t posts_override = -1;    // >= 0: generate about this many posts instead (benchmarks)
    bool with_text = true;          // false: short fixed texts (fast, for 1M-post benchmarks)
    // Words mixed into every post's text, 2 to 4 of them (the filler of real posts, for the
    // topic tests); empty: the texts are exactly those of earlier versions.
    std::vector<std::string> filler_words;
};

// A generated post as an export writer needs it: the model's post plus the text, hashtags
// and mentions the model does not keep whole (export_gen.h writes them to files).
struct GeneratedPost {
    Post post;             // account, time, id, kind, reply target, likes/reposts received
    std::string text;      // the full text ("@ana ..." for a reply, "RT @ana: ..." for a repost)
    std::string target;    // the friend replied to, quoted or reposted ("" for an original)
    std::vector<std::string> hashtags, mentions;
};
// What one profile did besides posting (likes given, follows made), for the writers.
struct GeneratedActions {
    int64_t likes = 0;                 // likes given
    std::vector<std::string> follows;  // accounts followed (with their times in the model)
};

// A deterministic 64-bit PRNG (splitmix64) with the few distributions the generators need.
struct Rng {
    uint64_t s;
    explicit Rng(uint64_t seed) : s(seed * 0x9E3779B97F4A7C15ull + 1) {}
    uint64_t next();
    double uniform();                  // [0, 1)
    int64_t below(int64_t n);          // [0, n)
    double exponential(double mean);   // mean * -ln(U)
};

// Appends one account with its posts, likes and follows to `a` (not normalized).
// With `posts`, every post (reposts included) is also appended there in generation
// (time) order, with its text; with `actions`, the likes and follows made.
void add_profile_activity(Activity& a, Profile p, const ActivityGenOptions& o = {},
                          std::vector<GeneratedPost>* posts = nullptr, GeneratedActions* actions = nullptr);
// A fresh, normalized activity of one profile.
Activity make_activity(Profile p, const ActivityGenOptions& o = {});

}  // namespace clout::gen
