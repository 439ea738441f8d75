// clout import worker: runs the engine (clout-worker.wasm, src/worker/main.cpp) off the
// page's main thread. Each File is mounted with WORKERFS (read in slices with
// FileReaderSync, never loaded whole), read once, and kept as parsed activity in the
// module, so a follower count typed in re-scores without reading anything again.
//
// Messages in (from web/app.js):
//   {type: "run", id, reset, add: [{key, file}], keys: [key...], followers: number|null}
//       forgets every file read before (reset), reads the files in `add`, then builds the
//       combined report of `keys` (every file held)
// Messages out:
//   {type: "ready"}
//   {type: "progress", id, key, name, done, total, entries, posts, stage}
//   {type: "fileError", id, key, name, message}     one line, without the file name
//   {type: "report", id, keys, json, view}          json = the exact text of `clout score --json`;
//       view = what the page's main thread takes in small steps instead of parsing json in
//       wasm (issue 7): {card: share payload or "", parts: [[key, JSON text]...] (every
//       member but trend), trend: Int32Array [score, 5 points] a day, dates: "YYYY-MM-DD"...}
//       (src/worker/main.cpp clout_worker_view)
//   {type: "fail", id, message}                      no report (nothing readable)
// Audience ranking (docs/RANKING.md "In the page"):
//   in:  {type: "rank", id, key, file, detect}   ranks a roster CSV; with detect, a file an
//        export importer recognises (or without a handle column) is answered "notRoster"
//   out: {type: "rank", id, name, json, csv, view, summary}   json/csv: Uint8Array, the exact
//        bytes of `clout rank --json` / `--csv`; view: the panel's table (rank/rank_view.h)
//        {type: "notRoster", id}                   read it as an export instead
//        {type: "rankFail", id, name, message}     one line, without the file name
// Cancel = the page terminates this worker and starts a fresh one.
"use strict";

importScripts("clout-worker.js");

let current = { id: 0, key: "", name: "" };
self.cloutProgress = (key, done, total, entries, posts, stage) => {
  postMessage({ type: "progress", id: current.id, key, name: current.name, done, total, entries, posts, stage });
};

// eslint-disable-next-line no-undef
const ready = createCloutWorker({
  print: (t) => console.log(t),
  printErr: (t) => console.warn(t),
}).then((m) => { postMessage({ type: "ready" }); return m; });

function call(m, name, ret, types, args) {
  return m.ccall(name, ret, types, args);
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
  current = { id: msg.id, key, name: file.name };
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

self.onmessage = async (e) => {
  const msg = e.data;
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
  try { FS.mkdir("/in"); } catch (_) { /* exists */ }
  for (const { key, file } of msg.add || []) {
    current = { id: msg.id, key, name: file.name };
    const dir = "/in/" + key;
    let error = "";
    try {
      FS.mkdir(dir);
      // eslint-disable-next-line no-undef
      FS.mount(FS.filesystems.WORKERFS, { files: [file] }, dir);
      error = call(m, "clout_worker_import", "string", ["string", "string", "string"], [key, dir + "/" + file.name, file.name]);
    } catch (err) {
      error = "could not read the file: " + (err && err.message ? err.message : String(err));
    } finally {
      try { FS.unmount(dir); } catch (_) { /* not mounted */ }
      try { FS.rmdir(dir); } catch (_) { /* not there */ }
    }
    if (error) {
      failed.add(key);
      postMessage({ type: "fileError", id: msg.id, key, name: file.name, message: error });
    }
  }
  const keys = (msg.keys || []).filter((k) => !failed.has(k));
  if (!keys.length) {
    postMessage({ type: "fail", id: msg.id, message: "no file could be read" });
    return;
  }
  const followers = typeof msg.followers === "number" && msg.followers >= 0 ? msg.followers : -1;
  const out = call(m, "clout_worker_report", "string", ["string", "number"], [keys.join("\n"), followers]);
  if (out.startsWith("!")) postMessage({ type: "fail", id: msg.id, message: out.slice(1) });
  else {
    const text = call(m, "clout_worker_view", "string", [], []);
    let view = null;
    if (!text.startsWith("!")) {
      view = JSON.parse(text);
      view.trend = Int32Array.from(view.trend);
    }
    postMessage({ type: "report", id: msg.id, keys, json: out, view }, view ? [view.trend.buffer] : []);
  }
};
