// Privacy and hosting in headless Chromium:
//  - the Content-Security-Policy is in the page, the app runs under it with no violation
//    (load, a report, a share link, the card export), and it blocks a fetch to another origin;
//  - it binds the import worker and its helper too (blob: workers inherit it): the page and
//    each worker try to reach another loopback origin (a second server here, counting
//    requests), the browser refuses all three and nothing arrives; controls: the same
//    fetch with the policy bypassed arrives, and so does one from a worker loaded from its own
//    file (which is why clout's workers are not);
//  - the service worker: it never requests another origin (its fetch handler run on dist/sw.js
//    with cross-origin requests; the three contexts refused while it controls the page); a
//    fetch of its own is not refused without a header (a control: its code is the guard);
//  - a host that sends the policy as a header, with COOP and COEP: the app works (both
//    workers, an import) and the header binds the service worker too; a host policy that
//    forbids blob: workers gives one clear error, not a restart loop;
//  - zero requests outside the page's origin;
//  - text from exports (a display name with markup in a share link, a live-region message)
//    stays text: no element is created, no handler runs;
//  - the "How your data is handled" panel opens (screenshot);
//  - dist/ served under /sub/ works with no configuration;
//  - after a first visit the app opens offline (service worker).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { check, summary, startServer, launch, openPage, waitFrames, screenshotPath, DIST } from "./lib/harness.mjs";
import { decodePng, colourStats } from "./lib/png.mjs";
import { cliReport } from "./lib/cli_report.mjs";
import { startCountingServer, probeAll, probeInContext, workersByName } from "./lib/foreign.mjs";
import { swFetchHandler } from "./lib/sw_sandbox.mjs";
import { startHeaderServer } from "./lib/header_server.mjs";
import { ROOT } from "./lib/harness.mjs";

const A = cliReport("x-archive", ["--tweets", "800", "--followers", "300", "--seed", "9"]);
const CSP_WATCH = () => {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
};
const settle = async (page) => {
  const n = await page.evaluate(() => { window.clout._module._clout_web_wake(); return window.clout.framesDrawn; });
  await waitFrames(page, n + 2);
  await page.waitForTimeout(150);
};

const WORKERS = ["clout-import", "clout-helper"];
// Every context refused (a rejected fetch and a connect-src violation in that context) and
// the other server saw none of the requests.
function checkRefused(results, other, tag, where) {
  check(results.length === 3 && results.map((r) => r.name).join() === ["page", ...WORKERS].join(),
    `${where}: the page, the import worker and its helper each tried`, results.map((r) => r.name).join());
  for (const r of results) {
    check(r.outcome.startsWith("refused") && r.violations.some((v) => /^connect-src /.test(v) && v.includes(other.url.slice(0, -1))),
      `${where}: the browser refused the request from ${r.name === "page" ? "the page" : r.name} (CSP connect-src)`, JSON.stringify(r));
  }
  check(other.count("/" + tag + "-") === 0, `${where}: no request reached the other origin`, other.hits.join(" "));
}

