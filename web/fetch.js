// Public counts on request, the page's side (docs/FETCH.md). A Bluesky or Mastodon export
// holds no follower count and no reactions received; with the person's consent, clout asks
// the network's public API for them. Nothing is fetched before the click on "Fetch" in the
// consent dialog, which lists exactly what is sent and to whom.
//
// Who does what: the import worker plans the requests and reads the answers
// (src/worker/fetch.cpp); this file shows the dialog and passes each request to the fetch
// frame (fetch.html: sandboxed, an opaque origin, allowed by its own policy to connect to the
// one named host only) and each answer back. The page itself keeps its policy: it connects to
// no other origin. After the fetch the frame is removed and the report is scored again.
//
//   clout.fetch.plans()        Promise: [{account, network, label, name, possible, why_not,
//                              host, actor, posts, sent: [...], fetched: {...} | null}]
//   clout.fetch.open(network, name)  opens the consent dialog for that account of the report
//   clout.fetch.start(account) what the dialog's "Fetch" button does; Promise of the summary
//   clout.fetch.cancel()       stops a running fetch (what was read is kept)
//   clout.fetch.state          {running, host, what, progress, summary}
// Tests only: a page opened with ?test-api-base=http://127.0.0.1:PORT asks that loopback
// server instead of the real hosts (&test-timeout=S shortens the frame's timeout).
"use strict";

