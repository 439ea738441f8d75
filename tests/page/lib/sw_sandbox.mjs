// Runs the service worker's script (dist/sw.js) in a Node sandbox with a fake cache, and
// dispatches fetch events to it: what it answers itself, and every URL it fetches. The
// browser gives a service worker no Content-Security-Policy from the page (its own comes from
// its script's response headers, and a static host sends none), so what it may request is
// settled by this code alone.
import fs from "node:fs";
import vm from "node:vm";

export async function swFetchHandler(file, scope, requests) {
  const listeners = {};
  const fetched = [];
  const cache = { match: async () => undefined, put: async () => {}, addAll: async () => {} };
  const sandbox = {
    self: {
      addEventListener: (type, fn) => { listeners[type] = fn; },
      location: new URL("sw.js", scope),
      registration: { scope },
      skipWaiting: async () => {},
      clients: { claim: async () => {} },
    },
    caches: { open: async () => cache, keys: async () => [], delete: async () => true, match: async () => undefined },
    fetch: async (req) => {
      fetched.push(typeof req === "string" ? req : req.url);
      return new Response("from the network");
    },
    URL, Response, Request, Promise, console,
  };
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox, { filename: file });
  const answered = [];
  for (const r of requests) {
    let answer = null;
    listeners.fetch({
      request: { url: r.url, method: r.method || "GET", mode: r.mode || "no-cors" },
      respondWith: (p) => { answer = p; },
    });
    if (answer) await Promise.resolve(answer).catch(() => {});
    answered.push(!!answer);
  }
  return { answered, fetched };
}
