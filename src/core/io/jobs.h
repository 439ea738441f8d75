// Runs independent jobs on several threads (natively) or one after the other (wasm, or
// when asked for one thread). Used by the X archive reader to read its data files (the
// tweets parts, likes, followers ...) in parallel; every job writes only its own result,
// and the caller merges the results in job order, so the outcome never depends on timing.
#pragma once

#include <atomic>
#include <cstddef>
#include <functional>

namespace clout {

// Worker threads to use: the hardware's count capped at 4 natively, 1 in wasm (the worker
// build has no pthreads: a static page cannot send the COOP/COEP headers they need).
// CLOUT_THREADS=N in the environment overrides it natively (1 = sequential).
unsigned job_threads();

// Runs job(i, inline_run) for i in [0, n). With threads > 1 and n > 1 the jobs run on
// min(threads, n) worker threads while the calling thread calls idle() about every 20 ms
// (progress, cancellation); inline_run is then false. Otherwise each job runs on the
// calling thread in order (inline_run true: the job may call idle-like work itself).
// Jobs must not throw (catch and keep the error in the job's result). If idle() throws,
// `stop` is set, the running jobs are waited for (they should watch `stop`), and the
// exception is rethrown.
void run_jobs(size_t n, unsigned threads, std::atomic<bool>& stop, const std::function<void(size_t, bool)>& job,
              const std::function<void()>& idle);

}  // namespace clout
