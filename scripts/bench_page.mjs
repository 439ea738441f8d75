// The page's performance targets, in Debian's headless Chromium:
//   node scripts/bench_page.mjs DIST ARCHIVE [RUNS [ARCHIVE2]]
// For each run, a fresh page: the time to the first frame drawn (from navigation start),
// then the archive given to the file input and the time from that moment to the report
// (window.clout.lastRun.ms, measured by the page itself from the drop to the report's
// arrival), and the wasm heaps afterwards: the import worker's plus its second worker's
// (web/worker.js "Two workers"), which reads part of a large archive at the same time.
// With ARCHIVE2 (scripts/bench.sh: the same tweets in one tweets.js) the runs of the two
// archives alternate, so both see the same machine load.
// Prints one line for scripts/bench.sh:
//   best_s median_s first_frame_s heap_mb [best2_s median2_s heap2_mb]
// and a readable line per run on stderr.
import path from "node:path";
import { startServer, launch, openPage } from "../tests/page/lib/harness.mjs";

const [dist, archive, runsArg, archive2] = process.argv.slice(2);
if (!dist || !archive) {
  console.error("usage: node scripts/bench_page.mjs DIST ARCHIVE [RUNS [ARCHIVE2]]");
  process.exit(2);
}
const runs = Math.max(1, Number(runsArg || 3));
const server = await startServer(path.resolve(dist));
const browser = await launch();
const archives = archive2 ? [archive, archive2] : [archive];
const times = archives.map(() => []), frames = [], heaps = archives.map(() => []);
try {
  for (let k = 0; k < runs * archives.length; k++) {
    const r = Math.floor(k / archives.length), a = k % archives.length;
    const { context, page } = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    await page.waitForFunction(() => window.clout && window.clout.framesDrawn > 0, null, { timeout: 60000 });
    // The first frame: the app notes when it drew it; else the navigation-relative now.
    const first = await page.evaluate(() => (window.clout.firstFrameMs ?? performance.now()) / 1000);
    // Wait for the worker to be ready so its start-up is not counted as reading.
    await page.waitForFunction(() => window.clout.workerReady !== false, null, { timeout: 60000 }).catch(() => {});
    // And for its warm-up (web/worker.js "Warm-up", a few tenths of a second after the
    // page loads), as a person picking a file would.
    await page.waitForFunction(() => window.clout.workerWarmMs != null, null, { timeout: 60000 }).catch(() => {});
    const warm = await page.evaluate(() => window.clout.workerWarmMs);
    const before = await page.evaluate(() => window.clout.lastRun);
    await page.setInputFiles("#file", archives[a]);
    await page.waitForFunction((b) => window.clout.lastRun && window.clout.lastRun !== b && window.clout.report, before, { timeout: 600000 });
    const ms = await page.evaluate(() => window.clout.lastRun.ms);
    const ahead = await page.evaluate(() => window.clout.lastRun.ahead || {});
    let heap = NaN;
    for (const w of page.workers()) {
      try {
        heap = await w.evaluate(async () => (typeof ready !== "undefined" ? (await ready).HEAPU8.length : NaN)); // eslint-disable-line no-undef
        if (!Number.isNaN(heap)) break;
      } catch (_) { /* another worker (the service worker) */ }
    }
    times[a].push(ms / 1000);
    frames.push(first);
    const helperHeap = ahead.helperHeap || 0;
    heaps[a].push((heap + helperHeap) / 1048576);
    console.error(`page run ${r + 1}${archive2 ? ` (${path.basename(archives[a])})` : ""}: first frame ${first.toFixed(2)} s, drop to report ${(ms / 1000).toFixed(2)} s, ` +
      `warm-up ${warm == null ? "?" : Math.round(warm)} ms, worker heap ${(heap / 1048576).toFixed(0)} MB + second worker ${(helperHeap / 1048576).toFixed(0)} MB; ` +
      `data files read ahead: ${ahead.own || 0} here in ${Math.round(ahead.ownMs || 0)} ms, then ` +
      `${Math.round(ahead.waitMs || 0)} ms waiting for the ${ahead.helper || 0} of the second worker ` +
      `(read there in ${Math.round(ahead.helperMs || 0)} ms); import ${Math.round(ahead.importMs || 0)} ms, ` +
      `report ${Math.round(ahead.reportMs || 0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  server.stop();
}
const summary = (t) => {
  const sorted = [...t].sort((x, y) => x - y);
  return `${sorted[0].toFixed(2)} ${sorted[Math.floor(sorted.length / 2)].toFixed(2)}`;
};
let line = `${summary(times[0])} ${Math.min(...frames).toFixed(2)} ${Math.max(...heaps[0]).toFixed(0)}`;
if (archive2) line += ` ${summary(times[1])} ${Math.max(...heaps[1]).toFixed(0)}`;
console.log(line);
