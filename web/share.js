// Sharing and exports in the page. The codec and the CSV are the engine's C++
// (src/core/share/), called through the app module; this file moves text between them,
// the address bar, the clipboard and downloads.
//
//   clout.share.setReport(report, {page, card})  the report (its JSON text, as `clout score --json`
//                                    prints it, or the parsed object). The dashboard calls it
//                                    once a score exists; assigning clout.report does the same.
//                                    page: true shows the interim share page (no dashboard yet).
//                                    card: its share payload when known (the import worker
//                                    makes it), so the report is not parsed again here.
//   clout.shareLink                  the share link of the current report ("...#s=..."), or null
//   clout.exportCard()               Promise<Blob>: the card as a 1200x630 PNG
//   clout.share.card                 the card object (card_to_json), or null
//   clout.share.viewed               {card, error} of a link opened with #s=...
//   clout.share.encode(reportText, name) / decode(payload) / csv(reportText)   the C++ codec and CSV
//   clout.share.setName(name)        puts a display name on the card ("" takes it off), as the
//                                    Share panel's "Include my name" box and #share-name do
//   clout.share.download(kind)       "json" | "csv" | "png": saves the file
//   clout.share.lastDownload         {name, type, size} of the last download (for tests)
//   clout.share.action(name)         what the app's buttons call
"use strict";

