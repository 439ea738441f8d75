// Mastodon seeds for fuzz_seeds (a file of its own: see make_seeds.cpp).
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mastodon_gen.h"

namespace fs = std::filesystem;
using Files = std::vector<std::pair<std::string, std::string>>;

static std::string slurp(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

void write_mastodon_seeds(const fs::path& tmp, Files& folder, std::string& tar_gz, std::string& tar) {
    using namespace clout::gen;
    MastodonSpec s;
    s.seed = 80;
    s.originals = 6, s.unlisted = 1, s.followers_only = 1, s.polls = 1, s.self_replies = 2, s.other_replies = 2;
    s.boosts = 2, s.boosts_of_objects = 1, s.direct_messages = 1, s.likes_given = 3, s.following = 3;
    s.media_files = 1;
    s.media_bytes = 64;
    std::vector<clout::gen::MastodonFile> files;
    mastodon_files(s, files);
    for (const auto& f : files)
        if (f.media_size == 0) folder.push_back({f.name, f.data});
    s.tar_era = true;
    s.counts_43 = true;
    write_mastodon_archive(s, (tmp / "m.tar.gz").string(), ArchiveKind::TarGz);
    write_mastodon_archive(s, (tmp / "m.tar").string(), ArchiveKind::Tar);
    tar_gz = slurp(tmp / "m.tar.gz");
    tar = slurp(tmp / "m.tar");
}
