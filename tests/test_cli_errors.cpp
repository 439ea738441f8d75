// The real `clout` binary on broken and hostile inputs: each run ends with exit status 2
// and exactly one stderr line `error: FILE: what is wrong`, within 1 GB of memory (peak
// resident size of the child, from wait4's rusage). Also the limit
// options (--max-entry-mb, --max-total-mb, --max-file-mb, --max-field-mb, --max-posts,
// --max-depth). The binary is the `clout` next to this test executable.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <string>
#include <vector>

#include "export_gen.h"
#include "need.h"
#include "social_test_util.h"
#include "x_archive_gen.h"
#include "zip_writer.h"

using namespace social_test;

namespace {

// 1 GB; sanitizer builds (shadow memory) get 3 GB.
#if defined(__SANITIZE_ADDRESS__)
constexpr long kMaxRssKb = 3L << 20;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr long kMaxRssKb = 3L << 20;
#else
constexpr long kMaxRssKb = 1L << 20;
#endif
#else
constexpr long kMaxRssKb = 1L << 20;
#endif

std::string clout_binary() {
    std::string self = fs::read_symlink("/proc/self/exe").string();
    return (fs::path(self).parent_path() / "clout").string();
}

struct Run {
    int status = -1;
    std::string out, err;
    long max_rss_kb = 0;
};

Run run_clout(const std::vector<std::string>& args, const TempDir& d) {
    Run r;
    std::string out = d / "stdout.txt", err = d / "stderr.txt";
    pid_t pid = fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        int fo = ::open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(fo, 1);
        ::dup2(fe, 2);
        std::string bin = clout_binary();
        std::vector<char*> argv;
        argv.push_back(bin.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(bin.c_str(), argv.data());
        _exit(127);
    }
    int st = 0;
    struct rusage ru {};
    REQUIRE(wait4(pid, &st, 0, &ru) == pid);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
    r.max_rss_kb = ru.ru_maxrss;
    r.out = read_file(out);
    r.err = read_file(err);
    return r;
}

// Exit 2, one line "error: FILE: ...", fast and small.
void check_refused(const Run& r, const std::string& file, const std::string& needle = {}) {
    CAPTURE(r.err);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    REQUIRE(!r.err.empty());
    CHECK(r.err.back() == '\n');
    CHECK(r.err.find('\n') == r.err.size() - 1);
    CHECK(r.err.rfind("error: " + file + ": ", 0) == 0);
    if (!needle.empty()) CHECK(r.err.find(needle) != std::string::npos);
    CHECK(r.max_rss_kb < kMaxRssKb);
}

}  // namespace

TEST_CASE("cli errors: bad inputs give exit 2 and one line on stderr, within 1 GB") {
    CLOUT_NEED(fs::exists(clout_binary()), "the clout binary next to the tests");
    TempDir d("cli-errors");
    write_file(d / "empty.zip", "");
    std::string rnd(200000, '\0');
    uint64_t x = 88172645463325252ull;
    for (auto& c : rnd) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        c = static_cast<char>(x);
    }
    write_file(d / "random.bin", rnd);
    write_file(d / "photo.png", std::string("\x89PNG\r\n\x1a\n", 8) + rnd.substr(0, 5000));
    clout::gen::XArchiveOptions xo;
    xo.tweets = 30;
    clout::gen::write_x_archive(d / "x.zip", xo);
    std::string zip = read_file(d / "x.zip");
    write_file(d / "cut.zip", zip.substr(0, zip.size() / 2));
    write_file(d / "deep/data/tweets.js", "window.YTD.tweets.part0 = [" + std::string(200000, '[') + std::string(200000, ']') + "]");
    write_file(d / "bad.car", std::string(40, '\xff'));

    check_refused(run_clout({"score", d / "empty.zip"}, d), d / "empty.zip", "the file is empty");
    check_refused(run_clout({"score", d / "random.bin"}, d), d / "random.bin", "not a recognised export");
    check_refused(run_clout({"score", d / "photo.png"}, d), d / "photo.png", "not a recognised export");
    check_refused(run_clout({"score", d / "cut.zip"}, d), d / "cut.zip", "zip");
    check_refused(run_clout({"score", d / "deep"}, d), d / "deep");
    check_refused(run_clout({"score", d / "bad.car"}, d), d / "bad.car");
    check_refused(run_clout({"score", d / "missing.zip"}, d), d / "missing.zip", "no such file");

    // The sound archive scores.
    Run ok = run_clout({"score", d / "x.zip", "--json"}, d);
    CHECK(ok.status == 0);
    CHECK(ok.err.empty());
    CHECK(ok.out.find("\"schema\"") != std::string::npos);
    CHECK(ok.max_rss_kb < kMaxRssKb);
}

