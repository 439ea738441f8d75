// The page's start and the canvas's surroundings: loads the wasm app (clout.js, made by
// Emscripten) with the fonts, sends it the canvas's size, the device pixel ratio and the
// colour scheme when they change, and shows a clear message when it cannot start or stops.
// The last of the app's own scripts (index.html): window.clout (web/api.js) and the page's
// input (web/input.js) exist when this runs. The page's other scripts (card.js, share.js,
// history.js, fetch.js) load after it; their hooks run after main() sets up the app,
// before it draws (clout._beforeMain).
//
// The page's scripts, in the order they load:
//   web/api.js            window.clout, its public members (docs/JS_API.md)
//   web/report_text.js    the report as text (screen readers, the live region, "Copy summary")
//   web/worker_client.js  the import worker: runs, cancel, the report into the app
//   web/rank_client.js    the audience ranking's results
//   web/input.js          keyboard, wheel, touch, the controls over the canvas, drag and drop
//   web/app.js            this file: the start
"use strict";

(function () {
  const clout = window.clout;
  const page = clout._page;
  const { $, withString } = page;
  const canvas = $("canvas");
  const openBox = $("open");
  let mod = null;           // the Emscripten module once it runs

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
    page.rejectReady(new Error(message));
  }

  // ---- theme, the canvas's size and the device pixel ratio
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
    const pending = page.pending();
    if (pending) mod._clout_web_working(1, pending.reading.length);
    if (clout.report) withString(clout.reportJSON, (ptr) => mod._clout_web_report(ptr));
  }
  start().catch((e) => fail("clout could not start.", " " + (e && e.message ? e.message : e)));
})();
