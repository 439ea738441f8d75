// Benchmark: how long the engine takes to answer inputs built to cost it time (the unit
// tests check what it answers, this measures how fast): a gzip bomb stopped at the entry
// limit, and a Mastodon tar.gz whose outbox sits behind 192 MB of media.
//   bench_hostile [TMPDIR]
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "importers/importer.h"
#include "mastodon_gen.h"
#include "util/error.h"

using namespace clout;

namespace {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// 300 MB of zeros as one gzip member.
void write_gzip_bomb(const std::string& path) {
    gzFile g = gzopen(path.c_str(), "wb1");
    const std::string zeros(1 << 20, '\0');
    for (int i = 0; i < 300; ++i) gzwrite(g, zeros.data(), static_cast<unsigned>(zeros.size()));
    gzclose(g);
}

}  // namespace

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(argc > 1 ? argv[1] : fs::temp_directory_path().string()) / "clout-bench-hostile";
    fs::create_directories(dir);

    const std::string bomb = (dir / "bomb.json.gz").string();
    write_gzip_bomb(bomb);
    {
        ImportContext ctx;
        ctx.limits.max_entry_bytes = 64ull << 20;
        Activity a;
        const auto t0 = std::chrono::steady_clock::now();
        std::string what = "accepted";
        try {
            import_path(bomb, a, ctx);
        } catch (const InputError& e) {
            what = e.what();
        }
        std::printf("gzip bomb (300 MB of zeros, --max-entry-mb 64): %.3f s, %s\n", seconds_since(t0), what.c_str());
    }

    gen::MastodonSpec sp;
    sp.originals = 300;
    sp.media_files = 64;
    sp.media_bytes = 3 << 20;
    const std::string masto = (dir / "archive-20220601000000-0123456789abcdef0123456789abcdef.tar.gz").string();
    gen::write_mastodon_archive(sp, masto, gen::ArchiveKind::TarGz);
    {
        ImportContext ctx;
        Activity a;
        const auto t0 = std::chrono::steady_clock::now();
        import_path(masto, a, ctx);
        std::printf("Mastodon tar.gz, outbox behind 192 MB of media: %.3f s, %zu posts\n", seconds_since(t0), a.posts.size());
    }
    fs::remove_all(dir);
    return 0;
}
