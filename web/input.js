// The page's own input around the canvas: keys the page keeps from Emscripten's GLFW layer,
// the wheel and touches sent to the app (Module._clout_web_wheel / _touch), the real
// controls the app places over the canvas (index.html: the file pickers, toolbars, Cancel,
// the sample links, the share name, the follower and reaction fields, the ranking's filter),
// and drag and drop anywhere on the page. Files go to clout.addFiles / add / openRoster
// (web/api.js); everything here is registered when the page loads, before the app's own
// listeners (web/app.js starts the module after every script has loaded).
//
// Index of this file:
//   [SECTION] Keyboard
//   [SECTION] Touch and wheel
//   [SECTION] Controls over the canvas
//   [SECTION] Drag and drop
"use strict";

(function () {
  const clout = window.clout;
  const page = clout._page;
  const { $, withString, toast } = page;
  const mod = page.mod;
  const canvas = $("canvas");
  const input = $("file");

  // ---- [SECTION] Keyboard
  // The Emscripten GLFW layer listens on window and swallows Tab. Keys go to the browser
  // when focus is on a page control (the file input), and Tab always does, so the keyboard
  // can reach "Open export…". Registered before the app's own listeners.
  const pageKey = (e) => {
    const el = document.activeElement;
    const onControl = el && el !== document.body && el !== canvas;
    if (e.key === "Tab" || onControl) e.stopImmediatePropagation();
  };
  for (const type of ["keydown", "keyup", "keypress"]) window.addEventListener(type, pageKey, true);

  // ---- [SECTION] Touch and wheel
  // touch: Emscripten's GLFW gives no position for touches; send it before GLFW's own
  // handlers (registered later on the same element) turn the touch into a click.
  const touchAt = (e) => {
    const t = e.touches && e.touches[0];
    if (!mod() || !t) return;
    const r = canvas.getBoundingClientRect();
    mod()._clout_web_touch(t.clientX - r.left, t.clientY - r.top);
  };
  // wheel: handled here (Emscripten's GLFW listens passively and its preventDefault logs an
  // error); the app gets the scroll in its own units, the page never scrolls.
  window.addEventListener("wheel", (e) => {
    e.stopImmediatePropagation();
    e.preventDefault();
    if (!mod()) return;
    const k = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    mod()._clout_web_wheel(-e.deltaX * k, -e.deltaY * k);
  }, { capture: true, passive: false });
  canvas.addEventListener("touchstart", touchAt, { capture: true, passive: true });
  canvas.addEventListener("touchmove", touchAt, { capture: true, passive: true });

  // ---- [SECTION] Controls over the canvas
  // files: the picker (and drag and drop, below) anywhere on the page (never GLFW's drop
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
  shareName.addEventListener("input", () => { if (mod()) withString(shareName.value, (p) => mod()._clout_web_share_set_name(p, -1)); });
  const rankFilter = $("rank-filter");
  rankFilter.addEventListener("input", () => { if (mod()) withString(rankFilter.value, (p) => mod()._clout_web_rank_filter(p)); });
  rankFilter.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && rankFilter.value) { rankFilter.value = ""; rankFilter.dispatchEvent(new Event("input")); }
  });
  new ResizeObserver(() => {
    const r = $("rank-toolbar").getBoundingClientRect();
    if (mod() && r.width > 0) mod()._clout_web_rank_toolbar(r.width, r.height);
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
    // A mean per post: whole (5) or with up to two decimals, after a point or a comma
    // (0.4, 0,4); three digits after a separator are thousands (1,000).
    const read = (el) => {
      let v = el.value.trim().replace(/[\s_']/g, "");
      if (v === "") { el.setCustomValidity(""); return null; }
      const dec = /^(\d{1,9})[.,](\d{1,2})$/.exec(v);
      if (!dec) v = v.replace(/[.,]/g, "");
      if (!dec && !/^\d{1,9}$/.test(v)) { el.setCustomValidity("A number per post, e.g. 5 or 0.4"); el.reportValidity(); return undefined; }
      el.setCustomValidity("");
      return dec ? Number(dec[1] + "." + dec[2]) : Number(v);
    };
    const a = read(rea), b = read(res);
    if (a === undefined || b === undefined) return;
    clout.setReactions(a, b).catch(() => {});
  };
  // Applied on submit, or when the focus leaves the pair of fields: moving from one field to
  // the other applies nothing, so a re-score (which hides the form while it runs) never
  // starts with half of what the person is typing.
  const reactionsForm = $("reactions-form");
  let appliedReactions = "\n";
  const applyReactionsOnce = () => {
    const now = rea.value.trim() + "\n" + res.value.trim();
    if (now === appliedReactions) return;
    appliedReactions = now;
    applyReactions();
  };
  reactionsForm.addEventListener("submit", (e) => { e.preventDefault(); appliedReactions = rea.value.trim() + "\n" + res.value.trim(); applyReactions(); });
  reactionsForm.addEventListener("focusout", (e) => { if (!reactionsForm.contains(e.relatedTarget)) applyReactionsOnce(); });
  // The app lays out its header around the toolbar (its buttons may be added by others).
  new ResizeObserver(() => {
    const r = clout.toolbar.getBoundingClientRect();
    if (mod() && r.width > 0) mod()._clout_web_toolbar(r.width, r.height);
  }).observe(clout.toolbar);

  // ---- [SECTION] Drag and drop
  let dragDepth = 0;
  const hasFiles = (e) => e.dataTransfer && Array.from(e.dataTransfer.types || []).includes("Files");
  const setDrag = (over) => { if (mod()) mod()._clout_web_drag(over ? 1 : 0); };
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
})();
