// clout import worker: runs the engine (clout-worker.wasm, src/worker/main.cpp) off the
// page's main thread. Each File is mounted with WORKERFS (read in slices with
// FileReaderSync, never loaded whole), read once, and kept as parsed activity in the
// module, so a follower count typed in re-scores without reading anything again.
//
// Messages in (from web/worker_client.js):
//   {type: "run", id, reset, add: [{key, file}], keys: [key...], followers: number|null,
//    reactions: number|null, reshares: number|null}   (typed per post, for exports without them)
//       forgets every file read before (reset), reads the files in `add`, then builds the
//       combined report of `keys` (every file held)
// Messages out:
//   {type: "ready"}
//   {type: "warm", ms}   the warm-up is done (below), after ms
//   {type: "progress", id, key, name, done, total, entries, posts, stage}
//   {type: "fileError", id, key, name, message}     the file is skipped: why, one line, without
//       the file name (unrecognised, unreadable, a media-only part of an X archive)
//   {type: "report", id, keys, json, view, ahead}   json = the exact text of `clout score --json`;
//       view = what the page's main thread takes in small steps instead of parsing json in
//       wasm: {card: share payload or "", parts: [[key, JSON text]...] (every
//       member but trend), trend: Int32Array [score, 5 points] a day, dates: "YYYY-MM-DD"...}
//       (src/worker/main.cpp clout_worker_view). ahead: where the time went ("Two workers"
//       below): {own, helper: data files read ahead by this worker and by the helper,
//       ownMs: this worker reading its share, waitMs: then waiting for the helper's,
//       helperMs: the helper reading its share, helperHeap: the helper's wasm heap (bytes),
//       importMs: the import (the files not read ahead, and the merge), reportMs: the
//       report and its view}
//   {type: "fail", id, message}                      no report (no file could be scored)
// Audience ranking (docs/RANKING.md "In the page"):
//   in:  {type: "rank", id, key, file, detect}   ranks a roster CSV; with detect, a file an
//        export importer recognises (or without a handle column) is answered "notRoster"
//   out: {type: "rank", id, name, json, csv, view, summary}   json/csv: Uint8Array, the exact
//        bytes of `clout rank --json` / `--csv`; view: the panel's table (rank/rank_view.h)
//        {type: "notRoster", id}                   read it as an export instead
//        {type: "rankFail", id, name, message}     one line, without the file name
// Cancel = the page terminates this worker and starts a fresh one.
//
// Two workers (docs/ARCHITECTURE.md "Two workers"): the page has no threads, so on a
// device with two cores or more this worker starts a second copy of itself (the helper,
// named "clout-helper"), which stands by. For a large X archive, the import first splits
// the archive's big data files (tweets parts, likes, followers ...) between the two
// (importers/x_archive.h): both read their share at the same time, the helper sends its
// parts over as bytes, and the import merges them where it would have read those files,
// so the report is byte for byte the one of reading alone. If the helper fails in any way,
// this worker reads those files itself. The helper answers one message:
//   in:  {type: "ahead", id, key, file, files: [entry path...]}
//   out: {type: "progress", ...} as above, then
//        {type: "ahead", id, bytes: Uint8Array|null, message, heap: its wasm heap's bytes}
//
// Privacy (docs/ARCHITECTURE.md "Sharing, exports, history, privacy"): the page starts this
// worker from a blob: URL that sets self.cloutBase (the page's folder) and loads this file,
// and this worker starts the helper the same way. A worker made from a blob: URL inherits the Content-Security-Policy of
// the page or worker that made it; one loaded from its own file would take its policy from
// that file's response headers, which a static host does not send. So the page's policy
// (index.html: connect to no other origin) binds both workers. Everything they load is named
// by an absolute URL under cloutBase: a blob: URL is no base for a relative one.
"use strict";

const BASE = self.cloutBase || new URL(".", self.location.href).href;
importScripts(BASE + "clout-worker.js", BASE + "worker_fetch.js");

const isHelper = self.name === "clout-helper";
// The big data files must add up to this much (uncompressed) before the helper is asked:
// below it, handing them over costs more than it saves.
const AHEAD_MIN_BYTES = 4 << 20;
const HELPER_QUIET_MS = 20000;
// A second half's cost against its size: inflating the first half too (measured: scripts/bench.sh).
const SECOND_HALF_WEIGHT = 1.3;

