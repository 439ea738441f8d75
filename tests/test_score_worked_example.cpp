// Scoring: the worked example of docs/SCORING.md. The expected numbers were computed by
// hand (and with a 10-line Python script using math.log, independent of this engine):
// see the "Worked example" section there.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;

namespace {
ScoreInputs worked_example() {
    ScoreInputs in;
    in.followers = 1000;
    in.reactions_known = in.reshares_known = true;
    in.posts = in.posts_with_reactions = in.posts_with_reshares = 40;
    in.reshared_posts = 12;
    in.top_reactions = {30, 22, 15, 12, 9, 9, 8, 7, 6, 5, 3, 2, 1, 1, 0, 0};  // h = 7
    in.top_reshares = {6, 4, 3, 2, 1, 1, 0, 0};                              // h = 3
    in.replies = 26;
    in.qualifying_replies = 20;
    in.weeks_active = 11;
    return in;
}
}  // namespace

TEST_CASE("worked example: every number of docs/SCORING.md") {
    const ScoreResult r = score_inputs(worked_example());
    CHECK(r.h_reactions == 7);
    CHECK(r.h_reshares == 3);
    const int64_t values[] = {500072, 321849, 364360, 846154, 606807};
    const int64_t points_q[] = {125018, 64370, 123882, 84615, 60681};
    const int points[] = {13, 6, 12, 9, 6};
    for (int i = 0; i < kComponentCount; ++i) {
        CAPTURE(i);
        CHECK(r.components[static_cast<size_t>(i)].value_q == values[i]);
        CHECK(r.components[static_cast<size_t>(i)].points_q == points_q[i]);
        CHECK(r.components[static_cast<size_t>(i)].points == points[i]);
    }
    CHECK(r.exact_q == 468566);
    CHECK(format_fixed(r.exact_q, 4) == "46.8566");
    CHECK(r.score == 47);
}

TEST_CASE("worked example: the same numbers are printed in docs/SCORING.md") {
    std::FILE* f = std::fopen(CLOUT_SOURCE_DIR "/docs/SCORING.md", "rb");
    REQUIRE(f != nullptr);
    std::string doc;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) doc.append(buf, n);
    std::fclose(f);
    for (const char* s : {"0.500072", "0.321849", "0.364360", "0.846154", "0.606807", "12.5018", "6.4370", "12.3882",
                          "8.4615", "6.0681", "46.8566", "**47**"})
        CHECK_MESSAGE(doc.find(s) != std::string::npos, s);
}
