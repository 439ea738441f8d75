// Helpers for the Meta / LinkedIn / TikTok / Reddit tests: scratch folders, importing a
// path, counting posts by kind.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "importers/importer.h"
#include "model/activity.h"
#include "temp_dir.h"

namespace social_test {

namespace fs = std::filesystem;

using clout_test::TempDir;

inline void write_file(const std::string& path, const std::string& bytes) {
    fs::create_directories(fs::path(path).parent_path());
    std::ofstream f(path, std::ios::binary);
    f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

inline std::string read_file(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(f), {});
}

inline clout::Activity import_paths(const std::vector<std::string>& paths, bool normalize = true) {
    clout::Activity a;
    for (const auto& p : paths) {
        clout::Activity one;
        clout::ImportContext ctx;
        clout::import_path(p, one, ctx);
        a.merge(std::move(one));
    }
    if (normalize) a.normalize();
    return a;
}

struct Counts {
    long posts = 0, originals = 0, replies = 0, quotes = 0, reposts = 0;
};
inline Counts count_posts(const clout::Activity& a, clout::Network n) {
    Counts c;
    for (const auto& p : a.posts) {
        if (a.accounts[p.account].network != n) continue;
        switch (p.kind) {
            case clout::PostKind::Original: ++c.originals; ++c.posts; break;
            case clout::PostKind::Reply: ++c.replies; ++c.posts; break;
            case clout::PostKind::Quote: ++c.quotes; ++c.posts; break;
            case clout::PostKind::Repost: ++c.reposts; break;
        }
    }
    return c;
}
inline const clout::Account* account_of(const clout::Activity& a, clout::Network n) {
    for (const auto& acc : a.accounts)
        if (acc.network == n) return &acc;
    return nullptr;
}
inline long accounts_of(const clout::Activity& a, clout::Network n) {
    long k = 0;
    for (const auto& acc : a.accounts)
        if (acc.network == n) ++k;
    return k;
}

}  // namespace social_test
