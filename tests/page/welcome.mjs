// The welcome screen in headless Chromium: it loads, draws a real picture (not one
// colour) with the real fonts at the device pixel ratio, logs no console error, requests
// nothing outside its origin, keeps the canvas sharp when the ratio changes (browser zoom),
// reaches "Open export…" with the keyboard, and lists dropped or picked files.
// Screenshots: tests/out/welcome-*.png (1280x800 at 1x and 2x, dark and light; 390x844 at 3x).
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { check, summary, startServer, launch, openPage, waitFrames, screenshotPath, DIST } from "./lib/harness.mjs";
import { decodePng, colourStats } from "./lib/png.mjs";

const server = await startServer();
const browser = await launch();
let code = 1;
try {
  // Page weight: everything a first visit downloads, gzipped as a static host would serve it.
  // dist/sample/ is not part of it: the sample export is fetched only on "Try a sample".
  let gz = 0;
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) { if (!(d === DIST && e.name === "sample")) walk(p); }
    else if (!e.name.startsWith("LICENSE")) gz += zlib.gzipSync(fs.readFileSync(p), { level: 9 }).length;
  });
  walk(DIST);
  check(gz <= 1.5 * 1024 * 1024, "the page transfers at most 1.5 MB compressed", `${(gz / 1048576).toFixed(2)} MB`);

  const layouts = [
    { name: "desktop", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "dark" },
    { name: "desktop-light", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "light" },
    { name: "desktop-2x", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, colorScheme: "dark" },
    { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: "dark" },
  ];
  for (const l of layouts) {
    console.log(`${l.name} (${l.viewport.width}x${l.viewport.height} @${l.deviceScaleFactor}x, ${l.colorScheme}):`);
    const { name, ...opts } = l;
    const { context, page, problems } = await openPage(browser, server.url, opts);
    try {
      await waitFrames(page, 2);
    } catch (e) {
      check(false, "the app starts and draws", e.message);
    }
    const info = await page.evaluate(() => {
      const c = document.getElementById("canvas");
      const r = c.getBoundingClientRect();
      const ob = document.getElementById("open").getBoundingClientRect();
      return {
        state: window.clout && window.clout.state,
        fontsReal: window.clout && window.clout.fontsReal,
        canvas: [c.width, c.height], css: [r.width, r.height], dpr: window.devicePixelRatio,
        title: document.title, status: document.getElementById("status").textContent,
        open: [ob.left, ob.top, ob.width, ob.height], openHidden: document.getElementById("open").hidden,
      };
    });
    check(info.state === "running", "the app runs", `state ${info.state}`);
    check(info.fontsReal, "the UI font (Inter) and the icon font are loaded");
    check(info.canvas[0] === Math.round(info.css[0] * info.dpr) && info.canvas[1] === Math.round(info.css[1] * info.dpr),
      "the canvas backing store is its CSS size x devicePixelRatio", `${info.canvas} vs ${info.css} @${info.dpr}`);
    check(/clout/.test(info.title), "the page has a title");
    check(/Nothing leaves your device/.test(info.status), "the live region mirrors the welcome text", info.status.slice(0, 80));
    check(!info.openHidden && info.open[2] > 100 && info.open[1] > 0 && info.open[1] + info.open[3] <= l.viewport.height,
      "\"Open export…\" is placed inside the window", JSON.stringify(info.open));

    const shot = screenshotPath(`welcome-${name}.png`);
    await page.screenshot({ path: shot });
    // The canvas alone (the page's own "Open export…" hidden): it must not be one colour.
    await page.evaluate(() => { document.getElementById("open").style.visibility = "hidden"; });
    const img = decodePng(await page.screenshot());
    await page.evaluate(() => { document.getElementById("open").style.visibility = ""; });
    const st = colourStats(img);
    check(st.distinct > 50 && st.topShare < 0.97, "the canvas draws a picture, not one colour",
      `${st.distinct} colours, top ${Math.round(st.topShare * 100)}%`);

    if (name === "desktop") {
      // Keyboard: Tab reaches the real file input, which shows a focus ring.
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
      check(focused === "file", "Tab reaches \"Open export…\"", `focused: ${focused}`);
      const ring = await page.evaluate(() => getComputedStyle(document.getElementById("open")).outlineStyle);
      check(ring !== "none", "it shows a focus ring", ring);
      await page.screenshot({ path: screenshotPath("welcome-desktop-focus.png") });

      // A drop on the page: the files go to the import worker; these are not exports, so
      // each gets one error line, shown by the app and read out by the live region.
      const before = await page.evaluate(() => window.clout.framesDrawn);
      await page.evaluate(() => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(1234567)], "twitter-2024-05-01-archive.zip"));
        dt.items.add(new File(["{}"], "outbox.json", { type: "application/json" }));
        document.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
        document.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
      });
      await page.waitForFunction((n) => !window.clout.busy && window.clout.errors.length > 0 && window.clout.framesDrawn > n + 1,
        before, { timeout: 60000, polling: 50 });
      const dropped = await page.evaluate(() => ({
        errors: window.clout.errors, status: document.getElementById("status").textContent,
      }));
      check(dropped.errors.length === 2 && dropped.errors[0].startsWith("twitter-2024-05-01-archive.zip: ") &&
        dropped.errors[1].startsWith("outbox.json: "), "dropped files are read by the worker (one error line each)",
        JSON.stringify(dropped.errors));
      check(/twitter-2024-05-01-archive\.zip: /.test(dropped.status), "the live region reads the errors", dropped.status.slice(0, 120));

      // The picker: the same path through the real <input type=file>.
      const before2 = await page.evaluate(() => window.clout.framesDrawn);
      await page.setInputFiles("#file", [{ name: "bluesky.car", mimeType: "application/vnd.ipld.car", buffer: Buffer.alloc(4096) }]);
      await page.waitForFunction((n) => !window.clout.busy && window.clout.framesDrawn > n + 1 && window.clout.errors.length === 1,
        before2, { timeout: 60000, polling: 50 });
      const picked = await page.evaluate(() => window.clout.errors);
      check(picked.length === 1 && picked[0].startsWith("bluesky.car: "), "a file picked with \"Open export…\" is read too", JSON.stringify(picked));
      await page.mouse.move(10, 10);
      await page.screenshot({ path: screenshotPath("welcome-desktop-files.png") });

      // Browser zoom changes devicePixelRatio: the canvas follows on the next frame.
      const cdp = await context.newCDPSession(page);
      const before3 = await page.evaluate(() => window.clout.framesDrawn);
      await cdp.send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 800, deviceScaleFactor: 2, mobile: false });
      await waitFrames(page, before3 + 2);
      const zoomed = await page.evaluate(() => [document.getElementById("canvas").width, document.getElementById("canvas").height]);
      check(zoomed[0] === 2560 && zoomed[1] === 1600, "a new devicePixelRatio resizes the canvas backing store", `${zoomed}`);
    }

    check(problems.consoleErrors.length === 0, "no console error", problems.consoleErrors.join(" | "));
    check(problems.pageErrors.length === 0, "no uncaught exception", problems.pageErrors.join(" | "));
    check(problems.foreignRequests.length === 0, "no request outside the page's origin", problems.foreignRequests.join(" "));
    check(problems.failedRequests.length === 0, "no failed request", problems.failedRequests.join(" "));
    await context.close();
  }
  code = summary("page: welcome");
} catch (e) {
  console.log(`  FAIL ${e.stack || e}`);
  summary("page: welcome");
  code = 1;
} finally {
  await browser.close();
  server.stop();
}
process.exit(code);
