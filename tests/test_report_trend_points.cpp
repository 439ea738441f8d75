// Report: every trend day carries its component points (the web app's trend tooltip), they
// add up to that day's score - 1, the last day's equal the report's components, and the
// 30-day component changes are the difference of the two days the change compares.
#include <doctest/doctest.h>

#include "score_helpers.h"

using namespace clout;
using namespace score_test;

TEST_CASE("report: trend points per component add up to each day's score") {
    for (auto profile : {gen::Profile::Median, gen::Profile::Newcomer, gen::Profile::Professional}) {
        const Report r = build_report(gen::make_activity(profile, opts(3)));
        const auto j = nlohmann::json::parse(report_to_json(r));
        const auto& t = j["trend"];
        REQUIRE(t.size() == 365);
        for (const auto& d : t) {
            REQUIRE(d["points"].size() == 5);
            int sum = 0;
            for (const auto& p : d["points"]) sum += p.get<int>();
            CHECK(sum == d["score"].get<int>() - 1);
        }
        for (size_t i = 0; i < 5; ++i) {
            CHECK(t.back()["points"][i].get<int>() == j["components"][i]["points"].get<int>());
            const std::string id = j["components"][i]["id"];
            CHECK(j["change"]["components_d30"][id].get<int>() ==
                  t.back()["points"][i].get<int>() - t[t.size() - 31]["points"][i].get<int>());
        }
    }
}
