// The activity heatmap in the person's time zone: the zone is data (ReportOptions::zone);
// TZif files of the system's zoneinfo are read by parse_tzif (with the POSIX rule of their
// footer for later years); the page's text form by parse_zone_text. The window stays UTC days.
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "score_helpers.h"
#include "util/tz.h"

using namespace clout;
using namespace score_test;

namespace {

int64_t utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0, int s = 0) {
    return days_from_civil(y, m, d) * kSecondsPerDay + h * 3600 + mi * 60 + s;
}

// The bytes of a system zone file, or "" (with a message) when tzdata is not installed.
std::string zone_file(const std::string& name) {
    std::ifstream in("/usr/share/zoneinfo/" + name, std::ios::binary);
    if (!in) {
        const std::string why = "/usr/share/zoneinfo/" + name + " not found: install the tzdata package (scripts/bootstrap.sh); skipped";
        MESSAGE(why);
        return {};
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

Activity posts_at(const std::vector<int64_t>& times, int64_t export_day) {
    Activity a;
    Account acc;
    acc.network = Network::Mastodon;
    acc.handle = "tz@example.social";
    acc.format = "mastodon-archive";
    acc.export_time = export_day * kSecondsPerDay;
    const uint32_t ai = a.add_account(acc);
    uint64_t id = 1;
    for (int64_t t : times) {
        Post p;
        p.account = ai;
        p.id = id++;
        p.time = t;
        a.add_post(p, "a post");
    }
    a.normalize();
    return a;
}

int weekday(int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }  // Monday = 0

}  // namespace

TEST_CASE("tz: fixed offsets") {
    int32_t s = 0;
    CHECK((parse_fixed_offset("+05:30", s) && s == 19800));
    CHECK((parse_fixed_offset("-0800", s) && s == -28800));
    CHECK((parse_fixed_offset("+5", s) && s == 18000));
    CHECK((parse_fixed_offset("UTC-03:00", s) && s == -10800));
    CHECK((parse_fixed_offset("Z", s) && s == 0));
    CHECK(!parse_fixed_offset("+25:00", s));
    CHECK(!parse_fixed_offset("+05:3", s));
    CHECK(!parse_fixed_offset("Europe/Berlin", s));
    CHECK(!parse_fixed_offset("", s));
    CHECK(format_utc_offset(19800) == "UTC+05:30");
    CHECK(format_utc_offset(-18000) == "UTC-05:00");
    CHECK(format_utc_offset(0) == "UTC");
    CHECK(parse_zone_text("Etc/UTC\n-9223372036854775808 0 UTC\n").display_name() == "UTC");
    CHECK(fixed_zone("UTC+05:30", 19800).display_name() == "UTC+05:30");
}

TEST_CASE("tz: a real TZif file, Europe/Berlin") {
    const std::string bytes = zone_file("Europe/Berlin");
    if (bytes.empty()) return;
    const TimeZone z = parse_tzif(bytes, "Europe/Berlin");
    CHECK(z.name == "Europe/Berlin");
    // 2024: CEST from 31 March 01:00 UTC to 27 October 01:00 UTC
    CHECK(z.offset_at(utc(2024, 3, 31, 0, 59, 59)) == 3600);
    CHECK(z.at(utc(2024, 3, 31, 0, 59, 59))->abbr == "CET");
    CHECK(z.offset_at(utc(2024, 3, 31, 1)) == 7200);
    CHECK(z.at(utc(2024, 3, 31, 1))->abbr == "CEST");
    CHECK(z.offset_at(utc(2024, 10, 27, 0, 59, 59)) == 7200);
    CHECK(z.offset_at(utc(2024, 10, 27, 1)) == 3600);
    // beyond the file's explicit transitions: its footer rule "CET-1CEST,M3.5.0,M10.5.0/3"
    CHECK(z.offset_at(utc(2090, 7, 1)) == 7200);
    CHECK(z.offset_at(utc(2090, 12, 1)) == 3600);
    CHECK(z.offset_at(utc(2090, 3, 26, 1)) == 7200);  // last Sunday of March 2090 is the 26th
    CHECK(z.offset_at(utc(2090, 3, 26, 0, 59)) == 3600);
    // before the first transition: local mean time
    CHECK(z.offset_at(utc(1850, 1, 1)) == 3208);
    CHECK(zone_abbreviations(z, utc(2024, 1, 5), utc(2024, 4, 5)) == std::vector<std::string>{"CET", "CEST"});
    CHECK(zone_abbreviations(z, utc(2024, 6, 1), utc(2024, 8, 1)) == std::vector<std::string>{"CEST"});
}

TEST_CASE("tz: a real TZif file, America/New_York, and its rule matches its own transitions") {
    const std::string bytes = zone_file("America/New_York");
    if (bytes.empty()) return;
    const TimeZone z = parse_tzif(bytes, "America/New_York");
    CHECK(z.offset_at(utc(2024, 3, 10, 6, 59, 59)) == -18000);
    CHECK(z.at(utc(2024, 3, 10, 6, 59, 59))->abbr == "EST");
    CHECK(z.offset_at(utc(2024, 3, 10, 7)) == -14400);
    CHECK(z.at(utc(2024, 3, 10, 7))->abbr == "EDT");
    CHECK(z.offset_at(utc(2024, 11, 3, 5, 59, 59)) == -14400);
    CHECK(z.offset_at(utc(2024, 11, 3, 6)) == -18000);
    // the POSIX rule expanded by us gives the same instants as the zone's own data, 2008-2030
    std::vector<TzTransition> rule;
    REQUIRE(expand_posix_tz("EST5EDT,M3.2.0,M11.1.0", 2008, 2030, rule));
    REQUIRE(rule.size() == 46);
    for (const auto& x : rule) {
        CAPTURE(x.from);
        CHECK(z.offset_at(x.from) == x.offset);
        CHECK(z.offset_at(x.from - 1) != x.offset);
    }
}

TEST_CASE("tz: bad TZif bytes are refused with a clear error") {
    CHECK_THROWS_WITH_AS(parse_tzif("", "X"), doctest::Contains("not a valid TZif"), InputError);
    CHECK_THROWS_WITH_AS(parse_tzif(std::string(60, 'x'), "X"), doctest::Contains("no TZif header"), InputError);
    const std::string bytes = zone_file("Europe/Berlin");
    if (bytes.empty()) return;
    for (size_t cut : {size_t{44}, size_t{100}, bytes.size() / 2, bytes.size() - 10}) {
        CAPTURE(cut);
        CHECK_THROWS_AS(parse_tzif(bytes.substr(0, cut), "X"), InputError);
    }
}

TEST_CASE("tz: the page's text form") {
    const TimeZone z = parse_zone_text("Europe/Berlin\n-9223372036854775808 3600 CET\n1711846800 7200 CEST\n1729990800 3600 CET\n");
    CHECK(z.name == "Europe/Berlin");
    REQUIRE(z.transitions.size() == 3);
    CHECK(z.offset_at(utc(2024, 3, 31, 1)) == 7200);
    CHECK(z.offset_at(utc(2024, 12, 1)) == 3600);
    CHECK(parse_zone_text("UTC").is_utc());
    CHECK_THROWS_AS(parse_zone_text(""), InputError);
    CHECK_THROWS_AS(parse_zone_text("X\n10 3600\n5 0\n"), InputError);
    CHECK_THROWS_AS(parse_zone_text("X\nten 3600\n"), InputError);
}

TEST_CASE("tz: the heatmap shifts by the zone's offset across a DST change; the window stays UTC") {
    // posts every 5 hours over the 91-day window ending 2024-04-03 (Berlin: CET, then CEST from 31 March)
    const int64_t D = days_from_civil(2024, 4, 3);
    std::vector<int64_t> times;
    for (int64_t t = (D - 90) * kSecondsPerDay; t < (D + 1) * kSecondsPerDay; t += 5 * 3600 + 17) times.push_back(t);
    const Activity a = posts_at(times, D);
    ReportOptions utc_opt;
    utc_opt.as_of_day = D;
    const Report r0 = build_report(a, utc_opt);
    ReportOptions opt = utc_opt;
    opt.zone.name = "Europe/Berlin";
    opt.zone.transitions = {{INT64_MIN, 3600, "CET"}, {utc(2024, 3, 31, 1), 7200, "CEST"}, {utc(2024, 10, 27, 1), 3600, "CET"}};
    const Report r = build_report(a, opt);
    std::array<std::array<int64_t, 24>, 7> want{};
    int64_t total = 0;
    for (int64_t t : times) {
        const int64_t local = t + (t < utc(2024, 3, 31, 1) ? 3600 : 7200);
        const int64_t d = day_of(local);
        ++want[static_cast<size_t>(weekday(d))][static_cast<size_t>((local - d * kSecondsPerDay) / 3600)];
        ++total;
    }
    CHECK(r.heatmap == want);
    CHECK(r.heatmap != r0.heatmap);
    // same posts: the window is the same UTC days, and the score does not move
    int64_t cells = 0;
    for (const auto& row : r.heatmap)
        for (int64_t c : row) cells += c;
    CHECK(cells == total);
    CHECK(r.result.exact_q == r0.result.exact_q);
    CHECK(r.heatmap_zone == "Europe/Berlin");
    CHECK(r.heatmap_abbreviations == std::vector<std::string>{"CET", "CEST"});
    CHECK(r.heatmap_label == "Times in Europe/Berlin (CET/CEST)");
    CHECK(r0.heatmap_label == "Times in UTC");
    // the DST week: Saturday 30 March 12:xx UTC is 13:xx local, Sunday 31 March 12:xx UTC is 14:xx local
    const Activity b = posts_at({utc(2024, 3, 30, 12, 30), utc(2024, 3, 31, 12, 30), utc(2024, 3, 31, 23, 30)}, D);
    const Report rb = build_report(b, opt);
    CHECK(rb.heatmap[5][13] == 1);
    CHECK(rb.heatmap[6][14] == 1);
    CHECK(rb.heatmap[0][1] == 1);  // Sunday 23:30 UTC is Monday 01:30 CEST
    const auto j = nlohmann::ordered_json::parse(report_to_json(rb));
    CHECK(j["activity_heatmap"]["timezone"] == "Europe/Berlin");
    CHECK(j["activity_heatmap"]["label"] == "Times in Europe/Berlin (CET/CEST)");
    CHECK(j["activity_heatmap"]["counts"][6][14] == 1);
}

TEST_CASE("tz: a fixed offset zone from the generator's account") {
    const Activity a = gen::make_activity(gen::Profile::Median, opts(5));
    const Report r0 = build_report(a);
    ReportOptions opt;
    opt.zone = fixed_zone("UTC-05:00", -5 * 3600);
    const Report r = build_report(a, opt);
    // local hour h of weekday d is UTC hour h + 5 (the next day after 19:00)
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h) {
            const int uh = h + 5, ud = uh >= 24 ? (d + 1) % 7 : d;
            CHECK(r.heatmap[static_cast<size_t>(d)][static_cast<size_t>(h)] == r0.heatmap[static_cast<size_t>(ud)][static_cast<size_t>(uh % 24)]);
        }
    CHECK(r.heatmap_label == "Times in UTC-05:00");
}
