#include "io/jobs.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <exception>
#include <vector>

// CLOUT_SINGLE_THREAD: set by the build for a platform without threads (cmake/wasm.cmake).
#ifndef CLOUT_SINGLE_THREAD
#define CLOUT_JOBS_THREADS 1
#include <condition_variable>
#include <mutex>
#include <thread>
#endif

namespace clout {

unsigned job_threads() {
#ifdef CLOUT_JOBS_THREADS
    if (const char* e = std::getenv("CLOUT_THREADS")) {
        long v = std::strtol(e, nullptr, 10);
        if (v >= 1 && v <= 64) return static_cast<unsigned>(v);
    }
    unsigned hw = std::thread::hardware_concurrency();
    return std::clamp(hw, 1u, 4u);
#else
    return 1;
#endif
}

void run_jobs(size_t n, unsigned threads, std::atomic<bool>& stop, const std::function<void(size_t, bool)>& job,
              const std::function<void()>& idle) {
#ifdef CLOUT_JOBS_THREADS
    if (threads > 1 && n > 1) {
        size_t workers = std::min<size_t>(threads, n);
        std::atomic<size_t> next{0};
        std::mutex m;
        std::condition_variable cv;
        size_t running = workers;
        std::vector<std::thread> pool;
        pool.reserve(workers);
        for (size_t w = 0; w < workers; ++w) {
            pool.emplace_back([&] {
                for (size_t i; (i = next.fetch_add(1)) < n;) job(i, false);
                std::lock_guard<std::mutex> g(m);
                --running;
                cv.notify_all();
            });
        }
        std::exception_ptr failed;
        {
            std::unique_lock<std::mutex> g(m);
            while (running > 0) {
                cv.wait_for(g, std::chrono::milliseconds(20));
                if (running == 0 || failed) continue;
                g.unlock();
                try {
                    idle();
                } catch (...) {
                    failed = std::current_exception();
                    stop = true;
                }
                g.lock();
            }
        }
        for (auto& t : pool) t.join();
        if (failed) std::rethrow_exception(failed);
        return;
    }
#endif
    (void)threads;
    for (size_t i = 0; i < n; ++i) {
        if (i > 0) {
            try {
                idle();
            } catch (...) {
                stop = true;
                throw;
            }
        }
        job(i, true);
    }
}

}  // namespace clout
