// Shared harness of the page tests: serves dist/ on a free local port, launches Debian's
// headless Chromium (SwiftShader WebGL 2) with playwright-core, watches every page for
// console errors, uncaught exceptions, failed requests and requests outside the page's
// origin, and counts checks. Screenshots go to tests/out/ (git-ignored).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const DIST = process.env.CLOUT_DIST || path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "tests/out");

export const CHROMIUM_ARGS = [
  "--no-sandbox", "--disable-gpu", "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
];

let passed = 0, failed = 0;
export function check(cond, name, detail = "") {
  if (cond) { passed++; console.log(`  ok   ${name}`); }
  else { failed++; console.log(`  FAIL ${name}${detail ? `: ${detail}` : ""}`); }
  return !!cond;
}
export function summary(suite) {
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

export async function startServer(dir = DIST) {
  if (!fs.existsSync(path.join(dir, "index.html"))) throw new Error(`${dir}/index.html missing: run ./build_wasm.sh`);
  const proc = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs"), dir, "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise((resolve, reject) => {
    let buf = "";
    proc.stdout.on("data", (d) => {
      buf += d;
      const m = buf.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) resolve(m[1]);
    });
    proc.on("exit", (code) => reject(new Error(`server exited (${code})`)));
    setTimeout(() => reject(new Error("server did not start")), 10000);
  });
  return { url, stop: () => proc.kill() };
}

// { gpuCompositing: true } leaves out --disable-gpu: the compositor then runs as with a GPU
// (SwiftShader standing in for it), handing the WebGL canvas over as a texture, where software
// compositing reads every frame back on the main thread (docs/ARCHITECTURE.md, "Main-thread
// budget").
export async function launch({ gpuCompositing = false } = {}) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: gpuCompositing ? CHROMIUM_ARGS.filter((a) => a !== "--disable-gpu") : CHROMIUM_ARGS,
    headless: true,
  });
}

// Opens `url` in a new context and records everything that must not happen. The browser's
// time zone is UTC unless contextOptions.timezoneId says otherwise (the page's report then
// equals the CLI's default, whatever the machine's zone).
export async function openPage(browser, url, contextOptions = {}) {
  const context = await browser.newContext({ timezoneId: "UTC", ...contextOptions });
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], failedRequests: [] };
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => problems.pageErrors.push(String(err)));
  page.on("request", (req) => {
    const u = req.url();
    if (u.startsWith("data:") || u.startsWith("blob:")) return;
    if (new URL(u).origin !== origin) problems.foreignRequests.push(u);
  });
  page.on("requestfailed", (req) => problems.failedRequests.push(`${req.url()} (${req.failure()?.errorText})`));
  page.on("response", (res) => {
    if (res.status() >= 400) problems.failedRequests.push(`${res.url()} (HTTP ${res.status()})`);
  });
  await page.goto(url, { waitUntil: "load" });
  return { context, page, problems };
}

// Waits until the app has drawn `frames` more frames after `since` (or fails).
export async function waitFrames(page, frames = 2, timeout = 30000) {
  await page.waitForFunction(
    (n) => window.clout && (window.clout.state === "failed" || window.clout.framesDrawn >= n),
    frames, { timeout, polling: 50 });
}

export function screenshotPath(name) {
  fs.mkdirSync(OUT, { recursive: true });
  return path.join(OUT, name);
}