(function () {
  const clout = window.clout;
  const $ = (id) => document.getElementById(id);
  const dialog = $("fetch-dialog");
  let nextId = 1;
  const waiting = new Map();   // id -> {resolve, reject} for fetchPlans
  let run = null;              // the running fetch: {id, frame, resolve, reject, host}
  clout.fetch = { state: { running: false, host: "", what: "", progress: 0, summary: null } };

  function testBase() {
    const q = new URLSearchParams(location.search);
    const b = q.get("test-api-base");
    if (!b) return "";
    try {
      const u = new URL(b);
      if (u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname)) return u.origin;
    } catch (_) { /* ignored */ }
    return "";
  }
  function testTimeout() {
    const t = Number(new URLSearchParams(location.search).get("test-timeout"));
    return t > 0 ? t : 0;
  }

  clout._fetchMessage = (m) => {
    if (m.type === "fetchPlans") {
      const w = waiting.get(m.id);
      if (w) { waiting.delete(m.id); w.resolve(m.plans); }
      return;
    }
    if (!run || m.id !== run.id) return;
    if (m.type === "fetchRequest") {
      clout.fetch.state.what = m.what;
      clout.fetch.state.progress = m.progress;
      showProgress(m.what, m.progress, m.wait);
      run.frameReady.then(() => {
        if (!run || m.id !== run.id) return;
        run.n = (run.n || 0) + 1;
        run.frame.contentWindow.postMessage({ n: run.n, url: m.url }, "*");
      });
    } else if (m.type === "fetchDone") {
      const r = run;
      end();
      clout.fetch.state.summary = m.summary;
      showDone(m.summary);
      clout.rescore().then(() => r.resolve(m.summary), () => r.resolve(m.summary));
    } else if (m.type === "fetchFail") {
      const r = run;
      end();
      showError(m.message);
      r.reject(new Error(m.message));
    }
  };
  // The worker was replaced (a cancelled import): a running fetch ends with it.
  clout._fetchWorkerReplaced = () => {
    for (const w of waiting.values()) w.reject(new Error("the engine was restarted"));
    waiting.clear();
    if (run) { const r = run; end(); showError("the fetch stopped: the engine was restarted"); r.reject(new Error("restarted")); }
  };

  window.addEventListener("message", (e) => {
    if (!run || !run.frame || e.source !== run.frame.contentWindow || !e.data) return;
    if (e.data.ready) { run.markReady(); return; }
    clout._postToWorker({ type: "fetchAnswer", id: run.id, status: e.data.status | 0, error: e.data.error || "",
      headers: e.data.headers || [], body: e.data.body || "" });
  });

  function end() {
    if (run && run.frame) run.frame.remove();  // no connection is left open after a fetch
    run = null;
    clout.fetch.state.running = false;
    $("fetch-stop").hidden = true;
    $("fetch-go").hidden = false;
    $("fetch-go").disabled = true;
    $("fetch-close").textContent = "Close";
  }

  clout.fetch.plans = () => new Promise((resolve, reject) => {
    if (!clout.report) { resolve([]); return; }
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    clout._postToWorker({ type: "fetchPlans", id });
  });

  clout.fetch.start = (account) => {
    if (run) return Promise.reject(new Error("a fetch is running"));
    const plan = (clout.fetch._plans || []).find((p) => p.account === account);
    if (!plan || !plan.possible) return Promise.reject(new Error(plan ? plan.why_not : "no such account"));
    const base = testBase();
    const origin = base || "https://" + plan.host;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      run = { id, resolve, reject, host: plan.host };
      run.frameReady = new Promise((ok) => { run.markReady = ok; });
      const frame = document.createElement("iframe");
      frame.setAttribute("sandbox", "allow-scripts");
      frame.hidden = true;
      frame.title = "clout: fetching public counts";
      const t = base ? testTimeout() : 0;
      frame.src = "fetch.html#base=" + encodeURIComponent(origin) + (t ? "&timeout=" + t : "");
      document.body.appendChild(frame);
      run.frame = frame;
      Object.assign(clout.fetch.state, { running: true, host: plan.host, what: "", progress: 0, summary: null });
      $("fetch-go").hidden = true;
      $("fetch-stop").hidden = false;
      showProgress("starting", 0, 0);
      clout._postToWorker({ type: "fetchStart", id, account, base });
    });
  };

  clout.fetch.cancel = () => {
    if (run) clout._postToWorker({ type: "fetchCancel", id: run.id });
  };

  // ---- the consent dialog (index.html #fetch-dialog)
  function showProgress(what, progress, wait) {
    const bar = $("fetch-progress");
    bar.hidden = false;
    bar.value = Math.max(0, Math.min(1, progress || 0));
    $("fetch-status").textContent = "Asking " + (run ? run.host : "") + ": " + what +
      (wait > 0 ? " (the server asked to wait " + Math.round(wait) + " s)" : "") + "…";
  }
  function showDone(s) {
    $("fetch-progress").value = 1;
    const parts = [];
    parts.push(s.followers != null ? "follower count " + Number(s.followers).toLocaleString("en-US") : "no follower count");
    parts.push("reactions for " + s.found + " of " + s.asked + " posts");
    let text = (s.cancelled ? "Stopped. Kept what was read from " : "Done. From ") + s.host + ": " + parts.join(", ") + ".";
    if (s.found < s.asked) text += " The other posts are deleted or not public: they stay unknown.";
    if (s.warnings && s.warnings.length) text += " " + s.warnings.join(" ");
    $("fetch-status").textContent = text;
    clout.announce(text);
  }
  function showError(message) {
    $("fetch-progress").hidden = true;
    $("fetch-status").textContent = "Could not fetch: " + message;
    clout.announce("Could not fetch public counts: " + message);
  }

  clout.fetch.open = async (network, name) => {
    const plans = await clout.fetch.plans();
    clout.fetch._plans = plans;
    const plan = plans.find((p) => p.network === network && (!name || p.name === name)) || plans[0];
    if (!plan) return;
    $("fetch-host").textContent = plan.host || plan.label;
    const list = $("fetch-sent");
    list.textContent = "";
    if (plan.possible) {
      $("fetch-intro").textContent = "Your " + plan.label + " export holds no follower count and no reactions to your posts. " +
        "With your consent, clout asks " + (plan.network === "bluesky" ? "Bluesky's public API (" + plan.host + ")"
          : "your account's own server (" + plan.host + ")") + " for them. It sends:";
      for (const s of plan.sent) { const li = document.createElement("li"); li.textContent = s; list.append(li); }
    } else {
      $("fetch-intro").textContent = "Public counts cannot be fetched for this account: " + plan.why_not + ".";
    }
    $("fetch-go").disabled = !plan.possible;
    $("fetch-go").hidden = false;
    $("fetch-go").textContent = plan.fetched ? "Fetch again" : "Fetch";
    $("fetch-go").onclick = () => { clout.fetch.start(plan.account).catch(() => {}); };
    $("fetch-stop").hidden = true;
    $("fetch-progress").hidden = true;
    $("fetch-status").textContent = plan.fetched
      ? "Fetched from " + plan.fetched.host + " on " + new Date(plan.fetched.at * 1000).toISOString().slice(0, 10) +
        ": reactions for " + plan.fetched.found + " of " + plan.fetched.asked + " posts."
      : "Nothing has been sent.";
    $("fetch-close").textContent = "Cancel";
    if (!dialog.open) dialog.showModal();
    $("fetch-go").focus();
  };
  // The Sources card's button (src/web/panel_fetch.cpp places it): the first Bluesky or
  // Mastodon account not fetched yet, else the first.
  $("fetch-open").addEventListener("click", async () => {
    const plans = await clout.fetch.plans();
    const p = plans.find((x) => !x.fetched && x.possible) || plans[0];
    if (p) clout.fetch.open(p.network, p.name);
  });
  $("fetch-stop").addEventListener("click", () => clout.fetch.cancel());
  $("fetch-close").addEventListener("click", () => { if (run) clout.fetch.cancel(); dialog.close(); });
  dialog.addEventListener("cancel", () => { if (run) clout.fetch.cancel(); });
})();
