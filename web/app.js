// clout page glue: loads the wasm app, hands it the fonts, runs the import worker, and
// connects the page (file input, drag and drop, theme, screen-reader text) to the app.
//
// window.clout is the one namespace shared by the page, the wasm app, tests and embedders.
// The public part is documented in docs/JS_API.md:
//   clout.open(files)      reads File objects (a FileList or array) in the import worker and
//                          resolves with the report object (the CLI's `clout score --json`)
//   clout.add(files)       the same, adding the files to the current report
//   clout.report           the last report object (null before the first)
//   clout.reportJSON       its exact JSON text, byte for byte what the CLI prints (with
//                          --tz set to the browser's time zone: the heatmap's hours are local)
//   clout.errors           the last run's per-file errors, "FILE: message"
//   clout.setFollowers(n)  re-scores with a follower count typed in (null: none)
//   clout.cancel()         stops a running import (the worker is replaced)
//   clout.trySample()      opens the bundled sample export
//   clout.summary()        a short plain-text summary of the report; copySummary() copies it
//   clout.onReport(fn)     calls fn(report) after every new report (share, history, ...)
//   clout.toolbar          the dashboard header's toolbar element: add buttons to it
//   clout.ready            Promise, resolves once the app draws (rejects if it cannot start)
// Audience ranking (docs/RANKING.md "In the page"):
//   clout.openRoster(file) ranks a roster CSV in the worker; resolves with clout.rankSummary
//   clout.rank             the last ranking object (the CLI's `clout rank --json`; parsed on first use)
//   clout.rankJSON         its exact JSON text; clout.rankCSV: the exact `clout rank --csv` text
//   clout.rankSummary      {accounts, rows_read, skipped, warnings, model_version, top: [3 rows]}
//   clout.rankDownload(k)  "csv" | "json": saves the file; clout.trySampleRoster(): the bundled roster
//   clout.state            "loading" | "running" | "failed"
//   clout.busy             true while the worker reads or scores
//   clout.workerReady      true once the import worker's engine has started (it starts after
//                          the first frame; a file given before then waits for it)
//   clout.firstFrameMs     when the first frame was drawn (ms from navigation start)
//   clout.workerWarmMs     ms the worker took to warm its engine up after it started (null
//                          until then; web/worker.js "Warm-up")
// Internal (the app, tests): files, addFiles, clearFiles, openPicker, onFiles, announce,
// framesDrawn, fontsReal, lastRun (timings), _place*, _frameDrawn, _saveBlob.
// Called by the wasm app (src/web/bridge.cpp): _placeOpenButton / _place(id, x, y, w, h,
// visible) in CSS pixels, _frameDrawn(fontsReal), openPicker, clearFiles, announce, cancel,
// setFollowers, trySample, startOver, copyText.
// Calls into the app (Module._clout_web_*): font, file_added, files_clear, drag, theme,
// touch, wake, canvas, working, progress, report, errors, toolbar.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const canvas = $("canvas");
  const input = $("file");
  const openBox = $("open");
  const status = $("status");
  let mod = null;           // the Emscripten module once it runs
  const listeners = [];

  let resolveReady, rejectReady;
  const clout = {
    state: "loading",
    files: [],
    report: null,
    reportJSON: null,
    dashboard: true,       // this page has a dashboard (the share module adds to it, no stand-in page)
    errors: [],
    busy: false,
    lastRun: null,
    workerReady: false,
    workerWarmMs: null,
    firstFrameMs: null,
    toolbar: $("toolbar"),
    framesDrawn: 0,
    fontsReal: false,
    ready: new Promise((res, rej) => { resolveReady = res; rejectReady = rej; }),
    _module: null,      // the running module (web/share.js, web/history.js call it)
    _beforeMain: [],    // fn(module) called once the module exists, before main() runs

    // A drop or the picker: the files join the report on screen, or start a new one.
    addFiles(list) {
      const added = Array.from(list || []).filter((f) => f instanceof File);
      if (!added.length) return;
      // One CSV and no report on screen may be an audience roster: the worker decides
      // (an export's CSV, or one without a handle column, is still read as an export).
      if (!clout.report && added.length === 1 && /\.csv$/i.test(added[0].name)) {
        runRank(added[0], true).catch(() => { /* shown in the app */ });
        return;
      }
      const p = clout.report ? clout.add(added) : clout.open(added);
      p.catch(() => { /* shown in the app */ });
    },
    clearFiles() { clout.startOver(); },
    open(files) { return runImport(Array.from(files || []), true); },
    add(files) { return runImport(Array.from(files || []), false); },
    setFollowers(n) {
      followers = typeof n === "number" && isFinite(n) && n >= 0 ? Math.floor(n) : null;
      if (!sources.length) return Promise.resolve(clout.report);
      return runImport([], false);
    },
    // About how many reactions and reshares a post gets, typed for exports without
    // reaction counts (null = not given); the score marks them "typed".
    setReactions(perPost, resharesPerPost) {
      const ok = (n) => (typeof n === "number" && isFinite(n) && n >= 0 ? Math.floor(n) : null);
      reactions = ok(perPost);
      reshares = ok(resharesPerPost);
      if (!sources.length) return Promise.resolve(clout.report);
      return runImport([], false);
    },
    cancel() { cancelRun(); },
    // scores the files on screen again (public counts fetched: web/fetch.js)
    rescore() { return sources.length ? runImport([], false) : Promise.resolve(clout.report); },
    // a message for the import worker (web/fetch.js), starting one if needed
    _postToWorker(msg) { if (!worker) newWorker(); worker.postMessage(msg); },
    startOver() {
      cancelRun();
      sources = [];
      followers = null;
      reactions = reshares = null;
      clout.files = [];
      clout.report = null;
      clout.reportJSON = null;
      clout.errors = [];
      clearRank();  // rank
      if (mod) { mod._clout_web_report(0); sendErrors([]); }
      updateReportText(null);
      changed();
    },
    openRoster(file) { return runRank(file, false); },
    // Saves a Blob as a file named `name` (the browser's download); share.js uses it too.
    _saveBlob(blob, name) {
      const url = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
    },
    rankSummary: null,
    async rankDownload(kind) {
      if (!rankData) throw new Error("no ranking yet");
      const base = rankData.name.replace(/\.[^.]*$/, "") || "roster";
      const csv = kind === "csv";
      if (!csv && kind !== "json") throw new Error("unknown download " + kind);
      const blob = new Blob([csv ? rankData.csv : rankData.json], { type: csv ? "text/csv" : "application/json" });
      const name = "clout-rank-" + base + (csv ? ".csv" : ".json");
      clout._saveBlob(blob, name);
      toast("Saved " + name);
      clout.lastRankDownload = { name, type: blob.type, size: blob.size };
      return clout.lastRankDownload;
    },
    async trySampleRoster() {
      const r = await fetch("sample/audience-roster-sample.csv");
      if (!r.ok) throw new Error("the sample roster is missing (HTTP " + r.status + ")");
      const blob = await r.blob();
      return clout.openRoster(new File([blob], "audience-roster-sample.csv", { type: "text/csv" }));
    },
    async trySample() {
      const r = await fetch("sample/x-archive-sample.zip");
      if (!r.ok) throw new Error("the sample is missing (HTTP " + r.status + ")");
      const blob = await r.blob();
      return clout.open([new File([blob], "x-archive-sample.zip", { type: "application/zip" })]);
    },
    summary() { return reportText ? reportText.summary : ""; },
    async copySummary() {
      const text = clout.summary();
      if (!text) return false;
      await navigator.clipboard.writeText(text);
      toast("Summary copied");
      return true;
    },
    copyText(text) {
      navigator.clipboard.writeText(text).then(() => toast("Copied"), (e) => console.warn("clout: copy failed:", e.message));
    },
    onReport(fn) { reportListeners.push(fn); },
    openPicker() { input.click(); },
    onFiles(fn) { listeners.push(fn); },
    announce(text) {
      if (status.textContent !== text) status.textContent = text;
    },

    _placeOpenButton(x, y, w, h, visible) { clout._place("open", x, y, w, h, visible); },
    // Places a page control (#open, #sample, #cancel, #followers-form, #reactions-form, #share-name, #toolbar) over the
    // canvas at a rectangle in CSS pixels (w or h < 0: its natural size).
    _place(id, x, y, w, h, visible) {
      const el = $(id);
      if (!el) return;
      el.hidden = !visible;
      if (!visible) return;
      el.style.left = x + "px";
      el.style.top = y + "px";
      el.style.width = w >= 0 ? w + "px" : "";
      el.style.height = h >= 0 ? h + "px" : "";
    },
    // frameStats: the app's own CPU time per frame (building the UI; submitting the draw
    // calls to WebGL), for tests: {last: [build, render], max: [build, render]} in ms.
    frameStats: { last: [0, 0], max: [0, 0] },
    _frameDrawn(fontsReal, buildMs, renderMs) {
      clout.framesDrawn++;
      const fs = clout.frameStats;
      fs.last = [buildMs || 0, renderMs || 0];
      fs.max = [Math.max(fs.max[0], fs.last[0]), Math.max(fs.max[1], fs.last[1])];
      clout.fontsReal = fontsReal;
      if (clout.state === "loading") {
        clout.firstFrameMs = performance.now();
        clout.state = "running";
        // The import worker starts once the page shows (its engine compiles on another
        // thread, but on a small machine it would compete with the first frame).
        setTimeout(() => { if (!worker) newWorker(); }, 0);
        $("splash").classList.add("gone");
        setTimeout(() => $("splash").remove(), 400);
        resolveReady();
      }
    },
  };
  window.clout = clout;
  const reportListeners = [];

  // ---- rank: the last ranking (web/worker.js "rank"): the exact bytes, decoded and parsed
  // only when asked for (a 100 000-row ranking is ~90 MB of JSON).
  let rankData = null;   // {name, json: Uint8Array, csv: Uint8Array, text, obj}
  Object.defineProperty(clout, "rankJSON", { enumerable: true, get() {
    if (!rankData) return null;
    if (rankData.text === undefined) rankData.text = new TextDecoder().decode(rankData.json);
    return rankData.text;
  } });
  Object.defineProperty(clout, "rankCSV", { enumerable: true, get() { return rankData ? new TextDecoder().decode(rankData.csv) : null; } });
  Object.defineProperty(clout, "rank", { enumerable: true, get() {
    if (!rankData) return null;
    if (rankData.obj === undefined) rankData.obj = JSON.parse(clout.rankJSON);
    return rankData.obj;
  } });
  function clearRank() {
    if (!rankData && !clout.rankSummary) return;
    rankData = null;
    clout.rankSummary = null;
    if (mod) mod._clout_web_rank(0, 0, 0);
    const box = $("report-text");
    if (box && box.dataset.rank) { box.replaceChildren(); box.hidden = true; delete box.dataset.rank; }
  }
  function rankHeadline(s) {
    const top = s.top.map((t) => t.rank + ". " + t.handle + (t.network ? " (" + t.network + ")" : "") + ", score " + t.score).join("; ");
    return "Ranked " + plural(s.accounts, "account") + (s.skipped ? ", " + plural(s.skipped, "row") + " skipped" : "") +
      (s.warnings ? ", " + plural(s.warnings, "warning") : "") + "." + (top ? " Top: " + top + "." : "");
  }
  function runRank(file, detect) {
    if (!(file instanceof Blob)) return Promise.reject(new TypeError("clout.openRoster: expected a File"));
    if (pending) cancelRun();
    if (!worker) newWorker();
    const id = ++runId;
    const key = "r" + nextKey++;
    return new Promise((resolve, reject) => {
      pending = { id, resolve, reject, all: [], errors: [], reading: [key], t0: performance.now(), rank: { file, detect } };
      clout.busy = true;
      if (mod) {
        mod._clout_web_working(1, 1);
        mod._clout_web_rank_working();
        sendProgress(file.name, 0, file.size, 0, 0, 0, 1);
      }
      clout.announce("Reading " + file.name + "…");
      worker.postMessage({ type: "rank", id, key, file, detect: !!detect });
    });
  }
  function finishRank(p, m) {
    pending = null;
    clout.busy = false;
    clout.errors = [];
    // The ranking replaces whatever was on screen (a report is closed as by "Start over").
    sources = [];
    followers = null;
    reactions = reshares = null;
    clout.files = [];
    clout.report = null;
    clout.reportJSON = null;
    updateReportText(null);
    rankData = { name: m.name, json: m.json, csv: m.csv };
    $("rank-filter").value = "";
    clout.rankSummary = m.summary;
    const tIn = performance.now();
    clout.lastRun = { ms: tIn - p.t0, files: 1, bytes: m.json.length, rank: true };
    if (mod) {
      mod._clout_web_report(0);
      const v = m.view;
      const ptr = mod._malloc(Math.max(1, v.length));
      try {
        mod.HEAPU8.set(v, ptr);
        withString(m.name, (np) => mod._clout_web_rank(ptr, v.length, np));
      } finally { mod._free(ptr); }
      sendErrors([]);
      mod._clout_web_working(0, 0);
    }
    clout.lastRun.handOverMs = performance.now() - tIn;   // the table into the app (main thread)
    changed();
    const box = $("report-text");
    if (box) {
      box.replaceChildren();
      box.hidden = false;
      box.dataset.rank = "1";
      const h = document.createElement("h2");
      h.textContent = "Audience ranking of " + m.name;
      const para = document.createElement("p");
      para.textContent = rankHeadline(m.summary);
      box.append(h, para);
    }
    clout.announce(rankHeadline(m.summary));
    p.resolve(m.summary);
  }

  // ---- the import worker (web/worker.js): files are read there, never on this thread.
  let worker = null;
  let workerHas = new Set();   // keys the current worker has read
  let nextKey = 1, runId = 0;
  let sources = [];            // [{key, file}] behind the report on screen, in order
  let followers = null;        // a follower count typed in (Sources), or null
  let reactions = null, reshares = null;  // reactions / reshares per post typed in (Sources), or null
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
    const all = (replace ? [] : sources).concat(added);
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
      if (mod) {
        mod._clout_web_working(1, toRead.length);
        if (toRead.length) sendProgress(names[0], 0, toRead[0].file.size, 0, 0, 0, toRead.length);
      }
      clout.announce(toRead.length ? "Reading " + names.join(", ") + "…" : "Scoring again…");
      worker.postMessage({ type: "run", id, reset, add: toRead, keys: all.map((s) => s.key), followers, reactions, reshares });
    });
    pending.done = run;
    return run;
  }

  function cancelRun() {
    const p = pending;
    if (!p) return;
    newWorker();   // the only way to stop a worker mid-read; the next run reads again
    finish(p, null, null, true);
  }

  function onWorker(m) {
    const p = pending;
    if (!p || m.id !== p.id) return;
    if (m.type === "progress") {
      // At most 4 redraws a second for progress: the main thread stays free.
      const now = performance.now();
      if (p.lastProgress && now - p.lastProgress < 250 && m.stage !== "done") return;
      p.lastProgress = now;
      const index = Math.max(0, p.reading.indexOf(m.key));
      if (mod) sendProgress(m.name, m.done, m.total, m.entries, m.posts, index, p.reading.length);
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
      finishRank(p, m);
    } else if (m.type === "rankFail") {
      p.errors.push(m.name + ": " + m.message);
      finish(p, null, m.message);
    } else if (m.type === "notRoster") {  // a dropped CSV that is an export: read it as one
      pending = null;
      clout.busy = false;
      runImport([p.rank.file], true).then(p.resolve, p.reject);
    }
  }

  function finish(p, json, message, cancelled, view, ahead) {
    pending = null;
    clout.busy = false;
    clout.errors = p.errors.slice();
    const ms = performance.now() - p.t0;
    if (json) {
      clearRank();  // a report replaces the ranking on screen
      // A new report is taken in over several short tasks, so that no one of them holds the
      // main thread long (no task over 50 ms). With the exact text the worker sent
      // its view of the report (worker.js): the share card's payload, the report's members as
      // separate JSON texts and the trend as numbers. Here: JSON.parse for clout.report and
      // the share card (one short call); then the dashboard takes the members, a few per task
      // (about 8 ms of work each), and shows the report at the end; then the screen-reader
      // text. The run stays busy until the last; a newer run drops the rest.
      clout.busy = true;
      sources = p.all;
      clout.files = sources.map((s) => s.file);
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
        mod._clout_web_working(0, 0);
      };
      let taken;
      if (!mod) {
        taken = Promise.resolve();
      } else if (!view) {
        taken = step(() => { withString(json, (ptr) => mod._clout_web_report(ptr)); show(); });
      } else {
        const parts = view.parts.slice();
        const begin = step(() => {
          mod._clout_web_report_begin();
          const t = view.trend, pt = mod._malloc(Math.max(4, t.byteLength));
          try {
            mod.HEAPU8.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), pt);
            withString(view.dates, (pd) => mod._clout_web_report_trend(pt, t.length / 6, pd));
          } finally { mod._free(pt); }
        });
        const more = () => step(() => {
          const t0 = performance.now();
          do {
            const [key, text] = parts.shift();
            withString(key, (pk) => withString(text, (pj) => mod._clout_web_report_part(pk, pj)));
          } while (parts.length && performance.now() - t0 < 8);
        }).then(() => (parts.length && current() ? more() : undefined));
        taken = begin.then(() => (parts.length ? more() : undefined)).then(() => step(() => {
          if (!mod._clout_web_report_end()) withString(json, (ptr) => mod._clout_web_report(ptr));
          show();
        }));
      }
      let text = Promise.resolve();
      taken.then(() => step(() => {
        text = updateReportText(takeReportText(), current);
        changed();
        for (const fn of reportListeners) {
          try { fn(report); } catch (e) { console.error(e); }
        }
      })).then(() => text).then(() => {
        if (id === runId && !pending) clout.busy = false;
        p.resolve(report);
      });
      return;
    }
    if (mod) {
      sendErrors(clout.errors.length ? clout.errors : (cancelled ? [] : [message || "the export could not be read"]));
      mod._clout_web_working(0, 0);
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

  function sendProgress(name, done, total, entries, posts, index, count) {
    withString(name, (ptr) => mod._clout_web_progress(ptr, done, total, entries, posts, index, count));
  }
  function sendErrors(list) {
    withString(list.join("\n"), (ptr) => mod._clout_web_errors(ptr));
  }

  // ---- text versions of the report: the screen-reader section, the live region's
  // headline and "Copy summary", made by the app from the typed report its panels draw
  // (src/web/report_a11y.cpp, clout_web_report_text): {headline, summary, sections}.
  const plural = (n, w) => n + " " + w + (n === 1 ? "" : "s");
  let reportText = null;
  function takeReportText() {
    reportText = null;
    if (!mod || !clout.report) return null;
    const t = mod.UTF8ToString(mod._clout_web_report_text());
    reportText = t ? JSON.parse(t) : null;
    return reportText;
  }
  // The screen-reader section: its sections are made at once (detached elements, cheap) and
  // put in the page one at a time when it is idle (returns a promise), so that no frame lays
  // out all of it (laying out the ~100 elements took 15-40 ms on a loaded machine).
  function updateReportText(t, still = () => true) {
    const box = $("report-text");
    if (!t) reportText = null;
    if (!box) return Promise.resolve();
    box.replaceChildren();
    if (!t) { box.hidden = true; return Promise.resolve(); }
    box.hidden = false;
    const sections = [];
    let cur = null;
    const add = (tag, text, parent = null) => {
      const el = document.createElement(tag);
      el.textContent = text;
      if (parent) parent.append(el);
      else cur.push(el);
      return el;
    };
    const section = (title) => { cur = []; sections.push(cur); add("h2", title); };
    const list = (items) => { const ul = add("ul", ""); for (const x of items) add("li", x, ul); };
    // the files given that were not scored, each with its reason, before the warnings
    const notScored = () => { if (clout.errors.length) { section("Files not scored"); list(clout.errors); } };
    let listed = false;
    for (const sec of t.sections) {
      if (sec.title === "Warnings" && !listed) { notScored(); listed = true; }
      section(sec.title);
      if (sec.p !== undefined) add("p", sec.p);
      if (sec.list) list(sec.list);
    }
    if (!listed) notScored();
    clout.announce(t.headline + (clout.errors.length ? " Not scored: " + clout.errors.join("; ") : ""));
    // One section at a time, each when the page is idle (or after 300 ms at the latest): the
    // dashboard's first frames build its rows, and a section's style and layout (5-20 ms on
    // a loaded machine) would otherwise land in the same frame.
    const idle = () => new Promise((res) => {
      if (window.requestIdleCallback) requestIdleCallback(() => res(), { timeout: 300 });
      else setTimeout(res, 50);
    });
    const put = (i) => {
      if (!still()) return Promise.resolve();
      box.append(...sections[i]);
      return i + 1 < sections.length ? idle().then(() => put(i + 1)) : Promise.resolve();
    };
    return idle().then(() => put(0));
  }

  let toastTimer = 0;
  function toast(text) {
    const t = $("toast");
    if (!t) return;
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 1800);
  }

  function changed() {
    for (const fn of listeners) {
      try { fn(clout.files.slice()); } catch (e) { console.error(e); }
    }
  }

  // A string copied into the module as UTF-8 for the call (TextEncoder: native speed; the
  // report is ~85 KB and Emscripten's stringToUTF8 is a JS loop).
  const utf8 = new TextEncoder();
  function withString(s, fn) {
    const bytes = utf8.encode(s);
    const p = mod._malloc(bytes.length + 1);
    try {
      mod.HEAPU8.set(bytes, p);
      mod.HEAPU8[p + bytes.length] = 0;
      fn(p);
    } finally { mod._free(p); }
  }

  function fail(message, detail) {
    if (clout.state === "failed") return;
    clout.state = "failed";
    $("splash").classList.add("gone");
    openBox.hidden = true;
    const box = $("fatal");
    box.replaceChildren();
    const strong = document.createElement("strong");
    strong.textContent = message;
    box.append(strong, document.createTextNode(detail || ""));
    box.hidden = false;
    rejectReady(new Error(message));
  }

  // ---- keyboard: the Emscripten GLFW layer listens on window and swallows Tab. Keys go
  // to the browser when focus is on a page control (the file input), and Tab always does,
  // so the keyboard can reach "Open export…". Registered before the app's own listeners.
  const pageKey = (e) => {
    const el = document.activeElement;
    const onControl = el && el !== document.body && el !== canvas;
    if (e.key === "Tab" || onControl) e.stopImmediatePropagation();
  };
  for (const type of ["keydown", "keyup", "keypress"]) window.addEventListener(type, pageKey, true);

  // ---- touch: Emscripten's GLFW gives no position for touches; send it before GLFW's own
  // handlers (registered later on the same element) turn the touch into a click.
  const touchAt = (e) => {
    const t = e.touches && e.touches[0];
    if (!mod || !t) return;
    const r = canvas.getBoundingClientRect();
    mod._clout_web_touch(t.clientX - r.left, t.clientY - r.top);
  };
  // ---- wheel: handled here (Emscripten's GLFW listens passively and its preventDefault
  // logs an error); the app gets the scroll in its own units, the page never scrolls.
  window.addEventListener("wheel", (e) => {
    e.stopImmediatePropagation();
    e.preventDefault();
    if (!mod) return;
    const k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    mod._clout_web_wheel(-e.deltaX * k, -e.deltaY * k);
  }, { capture: true, passive: false });
  canvas.addEventListener("touchstart", touchAt, { capture: true, passive: true });
  canvas.addEventListener("touchmove", touchAt, { capture: true, passive: true });

  // ---- files: the picker and drag and drop anywhere on the page (never GLFW's drop
  // callback, which would read whole files into memory).
  input.addEventListener("change", () => {
    clout.addFiles(input.files);
    input.value = "";   // picking the same file again fires change again
  });
  $("add-file").addEventListener("change", (e) => {
    const f = Array.from(e.target.files || []);
    e.target.value = "";
    if (f.length) clout.add(f).catch(() => {});
  });
  $("copy-btn").addEventListener("click", () => {
    clout.copySummary().catch((e) => { console.warn("clout: copy failed:", e.message); toast("Copy failed: " + e.message); });
  });
  $("new-btn").addEventListener("click", () => clout.startOver());
  $("cancel").addEventListener("click", () => clout.cancel());
  // The welcome screen's "Rank an audience (CSV)…" and "Try a sample roster", the
  // ranking's toolbar and its filter field (placed by src/web/panel_rank.cpp)
  $("rank-file").addEventListener("change", (e) => {
    const f = e.target.files && e.target.files[0];
    e.target.value = "";
    if (f) clout.openRoster(f).catch(() => {});
  });
  $("rank-file-2").addEventListener("change", (e) => {
    const f = e.target.files && e.target.files[0];
    e.target.value = "";
    if (f) clout.openRoster(f).catch(() => {});
  });
  $("rank-sample").addEventListener("click", () => {
    clout.trySampleRoster().catch((e) => { if (e.name !== "AbortError") console.warn("clout: sample roster:", e.message); });
  });
  $("rank-csv").addEventListener("click", () => clout.rankDownload("csv").catch((e) => toast(e.message)));
  $("rank-json").addEventListener("click", () => clout.rankDownload("json").catch((e) => toast(e.message)));
  $("rank-new").addEventListener("click", () => clout.startOver());
  // The share card's name (Share panel): typed in a real input, kept by the app.
  const shareName = $("share-name");
  shareName.addEventListener("input", () => { if (mod) withString(shareName.value, (p) => mod._clout_web_share_set_name(p, -1)); });
  const rankFilter = $("rank-filter");
  rankFilter.addEventListener("input", () => { if (mod) withString(rankFilter.value, (p) => mod._clout_web_rank_filter(p)); });
  rankFilter.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && rankFilter.value) { rankFilter.value = ""; rankFilter.dispatchEvent(new Event("input")); }
  });
  new ResizeObserver(() => {
    const r = $("rank-toolbar").getBoundingClientRect();
    if (mod && r.width > 0) mod._clout_web_rank_toolbar(r.width, r.height);
  }).observe($("rank-toolbar"));
  $("sample").addEventListener("click", () => {
    clout.trySample().catch((e) => { if (e.name !== "AbortError") console.warn("clout: sample:", e.message); });
  });
  const fol = $("followers");
  const applyFollowers = () => {
    const v = fol.value.trim().replace(/[\s,._']/g, "");
    if (v === "") { clout.setFollowers(null).catch(() => {}); return; }
    if (!/^\d{1,12}$/.test(v)) { fol.setCustomValidity("A whole number, e.g. 1200"); fol.reportValidity(); return; }
    fol.setCustomValidity("");
    clout.setFollowers(Number(v)).catch(() => {});
  };
  $("followers-form").addEventListener("submit", (e) => { e.preventDefault(); applyFollowers(); });
  fol.addEventListener("change", applyFollowers);
  const rea = $("reactions"), res = $("reshares");
  const applyReactions = () => {
    const read = (el) => {
      const v = el.value.trim().replace(/[\s,._']/g, "");
      if (v === "") { el.setCustomValidity(""); return null; }
      if (!/^\d{1,9}$/.test(v)) { el.setCustomValidity("A whole number, e.g. 5"); el.reportValidity(); return undefined; }
      el.setCustomValidity("");
      return Number(v);
    };
    const a = read(rea), b = read(res);
    if (a === undefined || b === undefined) return;
    clout.setReactions(a, b).catch(() => {});
  };
  $("reactions-form").addEventListener("submit", (e) => { e.preventDefault(); applyReactions(); });
  rea.addEventListener("change", applyReactions);
  res.addEventListener("change", applyReactions);
  // The app lays out its header around the toolbar (its buttons may be added by others).
  new ResizeObserver(() => {
    const r = clout.toolbar.getBoundingClientRect();
    if (mod && r.width > 0) mod._clout_web_toolbar(r.width, r.height);
  }).observe(clout.toolbar);

  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  const setDrag = (over) => { if (mod) mod._clout_web_drag(over ? 1 : 0); };
  document.addEventListener("dragenter", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    if (dragDepth++ === 0) setDrag(true);
  });
  document.addEventListener("dragover", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  });
  document.addEventListener("dragleave", (e) => {
    if (!hasFiles(e)) return;
    if (--dragDepth <= 0) { dragDepth = 0; setDrag(false); }
  });
  document.addEventListener("drop", (e) => {
    if (!hasFiles(e)) return;
    e.preventDefault();
    dragDepth = 0;
    setDrag(false);
    clout.addFiles(e.dataTransfer.files);
  });

  // ---- theme
  const darkQuery = window.matchMedia("(prefers-color-scheme: dark)");
  const sendTheme = () => { if (mod) mod._clout_web_theme(darkQuery.matches ? 1 : 0); };
  darkQuery.addEventListener("change", sendTheme);
  window.addEventListener("resize", () => { sendCanvasSize(); if (mod) mod._clout_web_wake(); });
  // The canvas's CSS size and the device pixel ratio go to the app when they change, so the
  // app never asks the DOM for them inside a frame (that forced a layout in the frame).
  let canvasCss = null;
  function sendCanvasSize(w, h) {
    if (w !== undefined) canvasCss = [w, h];
    if (!canvasCss) { const r = canvas.getBoundingClientRect(); canvasCss = [r.width, r.height]; }
    if (mod) mod._clout_web_canvas(canvasCss[0], canvasCss[1], window.devicePixelRatio || 1);
  }
  new ResizeObserver((entries) => {
    const r = entries[entries.length - 1].contentRect;
    sendCanvasSize(r.width, r.height);
  }).observe(canvas);
  // devicePixelRatio alone can change (another screen, emulation) without a resize of the
  // canvas: a media query on the current ratio tells in browsers that fire it, and a look at
  // the ratio 4 times a second (one property read, no layout) where none does (headless
  // Chromium's emulation).
  let lastRatio = window.devicePixelRatio || 1;
  const ratioChanged = () => {
    const r = window.devicePixelRatio || 1;
    if (r === lastRatio) return;
    lastRatio = r;
    sendCanvasSize();
    if (mod) mod._clout_web_wake();
    watchRatio();
  };
  function watchRatio() {
    window.matchMedia(`(resolution: ${lastRatio}dppx)`).addEventListener("change", ratioChanged, { once: true });
  }
  watchRatio();
  setInterval(ratioChanged, 250);
  window.addEventListener("focus", () => { if (mod) mod._clout_web_wake(); });

  window.addEventListener("error", (e) => fail("clout stopped with an error.", " " + (e.message || "")));
  window.addEventListener("unhandledrejection", (e) => fail("clout stopped with an error.", " " + ((e.reason && e.reason.message) || e.reason || "")));

  // ---- start: the fonts and the module load in parallel; main() runs once both are here.
  const FONTS = ["assets/Inter-Regular.otf", "assets/Inter-SemiBold.otf", "assets/forkawesome-webfont.ttf"];
  const fontBytes = Promise.all(FONTS.map((url) =>
    fetch(url).then((r) => (r.ok ? r.arrayBuffer() : Promise.reject(new Error(url + ": HTTP " + r.status))))));

  function loadScript(src) {
    return new Promise((res, rej) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = res;
      s.onerror = () => rej(new Error("could not load " + src));
      document.head.append(s);
    });
  }

  async function start() {
    if (typeof WebAssembly !== "object") {
      fail("This browser cannot run clout.", " It needs WebAssembly, which every current browser has.");
      return;
    }
    const probe = document.createElement("canvas").getContext("webgl2");
    if (!probe) {
      fail("This browser cannot draw clout.", " It needs WebGL 2, which may be turned off in the browser's settings.");
      return;
    }
    await loadScript("clout.js");
    const [m, fonts] = await Promise.all([
      // eslint-disable-next-line no-undef
      createCloutApp({
        canvas,
        print: (t) => console.log(t),
        printErr: (t) => console.warn(t),
        onAbort: (what) => fail("clout stopped with an error.", " " + (what || "")),
      }),
      fontBytes.catch((e) => { console.warn("clout: fonts unavailable, using the built-in font:", e.message); return []; }),
    ]);
    mod = m;
    clout._module = m;  // share
    fonts.forEach((buf, i) => {
      const bytes = new Uint8Array(buf);
      const p = mod._malloc(bytes.length);
      mod.HEAPU8.set(bytes, p);
      mod._clout_web_font(i, p, bytes.length);
      mod._free(p);
    });
    sendTheme();
    sendCanvasSize();
    mod.callMain([]);
    // Hooks run after main() set up the app, before it draws; scripts that load
    // later (the page's other scripts can run after this) get theirs run at once.
    const runHook = (fn) => { try { fn(mod); } catch (e) { console.error(e); } };
    clout._beforeMain.forEach(runHook);
    clout._beforeMain.push = runHook;
    if (pending) mod._clout_web_working(1, pending.reading.length);
    if (clout.report) withString(clout.reportJSON, (ptr) => mod._clout_web_report(ptr));
  }
  start().catch((e) => fail("clout could not start.", " " + (e && e.message ? e.message : e)));
})();
