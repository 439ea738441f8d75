// A fresh scratch folder for a test, removed when the object goes.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

namespace clout_test {

struct TempDir {
    std::filesystem::path path;
    // `tag` names the folder (clout-TAG-PID-N under the system's temp folder).
    explicit TempDir(const std::string& tag) {
        static std::atomic<int> counter{0};
        path = std::filesystem::temp_directory_path() /
               ("clout-" + tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string str() const { return path.string(); }
    // The path of `rel` inside the folder.
    std::string operator/(const std::string& rel) const { return (path / rel).string(); }
};

}  // namespace clout_test
