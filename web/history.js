// Local history of scores, opt-in: when the person turns it on, each report's aggregates
// (as-of date, score, component points, networks and their scores, model) are kept in
// this browser's IndexedDB, one entry per (as-of date, networks), so a newer export shows
// next to older ones. "Forget everything" deletes the database and the setting.
//   clout.history.enabled()          true when on
//   clout.history.enable(on)         turns it on (saving the current card) or off (forgetting)
//   clout.history.list()             Promise<[entry]> oldest first
//   clout.history.add(card)          saves a card (only when on)
//   clout.history.forget()           deletes everything
"use strict";

(function () {
  const DB = "clout-history", STORE = "scores", FLAG = "clout.history";
  const clout = window.clout;

  const supported = () => {
    try { return !!window.indexedDB && !!window.localStorage; } catch (e) { return false; }
  };
  const enabled = () => {
    try { return supported() && localStorage.getItem(FLAG) === "on"; } catch (e) { return false; }
  };

  function open() {
    return new Promise((res, rej) => {
      const r = indexedDB.open(DB, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE, { keyPath: "key" });
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
  }
  async function tx(mode, fn) {
    const db = await open();
    try {
      return await new Promise((res, rej) => {
        const t = db.transaction(STORE, mode);
        const out = fn(t.objectStore(STORE));
        t.oncomplete = () => res(out && "result" in out ? out.result : undefined);
        t.onerror = () => rej(t.error);
      });
    } finally {
      db.close();
    }
  }

  // Aggregates only: nothing here comes from a post or a file name.
  function entryOf(card) {
    const networks = card.networks.map((n) => n.network);
    return {
      key: card.as_of + "|" + networks.join(","),
      as_of: card.as_of,
      score: card.score,
      components: Object.fromEntries(card.components.map((c) => [c.id, c.points])),
      networks,
      network_scores: Object.fromEntries(card.networks.map((n) => [n.network, n.score])),
      model: card.model,
    };
  }

  async function list() {
    if (!enabled()) return [];
    const all = (await tx("readonly", (s) => s.getAll())) || [];
    return all.sort((a, b) => (a.as_of < b.as_of ? -1 : a.as_of > b.as_of ? 1 : a.key < b.key ? -1 : 1));
  }
  async function add(card) {
    if (!enabled() || !card) return;
    await tx("readwrite", (s) => s.put(entryOf(card)));
    await sync();
  }
  async function forget() {
    try { localStorage.removeItem(FLAG); } catch (e) { /* storage off */ }
    await new Promise((res) => {
      const r = indexedDB.deleteDatabase(DB);
      r.onsuccess = r.onerror = r.onblocked = () => res();
    });
    await sync();
  }
  async function enable(on) {
    if (!supported()) return;
    if (!on) return forget();
    localStorage.setItem(FLAG, "on");
    if (clout.share && clout.share.card) await add(clout.share.card);
    else await sync();
  }

  // Tells the app what to show.
  async function sync() {
    const mod = clout._module;
    let entries = [];
    try { entries = await list(); } catch (e) { console.warn("clout: history unavailable:", e && e.message); }
    if (!mod) return entries;
    const text = JSON.stringify(entries.map((e) => ({ as_of: e.as_of, score: e.score, networks: e.networks })));
    const n = mod.lengthBytesUTF8(text) + 1, p = mod._malloc(n);
    mod.stringToUTF8(text, p, n);
    mod._clout_web_history(p, enabled() ? 1 : 0, supported() ? 1 : 0);
    mod._free(p);
    return entries;
  }

  clout.history = { enabled, enable, list, add, forget, sync, supported };
  if (clout._beforeMain) clout._beforeMain.push(() => sync());
})();
