// Scoring: several exports at once: one score per network and one combined score from
// the pooled window (followers summed, posts pooled, h-indexes over all posts).
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("networks: per-network scores equal each export scored alone; combined pools them") {
    Activity both;
    gen::add_profile_activity(both, gen::Profile::Median, opts(1, Network::X));
    gen::add_profile_activity(both, gen::Profile::SmallBusiness, opts(1, Network::Mastodon));
    both.normalize();
    const Report r = build_report(both);
    REQUIRE(r.networks.size() == 2);
    CHECK(r.networks[0].network == Network::X);
    CHECK(r.networks[1].network == Network::Mastodon);
    const Report x = build_report(gen::make_activity(gen::Profile::Median, opts(1, Network::X)));
    const Report m = build_report(gen::make_activity(gen::Profile::SmallBusiness, opts(1, Network::Mastodon)));
    CHECK(r.networks[0].result.exact_q == x.result.exact_q);
    CHECK(r.networks[1].result.exact_q == m.result.exact_q);
    // combined: pooled counts
    CHECK(r.inputs.posts == x.inputs.posts + m.inputs.posts);
    CHECK(r.inputs.followers == 300);  // only X has a count
    CHECK(r.inputs.posts_with_reactions == x.inputs.posts_with_reactions);  // Mastodon posts record none
    CHECK(r.inputs.replies == x.inputs.replies + m.inputs.replies);
    CHECK(r.inputs.weeks_active >= std::max(x.inputs.weeks_active, m.inputs.weeks_active));
    CHECK(r.sources.size() == 2);
    const std::string j = report_to_json(r);
    CHECK(j.find("\"network\": \"mastodon\"") != std::string::npos);
}

TEST_CASE("networks: followers add up across networks that have a count") {
    Activity both;
    gen::add_profile_activity(both, gen::Profile::Median, opts(1, Network::X));
    gen::add_profile_activity(both, gen::Profile::Median, opts(1, Network::Instagram));
    both.normalize();
    const Report r = build_report(both);
    CHECK(r.inputs.followers == 600);
    CHECK(r.result[ComponentId::Reach].available);
}