let current = { id: 0, key: "", name: "", done: 0, total: 0, helperDone: 0 };
self.cloutProgress = (key, done, total, entries, posts, stage) => {
  // With the helper, its bytes count too; the bar never goes back (the import after the
  // reading ahead starts again from the file's opening: the last figures stay).
  if (key === current.key) {
    done = Math.min(total, done + current.helperDone);
    if (current.total > 0 && done / total < current.done / current.total) {
      done = current.done;
      total = current.total;
    } else {
      current.done = done;
      current.total = total;
    }
  }
  postMessage({ type: "progress", id: current.id, key, name: current.name, done, total, entries, posts, stage });
};

// eslint-disable-next-line no-undef
const ready = createCloutWorker({
  locateFile: (file) => BASE + file,
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
}).then((m) => { postMessage({ type: "ready" }); startHelper(); queue = queue.then(() => warmUp(m)); return m; });

function call(m, name, ret, types, args) {
  return m.ccall(name, ret, types, args);
}

// ---- Warm-up: the browser runs wasm in a quick baseline compile first and optimises the
// hot functions later, in the background. A first import on a cold engine took about twice
// as long as the next one. So, while the page waits for a file, the helper reads the first
// WARM_UP_POSTS posts of the page's own sample archive, and this worker the whole of it up
// to its report, view and share card (src/worker/main.cpp clout_worker_warm_up; 8 MB of
// JSON, a few tenths of a second of one core), and both forget them.
const WARM_UP_POSTS = 3000;
async function warmUp(m) {
  const t0 = performance.now();
  try {
    const res = await fetch(BASE + "sample/x-archive-sample.zip");
    if (!res.ok) return;
    const file = new File([await res.blob()], "warm-up.zip");
    const FS = m.FS, dir = "/warm-up";
    FS.mkdir(dir);
    try {
      // eslint-disable-next-line no-undef
      FS.mount(FS.filesystems.WORKERFS, { files: [file] }, dir);
      call(m, "clout_worker_warm_up", null, ["string", "number"], [dir + "/" + file.name, isHelper ? WARM_UP_POSTS : 0]);
    } finally {
      try { FS.unmount(dir); } catch (_) { /* not mounted */ }
      try { FS.rmdir(dir); } catch (_) { /* not there */ }
    }
  } catch (_) { /* no sample (a trimmed copy of the page): no warm-up */ }
  if (!isHelper) postMessage({ type: "warm", ms: performance.now() - t0 });
}

// ---- the helper, seen from this worker
let helper = null, helperReady = Promise.resolve(false), helperSeq = 0, helperSeen = 0, helperUrl = null;
const helperWaits = new Map();  // id -> resolve({bytes, message})
function startHelper() {
  const cores = (self.navigator && navigator.hardwareConcurrency) || 1;
  if (isHelper || cores < 2 || typeof Worker !== "function") return;
  try {
    // From a blob: URL, as the page starts this worker: it inherits this worker's policy,
    // which is the page's (above).
    if (!helperUrl) {
      helperUrl = URL.createObjectURL(new Blob(
        [`self.cloutBase = ${JSON.stringify(BASE)};\nimportScripts(self.cloutBase + "worker.js");\n`],
        { type: "text/javascript" }));
    }
    helper = new Worker(helperUrl, { name: "clout-helper" });
  } catch (_) {
    helper = null;
    return;
  }
  helperReady = new Promise((resolve) => {
    helper.onmessage = (e) => {
      const d = e.data || {};
      helperSeen = performance.now();
      if (d.type === "ready") resolve(true);
      else if (d.type === "progress" && d.id === current.aheadId) current.helperDone = d.done || 0;
      else if (d.type === "ahead" && helperWaits.has(d.id)) {
        helperWaits.get(d.id)(d);
        helperWaits.delete(d.id);
      }
    };
    helper.onerror = (e) => {
      if (e && e.preventDefault) e.preventDefault();
      resolve(false);
      for (const done of helperWaits.values()) done({ bytes: null, message: "the helper failed" });
      helperWaits.clear();
      helper = null;
      helperReady = Promise.resolve(false);
    };
  });
}

