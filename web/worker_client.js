// The page's side of the import worker (web/worker.js): files are read there, never on this
// thread. One run at a time (an import, a re-score or a ranking): it starts the worker,
// posts the run, shows its progress in the app, cancels it by replacing the worker, and
// hands the finished report to the app (Module._clout_web_report*) in short tasks, then to
// the screen-reader text (web/report_text.js) and the onReport listeners. A finished
// ranking goes to web/rank_client.js. Messages whose type starts with "fetch" go to
// web/fetch.js. Called through web/api.js (clout.open, add, setFollowers, cancel, ...).
//
// Index of this file:
//   [SECTION] The worker: started from a blob: URL, replaced on cancel or a crash
//   [SECTION] Runs: an import or a re-score, a ranking, cancel
//   [SECTION] The worker's messages
//   [SECTION] A finished run: the report into the app, in short tasks
//   [SECTION] Progress and errors shown by the app
"use strict";

(function () {
  const clout = window.clout;
  const page = clout._page;
  const { withString, changed } = page;
  const mod = page.mod;

  // ---- [SECTION] The worker: started from a blob: URL, replaced on cancel or a crash
  let worker = null;
  let workerHas = new Set();   // keys the current worker has read
  let nextKey = 1, runId = 0;
  let pending = null;          // the running import
  let queuedRescore = null;    // a re-score asked for while it runs (runImport)

  // The worker starts from a blob: URL that only loads worker.js from this page's folder. A
  // worker started from its own file takes its Content-Security-Policy from that file's
  // response headers, and a static host sends none; one started from a blob: URL inherits the
  // page's policy (index.html), so the browser holds the code that reads the files to it too
  // (docs/ARCHITECTURE.md "Sharing, exports, history, privacy"). worker.js starts its helper
  // the same way.
  let workerUrl = null;
  function newWorker() {
    if (worker) worker.terminate();
    if (!workerUrl) {
      const base = new URL(".", location.href).href;
      workerUrl = URL.createObjectURL(new Blob(
        [`self.cloutBase = ${JSON.stringify(base)};\nimportScripts(self.cloutBase + "worker.js");\n`],
        { type: "text/javascript" }));
    }
    worker = new Worker(workerUrl, { name: "clout-import" });
    workerHas = new Set();
    clout.workerReady = false;
    clout.workerWarmMs = null;
    const w = worker;
    if (clout._fetchWorkerReplaced) clout._fetchWorkerReplaced();
    worker.onmessage = (e) => {
      if (e.data && e.data.type === "ready") { if (w === worker) clout.workerReady = true; return; }
      if (e.data && typeof e.data.type === "string" && e.data.type.startsWith("fetch")) {  // web/fetch.js
        if (w === worker && clout._fetchMessage) clout._fetchMessage(e.data);
        return;
      }
      if (e.data && e.data.type === "warm") { if (w === worker) clout.workerWarmMs = e.data.ms; return; }
      onWorker(e.data);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const p = pending;
      // One that never started (a host's own policy forbidding blob: workers, a missing
      // file) is not restarted in a loop: the next import tries again.
      if (w === worker && !clout.workerReady) {
        worker.terminate();
        worker = null;
        if (p) finish(p, null, "the engine could not start: " + (e.message || "the worker did not load"));
        return;
      }
      newWorker();
      if (p) finish(p, null, "the engine stopped: " + (e.message || "unknown error"));
    };
  }

  // ---- [SECTION] Runs: an import or a re-score, a ranking, cancel
  function runImport(files, replace) {
    const bad = files.filter((f) => !(f instanceof Blob));
    if (bad.length) return Promise.reject(new TypeError("clout.open: expected File objects"));
    // A re-score (a count typed in Sources, public counts fetched) waits for the run in
    // progress instead of cancelling it: a cancel replaces the worker, which must then read
    // every file again. Several re-scores asked meanwhile make one, with the latest values.
    if (pending && !files.length && !replace && !pending.rank && pending.done) {
      if (!queuedRescore) {
        const again = () => { queuedRescore = null; return runImport([], false); };
        queuedRescore = pending.done.then(again, again);
      }
      return queuedRescore;
    }
    if (pending) cancelRun();
    if (!worker) newWorker();
    const id = ++runId;
    const added = files.map((file) => ({ key: "f" + nextKey++, file }));
    const all = (replace ? [] : page.sources).concat(added);
    if (!all.length) return Promise.reject(new Error("no file given"));
    // The worker holds one merged activity: when a file it holds is not wanted any more,
    // it starts over and reads every file again.
    const wanted = new Set(all.map((s) => s.key));
    const reset = Array.from(workerHas).some((k) => !wanted.has(k));
    if (reset) workerHas = new Set();
    const toRead = all.filter((s) => !workerHas.has(s.key));
    const run = new Promise((resolve, reject) => {
      pending = { id, resolve, reject, all, errors: [], reading: toRead.map((s) => s.key), t0: performance.now(), replace };
      clout.busy = true;
      const names = toRead.map((s) => s.file.name);
      if (mod()) {
        mod()._clout_web_working(1, toRead.length);
        if (toRead.length) sendProgress(names[0], 0, toRead[0].file.size, 0, 0, 0, toRead.length);
      }
      clout.announce(toRead.length ? "Reading " + names.join(", ") + "…" : "Scoring again…");
      worker.postMessage({ type: "run", id, reset, add: toRead, keys: all.map((s) => s.key),
                           followers: page.followers, reactions: page.reactions, reshares: page.reshares });
    });
    pending.done = run;
    return run;
  }

  // A roster CSV ranked in the worker (web/rank_client.js takes the result). detect: a CSV
  // dropped on the page, which the worker reads as an export when it is not a roster.
  function runRank(file, detect) {
    if (!(file instanceof Blob)) return Promise.reject(new TypeError("clout.openRoster: expected a File"));
    if (pending) cancelRun();
    if (!worker) newWorker();
    const id = ++runId;
    const key = "r" + nextKey++;
    return new Promise((resolve, reject) => {
      pending = { id, resolve, reject, all: [], errors: [], reading: [key], t0: performance.now(), rank: { file, detect } };
      clout.busy = true;
      if (mod()) {
        mod()._clout_web_working(1, 1);
        mod()._clout_web_rank_working();
        sendProgress(file.name, 0, file.size, 0, 0, 0, 1);
      }
      clout.announce("Reading " + file.name + "…");
      worker.postMessage({ type: "rank", id, key, file, detect: !!detect });
    });
  }

  function cancelRun() {
    const p = pending;
    if (!p) return;
    newWorker();   // the only way to stop a worker mid-read; the next run reads again
    finish(p, null, null, true);
  }

  // ---- [SECTION] The worker's messages
  function onWorker(m) {
    const p = pending;
    if (!p || m.id !== p.id) return;
    if (m.type === "progress") {
      // At most 4 redraws a second for progress: the main thread stays free.
      const now = performance.now();
      if (p.lastProgress && now - p.lastProgress < 250 && m.stage !== "done") return;
      p.lastProgress = now;
      const index = Math.max(0, p.reading.indexOf(m.key));
      if (mod()) sendProgress(m.name, m.done, m.total, m.entries, m.posts, index, p.reading.length);
    } else if (m.type === "fileError") {
      p.errors.push(m.name + ": " + m.message);
      p.all = p.all.filter((s) => s.key !== m.key);
    } else if (m.type === "report") {
      workerHas = new Set(m.keys);
      p.all = p.all.filter((s) => workerHas.has(s.key));
      finish(p, m.json, null, false, m.view, m.ahead);
    } else if (m.type === "fail") {
      finish(p, null, m.message);
    } else if (m.type === "rank") {       // rank
      pending = null;
      clout.busy = false;
      page.finishRank(p, m);
    } else if (m.type === "rankFail") {
      p.errors.push(m.name + ": " + m.message);
      finish(p, null, m.message);
    } else if (m.type === "notRoster") {  // a dropped CSV that is an export: read it as one
      pending = null;
      clout.busy = false;
      runImport([p.rank.file], true).then(p.resolve, p.reject);
    }
  }

  // ---- [SECTION] A finished run: the report into the app, in short tasks
  function finish(p, json, message, cancelled, view, ahead) {
    pending = null;
    clout.busy = false;
    clout.errors = p.errors.slice();
    const ms = performance.now() - p.t0;
    if (json) {
      page.clearRank();  // a report replaces the ranking on screen
      // A new report is taken in over several short tasks, so that no one of them holds the
      // main thread long (no task over 50 ms). With the exact text the worker sent
      // its view of the report (worker.js): the share card's payload, the report's members as
      // separate JSON texts and the trend as numbers. Here: JSON.parse for clout.report and
      // the share card (one short call); then the dashboard takes the members, a few per task
      // (about 8 ms of work each), and shows the report at the end; then the screen-reader
      // text. The run stays busy until the last; a newer run drops the rest.
      clout.busy = true;
      page.sources = p.all;
      clout.files = page.sources.map((s) => s.file);
      const report = JSON.parse(json);
      clout.reportJSON = json;  // first: setting clout.report hands the exact text to the share module
      clout._reportCard = view && view.card ? { json, payload: view.card } : null;
      clout.report = report;
      clout.lastRun = { ms, files: p.reading.length, bytes: json.length, ahead: ahead || { own: 0, helper: 0 } };
      const id = runId;
      // still the report on screen: no newer run, no "Start over" in between
      const current = () => id === runId && !pending && clout.reportJSON === json;
      const step = (fn) => new Promise((res) => setTimeout(() => { if (current()) fn(); res(); }, 0));
      const show = () => {
        sendErrors(clout.errors);
        mod()._clout_web_working(0, 0);
      };
      let taken;
      if (!mod()) {
        taken = Promise.resolve();
      } else if (!view) {
        taken = step(() => { withString(json, (ptr) => mod()._clout_web_report(ptr)); show(); });
      } else {
        const parts = view.parts.slice();
        const begin = step(() => {
          mod()._clout_web_report_begin();
          const t = view.trend, pt = mod()._malloc(Math.max(4, t.byteLength));
          try {
            mod().HEAPU8.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), pt);
            withString(view.dates, (pd) => mod()._clout_web_report_trend(pt, t.length / 6, pd));
          } finally { mod()._free(pt); }
        });
        const more = () => step(() => {
          const t0 = performance.now();
          do {
            const [key, text] = parts.shift();
            withString(key, (pk) => withString(text, (pj) => mod()._clout_web_report_part(pk, pj)));
          } while (parts.length && performance.now() - t0 < 8);
        }).then(() => (parts.length && current() ? more() : undefined));
        taken = begin.then(() => (parts.length ? more() : undefined)).then(() => step(() => {
          if (!mod()._clout_web_report_end()) withString(json, (ptr) => mod()._clout_web_report(ptr));
          show();
        }));
      }
      let text = Promise.resolve();
      taken.then(() => step(() => {
        text = page.updateReportText(page.takeReportText(), current);
        changed();
        for (const fn of page.reportListeners) {
          try { fn(report); } catch (e) { console.error(e); }
        }
      })).then(() => text).then(() => {
        if (id === runId && !pending) clout.busy = false;
        p.resolve(report);
      });
      return;
    }
    if (mod()) {
      sendErrors(clout.errors.length ? clout.errors : (cancelled ? [] : [message || "the export could not be read"]));
      mod()._clout_web_working(0, 0);
    }
    if (cancelled) {
      clout.announce("Cancelled.");
      const e = new Error("cancelled");
      e.name = "AbortError";
      p.reject(e);
    } else {
      const text = clout.errors.length ? clout.errors.join("\n") : message;
      clout.announce(text);
      p.reject(new Error(text));
    }
  }

  // ---- [SECTION] Progress and errors shown by the app
  function sendProgress(name, done, total, entries, posts, index, count) {
    withString(name, (ptr) => mod()._clout_web_progress(ptr, done, total, entries, posts, index, count));
  }
  function sendErrors(list) {
    withString(list.join("\n"), (ptr) => mod()._clout_web_errors(ptr));
  }

  Object.assign(page, {
    runImport,
    runRank,
    cancelRun,
    sendErrors,
    startWorker() { if (!worker) newWorker(); },
    postToWorker(msg) { if (!worker) newWorker(); worker.postMessage(msg); },
    pending: () => pending,
  });
})();
