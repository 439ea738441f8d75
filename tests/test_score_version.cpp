// Scoring: the model version is derived from the constants table; the table printed in
// docs/SCORING.md is the code's table.
#include <doctest/doctest.h>

#include <cstdio>
#include <sstream>

#include "score_helpers.h"

using namespace clout;

TEST_CASE("model version = clout-score-2. + hash of the constants table") {
    const std::string table = constants_table();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%08llx", static_cast<unsigned long long>(hash64(table) >> 32));
    CHECK(model_version() == std::string("clout-score-2.") + buf);
    // changing any one constant changes the version
    std::istringstream lines(table);
    std::string line;
    while (std::getline(lines, line)) {
        std::string changed = table;
        const size_t at = changed.find(line);
        changed.replace(at, line.size(), line + "1");
        CHECK((hash64(changed) >> 32) != (hash64(table) >> 32));
    }
    // the report carries it
    const Report r = build_report(gen::make_activity(gen::Profile::Newcomer, score_test::opts(1)));
    CHECK(report_to_json(r).find("\"model\": \"" + model_version() + "\"") != std::string::npos);
}

TEST_CASE("docs/SCORING.md lists exactly the constants of the code") {
    std::FILE* f = std::fopen(CLOUT_SOURCE_DIR "/docs/SCORING.md", "rb");
    REQUIRE(f != nullptr);
    std::string doc;
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) doc.append(buf, n);
    std::fclose(f);
    // rows look like: | `name` | value | meaning |
    std::string from_doc;
    std::istringstream in(doc);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("| `", 0) != 0) continue;
        const size_t a = 3, b = line.find('`', a);
        const size_t c = line.find('|', b) + 1, d = line.find('|', c);
        std::string value = line.substr(c, d - c);
        value.erase(std::remove(value.begin(), value.end(), ' '), value.end());
        value.erase(std::remove(value.begin(), value.end(), ','), value.end());
        from_doc += line.substr(a, b - a) + "=" + value + "\n";
    }
    CHECK(from_doc == constants_table());
    CHECK(doc.find(model_version()) != std::string::npos);
}
