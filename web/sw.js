// The offline copy of the page: a service worker that keeps the page's own static files
// (never any user data) in a cache named after the build, so after a first visit clout
// opens and works without a network. Paths are relative to the worker's scope, so dist/
// works from a site's root or from any subfolder. build_wasm.sh writes the build id and
// the file list into dist/sw.js; a new build gets a new cache and the old one is deleted.
"use strict";

const BUILD = "__CLOUT_BUILD__";
const FILES = [/*__CLOUT_FILES__*/];
const CACHE = "clout-" + BUILD;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(["./", ...FILES].map(scoped));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key.startsWith("clout-") && key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

// Only GET requests for this origin's files under the scope are answered here. Any other
// request, one to another origin included, is left alone: the browser makes it for the page,
// under the page's Content-Security-Policy, which refuses every other origin. This worker is
// not under that policy (a service worker's policy comes from its own script's response
// headers, and a static host sends none), so it never fetches another origin itself: the only
// requests it makes are the same-origin ones it answers (tests/page/privacy.mjs runs this
// handler with foreign requests).
self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || !req.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(req, { ignoreSearch: true });
    if (hit) return hit;
    try {
      const res = await fetch(req);
      if (res.ok && res.type === "basic") cache.put(req, res.clone());
      return res;
    } catch (e) {
      // Offline and not cached: a page navigation still gets the app.
      if (req.mode === "navigate") {
        const page = await cache.match(scoped("./"));
        if (page) return page;
      }
      throw e;
    }
  })());
});