// Reads the big data files of the X archive at `path` ahead, half of them on the helper,
// and keeps them in the module for the import that follows. Never throws: whatever fails,
// the import reads what is missing itself. Counts the files each side read in `stats`.
async function readAhead(m, key, path, file, stats) {
  if (!helper || !(await helperReady)) return;
  let list = [];
  try {
    const text = call(m, "clout_worker_parts", "string", ["string", "string"], [path, file.name]);
    if (text) list = JSON.parse(text);
  } catch (_) {
    return;
  }
  if (list.length < 2 || list.reduce((n, f) => n + f[1], 0) < AHEAD_MIN_BYTES) return;
  // Largest first, each to the side with less so far: the helper starts. An only tweets file
  // comes as two halves (importers/x_archive.h); the second also inflates the first without
  // reading it, so it weighs more and goes to the helper: this worker has the import after.
  const weight = ([p, size]) => (p.endsWith(" (second half)") ? size * SECOND_HALF_WEIGHT : size);
  const mine = [], theirs = [];
  let a = 0, b = 0;
  for (const f of list.slice().sort((x, y) => weight(y) - weight(x) || (x[0] < y[0] ? -1 : 1))) {
    if (b <= a) { theirs.push(f[0]); b += weight(f); } else { mine.push(f[0]); a += weight(f); }
  }
  if (!mine.length) return;
  const id = ++helperSeq;
  current.aheadId = id;
  const answer = new Promise((resolve) => helperWaits.set(id, resolve));
  const t0 = performance.now();
  helperSeen = t0;
  helper.postMessage({ type: "ahead", id, key, file, files: theirs });
  call(m, "clout_worker_read_ahead", "string", ["string", "string", "string", "string", "number"], [key, path, file.name, mine.join("\n"), 1]);
  stats.own += mine.length;
  const t1 = performance.now();
  stats.ownMs += t1 - t0;
  helperSeen = Math.max(helperSeen, t1);  // its messages queued while this one read count
  // A helper that goes quiet (it reports progress several times a second while it reads)
  // is given up on: a fresh one is started, and the import reads those files itself.
  const reply = await new Promise((resolve) => {
    const watch = setInterval(() => {
      if (performance.now() - helperSeen < HELPER_QUIET_MS) return;
      clearInterval(watch);
      helperWaits.delete(id);
      if (helper) helper.terminate();
      helper = null;
      startHelper();
      resolve({ bytes: null, message: "the helper stopped answering" });
    }, 500);
    answer.then((r) => { clearInterval(watch); resolve(r); });
  });
  stats.waitMs += performance.now() - t1;
  stats.helperHeap = Math.max(stats.helperHeap, reply.heap || 0);
  stats.helperMs += reply.ms || 0;
  if (!reply.bytes) return;
  const ptr = call(m, "clout_worker_blob_alloc", "number", ["number"], [reply.bytes.length]);
  if (!ptr) return;
  m.HEAPU8.set(reply.bytes, ptr);
  const err = call(m, "clout_worker_take_blob", "string", [], []);
  if (err) console.warn("clout: the helper's parts were not taken: " + err);
  else stats.helper += theirs.length;
}

// ---- the helper's side
async function helperRead(msg) {
  let bytes = null, message = "", heap = 0, ms = 0;
  try {
    const m = await ready;
    const FS = m.FS;
    current = { id: msg.id, key: msg.key, name: msg.file.name, done: 0, total: 0, helperDone: 0 };
    try { FS.mkdir("/in"); } catch (_) { /* exists */ }
    const dir = "/in/ahead" + msg.id;
    try {
      FS.mkdir(dir);
      // eslint-disable-next-line no-undef
      FS.mount(FS.filesystems.WORKERFS, { files: [msg.file] }, dir);
      const t0 = performance.now();
      message = call(m, "clout_worker_read_ahead", "string", ["string", "string", "string", "string", "number"],
        [msg.key, dir + "/" + msg.file.name, msg.file.name, msg.files.join("\n"), 0]);
      if (!message) {
        const ptr = call(m, "clout_worker_blob", "number", [], []);
        const len = call(m, "clout_worker_blob_size", "number", [], []);
        bytes = m.HEAPU8.slice(ptr, ptr + len);
      }
      heap = m.HEAPU8.length;
      ms = performance.now() - t0;
    } finally {
      try { FS.unmount(dir); } catch (_) { /* not mounted */ }
      try { FS.rmdir(dir); } catch (_) { /* not there */ }
    }
  } catch (err) {
    message = err && err.message ? err.message : String(err);
  }
  postMessage({ type: "ahead", id: msg.id, bytes, message, heap, ms }, bytes ? [bytes.buffer] : []);
}

