// window.clout: the one namespace shared by the page, the wasm app, tests and embedders.
// This file makes it (the first of the page's scripts) with the public members below; the
// internals behind them are in the page's other scripts, which share them through
// clout._page (internal: not an API):
//   web/report_text.js    the report as text: the screen-reader section, the live region,
//                         "Copy summary"
//   web/worker_client.js  the import worker: runs (reading, scoring, ranking), cancel, the
//                         report handed to the app
//   web/rank_client.js    the audience ranking's results: its bytes, the app's table, downloads
//   web/input.js          the page's own input: keyboard, wheel, touch, the controls placed
//                         over the canvas, drag and drop
//   web/app.js            the start: the fonts, the module, the canvas's size, theme and errors
//
// The public part is documented in docs/JS_API.md:
//   clout.open(files)      reads File objects (a FileList or array) in the import worker and
//                          resolves with the report object (the CLI's `clout score --json`)
//   clout.add(files)       the same, adding the files to the current report
//   clout.report           the last report object (null before the first)
//   clout.reportJSON       its exact JSON text, byte for byte what the CLI prints (with
//                          --tz set to the browser's time zone: the heatmap's hours are local)
//   clout.errors           the last run's per-file errors, "FILE: message"
//   clout.setFollowers(n)  re-scores with a follower count typed in (null: none)
//   clout.setReactions(r, s)  ... with reactions and reshares per post typed in (0.4; null: none)
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
//                          (these three: web/rank_client.js)
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
// framesDrawn, fontsReal, lastRun (timings), _place*, _frameDrawn, _saveBlob, _page.
// Called by the wasm app (src/web/bridge.cpp): _placeOpenButton / _place(id, x, y, w, h,
// visible) in CSS pixels, _frameDrawn(fontsReal), openPicker, clearFiles, announce, cancel,
// setFollowers, trySample, startOver, copyText.
// Calls into the app (Module._clout_web_*): font, file_added, files_clear, drag, theme,
// touch, wake, canvas, working, progress, report, errors, toolbar.
//
// Index of this file:
//   [SECTION] window.clout
//   [SECTION] Helpers: the toast, the files changed, strings into the module
//   [SECTION] What the page's scripts share (clout._page)
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const input = $("file");
  const status = $("status");
  const mod = () => clout._module;   // the Emscripten module once it runs (web/app.js)
  const listeners = [];

  // ---- [SECTION] window.clout
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
        page.runRank(added[0], true).catch(() => { /* shown in the app */ });
        return;
      }
      const p = clout.report ? clout.add(added) : clout.open(added);
      p.catch(() => { /* shown in the app */ });
    },
    clearFiles() { clout.startOver(); },
    open(files) { return page.runImport(Array.from(files || []), true); },
    add(files) { return page.runImport(Array.from(files || []), false); },
    setFollowers(n) {
      page.followers = typeof n === "number" && isFinite(n) && n >= 0 ? Math.floor(n) : null;
      if (!page.sources.length) return Promise.resolve(clout.report);
      return page.runImport([], false);
    },
    // About how many reactions and reshares a post gets, typed for exports without
    // reaction counts (null = not given; up to two decimals: 0.4); the score marks them "typed".
    setReactions(perPost, resharesPerPost) {
      const ok = (n) => (typeof n === "number" && isFinite(n) && n >= 0 ? Math.round(n * 100) / 100 : null);
      page.reactions = ok(perPost);
      page.reshares = ok(resharesPerPost);
      if (!page.sources.length) return Promise.resolve(clout.report);
      return page.runImport([], false);
    },
    cancel() { page.cancelRun(); },
    // scores the files on screen again (public counts fetched: web/fetch.js)
    rescore() { return page.sources.length ? page.runImport([], false) : Promise.resolve(clout.report); },
    // a message for the import worker (web/fetch.js), starting one if needed
    _postToWorker(msg) { page.postToWorker(msg); },
    startOver() {
      page.cancelRun();
      page.forgetReport();
      clout.errors = [];
      page.clearRank();  // rank
      if (mod()) { mod()._clout_web_report(0); page.sendErrors([]); }
      changed();
    },
    openRoster(file) { return page.runRank(file, false); },
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
    // "csv" | "json": saves the ranking's exact bytes (web/rank_client.js)
    rankDownload(kind) { return page.rankDownload(kind); },
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
    summary() { return page.reportText ? page.reportText.summary : ""; },
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
    onReport(fn) { page.reportListeners.push(fn); },
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
        setTimeout(() => page.startWorker(), 0);
        $("splash").classList.add("gone");
        setTimeout(() => $("splash").remove(), 400);
        resolveReady();
      }
    },
  };
  window.clout = clout;

  // ---- [SECTION] Helpers: the toast, the files changed, strings into the module
  let toastTimer = 0;
  function toast(text) {
    const t = $("toast");
    if (!t) return;
    t.textContent = text;
    t.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { t.hidden = true; }, 1800);
  }

  // The files on screen changed: clout.onFiles listeners.
  function changed() {
    for (const fn of listeners) {
      try { fn(clout.files.slice()); } catch (e) { console.error(e); }
    }
  }

  // A string copied into the module as UTF-8 for the call (TextEncoder: native speed; the
  // report is ~85 KB and Emscripten's stringToUTF8 is a JS loop).
  const utf8 = new TextEncoder();
  function withString(s, fn) {
    const m = mod();
    const bytes = utf8.encode(s);
    const p = m._malloc(bytes.length + 1);
    try {
      m.HEAPU8.set(bytes, p);
      m.HEAPU8[p + bytes.length] = 0;
      fn(p);
    } finally { m._free(p); }
  }

  // ---- [SECTION] What the page's scripts share (clout._page)
  // What the page's scripts share. Each of the others adds what it owns (its functions, and
  // the state another one reads or writes) when it loads; nothing here is called before
  // every script has loaded.
  const page = {
    $,
    mod,
    withString,
    toast,
    changed,
    plural: (n, w) => n + " " + w + (n === 1 ? "" : "s"),
    rejectReady: (e) => rejectReady(e),
    reportListeners: [],  // clout.onReport
    // The report on screen (web/worker_client.js keeps them; the API and the ranking reset them):
    sources: [],          // [{key, file}] behind the report on screen, in order
    followers: null,      // a follower count typed in (Sources), or null
    reactions: null,      // reactions per post typed in (Sources), or null
    reshares: null,       // reshares per post typed in (Sources), or null
    reportText: null,     // the report as text (web/report_text.js)
    rankData: null,       // the last ranking (web/rank_client.js)
    // Forgets the report on screen and what was typed for it ("Start over", a ranking replacing it).
    forgetReport() {
      page.sources = [];
      page.followers = null;
      page.reactions = page.reshares = null;
      for (const id of ["followers", "reactions", "reshares"]) $(id).value = "";  // the fields say what is applied
      clout.files = [];
      clout.report = null;
      clout.reportJSON = null;
      page.updateReportText(null);
    },
  };
  clout._page = page;
})();
