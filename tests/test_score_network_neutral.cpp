// Network-neutral scoring, through real files: one generated activity is written as an X
// archive and as a Mastodon archive (clout-gen's `activity` kind), both are read by the
// importers the CLI and the page use, and once the Mastodon side gets the same follower
// count and the same reaction numbers the two score the same (docs/SCORING.md §9).
#include <doctest/doctest.h>

#include <cstdio>
#include <map>
#include <tuple>

#include "export_gen.h"
#include "fetch/public_counts.h"
#include "importers/importer.h"
#include "report/report.h"
#include "temp_dir.h"
#include "util/time.h"

using namespace clout;

namespace {

Activity import_one(const std::string& path) {
    Activity a;
    ImportContext ctx;
    const InputOutcome o = import_input(path, a, ctx);
    REQUIRE_MESSAGE(o.kind == InputOutcome::Read, o.message);
    a.normalize();
    return a;
}

// Score, exact score and every component's points must be the same; only provenance may differ.
void check_same_score(const Report& a, const Report& b) {
    CHECK(a.result.score == b.result.score);
    CHECK(a.result.exact_q == b.result.exact_q);
    CHECK(a.result.base_points == b.result.base_points);
    for (size_t i = 0; i < a.result.components.size(); ++i) {
        CAPTURE(component_id(a.result.components[i].id));
        CHECK(a.result.components[i].available == b.result.components[i].available);
        CHECK(a.result.components[i].points_q == b.result.components[i].points_q);
        CHECK(a.result.components[i].points == b.result.components[i].points);
    }
    CHECK_FALSE(b.result.partial());
}

struct Pair {
    gen::ActivityExportTruth x, m;
    Activity ax, am, am43;
    std::string mastodon_path;  // to read it again (an Activity is not copied)
};

Pair write_and_read(gen::Profile p, uint64_t seed, const clout_test::TempDir& dir) {
    gen::ActivityExportOptions o;
    o.profile = p;
    o.seed = seed;
    Pair r;
    const std::string xz = dir / ("twitter-" + std::string(gen::profile_id(p)) + std::to_string(seed) + ".zip");
    r.x = gen::write_activity_x_archive(o, xz);
    // Mastodon names its archive after its date: that is where the importer reads it from.
    const std::string sub = std::string(gen::profile_id(p)) + std::to_string(seed);
    std::filesystem::create_directories(dir.path / sub);
    std::filesystem::create_directories(dir.path / (sub + "-43"));
    const std::string mz = dir / (sub + "/" + gen::mastodon_archive_name(r.x.export_time));
    r.m = gen::write_activity_mastodon_archive(o, mz);
    r.mastodon_path = mz;
    o.mastodon_counts = true;
    const std::string mz43 = dir / (sub + "-43/" + gen::mastodon_archive_name(r.x.export_time));
    gen::write_activity_mastodon_archive(o, mz43);
    r.ax = import_one(xz);
    r.am = import_one(mz);
    r.am43 = import_one(mz43);
    return r;
}

}  // namespace

