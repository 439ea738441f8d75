// The audience ranking's results in the page (docs/RANKING.md "In the page"): the ranking the
// worker made (web/worker.js "rank", through web/worker_client.js) replaces what is on
// screen; its compact table goes to the app (Module._clout_web_rank, src/web/bridge_rank.cpp),
// its exact bytes stay here for clout.rankJSON, clout.rankCSV, clout.rank and the downloads
// (web/api.js), and its summary goes to the screen-reader section and the live region.
"use strict";

(function () {
  const clout = window.clout;
  const page = clout._page;
  const { $, withString, changed, plural } = page;
  const mod = page.mod;

  // The last ranking (page.rankData, web/worker.js "rank"): the exact bytes, decoded and
  // parsed only when asked for (a 100 000-row ranking is ~90 MB of JSON).
  //   {name, json: Uint8Array, csv: Uint8Array, text, obj}
  Object.defineProperty(clout, "rankJSON", { enumerable: true, get() {
    const rankData = page.rankData;
    if (!rankData) return null;
    if (rankData.text === undefined) rankData.text = new TextDecoder().decode(rankData.json);
    return rankData.text;
  } });
  Object.defineProperty(clout, "rankCSV", { enumerable: true, get() { return page.rankData ? new TextDecoder().decode(page.rankData.csv) : null; } });
  Object.defineProperty(clout, "rank", { enumerable: true, get() {
    const rankData = page.rankData;
    if (!rankData) return null;
    if (rankData.obj === undefined) rankData.obj = JSON.parse(clout.rankJSON);
    return rankData.obj;
  } });

  function clearRank() {
    if (!page.rankData && !clout.rankSummary) return;
    page.rankData = null;
    clout.rankSummary = null;
    if (mod()) mod()._clout_web_rank(0, 0, 0);
    const box = $("report-text");
    if (box && box.dataset.rank) { box.replaceChildren(); box.hidden = true; delete box.dataset.rank; }
  }
  function rankHeadline(s) {
    const top = s.top.map((t) => t.rank + ". " + t.handle + (t.network ? " (" + t.network + ")" : "") + ", score " + t.score).join("; ");
    return "Ranked " + plural(s.accounts, "account") + (s.skipped ? ", " + plural(s.skipped, "row") + " skipped" : "") +
      (s.warnings ? ", " + plural(s.warnings, "warning") : "") + "." + (top ? " Top: " + top + "." : "");
  }
  // A ranking came (the run is over: web/worker_client.js).
  function finishRank(p, m) {
    clout.errors = [];
    // The ranking replaces whatever was on screen (a report is closed as by "Start over").
    page.forgetReport();
    page.rankData = { name: m.name, json: m.json, csv: m.csv };
    $("rank-filter").value = "";
    clout.rankSummary = m.summary;
    const tIn = performance.now();
    clout.lastRun = { ms: tIn - p.t0, files: 1, bytes: m.json.length, rank: true };
    if (mod()) {
      mod()._clout_web_report(0);
      const v = m.view;
      const ptr = mod()._malloc(Math.max(1, v.length));
      try {
        mod().HEAPU8.set(v, ptr);
        withString(m.name, (np) => mod()._clout_web_rank(ptr, v.length, np));
      } finally { mod()._free(ptr); }
      page.sendErrors([]);
      mod()._clout_web_working(0, 0);
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

  // clout.rankDownload(kind): "csv" | "json", the bytes as `clout rank --csv` / `--json` write them.
  async function rankDownload(kind) {
    const rankData = page.rankData;
    if (!rankData) throw new Error("no ranking yet");
    const base = rankData.name.replace(/\.[^.]*$/, "") || "roster";
    const csv = kind === "csv";
    if (!csv && kind !== "json") throw new Error("unknown download " + kind);
    const blob = new Blob([csv ? rankData.csv : rankData.json], { type: csv ? "text/csv" : "application/json" });
    const name = "clout-rank-" + base + (csv ? ".csv" : ".json");
    clout._saveBlob(blob, name);
    page.toast("Saved " + name);
    clout.lastRankDownload = { name, type: blob.type, size: blob.size };
    return clout.lastRankDownload;
  }

  page.clearRank = clearRank;
  page.rankDownload = rankDownload;
  page.finishRank = finishRank;
})();