TEST_CASE("cli errors: the limit options") {
    CLOUT_NEED(fs::exists(clout_binary()), "the clout binary next to the tests");
    TempDir d("cli-limits");
    clout::gen::XArchiveOptions xo;
    xo.tweets = 30;
    clout::gen::write_x_archive(d / "x.zip", xo);
    check_refused(run_clout({"score", d / "x.zip", "--max-posts", "5"}, d), d / "x.zip", "--max-posts");
    CHECK(run_clout({"score", d / "x.zip", "--max-posts", "100"}, d).status == 0);

    // A zip bomb: 200 MB of spaces inside data/tweets.js.
    {
        clout::gen::ZipWriter w(d / "bomb.zip");
        w.begin("data/tweets.js");
        w.write("window.YTD.tweets.part0 = [");
        std::string spaces(1 << 20, ' ');
        for (int i = 0; i < 200; ++i) w.write(spaces);
        w.write("]");
        w.end();
        w.finish();
    }
    Run b = run_clout({"score", d / "bomb.zip", "--max-entry-mb", "16"}, d);
    // The only tweets file is the bomb: refused naming the limit.
    check_refused(b, d / "bomb.zip", "--max-entry-mb");
    check_refused(run_clout({"score", d / "bomb.zip", "--max-total-mb", "8"}, d), d / "bomb.zip", "--max-total-mb");

    // A CSV field of 12 MB against --max-field-mb 4.
    write_file(d / "li/Shares.csv", "Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n2024-01-02 10:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A1,\"" +
                                        std::string(12u << 20, 'a') + "\",,,MEMBER_NETWORK\n");
    check_refused(run_clout({"score", d / "li", "--max-field-mb", "4"}, d), d / "li");
    CHECK(run_clout({"score", d / "li"}, d).status == 0);

    // A TikTok file of 3 MB against --max-file-mb 1, and nesting against --max-depth.
    write_file(d / "tt/user_data_tiktok.json", R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u"}}},"Video":{"Videos":{"VideoList":[]}},"Pad":")" +
                                                   std::string(3u << 20, 'p') + "\"}");
    check_refused(run_clout({"score", d / "tt", "--max-file-mb", "1"}, d), d / "tt");
    write_file(d / "tt2/user_data_tiktok.json", R"({"Profile":{"Profile Info":{"ProfileMap":{"userName":"u"}}},"Video":)" +
                                                    std::string(40, '[') + std::string(40, ']') + "}");
    check_refused(run_clout({"score", d / "tt2", "--max-depth", "16"}, d), d / "tt2", "--max-depth");

    // Bad option values: usage errors, exit 2.
    for (const char* bad : {"0", "-3", "abc", "99999999999999999999"}) {
        CAPTURE(bad);
        Run r = run_clout({"score", d / "x.zip", "--max-entry-mb", bad}, d);
        CHECK(r.status == 2);
        CHECK(r.err.rfind("error: --max-entry-mb", 0) == 0);
    }
    CHECK(run_clout({"score", d / "x.zip", "--max-depth", "5000"}, d).status == 2);
    CHECK(run_clout({"score", d / "x.zip", "--max-posts"}, d).status == 2);
    CHECK(run_clout({"score", d / "x.zip", "--max-bogus", "3"}, d).status == 2);
}

