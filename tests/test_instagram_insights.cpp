// Instagram's insights (logged_information/past_instagram_insights/), made by tools/gen:
// the figures and the date range read into Account::insights, the year taken from the
// export's date, a readable note; broken insights give a warning naming the file.
#include <doctest/doctest.h>

#include "social_gen.h"
#include "social_test_util.h"
#include "util/time.h"

using namespace clout;
using namespace social_test;

namespace {
int64_t day(int y, unsigned m, unsigned d) { return days_from_civil(y, m, d); }

Activity read_with_insights(const std::string& zip_name, const gen::InstagramInsightsOptions& io,
                            bool with_followers = true, bool only_insights = false) {
    gen::InstagramOptions o;
    o.layout_2026 = true;
    if (!with_followers) o.followers = 0;
    gen::Expected ig, th;
    gen::GenExport files = only_insights ? gen::GenExport() : gen::gen_instagram(o, ig, th);
    if (!with_followers) {
        gen::GenExport kept;
        for (auto& f : files)
            if (f.path.find("followers_") == std::string::npos) kept.push_back(std::move(f));
        files = std::move(kept);
    }
    gen::add_instagram_insights(files, io);
    TempDir d("ig-insights");
    gen::write_export_zip(files, d / zip_name);
    return import_paths({d / zip_name});
}
std::string note_with(const Account& a, const std::string& start) {
    for (const auto& n : a.notes)
        if (n.rfind(start, 0) == 0) return n;
    return {};
}
}  // namespace

TEST_CASE("instagram insights: every figure and the range, the year from the export's date") {
    gen::InstagramInsightsOptions io;   // "Feb 6 - May 6", "1,234" ...
    Activity a = read_with_insights("instagram-ana.sousa-2026-05-07-AbCd.zip", io);
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    const Insights& in = acc->insights;
    REQUIRE(in.present());
    CHECK(in.from_day == day(2026, 2, 6));
    CHECK(in.to_day == day(2026, 5, 6));
    CHECK(in.post_interactions == 1234);
    CHECK(in.content_interactions == 1502);
    CHECK(in.accounts_engaged == 311);
    CHECK(in.accounts_reached == 12840);
    CHECK(in.impressions == 48213);
    CHECK(in.followers == 2017);   // the audience file's count, not the reach file's "45.2%"
    // The follower list stays the follower count.
    CHECK(acc->followers == 150);
    CHECK(note_with(*acc, "insights for ") ==
          "insights for Feb 6 \xE2\x80\x93 May 6 2026 read: 1,234 post interactions, 1,502 content interactions, "
          "311 accounts engaged, 12,840 accounts reached, 48,213 impressions, 2,017 followers "
          "(Instagram's own figures for that range; the year comes from the export's date)");
    CHECK(a.warnings.empty());
    // Threads has no insights of its own.
    CHECK_FALSE(account_of(a, Network::Threads)->insights.present());
}

TEST_CASE("instagram insights: the year of a range without one") {
    struct Case {
        const char* range;
        const char* zip;
        int64_t from, to;
    };
    for (const Case& k : {
             // Ends on the export day: that year.
             Case{"Feb 6 - May 7", "instagram-ana.sousa-2026-05-07-x.zip", day(2026, 2, 6), day(2026, 5, 7)},
             // Ends after the export's day in its year: the year before.
             Case{"Sep 1 - Nov 29", "instagram-ana.sousa-2026-05-07-x.zip", day(2025, 9, 1), day(2025, 11, 29)},
             // Crosses New Year: starts in the year before its end.
             Case{"Nov 20 - Feb 17", "instagram-ana.sousa-2026-02-18-x.zip", day(2025, 11, 20), day(2026, 2, 17)},
             // Day first, en dash, full month names.
             Case{"6 February \xE2\x80\x93 6 May", "instagram-ana.sousa-2026-05-07-x.zip", day(2026, 2, 6), day(2026, 5, 6)},
             // A year written out is taken as written.
             Case{"Dec 1, 2024 - Feb 28, 2025", "instagram-ana.sousa-2026-05-07-x.zip", day(2024, 12, 1), day(2025, 2, 28)},
         }) {
        CAPTURE(k.range);
        gen::InstagramInsightsOptions io;
        io.range = k.range;
        Activity a = read_with_insights(k.zip, io);
        const Account* acc = account_of(a, Network::Instagram);
        REQUIRE(acc);
        CHECK(acc->insights.from_day == k.from);
        CHECK(acc->insights.to_day == k.to);
    }
    // The note names both years when the range crosses New Year.
    gen::InstagramInsightsOptions io;
    io.range = "Nov 20 - Feb 17";
    Activity a = read_with_insights("instagram-ana.sousa-2026-02-18-x.zip", io);
    CHECK(note_with(*account_of(a, Network::Instagram), "insights for ").rfind("insights for Nov 20 2025 \xE2\x80\x93 Feb 17 2026 read: ", 0) == 0);
}

TEST_CASE("instagram insights: figures as Meta writes them") {
    gen::InstagramInsightsOptions io;
    io.post_interactions = "987";
    io.accounts_reached = "1.204.311";   // a dot as the thousands separator
    io.impressions = "2\xC2\xA0" "345";  // a no-break space
    io.followers = "";                   // not given
    io.content_interactions = "";
    Activity a = read_with_insights("instagram-ana.sousa-2026-05-07-AbCd.zip", io);
    const Insights& in = account_of(a, Network::Instagram)->insights;
    CHECK(in.post_interactions == 987);
    CHECK(in.accounts_reached == 1204311);
    CHECK(in.impressions == 2345);
    CHECK(in.followers == -1);
    CHECK(in.content_interactions == -1);
    CHECK(in.accounts_engaged == 311);
}