const server = await startServer();
const other = await startCountingServer();
const browser = await launch();
let code = 1;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "clout-sub-"));
let sub = null;
try {
  // ---- CSP, requests, text only
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
  await context.addInitScript(CSP_WATCH);
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => problems.pageErrors.push(String(e)));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith("data:") && !u.startsWith("blob:") && new URL(u).origin !== new URL(server.url).origin) problems.foreignRequests.push(u);
  });
  await page.goto(server.url, { waitUntil: "load" });
  await waitFrames(page, 2);
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content || "");
  for (const d of ["default-src 'self'", "connect-src 'self' blob: data:", "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:", "img-src 'self' data: blob:", "form-action 'none'", "base-uri 'none'"]) {
    check(csp.includes(d), `CSP: ${d}`);
  }
  check(!csp.includes("unsafe-eval'") || csp.includes("wasm-unsafe-eval") && !/[^-]unsafe-eval/.test(csp.replace("'wasm-unsafe-eval'", "")),
    "CSP: no 'unsafe-eval' (only 'wasm-unsafe-eval')");
  check(!/https?:/.test(csp), "CSP names no other origin");

  await page.evaluate((t) => window.clout.share.setReport(t, { page: true }), A.json);
  await settle(page);
  await page.evaluate(() => window.clout.exportCard());
  const blocked = await page.evaluate(async () => {
    try { await fetch("https://example.com/collect?x=1"); return "fetched"; } catch (e) { return "blocked"; }
  });
  check(blocked === "blocked", "a fetch to another origin is refused by the page");
  const violations = await page.evaluate(() => window.__csp);
  check(violations.length === 1 && /connect-src/.test(violations[0]),
    "the only CSP violation is that deliberate fetch: the app itself needs nothing the policy forbids", violations.join(" | "));
  const foreign = problems.foreignRequests.filter((u) => !u.startsWith("https://example.com/"));
  check(foreign.length === 0, "no request outside the page's origin during load, report, sharing, card export", foreign.join(" "));
  check(problems.consoleErrors.every((e) => /Content Security Policy|example\.com|Failed to fetch/.test(e)), "no other console error",
    problems.consoleErrors.join(" | "));

  // text only: markup in a shared name and in a live-region message
  const evil = '<img src=x onerror="window.__pwned=1">';
  const payload = await page.evaluate(([t, n]) => window.clout.share.encode(t, n), [A.json, evil]);
  await page.evaluate((p) => { location.hash = "#s=" + p; }, payload);
  await page.waitForFunction(() => window.clout.share.viewed);
  await settle(page);
  const xss = await page.evaluate((e) => {
    window.clout.announce("Top post: " + e);
    return {
      imgs: document.querySelectorAll("img").length, pwned: window.__pwned === 1,
      status: document.getElementById("status").textContent, statusHtml: document.getElementById("status").innerHTML,
      name: window.clout.share.viewed.card.name,
    };
  }, evil);
  await page.waitForTimeout(200);
  const pwned = await page.evaluate(() => window.__pwned === 1);
  check(xss.name === evil, "a name with markup arrives as the same text");
  check(xss.imgs === 0 && !xss.pwned && !pwned, "no element is created and no handler runs");
  check(xss.status.includes(evil) && xss.statusHtml.includes("&lt;img"), "the live region holds it as text (textContent)");
  await page.screenshot({ path: screenshotPath("privacy-markup-name.png") });

  // ---- the workers are under the page's policy: page, import worker, helper
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = await workersByName(page, WORKERS);
  check(Object.keys(workers).length === 2, "the import worker and its helper are running", `${Object.keys(workers).join()} (${cores} cores)`);
  const where = {};
  for (const [n, w] of Object.entries(workers)) where[n] = await w.evaluate(() => String(self.location.href));
  check(WORKERS.every((n) => (where[n] || "").startsWith("blob:" + new URL(server.url).origin + "/")),
    "both workers run from blob: URLs of the page's origin (which inherit its policy)", JSON.stringify(where));
  checkRefused(await probeAll(page, workers, other.url, "csp"), other, "csp", "the page's policy");

  // the privacy panel
  await page.evaluate(() => { window.clout.share.action("compute-own"); window.clout._module._clout_web_privacy(1); });
  await settle(page);
  await page.screenshot({ path: screenshotPath("privacy-panel-desktop.png") });
  const st = colourStats(decodePng(fs.readFileSync(screenshotPath("privacy-panel-desktop.png"))));
  check(st.distinct > 50, "the \"How your data is handled\" panel draws", `${st.distinct} colours`);
  await context.close();

  // control: the same fetch with the policy bypassed reaches the other server, so zero above
  // is the policy's doing
  {
    const c = await browser.newContext({ bypassCSP: true });
    const p = await c.newPage();
    await p.goto(server.url, { waitUntil: "load" });
    const r = await p.evaluate(probeInContext, [other.url + "control-bypass"]);
    check(r.outcome === "fetched" && other.count("/control-bypass") === 1,
      "control: with the policy bypassed, the same fetch reaches the other server", JSON.stringify(r));
    await c.close();
  }

  // phone
  {
    const p2 = await openPage(browser, server.url, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: "dark" });
    await waitFrames(p2.page, 2);
    await p2.page.evaluate(() => window.clout._module._clout_web_privacy(1));
    await settle(p2.page);
    await p2.page.screenshot({ path: screenshotPath("privacy-panel-phone.png") });
    await p2.context.close();
  }

  // ---- a subfolder, no configuration
  fs.symlinkSync(path.resolve(DIST), path.join(tmp, "sub"));
  fs.writeFileSync(path.join(tmp, "index.html"), "<!doctype html><title>some other site</title>");
  // control: a worker loaded from its own file, on a host that sends no headers
  fs.writeFileSync(path.join(tmp, "file-worker.js"),
    "self.onmessage = (e) => fetch(e.data, { mode: 'no-cors' }).then(() => postMessage('fetched'), () => postMessage('refused'));\n");
  sub = await startServer(tmp);
  const s = await openPage(browser, sub.url + "sub/", { viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
  await waitFrames(s.page, 2);
  const subState = await s.page.evaluate(() => window.clout.state);
  check(subState === "running", "dist/ served under /sub/ runs", subState);
  check(s.problems.failedRequests.length === 0, "... with no failed request", s.problems.failedRequests.join(" "));

  // ---- offline after the first visit
  const reg = await s.page.evaluate(async () => {
    const r = await navigator.serviceWorker.ready;
    return r.scope;
  });
  check(reg === sub.url + "sub/", "the service worker's scope is the subfolder", reg);
  await s.page.reload({ waitUntil: "load" });
  await waitFrames(s.page, 2);
  const controlled = await s.page.evaluate(() => !!navigator.serviceWorker.controller);
  check(controlled, "the page is controlled by the service worker after a reload");
  // while the service worker is active: the three contexts are still refused, and neither
  // they nor the service worker reach the other origin
  {
    const sw = await workersByName(s.page, WORKERS);
    const swRequests = [];
    s.context.on("request", (r) => { if (r.serviceWorker() && !r.url().startsWith(sub.url)) swRequests.push(r.url()); });
    checkRefused(await probeAll(s.page, sw, other.url, "sw"), other, "sw", "with the service worker active");
    check(swRequests.length === 0, "with the service worker active: it requested nothing outside its origin", swRequests.join(" "));
    const fileWorker = await s.page.evaluate((u) => new Promise((resolve) => {
      const w = new Worker("/file-worker.js");
      w.onmessage = (e) => { resolve(e.data); w.terminate(); };
      w.onerror = () => resolve("did not start");
      w.postMessage(u);
    }), other.url + "control-file-worker");
    check(fileWorker === "fetched" && other.count("/control-file-worker") === 1,
      "control: a worker loaded from its own file is not under the page's policy (its fetch arrives)", fileWorker);
    // and neither is the service worker, on a host without headers: its code alone keeps it to
    // its origin (its fetch handler is run below)
    const swWorker = s.context.serviceWorkers()[0];
    const swr = swWorker ? await swWorker.evaluate(probeInContext, [other.url + "control-sw"]) : { outcome: "no service worker" };
    check(swr.outcome === "fetched" && other.count("/control-sw") === 1,
      "control: without a header the service worker is not under the page's policy (a fetch of its own arrives)", JSON.stringify(swr));
  }
  await s.context.setOffline(true);
  await s.page.reload({ waitUntil: "load" });
  await waitFrames(s.page, 2);
  const off = await s.page.evaluate(() => ({ state: window.clout.state, fonts: window.clout.fontsReal, online: navigator.onLine }));
  check(!off.online && off.state === "running" && off.fonts, "offline, the app still starts with its fonts", JSON.stringify(off));
  const offWorkers = await workersByName(s.page, WORKERS);
  const offReady = await s.page.waitForFunction(() => window.clout.workerReady, null, { timeout: 60000 }).then(() => true, () => false);
  check(offReady && Object.keys(offWorkers).length === 2, "offline, the import worker and its helper start (their blob: code loads the engine from the copy)");
  await s.page.screenshot({ path: screenshotPath("privacy-offline.png") });
  const so = colourStats(decodePng(fs.readFileSync(screenshotPath("privacy-offline.png"))));
  check(so.distinct > 50, "offline, the welcome screen renders", `${so.distinct} colours`);
  // a share link opens offline too
  await s.page.goto(sub.url + "sub/#s=" + payload, { waitUntil: "load" });
  await waitFrames(s.page, 2);
  const offCard = await s.page.evaluate(() => window.clout.share.viewed && window.clout.share.viewed.card && window.clout.share.viewed.card.score);
  check(offCard === JSON.parse(A.json).score, "offline, a share link opens", String(offCard));
  await s.context.close();

  // ---- a host that sends headers (README "Publish it"): the page's policy as a real header
  // (with frame-ancestors, which a <meta> cannot carry), COOP and COEP. Everything still
  // works, and the header binds the service worker too.
  {
    const meta = (fs.readFileSync(path.join(DIST, "index.html"), "utf8").match(/http-equiv="Content-Security-Policy" content="([^"]+)"/) || [])[1] || "";
    const policy = meta + "; frame-ancestors 'none'";
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    check(meta && readme.includes("Content-Security-Policy: " + policy + "\n"),
      "README's header policy is the page's <meta> policy plus frame-ancestors 'none'");
    const hs = await startHeaderServer(DIST, {
      "Content-Security-Policy": policy,
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
    });
    try {
      const c = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await c.addInitScript(CSP_WATCH);
      const p = await c.newPage();
      const errors = [];
      p.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      p.on("pageerror", (e) => errors.push(String(e)));
      await p.goto(hs.url, { waitUntil: "load" });
      await waitFrames(p, 2);
      const isolated = await p.evaluate(() => self.crossOriginIsolated);
      const hw = await workersByName(p, WORKERS);
      const score = await p.evaluate(() => window.clout.trySample().then((r) => r.score, (e) => "failed: " + e.message));
      check(isolated && Object.keys(hw).length === 2 && typeof score === "number",
        "with the policy header, COOP and COEP: the page is isolated, both workers start, the sample is scored", `${isolated} ${Object.keys(hw).join()} ${score}`);
      const v = await p.evaluate(() => window.__csp);
      check(v.length === 0 && errors.length === 0, "... with no CSP violation and no console error", [...v, ...errors].join(" | "));
      checkRefused(await probeAll(p, hw, other.url, "hdr"), other, "hdr", "with the policy header");
      await p.evaluate(() => navigator.serviceWorker.ready);
      const sw = c.serviceWorkers()[0];
      const r = sw ? await sw.evaluate(probeInContext, [other.url + "hdr-sw"]) : { outcome: "no service worker" };
      check(r.outcome.startsWith("refused") && other.count("/hdr-sw") === 0,
        "with the policy header: the service worker is bound too (a fetch of its own to the other origin is refused)", JSON.stringify(r));
      await c.close();
    } finally {
      await hs.stop();
    }
  }

  // ---- a host whose own policy forbids blob: workers: the workers cannot start; an import
  // then fails with one clear line, and the page does not restart the worker in a loop
  {
    const meta = (fs.readFileSync(path.join(DIST, "index.html"), "utf8").match(/http-equiv="Content-Security-Policy" content="([^"]+)"/) || [])[1] || "";
    const hs = await startHeaderServer(DIST, { "Content-Security-Policy": meta.replace("worker-src 'self' blob:", "worker-src 'self'") });
    try {
      const c = await browser.newContext();
      const p = await c.newPage();
      let refusedStarts = 0;
      p.on("console", (m) => { if (/Creating a worker from 'blob:/.test(m.text())) refusedStarts++; });
      await p.goto(hs.url, { waitUntil: "load" });
      await waitFrames(p, 2);
      const r = await p.evaluate(() => window.clout.trySample().then((x) => "report " + x.score, (e) => e.message));
      await p.waitForTimeout(1500);
      const state = await p.evaluate(() => window.clout.state);
      check(r === "the engine could not start: the worker did not load" && state === "running",
        "a host policy without worker-src blob: : the import fails with one line, the page keeps running", `${r} (${state})`);
      check(refusedStarts >= 1 && refusedStarts <= 2, "... and the worker is tried once at start and once for the import, not in a loop",
        `${refusedStarts} refused starts`);
      await c.close();
    } finally {
      await hs.stop();
    }
  }

  // ---- the service worker's fetch handler (dist/sw.js, run in Node): requests to another
  // origin are left to the browser, which holds them to the page's policy; it fetches only
  // its own origin's files
  {
    const scope = "http://127.0.0.1:8080/sub/";
    const r = await swFetchHandler(path.join(DIST, "sw.js"), scope, [
      { url: other.url + "x", mode: "cors" },
      { url: other.url + "x", mode: "no-cors" },
      { url: other.url, mode: "navigate" },
      { url: "https://example.com/collect?x=1", mode: "cors" },
      { url: other.url + "x", mode: "cors", method: "POST" },
      { url: "http://127.0.0.1:8080/outside/x.js", mode: "no-cors" },
      { url: scope + "not-cached.js", mode: "no-cors" },
      { url: scope + "?s=1", mode: "navigate" },
    ]);
    check(r.answered.slice(0, 6).every((a) => !a), "service worker: requests to another origin (and outside its scope) are not answered by it",
      JSON.stringify(r.answered));
    check(r.answered[6] && r.answered[7], "service worker: its own files are answered by it", JSON.stringify(r.answered));
    check(r.fetched.length > 0 && r.fetched.every((u) => u.startsWith(scope)), "service worker: it fetches only its own origin's files",
      r.fetched.join(" "));
  }

  code = summary("page: privacy");
} catch (e) {
  console.log(`  FAIL ${e.stack || e}`);
  summary("page: privacy");
  code = 1;
} finally {
  await browser.close();
  server.stop();
  await other.stop();
  if (sub) sub.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
