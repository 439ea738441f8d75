// `clout score --fetch-public-counts`: the CLI's transport for fetch/public_counts.h, with
// libcurl. Only GET requests to the one host each plan names, over HTTPS (plain HTTP only to
// a loopback test server given by CLOUT_TEST_API_BASE), no cookies, no redirects to other
// hosts. Progress goes to stderr; Ctrl-C cancels the fetch and keeps what was read.
#include "fetch_curl.h"

#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "fetch/public_counts.h"
#include "util/time.h"

namespace clout_cli {

namespace {

std::atomic<bool> g_cancel{false};
void on_sigint(int) { g_cancel = true; }

size_t write_body(char* p, size_t size, size_t n, void* user) {
    auto* s = static_cast<std::string*>(user);
    if (s->size() > (16u << 20)) return 0;  // an answer over 16 MB is no answer of these APIs
    s->append(p, size * n);
    return size * n;
}

size_t write_header(char* p, size_t size, size_t n, void* user) {
    auto* h = static_cast<std::vector<std::pair<std::string, std::string>>*>(user);
    std::string line(p, size * n);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon), value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.erase(value.begin());
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) value.pop_back();
        h->emplace_back(name, value);
    } else if (line.rfind("HTTP/", 0) == 0) {
        h->clear();  // a new response (after a 100 Continue): its own headers only
    }
    return size * n;
}

int progress_cb(void*, curl_off_t, curl_off_t, curl_off_t, curl_off_t) { return g_cancel ? 1 : 0; }

long g_timeout_s = 30;  // per request; tests shorten it (CLOUT_TEST_TIMEOUT_S, with a test base only)

clout::HttpResponse get(CURL* curl, const std::string& url) {
    clout::HttpResponse r;
    char err[CURL_ERROR_SIZE] = {};
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, g_timeout_s);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "clout/" CLOUT_VERSION " (local influence report; public counts on request)");
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r.headers);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, err);
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, progress_cb);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "https,http");
    const CURLcode rc = curl_easy_perform(curl);
    if (rc != CURLE_OK) {
        r.status = 0;
        r.error = err[0] ? err : curl_easy_strerror(rc);
        r.body.clear();
        return r;
    }
    long code = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &code);
    r.status = static_cast<int>(code);
    return r;
}

// A loopback http:// base for tests; anything else is refused (the real APIs are HTTPS).
bool test_base(std::string& out, std::string& why) {
    const char* v = std::getenv("CLOUT_TEST_API_BASE");
    if (!v || !*v) return true;
    const std::string s = v;
    for (const char* ok : {"http://127.0.0.1:", "http://localhost:", "http://[::1]:"})
        if (s.rfind(ok, 0) == 0) {
            out = s;
            return true;
        }
    why = "CLOUT_TEST_API_BASE must be a loopback http:// address (it exists for tests only)";
    return false;
}

}  // namespace

int fetch_public_counts(clout::Activity& activity, int64_t from_day, int64_t to_day, bool quiet) {
    clout::FetchOptions opt;
    std::string why;
    if (!test_base(opt.api_base, why)) {
        std::fprintf(stderr, "error: %s\n", why.c_str());
        return 2;
    }
    if (!opt.api_base.empty())
        if (const char* t = std::getenv("CLOUT_TEST_TIMEOUT_S")) g_timeout_s = std::max(1L, std::atol(t));
    opt.from_day = from_day;
    opt.to_day = to_day;
    bool any = false;
    for (uint32_t i = 0; i < activity.accounts.size(); ++i) {
        const auto& acc = activity.accounts[i];
        if (acc.network != clout::Network::Bluesky && acc.network != clout::Network::Mastodon) continue;
        any = true;
        clout::PublicCountsFetcher f(activity, i, opt);
        const clout::FetchPlan& plan = f.plan();
        if (!plan.possible) {
            std::fprintf(stderr, "public counts: %s: %s\n", clout::network_label(acc.network), plan.why_not.c_str());
            continue;
        }
        if (!quiet) {
            std::fprintf(stderr, "public counts: asking %s (%s) for:\n", plan.host.c_str(), clout::network_label(plan.network));
            for (const auto& s : plan.sent) std::fprintf(stderr, "  - %s\n", s.c_str());
            std::fprintf(stderr, "  nothing else is sent; Ctrl-C stops and keeps what was read\n");
        }
        CURL* curl = curl_easy_init();
        if (!curl) {
            std::fprintf(stderr, "internal error: libcurl could not start\n");
            return 1;
        }
        g_cancel = false;
        auto old = std::signal(SIGINT, on_sigint);
        while (auto rq = f.next()) {
            if (g_cancel) {
                f.cancel();
                break;
            }
            if (!quiet) std::fprintf(stderr, "public counts: %s ...\n", rq->what.c_str());
            clout::HttpResponse resp = get(curl, rq->url);
            if (g_cancel) {
                f.cancel();
                break;
            }
            const double now = static_cast<double>(std::time(nullptr));
            double wait = f.take(resp, now);
            if (wait > 0 && !quiet) std::fprintf(stderr, "public counts: %s asks to wait %.0f s\n", plan.host.c_str(), wait);
            const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int64_t>(wait * 1000));
            while (wait > 0 && std::chrono::steady_clock::now() < until && !g_cancel)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        std::signal(SIGINT, old);
        curl_easy_cleanup(curl);
        const clout::PublicCounts& c = f.result();
        for (const auto& w : c.warnings) std::fprintf(stderr, "warning: %s\n", w.c_str());
        clout::apply_public_counts(activity, i, c, static_cast<int64_t>(std::time(nullptr)));
        if (!quiet)
            std::fprintf(stderr, "public counts: %s: %s, reactions for %lld of %lld posts%s\n", plan.host.c_str(),
                         c.profile_ok ? ("followers " + std::to_string(c.followers)).c_str() : "no follower count",
                         static_cast<long long>(c.posts_found()), static_cast<long long>(c.posts_asked),
                         c.complete ? "" : " (partial)");
    }
    if (!any) std::fprintf(stderr, "public counts: no Bluesky or Mastodon export given; nothing fetched\n");
    return 0;
}

}  // namespace clout_cli
