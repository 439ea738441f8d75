// Public counts on request, in the import worker: the worker holds the activity, so it plans
// the requests and reads their answers (fetch/public_counts.h); the page's fetch frame
// (web/fetch.html) sends them, only after the person's consent, only to the named host.
// The counts fetched are kept here and joined again to every later report of the same
// accounts (clout_worker_report), until the worker is replaced.
//
// Flow (web/worker.js "fetch*" messages, web/fetch.js):
//   clout_worker_fetch_plans()                 what each account would send, and to whom
//   clout_worker_fetch_start(account, base)    one account at a time
//   clout_worker_fetch_next()                  {url, what, progress} or "" when done
//   clout_worker_fetch_take(...)               an answer; returns the seconds to wait
//   clout_worker_fetch_finish(now)             keeps the result; a summary for the page
#include <emscripten.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "fetch/public_counts.h"
#include "report/report.h"
#include "score/score.h"
#include "worker_state.h"

namespace {

using json = nlohmann::json;

std::unique_ptr<clout::PublicCountsFetcher> g_fetch;
uint32_t g_fetch_account = 0;
std::string g_fetch_out;

struct Kept {
    clout::PublicCounts counts;
    int64_t at = 0;
};
// by (network, account id): the accounts' indices change when files are added
std::map<std::pair<int, std::string>, Kept> g_kept;

std::pair<int, std::string> key_of(const clout::Account& a) { return {static_cast<int>(a.network), a.id}; }

// The posts a report looks at: its trend's days and the window before the first of them.
clout::FetchOptions period_of(const clout::Activity& a) {
    clout::FetchOptions opt;
    const int64_t d = clout::default_as_of_day(a);
    if (d == clout::kNoDay) return opt;
    opt.to_day = d;
    opt.from_day = d - (clout::ReportOptions{}.trend_days - 1) - (clout::score_const::kWindowDays - 1);
    return opt;
}

}  // namespace

namespace clout_worker {

void apply_kept_public_counts(clout::Activity& a) {
    for (uint32_t i = 0; i < a.accounts.size(); ++i) {
        auto it = g_kept.find(key_of(a.accounts[i]));
        if (it == g_kept.end() || a.accounts[i].fetched.at == it->second.at) continue;
        clout::apply_public_counts(a, i, it->second.counts, it->second.at);
    }
}

}  // namespace clout_worker

extern "C" {

// A JSON array, one entry per account of the report: {account, network, label, possible,
// why_not, host, actor, posts, sent: [...], fetched: {at, host, found, asked, complete} | null}
EMSCRIPTEN_KEEPALIVE const char* clout_worker_fetch_plans() {
    const clout::Activity& a = clout_worker::activity();
    const clout::FetchOptions opt = period_of(a);
    json arr = json::array();
    for (uint32_t i = 0; i < a.accounts.size(); ++i) {
        const clout::Account& acc = a.accounts[i];
        if (acc.network != clout::Network::Bluesky && acc.network != clout::Network::Mastodon) continue;
        const clout::FetchPlan p = clout::public_counts_plan(a, i, opt);
        json j = {{"account", i},
                  {"network", clout::network_id(acc.network)},
                  {"label", clout::network_label(acc.network)},
                  {"name", acc.handle.empty() ? acc.id : acc.handle},
                  {"possible", p.possible},
                  {"why_not", p.why_not},
                  {"host", p.host},
                  {"actor", p.actor},
                  {"posts", p.post_ids},
                  {"sent", p.sent},
                  {"fetched", nullptr}};
        if (acc.fetched.at != 0)
            j["fetched"] = {{"at", acc.fetched.at},
                            {"host", acc.fetched.host},
                            {"found", acc.fetched.posts_found},
                            {"asked", acc.fetched.posts_asked},
                            {"followers", acc.fetched.followers},
                            {"complete", acc.fetched.complete}};
        arr.push_back(std::move(j));
    }
    g_fetch_out = arr.dump(-1, ' ', false, json::error_handler_t::replace);
    return g_fetch_out.c_str();
}

// Starts fetching for one account; `base` is "" (the real host) or a loopback test base the
// page was opened with. Returns "" or a one-line reason.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_fetch_start(int account, const char* base) {
    const clout::Activity& a = clout_worker::activity();
    g_fetch.reset();
    if (account < 0 || static_cast<size_t>(account) >= a.accounts.size()) return "no such account";
    clout::FetchOptions opt = period_of(a);
    opt.api_base = base;
    g_fetch = std::make_unique<clout::PublicCountsFetcher>(a, static_cast<uint32_t>(account), opt);
    g_fetch_account = static_cast<uint32_t>(account);
    if (!g_fetch->plan().possible) {
        g_fetch_out = g_fetch->plan().why_not;
        g_fetch.reset();
        return g_fetch_out.c_str();
    }
    return "";
}

// The next request as JSON {url, what, progress}, or "" when the fetch is over.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_fetch_next() {
    if (!g_fetch) return "";
    auto rq = g_fetch->next();
    if (!rq) return "";
    g_fetch_out = json{{"url", rq->url}, {"what", rq->what}, {"progress", g_fetch->progress()}}.dump();
    return g_fetch_out.c_str();
}

// The answer to the last request: status (0 = none; `error` says why), headers as a JSON
// array of [name, value], the body. Returns the seconds to wait before the next request.
EMSCRIPTEN_KEEPALIVE double clout_worker_fetch_take(int status, const char* error, const char* headers, const char* body,
                                                    double now_seconds) {
    if (!g_fetch) return 0;
    clout::HttpResponse r;
    r.status = status;
    r.error = error;
    r.body = body;
    json h = json::parse(headers, nullptr, false);
    if (h.is_array())
        for (const auto& kv : h)
            if (kv.is_array() && kv.size() == 2 && kv[0].is_string() && kv[1].is_string())
                r.headers.emplace_back(kv[0].get<std::string>(), kv[1].get<std::string>());
    return g_fetch->take(r, now_seconds);
}

EMSCRIPTEN_KEEPALIVE void clout_worker_fetch_cancel() {
    if (g_fetch) g_fetch->cancel();
}

// Keeps the result (joined to this and every later report) and returns a summary:
// {host, followers, found, asked, complete, cancelled, warnings: [...]}.
EMSCRIPTEN_KEEPALIVE const char* clout_worker_fetch_finish(double now_seconds) {
    if (!g_fetch) return "{}";
    clout::Activity& a = clout_worker::activity();
    const clout::PublicCounts& c = g_fetch->result();
    const int64_t at = static_cast<int64_t>(now_seconds);
    if (g_fetch_account < a.accounts.size()) {
        g_kept[key_of(a.accounts[g_fetch_account])] = Kept{c, at};
        clout::apply_public_counts(a, g_fetch_account, c, at);
    }
    g_fetch_out = json{{"host", c.host},
                       {"followers", c.profile_ok ? json(c.followers) : json(nullptr)},
                       {"found", c.posts_found()},
                       {"asked", c.posts_asked},
                       {"complete", c.complete},
                       {"cancelled", c.cancelled},
                       {"warnings", c.warnings}}
                      .dump(-1, ' ', false, json::error_handler_t::replace);
    g_fetch.reset();
    return g_fetch_out.c_str();
}

}  // extern "C"