TEST_CASE("network-neutral: one activity as an X archive and a Mastodon archive, read by the importers, scores the same") {
    clout_test::TempDir dir("neutral");
    std::string table;
    for (auto prof : {gen::Profile::Newcomer, gen::Profile::Median, gen::Profile::SmallBusiness}) {
        for (uint64_t seed = 1; seed <= 3; ++seed) {
            CAPTURE(gen::profile_id(prof));
            CAPTURE(seed);
            Pair pr = write_and_read(prof, seed, dir);
            REQUIRE(pr.ax.accounts.size() == 1);
            REQUIRE(pr.am.accounts.size() == 1);
            CHECK(pr.ax.accounts[0].network == Network::X);
            CHECK(pr.am.accounts[0].network == Network::Mastodon);
            CHECK(pr.ax.accounts[0].export_time == pr.am.accounts[0].export_time);

            // The same posts: ids, times, kinds and reply targets; the texts the same length
            // (X adds the quoted post's short link to a quote's text).
            REQUIRE(pr.ax.posts.size() == pr.am.posts.size());
            REQUIRE(static_cast<int64_t>(pr.ax.posts.size()) == pr.x.published + pr.x.reposts);
            std::map<uint64_t, std::pair<int32_t, int32_t>> x_counts;  // what the X archive holds per post
            for (size_t i = 0; i < pr.ax.posts.size(); ++i) {
                const Post& px = pr.ax.posts[i];
                const Post& pm = pr.am.posts[i];
                CHECK(px.id == pm.id);
                CHECK(px.time == pm.time);
                CHECK(px.kind == pm.kind);
                CHECK(px.reply_target == pm.reply_target);
                CHECK(px.n_hashtags == pm.n_hashtags);
                if (px.kind != PostKind::Quote && px.kind != PostKind::Repost) CHECK(px.text_length == pm.text_length);
                CHECK(pm.likes == kUnknownCount);  // a Mastodon archive before 4.3 holds no counts
                if (px.kind != PostKind::Repost) x_counts[px.id] = {px.likes, px.reposts};
            }
            CHECK(pr.ax.accounts[0].followers == pr.x.followers);
            CHECK(pr.am.accounts[0].followers == -1);

            const Report rx = build_report(pr.ax);
            CHECK_FALSE(rx.result.partial());

            // Nothing supplied: the Mastodon score is partial (followers and reactions unknown).
            const Report bare = build_report(pr.am);
            CHECK(bare.result.partial());
            CHECK(bare.result.unmeasured_points() == 25 + 20 + 34);
            CHECK_FALSE(bare.result[ComponentId::Reach].available);

            // Followers typed, the same per-post reaction counts fetched: the same score.
            PublicCounts fetched;
            fetched.network = Network::Mastodon;
            fetched.host = "example.social";
            fetched.actor = "median_max";
            for (const Post& p : pr.am.posts) {
                if (p.kind == PostKind::Repost) continue;
                ++fetched.posts_asked;
                FetchedPostCounts k;  // what the public API gives, restricted to what X holds: likes and reposts
                k.likes = x_counts.at(p.id).first;
                k.reposts = x_counts.at(p.id).second;
                fetched.posts[p.id] = k;
            }
            fetched.complete = true;
            Activity typed_fol = import_one(pr.mastodon_path);
            apply_public_counts(typed_fol, 0, fetched, pr.x.export_time + 3600);
            ReportOptions typed;
            SuppliedSignals s;
            s.network = static_cast<int>(Network::Mastodon);
            s.followers = pr.x.followers;
            typed.supplied.push_back(s);
            const Report r_typed_fol = build_report(typed_fol, typed);
            check_same_score(rx, r_typed_fol);
            CHECK(r_typed_fol.inputs.followers_from == prov_bit(Provenance::Typed));
            CHECK(r_typed_fol.inputs.reactions_from == prov_bit(Provenance::Fetched));
            CHECK(r_typed_fol.networks[0].network == Network::Mastodon);
            CHECK(r_typed_fol.networks[0].result.score == rx.networks[0].result.score);

            // Followers fetched too: the same score again, everything marked fetched.
            Activity all_fetched = import_one(pr.mastodon_path);
            PublicCounts with_profile = fetched;
            with_profile.profile_ok = true;
            with_profile.followers = pr.x.followers;
            apply_public_counts(all_fetched, 0, with_profile, pr.x.export_time + 3600);
            const Report r_fetched = build_report(all_fetched);
            check_same_score(rx, r_fetched);
            CHECK(r_fetched.inputs.followers_from == prov_bit(Provenance::Fetched));

            // A Mastodon 4.3 archive holds the counts itself: only the follower count is typed.
            const Report r43 = build_report(pr.am43, typed);
            check_same_score(rx, r43);
            CHECK(r43.inputs.reactions_from == prov_bit(Provenance::Export));

            // Followers and the MEAN reactions and reshares per post typed (to one decimal, as a
            // person would type them): every component is known and reach is the same, but a
            // mean cannot say which post got what, so the score is close, not equal (§9).
            SuppliedSignals mean = s;
            const int64_t window_posts = rx.inputs.posts, re = rx.inputs.reactions_total, rs = rx.inputs.reshares_total;
            auto one_decimal = [&](int64_t n) { return window_posts > 0 ? static_cast<double>((20 * n + window_posts) / (2 * window_posts)) / 10 : 0.0; };
            mean.reactions_per_post = one_decimal(re);
            mean.reshares_per_post = one_decimal(rs);
            ReportOptions typed_mean;
            typed_mean.supplied.push_back(mean);
            const Report r_mean = build_report(pr.am, typed_mean);
            CHECK_FALSE(r_mean.result.partial());
            CHECK(r_mean.result[ComponentId::Reach].points_q == rx.result[ComponentId::Reach].points_q);
            CHECK(r_mean.inputs.reactions_from == prov_bit(Provenance::Typed));
            CHECK(std::abs(r_mean.result.score - rx.result.score) <= 4);
            char row[200];
            std::snprintf(row, sizeof row, "| %s | %llu | %d | %d | %d | %d (%.1f, %.1f) |\n", gen::profile_id(prof),
                          static_cast<unsigned long long>(seed), rx.result.score, bare.result.score, r_typed_fol.result.score,
                          r_mean.result.score, mean.reactions_per_post, mean.reshares_per_post);
            table += row;
        }
    }
    MESSAGE("rows of docs/SCORING.md §9 (profile | seed | X | Mastodon alone | + followers, counts fetched | "
            "+ followers, means typed (reactions, reshares))\n"
            << table);
}