TEST_CASE("cli errors: several files at once: a media-only X part is noted, an unreadable file stops the run unless --skip-unreadable") {
    CLOUT_NEED(fs::exists(clout_binary()), "the clout binary next to the tests");
    TempDir d("cli-several");
    clout::gen::XArchiveOptions xo;
    xo.tweets = 200;
    xo.media_files = 10;
    const std::string first = d / "twitter-2024-06-01-abc.zip", second = d / "twitter-2024-06-01-abc-part2.zip";
    clout::gen::write_x_archive(first, xo);
    xo.media_only_part = true;
    xo.media_files = 120;
    clout::gen::write_x_archive(second, xo);
    const std::string txt = d / "notes.txt";
    write_file(txt, "my notes about the export\n");
    const std::string kNote = "media-only part of an X archive: nothing to score in it, its media are not read";

    Run alone = run_clout({"score", first, "--json"}, d);
    REQUIRE(alone.status == 0);

    // The archive and its media-only part: the same report as the archive alone, one note line.
    Run both = run_clout({"score", first, second, "--json"}, d);
    CAPTURE(both.err);
    CHECK(both.status == 0);
    CHECK(both.out == alone.out);
    CHECK(both.err == "note: not scored: " + second + ": " + kNote + "\n");

    // With an unrelated file too: exit 2 naming it, unless asked to skip.
    Run stop = run_clout({"score", first, second, txt}, d);
    CAPTURE(stop.err);
    CHECK(stop.status == 2);
    CHECK(stop.out.empty());
    CHECK(stop.err.find("error: " + txt + ": not a recognised export") != std::string::npos);
    CHECK(stop.err.find("--skip-unreadable") != std::string::npos);

    Run skip = run_clout({"score", txt, first, second, "--json", "--skip-unreadable"}, d);
    CAPTURE(skip.err);
    CHECK(skip.status == 0);
    CHECK(skip.out == alone.out);
    CHECK(skip.err.find("warning: skipped " + txt + ": not a recognised export") != std::string::npos);
    CHECK(skip.err.find("note: not scored: " + second + ": " + kNote) != std::string::npos);
    CHECK(std::count(skip.err.begin(), skip.err.end(), '\n') == 2);  // a line per file left out

    // Nothing scorable: exit 2 whatever the option.
    Run none = run_clout({"score", txt, second, "--skip-unreadable"}, d);
    CHECK(none.status == 2);
    CHECK(none.out.empty());
    CHECK(none.err.find("error: none of the 2 files could be scored") != std::string::npos);
    check_refused(run_clout({"score", second}, d), second, kNote);

    // --help documents the option.
    Run help = run_clout({"--help"}, d);
    CHECK(help.out.find("--skip-unreadable") != std::string::npos);
}

TEST_CASE("cli errors: rank's arguments") {
    CLOUT_NEED(fs::exists(clout_binary()), "the clout binary next to the tests");
    TempDir d("cli-rank");
    write_file(d / "roster.csv", "handle,followers,posts\n@a,100,5\n@b,2000,40\n@c,30,1\n");
    auto usage = [&](const std::vector<std::string>& args, const std::string& line) {
        CAPTURE(line);
        Run r = run_clout(args, d);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == "error: " + line + "\n");
    };
    usage({"rank"}, "rank needs a roster CSV (see docs/RANKING.md)");
    usage({"rank", d / "roster.csv", "--top"}, "--top needs a number");
    usage({"rank", d / "roster.csv", "--top", "zero"}, "--top needs a positive number, not 'zero'");
    usage({"rank", d / "roster.csv", "--top", "0"}, "--top needs a positive number, not '0'");
    usage({"rank", d / "roster.csv", "--bogus"}, "unknown option '--bogus' for rank");
    usage({"rank", d / "roster.csv", d / "roster.csv"}, "rank takes one roster CSV");
    check_refused(run_clout({"rank", d / "missing.csv"}, d), d / "missing.csv", "cannot open");

    Run top = run_clout({"rank", d / "roster.csv", "--csv", "--top", "2"}, d);
    CHECK(top.status == 0);
    CHECK(top.err.empty());
    CHECK(std::count(top.out.begin(), top.out.end(), '\n') == 3);  // the header and 2 rows
    Run json = run_clout({"rank", "--json", d / "roster.csv"}, d);
    CHECK(json.status == 0);
    CHECK(json.out.find("\"schema\": \"clout.rank.v1\"") != std::string::npos);
}

TEST_CASE("cli errors: a typed mean per post takes up to two decimals, and anything else is refused in one line") {
    CLOUT_NEED(fs::exists(clout_binary()), "the clout binary next to the tests");
    TempDir d("cli-typed-means");
    clout::gen::ActivityExportOptions o;
    o.profile = clout::gen::Profile::Newcomer;
    const std::string file = d / clout::gen::mastodon_archive_name(20000LL * 86400 + 43200);
    clout::gen::write_activity_mastodon_archive(o, file);
    Run ok = run_clout({"score", file, "--json", "--reshares-per-post", "0.4", "--reactions-per-post", "2.50"}, d);
    CHECK(ok.status == 0);
    CHECK(ok.out.find("\"reshares_per_post\": 0.4") != std::string::npos);
    CHECK(ok.out.find("\"reactions_per_post\": 2.5") != std::string::npos);
    for (const char* bad : {"0.123", "1.", ".5", "-1", "abc", "1e3", "0,4"}) {
        CAPTURE(bad);
        Run r = run_clout({"score", file, "--reshares-per-post", bad}, d);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err.rfind(std::string("error: --reshares-per-post: '") + bad + "' is not a number per post", 0) == 0);
    }
}