// The worker's copy of one of the ranking's outputs (the wasm heap is reused).
function rankBytes(m, which) {
  const ptr = m.ccall("clout_worker_rank_data", "number", ["number"], [which]);
  const len = m.ccall("clout_worker_rank_size", "number", ["number"], [which]);
  return m.HEAPU8.slice(ptr, ptr + len);
}

async function rank(msg) {
  let m;
  try {
    m = await ready;
  } catch (err) {
    postMessage({ type: "rankFail", id: msg.id, name: msg.file.name, message: "the engine could not start: " + (err && err.message ? err.message : err) });
    return;
  }
  const FS = m.FS;
  const { key, file } = msg;
  current = { id: msg.id, key, name: file.name, done: 0, total: 0, helperDone: 0 };
  try { FS.mkdir("/in"); } catch (_) { /* exists */ }
  const dir = "/in/" + key;
  let status = 2, message = "";
  try {
    FS.mkdir(dir);
    // eslint-disable-next-line no-undef
    FS.mount(FS.filesystems.WORKERFS, { files: [file] }, dir);
    status = call(m, "clout_worker_rank", "number", ["string", "string", "string", "number"], [key, dir + "/" + file.name, file.name, msg.detect ? 1 : 0]);
  } catch (err) {
    message = "could not read the file: " + (err && err.message ? err.message : String(err));
  } finally {
    try { FS.unmount(dir); } catch (_) { /* not mounted */ }
    try { FS.rmdir(dir); } catch (_) { /* not there */ }
  }
  if (status === 1) {
    postMessage({ type: "notRoster", id: msg.id });
  } else if (status === 0) {
    const json = rankBytes(m, 0), csv = rankBytes(m, 1), view = rankBytes(m, 2);
    const summary = JSON.parse(new TextDecoder().decode(rankBytes(m, 3)));
    call(m, "clout_worker_rank_free", null, [], []);
    postMessage({ type: "rank", id: msg.id, name: file.name, json, csv, view, summary }, [json.buffer, csv.buffer, view.buffer]);
  } else {
    if (!message) message = new TextDecoder().decode(rankBytes(m, 0));
    call(m, "clout_worker_rank_free", null, [], []);
    postMessage({ type: "rankFail", id: msg.id, name: file.name, message });
  }
}

// One message at a time, in order: an import that waits for the helper must not let the
// next message in before it is done.
let queue = Promise.resolve();
self.onmessage = (e) => {
  const msg = e.data;
  if (msg && typeof msg.type === "string" && msg.type.startsWith("fetch")) { self.cloutFetch(msg); return; }
  const run = isHelper && msg && msg.type === "ahead" ? () => helperRead(msg) : () => handle(msg);
  queue = queue.then(run).catch((err) => console.error(err));
};

