// Benchmark of the X archive reader: reading time must follow the tweets, not the media.
//
//   bench_x_archive [--quick] [--dir TMP]
//
// Generates archives (tools/gen/x_archive_gen) with 10k and 100k tweets and 0 or 300 MB
// of media (one large stored video plus 2 000 small media entries), then imports each in
// a fresh child process (so peak RSS is per run) three times and keeps the fastest run.
// Prints a table (time, peak RSS, MB/s of tweet JSON end to end) and, for 100k tweets,
// where the time goes: inflating the tweets files alone, and parsing a stored (not
// deflated) copy.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "importers/importer.h"
#include "io/container.h"
#include "x_archive_gen.h"

namespace {

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Peak resident set of this process image (VmHWM). Not getrusage's ru_maxrss: on Linux
// that survives fork + exec and would report the parent generator's memory.
long peak_rss_kb() {
    FILE* f = std::fopen("/proc/self/status", "r");
    long kb = -1;
    char line[256];
    while (f && std::fgets(line, sizeof line, f))
        if (std::strncmp(line, "VmHWM:", 6) == 0) kb = std::strtol(line + 6, nullptr, 10);
    if (f) std::fclose(f);
    return kb;
}

// CPU seconds (user + system) of this process: steadier than wall time on a busy machine.
double cpu_seconds() {
    struct rusage ru {};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Child: one measurement, printed as "seconds rss_kb posts".
int child(const std::string& mode, const std::string& path) {
    clout::ImportContext ctx;
    double t0 = now(), c0 = cpu_seconds();
    size_t posts = 0;
    if (mode == "import") {
        clout::Activity a;
        clout::import_path(path, a, ctx);
        a.normalize();
        posts = a.posts.size();
    } else {  // "inflate": read the tweets files and throw the bytes away
        auto c = clout::open_input(path, ctx);
        std::vector<char> buf(1 << 20);
        for (size_t i = 0; i < c->entries().size(); ++i) {
            std::string_view b = clout::base_name(c->entries()[i].path);
            if (b.rfind("tweets", 0) != 0 || b.size() < 3 || b.substr(b.size() - 3) != ".js") continue;
            auto s = c->open(i, ctx);
            while (s->read(buf.data(), buf.size()) > 0) ++posts;
        }
    }
    double t = now() - t0, c = cpu_seconds() - c0;
    std::printf("%.6f %.6f %ld %zu\n", t, c, peak_rss_kb(), posts);
    return 0;
}

struct Run {
    double seconds = 1e9;
    double cpu = 1e9;
    long rss_kb = 0;
    size_t posts = 0;
};

Run measure(const std::string& self, const std::string& mode, const std::string& path, int repeats) {
    Run best;
    for (int r = 0; r < repeats; ++r) {
        int fd[2];
        if (pipe(fd) != 0) std::exit(1);
        pid_t pid = fork();
        if (pid == 0) {
            dup2(fd[1], 1);
            close(fd[0]);
            execl(self.c_str(), self.c_str(), "--child", mode.c_str(), path.c_str(), static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fd[1]);
        char out[256] = {};
        ssize_t n = read(fd[0], out, sizeof out - 1);
        close(fd[0]);
        int st = 0;
        waitpid(pid, &st, 0);
        Run run;
        if (n <= 0 || std::sscanf(out, "%lf %lf %ld %zu", &run.seconds, &run.cpu, &run.rss_kb, &run.posts) != 4) {
            std::fprintf(stderr, "child failed for %s\n", path.c_str());
            std::exit(1);
        }
        if (run.cpu < best.cpu) best = run;
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 4 && std::strcmp(argv[1], "--child") == 0) return child(argv[2], argv[3]);
    bool quick = false;
    std::string dir = (std::filesystem::temp_directory_path() / "clout-bench-x").string();
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--quick")) quick = true;
        else if (!std::strcmp(argv[i], "--dir") && i + 1 < argc) dir = argv[++i];
    }
    std::filesystem::create_directories(dir);
    std::string self = std::filesystem::canonical("/proc/self/exe").string();
    const int repeats = quick ? 1 : 3;
    const int big = quick ? 20000 : 100000;
    const uint64_t media_mb = quick ? 60 : 300;

    std::printf("X archive reader benchmark (%s)\n\n", quick ? "quick" : "full");
    std::printf("(time = wall clock of the fastest of %d runs; cpu = its user+system CPU time; MB/s = tweet JSON / cpu)\n\n", repeats);
    std::printf("%8s %9s %9s %9s %9s %9s %10s %10s\n", "tweets", "media MB", "zip MB", "JSON MB", "time s", "cpu s", "peak RSS", "MB/s");
    struct Case { int tweets; uint64_t media; };
    std::vector<Case> cases = {{10000, 0}, {10000, media_mb}, {big, 0}, {big, media_mb}};
    std::string big_plain;
    clout::gen::XArchiveExpected big_e;
    for (const Case& cs : cases) {
        clout::gen::XArchiveOptions o;
        o.tweets = cs.tweets;
        o.parts = cs.tweets >= 50000 ? 2 : 1;
        o.likes = cs.tweets / 2;
        o.followers = cs.tweets / 4;
        o.following = 500;
        o.note_tweets = 20;
        if (cs.media) {
            o.media_bytes = cs.media << 20;
            o.media_files = 2000;
        }
        std::string path = dir + "/x-" + std::to_string(cs.tweets) + "-" + std::to_string(cs.media) + ".zip";
        clout::gen::XArchiveExpected e = clout::gen::write_x_archive(path, o);
        Run r = measure(self, "import", path, repeats);
        if (static_cast<int64_t>(r.posts) != e.records) {
            std::fprintf(stderr, "wrong post count: %zu instead of %lld\n", r.posts, static_cast<long long>(e.records));
            return 1;
        }
        double json_mb = static_cast<double>(e.tweet_json_bytes) / (1 << 20);
        std::printf("%8d %9llu %9.1f %9.1f %9.3f %9.3f %7.1f MB %10.0f\n", cs.tweets, static_cast<unsigned long long>(cs.media),
                    static_cast<double>(e.file_bytes) / (1 << 20), json_mb, r.seconds, r.cpu, r.rss_kb / 1024.0, json_mb / r.cpu);
        std::fflush(stdout);
        if (cs.tweets == big && cs.media == 0) {
            big_plain = path;
            big_e = e;
        }
        if (cs.media) std::filesystem::remove(path);
    }

    // Where the time goes for the big case.
    double json_mb = static_cast<double>(big_e.tweet_json_bytes) / (1 << 20);
    Run inflate = measure(self, "inflate", big_plain, repeats);
    clout::gen::XArchiveOptions o;
    o.tweets = big;
    o.parts = 2;
    o.likes = big / 2;
    o.followers = big / 4;
    o.following = 500;
    o.note_tweets = 20;
    o.stored = true;
    std::string stored = dir + "/x-stored.zip";
    clout::gen::write_x_archive(stored, o);
    Run parse = measure(self, "import", stored, repeats);
    Run raw = measure(self, "inflate", stored, repeats);
    std::printf("\n%d tweets, %.1f MB of tweet JSON:\n", big, json_mb);
    std::printf("  inflate + CRC of the tweets files only:     cpu %.3f s  (%.0f MB/s)\n", inflate.cpu, json_mb / inflate.cpu);
    std::printf("  import of a stored (not deflated) copy:     cpu %.3f s  (%.0f MB/s of tweet JSON: CRC + parse + model)\n",
                parse.cpu, json_mb / parse.cpu);
    std::printf("  reading the stored tweets files (CRC only): cpu %.3f s\n", raw.cpu);
    std::filesystem::remove(stored);
    std::filesystem::remove(big_plain);
    return 0;
}