TEST_CASE("instagram insights: no follower list, insights' Followers stored but not the follower count") {
    gen::InstagramInsightsOptions io;
    Activity a = read_with_insights("instagram-ana.sousa-2026-05-07-AbCd.zip", io, false);
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    CHECK(acc->insights.followers == 2017);
    CHECK(acc->followers == -1);
    CHECK_FALSE(acc->signals.followers);
}

TEST_CASE("instagram insights: an export holding only insights") {
    gen::InstagramInsightsOptions io;
    Activity a = read_with_insights("instagram-ana.sousa-2026-05-07-AbCd.zip", io, true, true);
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    CHECK(acc->insights.accounts_reached == 12840);
    CHECK(acc->handle == "ana.sousa");
    CHECK(count_posts(a, Network::Instagram).posts == 0);
}

TEST_CASE("instagram insights: broken figures or range give a warning naming the file, never a crash") {
    {
        gen::InstagramInsightsOptions io;
        io.broken = true;   // every figure "n/a"
        Activity a = read_with_insights("instagram-ana.sousa-2026-05-07-AbCd.zip", io);
        const Account* acc = account_of(a, Network::Instagram);
        REQUIRE(acc);
        CHECK_FALSE(acc->insights.present());
        CHECK(count_posts(a, Network::Instagram).originals > 0);   // the rest is read
        long named = 0;
        for (const auto& w : a.warnings)
            if (w.find("past_instagram_insights/") != std::string::npos && w.find("not a number") != std::string::npos) ++named;
        CHECK(named == 3);
    }
    {
        gen::InstagramInsightsOptions io;
        io.range = "last quarter";
        Activity a = read_with_insights("instagram-ana.sousa-2026-05-07-AbCd.zip", io);
        CHECK_FALSE(account_of(a, Network::Instagram)->insights.present());
        long named = 0;
        for (const auto& w : a.warnings)
            if (w.find("profiles_reached.json: Instagram insights without a readable date range (\"last quarter\")") != std::string::npos)
                ++named;
        CHECK(named == 1);
    }
    {
        // Not the expected shapes at all: no crash, a warning.
        TempDir d("ig-insights-bad");
        write_file(d / "logged_information/past_instagram_insights/profiles_reached.json",
                   "{\"organic_insights_reach\": [{\"string_map_data\": [1, 2]}, 7, {\"string_map_data\": "
                   "{\"Date range\": {\"value\": 12}, \"Impressions\": {\"value\": {\"x\": 1}}}}]}");
        Activity a = import_paths({d.str()});
        const Account* acc = account_of(a, Network::Instagram);
        REQUIRE(acc);
        CHECK_FALSE(acc->insights.present());
        REQUIRE(a.warnings.size() == 1);
        CHECK(a.warnings[0].find("profiles_reached.json: Instagram insights without a readable date range") != std::string::npos);
    }
}

TEST_CASE("instagram insights: the same export twice keeps them; merged accounts keep the latest range") {
    gen::InstagramInsightsOptions io;
    gen::InstagramOptions o;
    gen::Expected ig, th;
    auto files = gen::gen_instagram(o, ig, th);
    gen::add_instagram_insights(files, io);
    TempDir d("ig-insights-twice");
    gen::write_export_zip(files, d / "instagram-ana.sousa-2026-05-07-AbCd.zip");
    auto later = files;
    gen::InstagramInsightsOptions io2;
    io2.range = "May 7 - Aug 5";
    io2.accounts_reached = "20,000";
    gen::GenExport only;
    gen::add_instagram_insights(only, io2);
    for (auto& f : later)
        for (auto& g : only)
            if (f.path == g.path) f.bytes = g.bytes;
    gen::write_export_zip(later, d / "instagram-ana.sousa-2026-08-06-EfGh.zip");
    Activity a = import_paths({d / "instagram-ana.sousa-2026-05-07-AbCd.zip", d / "instagram-ana.sousa-2026-08-06-EfGh.zip"});
    REQUIRE(accounts_of(a, Network::Instagram) == 1);
    const Insights& in = account_of(a, Network::Instagram)->insights;
    CHECK(in.from_day == day(2026, 5, 7));
    CHECK(in.to_day == day(2026, 8, 5));
    CHECK(in.accounts_reached == 20000);
}

TEST_CASE("instagram insights: Portuguese labels, written the Meta way") {
    TempDir d("ig-insights-pt");
    // "Contas alcançadas" and "Impressões" with each UTF-8 byte its own \u00XX escape.
    write_file(d / "instagram-ana.sousa-2026-05-07-AbCd/logged_information/past_instagram_insights/profiles_reached.json",
               "{\"organic_insights_reach\": [{\"string_map_data\": {"
               "\"Intervalo de datas\": {\"value\": \"Feb 6 - May 6\", \"timestamp\": 0},"
               "\"Contas alcan\\u00c3\\u00a7adas\": {\"value\": \"3.210\", \"timestamp\": 0},"
               "\"Impress\\u00c3\\u00b5es\": {\"value\": \"9.876\", \"timestamp\": 0}}}]}");
    Activity a = import_paths({d / "instagram-ana.sousa-2026-05-07-AbCd"});
    const Account* acc = account_of(a, Network::Instagram);
    REQUIRE(acc);
    CHECK(acc->insights.from_day == day(2026, 2, 6));
    CHECK(acc->insights.accounts_reached == 3210);
    CHECK(acc->insights.impressions == 9876);
    CHECK(a.warnings.empty());
}