// The person's time zone for the heatmap, in the engine's text form (util/tz.h,
// parse_zone_text): the zone's name, then "FROM OFFSET ABBR" lines. The offsets are Date's
// (the browser's daylight-saving rules), probed a day apart from 2000 to two years ahead,
// each change then found to the second by binary search (about 10 000 cheap calls). The
// abbreviations come from Intl, once per distinct offset (formatToParts is the slow part).
// Worked out here, in the import worker (the browser's zone is the worker's too), once, at
// the first report: the first Intl call loads the browser's zone data, which took 40-290 ms
// on a loaded machine, too long for the page's main thread.
let zoneCache = null;
function zoneText() {
  if (zoneCache !== null) return zoneCache;
  let name = "";
  try { name = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (_) { /* no Intl */ }
  const off = (t) => -new Date(t * 1000).getTimezoneOffset() * 60;  // seconds east of UTC
  const fmts = [];
  for (const loc of ["en-US", "en-GB"]) {
    try { fmts.push(new Intl.DateTimeFormat(loc, { timeZone: name || undefined, timeZoneName: "short" })); } catch (_) { /* unknown zone */ }
  }
  const abbrs = new Map();
  const abbr = (t) => {  // "EST", "CET"; "" when the browser knows only "GMT+1" (the engine then writes UTC+01:00)
    const o = off(t);
    if (abbrs.has(o)) return abbrs.get(o);
    let a = o === 0 ? "UTC" : "";
    for (const f of fmts) {
      const part = f.formatToParts(new Date(t * 1000)).find((x) => x.type === "timeZoneName");
      if (part && /^[A-Za-z]{2,6}$/.test(part.value) && part.value !== "GMT") { a = part.value; break; }
    }
    abbrs.set(o, a);
    return a;
  };
  const t0 = Date.UTC(2000, 0, 1) / 1000, t1 = Math.floor(Date.now() / 1000) + 2 * 366 * 86400;
  let prev = off(t0);
  const lines = ["-9223372036854775808 " + prev + " " + abbr(t0)];
  for (let t = t0 + 86400; t <= t1; t += 86400) {
    const o = off(t);
    if (o === prev) continue;
    let lo = t - 86400, hi = t;  // off(lo) is prev, off(hi) is o
    while (hi - lo > 1) { const mid = Math.floor((lo + hi) / 2); if (off(mid) === prev) lo = mid; else hi = mid; }
    lines.push(hi + " " + o + " " + abbr(hi));
    prev = o;
  }
  zoneCache = (name || "local time") + "\n" + lines.join("\n") + "\n";
  return zoneCache;
}


async function handle(msg) {
  if (msg && msg.type === "rank") { await rank(msg); return; }
  if (!msg || msg.type !== "run") return;
  let m;
  try {
    m = await ready;
  } catch (err) {
    postMessage({ type: "fail", id: msg.id, message: "the engine could not start: " + (err && err.message ? err.message : err) });
    return;
  }
  const FS = m.FS;
  if (msg.reset) call(m, "clout_worker_reset", null, [], []);
  const failed = new Set();
  // data files read ahead here and by the helper; ms reading them here, then waiting for it
  const ahead = { own: 0, helper: 0, ownMs: 0, waitMs: 0, helperHeap: 0, helperMs: 0, importMs: 0, reportMs: 0 };
  try { FS.mkdir("/in"); } catch (_) { /* exists */ }
  for (const { key, file } of msg.add || []) {
    current = { id: msg.id, key, name: file.name, done: 0, total: 0, helperDone: 0 };
    const dir = "/in/" + key;
    let error = "";
    try {
      FS.mkdir(dir);
      // eslint-disable-next-line no-undef
      FS.mount(FS.filesystems.WORKERFS, { files: [file] }, dir);
      await readAhead(m, key, dir + "/" + file.name, file, ahead);
      const t = performance.now();
      error = call(m, "clout_worker_import", "string", ["string", "string", "string"], [key, dir + "/" + file.name, file.name]);
      ahead.importMs += performance.now() - t;
    } catch (err) {
      error = "could not read the file: " + (err && err.message ? err.message : String(err));
    } finally {
      call(m, "clout_worker_drop_ahead", null, [], []);
      try { FS.unmount(dir); } catch (_) { /* not mounted */ }
      try { FS.rmdir(dir); } catch (_) { /* not there */ }
    }
    if (error) {
      failed.add(key);
      postMessage({ type: "fileError", id: msg.id, key, name: file.name, message: error });
    }
  }
  // A file that could not be read is skipped (its fileError above lists it); whether the
  // run still has a report is the engine's rule (clout_worker_report: not when none was read).
  const keys = (msg.keys || []).filter((k) => !failed.has(k));
  const followers = typeof msg.followers === "number" && msg.followers >= 0 ? msg.followers : -1;
  const t = performance.now();
  // the person's time zone for the heatmap (zoneText above)
  let zone = "";
  try { zone = zoneText(); } catch (_) { /* no Date or Intl: the heatmap stays in UTC, labelled so */ }
  const perPost = (v) => (typeof v === "number" && v >= 0 ? v : -1);
  const out = call(m, "clout_worker_report", "string", ["string", "number", "string", "number", "number"],
    [keys.join("\n"), followers, zone, perPost(msg.reactions), perPost(msg.reshares)]);
  if (out.startsWith("!")) postMessage({ type: "fail", id: msg.id, message: out.slice(1) });
  else {
    const text = call(m, "clout_worker_view", "string", [], []);
    ahead.reportMs = performance.now() - t;
    let view = null;
    if (!text.startsWith("!")) {
      view = JSON.parse(text);
      view.trend = Int32Array.from(view.trend);
    }
    postMessage({ type: "report", id: msg.id, keys, json: out, view, ahead }, view ? [view.trend.buffer] : []);
  }
}
