// Another origin for the privacy tests: a tiny HTTP server on 127.0.0.1 (another port, so
// another origin than the page's) that counts every request reaching it, and a probe that
// makes the page and each of its workers try to reach it.
import http from "node:http";

export async function startCountingServer() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    // Allowed by CORS, so that a request that is made is also answered: only the page's
    // policy can stop it.
    res.writeHead(200, { "Access-Control-Allow-Origin": "*", "Content-Type": "text/plain" }).end("counted\n");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    hits,
    count: (prefix) => hits.filter((u) => u.startsWith(prefix)).length,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

// Runs in the page or in a worker (Playwright's evaluate): a fetch to `url`, and what the
// browser reported. A refused fetch rejects; the policy's refusal also fires a
// securitypolicyviolation event on the document or the worker's global scope.
export async function probeInContext([url]) {
  const violations = [];
  const target = typeof document !== "undefined" ? document : self;
  const watch = (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  target.addEventListener("securitypolicyviolation", watch);
  let outcome;
  try {
    await fetch(url, { mode: "no-cors", cache: "no-store" });
    outcome = "fetched";
  } catch (e) {
    outcome = "refused: " + (e && e.message);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));  // the event is queued as a task
  target.removeEventListener("securitypolicyviolation", watch);
  return {
    name: typeof document !== "undefined" ? "page" : self.name,
    location: String(self.location.href),
    outcome,
    violations,
  };
}

// The page's dedicated workers by name, once `names` are all running (the import worker starts
// the helper itself, after its engine is up).
export async function workersByName(page, names, timeout = 60000) {
  const t0 = Date.now();
  for (;;) {
    const found = {};
    for (const w of page.workers()) {
      try {
        const n = await w.evaluate(() => self.name);
        if (names.includes(n)) found[n] = w;
      } catch (_) { /* a worker that just ended */ }
    }
    if (names.every((n) => found[n]) || Date.now() - t0 > timeout) {
      const ordered = {};
      for (const n of names) if (found[n]) ordered[n] = found[n];
      return ordered;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The page, the import worker and its helper each try `base + tag + "-<context>"`.
export async function probeAll(page, workers, base, tag) {
  const out = [await page.evaluate(probeInContext, [`${base}${tag}-page`])];
  for (const [name, w] of Object.entries(workers)) out.push(await w.evaluate(probeInContext, [`${base}${tag}-${name}`]));
  return out;
}
