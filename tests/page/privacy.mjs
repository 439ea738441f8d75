// Privacy and hosting in headless Chromium:
//  - the Content-Security-Policy is in the page, the app runs under it with no violation
//    (load, a report, a share link, the card export), and it blocks a fetch to another origin;
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

const server = await startServer();
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

  // the privacy panel
  await page.evaluate(() => { window.clout.share.action("compute-own"); window.clout._module._clout_web_privacy(1); });
  await settle(page);
  await page.screenshot({ path: screenshotPath("privacy-panel-desktop.png") });
  const st = colourStats(decodePng(fs.readFileSync(screenshotPath("privacy-panel-desktop.png"))));
  check(st.distinct > 50, "the \"How your data is handled\" panel draws", `${st.distinct} colours`);
  await context.close();

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
  await s.context.setOffline(true);
  await s.page.reload({ waitUntil: "load" });
  await waitFrames(s.page, 2);
  const off = await s.page.evaluate(() => ({ state: window.clout.state, fonts: window.clout.fontsReal, online: navigator.onLine }));
  check(!off.online && off.state === "running" && off.fonts, "offline, the app still starts with its fonts", JSON.stringify(off));
  await s.page.screenshot({ path: screenshotPath("privacy-offline.png") });
  const so = colourStats(decodePng(fs.readFileSync(screenshotPath("privacy-offline.png"))));
  check(so.distinct > 50, "offline, the welcome screen renders", `${so.distinct} colours`);
  // a share link opens offline too
  await s.page.goto(sub.url + "sub/#s=" + payload, { waitUntil: "load" });
  await waitFrames(s.page, 2);
  const offCard = await s.page.evaluate(() => window.clout.share.viewed && window.clout.share.viewed.card && window.clout.share.viewed.card.score);
  check(offCard === JSON.parse(A.json).score, "offline, a share link opens", String(offCard));
  await s.context.close();

  code = summary("page: privacy");
} catch (e) {
  console.log(`  FAIL ${e.stack || e}`);
  summary("page: privacy");
  code = 1;
} finally {
  await browser.close();
  server.stop();
  if (sub) sub.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
