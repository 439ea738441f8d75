// Public counts on request, the import worker's side (src/worker/fetch.cpp plans and reads;
// the page's fetch frame, web/fetch.html, sends). Loaded by worker.js; its messages are taken
// at once, outside worker.js's queue, so that a cancel is never stuck behind a wait.
//   in:  {type: "fetchPlans", id}                      -> {type: "fetchPlans", id, plans}
//        {type: "fetchStart", id, account, base}       -> a fetchRequest, or fetchDone / fetchFail
//        {type: "fetchAnswer", id, status, error, headers: [[name, value]...], body}
//                                                      -> (after the wait the server asked for)
//                                                         the next fetchRequest, or fetchDone
//        {type: "fetchCancel", id}                     -> fetchDone (with what was read)
//   out: {type: "fetchRequest", id, url, what, progress, wait}
//        {type: "fetchDone", id, summary: {host, followers, found, asked, complete, cancelled, warnings}}
//        {type: "fetchFail", id, message}
"use strict";

self.cloutFetch = (() => {
  let timer = null, activeId = 0;
  const nowS = () => Date.now() / 1000;

  function step(m, id, wait) {
    const go = () => {
      timer = null;
      if (id !== activeId) return;
      const next = call(m, "clout_worker_fetch_next", "string", [], []);
      if (next) {
        const rq = JSON.parse(next);
        postMessage({ type: "fetchRequest", id, url: rq.url, what: rq.what, progress: rq.progress, wait });
      } else {
        const summary = JSON.parse(call(m, "clout_worker_fetch_finish", "string", ["number"], [nowS()]));
        activeId = 0;
        postMessage({ type: "fetchDone", id, summary });
      }
    };
    if (wait > 0) timer = setTimeout(go, Math.min(wait, 600) * 1000);
    else go();
  }

  return async function handleFetch(msg) {
    let m;
    try {
      m = await ready;
    } catch (err) {
      postMessage({ type: "fetchFail", id: msg.id, message: "the engine could not start" });
      return;
    }
    if (msg.type === "fetchPlans") {
      postMessage({ type: "fetchPlans", id: msg.id, plans: JSON.parse(call(m, "clout_worker_fetch_plans", "string", [], [])) });
    } else if (msg.type === "fetchStart") {
      if (timer) clearTimeout(timer);
      const why = call(m, "clout_worker_fetch_start", "string", ["number", "string"], [msg.account, msg.base || ""]);
      if (why) { postMessage({ type: "fetchFail", id: msg.id, message: why }); return; }
      activeId = msg.id;
      step(m, msg.id, 0);
    } else if (msg.type === "fetchAnswer") {
      if (msg.id !== activeId) return;
      const headers = JSON.stringify(Array.isArray(msg.headers) ? msg.headers : []);
      const wait = call(m, "clout_worker_fetch_take", "number", ["number", "string", "string", "string", "number"],
        [msg.status | 0, String(msg.error || ""), headers, String(msg.body || ""), nowS()]);
      step(m, msg.id, wait);
    } else if (msg.type === "fetchCancel") {
      if (msg.id !== activeId) return;
      if (timer) { clearTimeout(timer); timer = null; }
      call(m, "clout_worker_fetch_cancel", null, [], []);
      step(m, msg.id, 0);
    }
  };
})();
