// clout page glue: loads the wasm app, hands it the fonts, keeps the chosen File objects,
// and connects the page (file input, drag and drop, theme, screen-reader status) to it.
//
// window.clout is the one namespace shared by the page, the wasm app and tests:
//   clout.ready          Promise, resolves once the app draws (rejects if it cannot start)
//   clout.state          "loading" | "running" | "failed"
//   clout.files          the File objects chosen or dropped, in order (kept here, in JS:
//                        the import worker reads them with WORKERFS, never the main thread)
//   clout.addFiles(list) adds a FileList/array of File (what a drop or the picker does)
//   clout.clearFiles()   forgets them
//   clout.openPicker()   opens the browser's file picker
//   clout.onFiles(fn)    calls fn(files) after every change (the worker hook)
//   clout.announce(text) sets the screen-reader live region (role=status)
//   clout.framesDrawn, clout.fontsReal   for tests
// Called by the wasm app (src/web/bridge.cpp): _placeOpenButton(x, y, w, h, visible) in CSS
// pixels, _frameDrawn(fontsReal), openPicker, clearFiles, announce.
// Calls into the app (Module._clout_web_*): font, file_added, files_clear, drag, theme, touch, wake.
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
    framesDrawn: 0,
    fontsReal: false,
    ready: new Promise((res, rej) => { resolveReady = res; rejectReady = rej; }),
    _module: null,      // share: the running module (web/share.js, web/history.js call it)
    _beforeMain: [],    // share: fn(module) called once the module exists, before main() runs

    addFiles(list) {
      const added = Array.from(list || []).filter((f) => f instanceof File);
      if (!added.length) return;
      for (const f of added) {
        clout.files.push(f);
        if (mod) withString(f.name, (p) => mod._clout_web_file_added(p, f.size, clout.files.length - 1));
      }
      changed();
    },
    clearFiles() {
      clout.files = [];
      if (mod) mod._clout_web_files_clear();
      changed();
    },
    openPicker() { input.click(); },
    onFiles(fn) { listeners.push(fn); },
    announce(text) {
      if (status.textContent !== text) status.textContent = text;
    },

    _placeOpenButton(x, y, w, h, visible) {
      openBox.hidden = !visible;
      openBox.style.left = x + "px";
      openBox.style.top = y + "px";
      openBox.style.width = w + "px";
      openBox.style.height = h + "px";
    },
    _frameDrawn(fontsReal) {
      clout.framesDrawn++;
      clout.fontsReal = fontsReal;
      if (clout.state === "loading") {
        clout.state = "running";
        $("splash").classList.add("gone");
        setTimeout(() => $("splash").remove(), 400);
        resolveReady();
      }
    },
  };
  window.clout = clout;

  function changed() {
    for (const fn of listeners) {
      try { fn(clout.files.slice()); } catch (e) { console.error(e); }
    }
  }

  function withString(s, fn) {
    const n = mod.lengthBytesUTF8(s) + 1;
    const p = mod._malloc(n);
    try { mod.stringToUTF8(s, p, n); fn(p); } finally { mod._free(p); }
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
  canvas.addEventListener("touchstart", touchAt, { capture: true, passive: true });
  canvas.addEventListener("touchmove", touchAt, { capture: true, passive: true });

  // ---- files: the picker and drag and drop anywhere on the page (never GLFW's drop
  // callback, which would read whole files into memory).
  input.addEventListener("change", () => {
    clout.addFiles(input.files);
    input.value = "";   // picking the same file again fires change again
  });
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
  window.addEventListener("resize", () => { if (mod) mod._clout_web_wake(); });
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
    clout.files.forEach((f, i) => withString(f.name, (p) => mod._clout_web_file_added(p, f.size, i)));
    mod.callMain([]);
    // share: hooks run after main() set up the app, before it draws; scripts that load
    // later (the page's other scripts can run after this) get theirs run at once.
    const runHook = (fn) => { try { fn(mod); } catch (e) { console.error(e); } };
    clout._beforeMain.forEach(runHook);
    clout._beforeMain.push = runHook;
  }
  start().catch((e) => fail("clout could not start.", " " + (e && e.message ? e.message : e)));
})();