(function () {
  const clout = window.clout;
  if (!clout._beforeMain) clout._beforeMain = [];
  const mod = () => clout._module;

  function call(fn, ...strings) {
    const m = mod();
    if (!m) throw new Error("clout is not running yet");
    const ptrs = strings.map((s) => {
      const n = m.lengthBytesUTF8(s) + 1, p = m._malloc(n);
      m.stringToUTF8(s, p, n);
      return p;
    });
    try {
      return m.UTF8ToString(m["_" + fn](...ptrs));
    } finally {
      ptrs.forEach((p) => m._free(p));
    }
  }
  function checked(text) {
    if (text.startsWith("!")) throw new Error(text.slice(1));
    return text;
  }
  const pageUrl = () => location.href.split("#")[0];

  const S = {
    card: null,
    payload: "",
    link: "",
    reportText: null,
    viewed: null,
    lastDownload: null,

    encode: (reportText, name = "") => checked(call("clout_web_share_encode", reportText, name)),
    decode: (payload) => JSON.parse(checked(call("clout_web_share_decode", payload))),
    csv: (reportText) => checked(call("clout_web_report_csv", reportText)),

    // Puts `name` on the card, as the Share panel's box and field do ("" takes it off).
    setName(name) {
      const m = mod();
      if (!m) throw new Error("clout is not running yet");
      const el = document.getElementById("share-name");
      if (el) el.value = name;
      const n = m.lengthBytesUTF8(name) + 1, p = m._malloc(n);
      m.stringToUTF8(name, p, n);
      try { m._clout_web_share_set_name(p, name ? 1 : 0); } finally { m._free(p); }
    },

    setReport(report, opts = {}) {
      const text = typeof report === "string" ? report : JSON.stringify(report, null, 2) + "\n";
      S.reportText = text;
      const page = opts.page !== undefined ? !!opts.page : !clout.dashboard;
      // The card made by the import worker for this exact text, when there is one: no parse
      // of the report on the main thread.
      const card = opts.card || (clout._reportCard && clout._reportCard.json === text ? clout._reportCard.payload : "");
      const set = () => (card ? setCardDirect(card, page) : setReportDirect(text, page));
      if (mod()) return set() === 1;
      clout._beforeMain.push(set);
      return true;
    },

    async exportCard(card) {
      const c = card || S.card;
      if (!c) throw new Error("there is no score to draw yet");
      return clout.card.render(c);
    },

    async download(kind) {
      const c = S.card;
      const day = (c && c.as_of) || "report";
      let blob, name;
      if (kind === "json") {
        if (!S.reportText) throw new Error("no report yet");
        blob = new Blob([S.reportText], { type: "application/json" });
        name = `clout-report-${day}.json`;
      } else if (kind === "csv") {
        if (!S.reportText) throw new Error("no report yet");
        blob = new Blob([S.csv(S.reportText)], { type: "text/csv" });
        name = `clout-${day}.csv`;
      } else if (kind === "png" || kind === "shared-png") {
        const card = kind === "png" ? c : S.viewed && S.viewed.card;
        blob = await S.exportCard(card);
        name = `clout-card-${card.as_of}.png`;
      } else {
        throw new Error("unknown download " + kind);
      }
      S.lastDownload = { name, type: blob.type, size: blob.size, blob };
      clout._saveBlob(blob, name);
      notice(`Saved ${name}`);
      return S.lastDownload;
    },

    async copyLink() {
      if (!S.link) return false;
      try {
        await navigator.clipboard.writeText(S.link);
        notice("Link copied");
        return true;
      } catch (e) {
        notice("Select the link above and copy it");
        return false;
      }
    },

    action(name) {
      const run = (p) => Promise.resolve(p).catch((e) => { console.warn("clout:", e && e.message); notice(String(e && e.message)); });
      switch (name) {
        case "copy-link": return run(S.copyLink());
        case "download-png": return run(S.download("png"));
        case "download-shared-png": return run(S.download("shared-png"));
        case "download-json": return run(S.download("json"));
        case "download-csv": return run(S.download("csv"));
        case "history-on": return run(clout.history && clout.history.enable(true));
        case "history-off": return run(clout.history && clout.history.enable(false));
        case "forget": return run(clout.history && clout.history.forget().then(() => notice("Forgotten: nothing is kept on this device")));
        case "compute-own":
          S.viewed = null;
          history.replaceState(null, "", pageUrl());
          if (mod()) mod()._clout_web_share_close();
          clout.announce("Compute your own score: drop your export files, or use the Open export button.");
          return undefined;
        case "privacy-opened":
          clout.announce(PRIVACY_SUMMARY);
          return undefined;
        case "privacy-closed":
          return undefined;
        default:
          console.warn("clout: unknown share action", name);
      }
      return undefined;
    },

    // from the app (bridge_share.cpp)
    _changed(payload, cardJson) {
      S.payload = payload;
      S.card = cardJson ? JSON.parse(cardJson) : null;
      S.link = payload ? pageUrl() + "#s=" + payload : "";
      if (mod()) {
        const m = mod(), n = m.lengthBytesUTF8(S.link) + 1, p = m._malloc(n);
        m.stringToUTF8(S.link, p, n);
        m._clout_web_share_link(p);
        m._free(p);
      }
      if (S.card && clout.history) clout.history.add(S.card).catch(() => {});
    },
    _opened(cardJson, error) {
      S.viewed = { card: cardJson ? JSON.parse(cardJson) : null, error: error || null };
      const c = S.viewed.card;
      // The live region gets text only (textContent, in clout.announce).
      clout.announce(c
        ? `Shared clout score${c.name ? " of " + c.name : ""}: ${c.score} out of 100, as of ${c.as_of}. ` +
          `Changes: ${c.change.d1} in 1 day, ${c.change.d7} in 7 days, ${c.change.d30} in 30 days. ` +
          (c.model_major === 1 ? "Made with score model 1, an older scale. " : `Base ${c.base_points} point, `) +
          c.components.map((k) => ((k.known !== undefined ? k.known : k.available)
            ? `${k.label} ${k.points} of ${k.max_points}` + ((k.provenance || []).filter((x) => x !== "export").length ? ` (${k.provenance.filter((x) => x !== "export").join(", ")})` : "")
            : `${k.label} unknown (${k.max_points} points not measured)`)).join(", ") +
          (c.partial ? `. Partial score: ${c.partial.unmeasured_points} of 100 points could not be measured` : "") +
          ". Networks: " + c.networks.map((n) => `${n.label} ${n.score}` + (n.partial ? " (partial)" : "")).join(", ") + ". " +
          (clout.card && clout.card.fetchedLines ? clout.card.fetchedLines(c).map((l) => l + ". ").join("") : "") +
          "Compute your own score with clout."
        : `This share link cannot be shown. ${error}`);
    },
  };

  const PRIVACY_SUMMARY = "How your data is handled. Your files are read in your browser and never uploaded. " +
    "The page connects to no other site: no analytics, no trackers. A share link carries only the score card, " +
    "after the # of the address, which is never sent to a server. History is kept on this device only if you turn it on.";

  // clout_web_share_set_report takes (const char*, int). The report is ~85 KB: the browser's
  // TextEncoder copies it into the module (Emscripten's stringToUTF8 is a JS loop).
  const utf8 = new TextEncoder();
  function setReportDirect(text, page) {
    const m = mod(), bytes = utf8.encode(text), p = m._malloc(bytes.length + 1);
    m.HEAPU8.set(bytes, p);
    m.HEAPU8[p + bytes.length] = 0;
    try { return m._clout_web_share_set_report(p, page ? 1 : 0); } finally { m._free(p); }
  }

  function setCardDirect(payload, page) {
    const m = mod(), n = m.lengthBytesUTF8(payload) + 1, p = m._malloc(n);
    m.stringToUTF8(payload, p, n);
    try { return m._clout_web_share_set_card(p, page ? 1 : 0); } finally { m._free(p); }
  }

  function notice(text) {
    const m = mod();
    if (m) {
      const n = m.lengthBytesUTF8(text) + 1, p = m._malloc(n);
      m.stringToUTF8(text, p, n);
      m._clout_web_share_notice(p);
      m._free(p);
    }
    clout.announce(text);
  }

  function openFromHash() {
    const h = location.hash;
    if (!h.startsWith("#s=")) return false;
    const m = mod(), payload = h.slice(3);
    const n = m.lengthBytesUTF8(payload) + 1, p = m._malloc(n);
    m.stringToUTF8(payload, p, n);
    m._clout_web_share_open(p);
    m._free(p);
    return true;
  }

  clout.share = S;
  Object.defineProperty(clout, "shareLink", { get: () => S.link || null, configurable: true });
  clout.exportCard = (card) => S.exportCard(card);
  // Assigning clout.report (text or object) shares it too.
  let report = clout.report;
  Object.defineProperty(clout, "report", {
    configurable: true,
    get: () => report,
    set: (v) => { report = v; if (v) S.setReport(clout.reportJSON || v); },
  });

  clout._beforeMain.push(() => openFromHash());
  window.addEventListener("hashchange", () => { if (mod()) openFromHash(); });

  // Offline: a service worker keeps the page's own files (web/sw.js). Not on file://.
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    window.addEventListener("load", () => {
      navigator.serviceWorker.register("sw.js", { scope: "./" }).catch((e) => console.warn("clout: offline copy unavailable:", e && e.message));
    });
  }
})();
