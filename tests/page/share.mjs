// Sharing and exports in headless Chromium, with reports made by the native CLI:
// the share link (fragment only, <= 2000 characters, same card back), the read-only card a
// link opens (desktop and phone), damaged links (a clear message, never a card), the PNG
// card (1200x630, a real picture), JSON and CSV downloads byte-identical to
// `clout score --json --csv`, the local history (opt-in, two exports, forget everything),
// a report with fetched public counts (the CLI against the loopback mock of the public APIs:
// the card, the PNG, the link and its viewer name the host and the day, and a partial
// network's chip says so), and no request outside the page's origin throughout.
// Screenshots: tests/out/share-*.png, tests/out/card-*.png.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { check, summary, startServer, launch, openPage, waitFrames, screenshotPath, ROOT } from "./lib/harness.mjs";
import { decodePng, colourStats } from "./lib/png.mjs";
import { cliReport } from "./lib/cli_report.mjs";
import { startMockApi } from "../mock/public_api.mjs";

const A = cliReport("x-archive", ["--tweets", "3000", "--followers", "1200", "--seed", "4"]);
const B = cliReport("x-archive", ["--tweets", "3000", "--followers", "1200", "--seed", "4"], ["--as-of", "2024-01-15"]);
const repA = JSON.parse(A.json), repB = JSON.parse(B.json);

// A Bluesky repository whose public counts are fetched (from the loopback mock, named as
// Bluesky's public AppView) and a Reddit export (no follower count: a partial score), scored
// by the CLI. The CLI runs without blocking this process: the mock answers from it.
async function fetchedReport() {
  const BIN = process.env.CLOUT_BIN_DIR || path.join(ROOT, "build-native");
  const DID = "did:plc:generatedaccount0001";
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clout-share-fetch-"));
  const car = path.join(dir, "repo.car"), reddit = path.join(dir, "reddit.zip");
  execFileSync(path.join(BIN, "clout-gen"), ["bluesky-car", "--originals", "70", "--other-replies", "14", "--quotes", "4",
    "--reposts", "8", "--did", DID, car], { stdio: "ignore" });
  execFileSync(path.join(BIN, "clout-gen"), ["reddit", "--posts", "40", "--comments", "60", "--seed", "3", reddit], { stdio: "ignore" });
  const mock = await startMockApi({ bluesky: { did: DID, followers: 1500 } });
  try {
    return await new Promise((resolve, reject) => {
      const p = spawn(path.join(BIN, "clout"), ["score", car, reddit, "--json", "--fetch-public-counts"],
        { env: { ...process.env, CLOUT_TEST_API_BASE: mock.base } });
      let out = "", err = "";
      p.stdout.on("data", (d) => (out += d));
      p.stderr.on("data", (d) => (err += d));
      p.on("close", (status) => (status === 0 ? resolve(out) : reject(new Error(`clout score failed (${status}): ${err}`))));
    });
  } finally {
    await mock.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
const dayBefore = new Date().toISOString().slice(0, 10);
const F = await fetchedReport();
const repF = JSON.parse(F);
// the day of the fetch (UTC), whichever side of midnight the CLI ran
const today = [dayBefore, new Date().toISOString().slice(0, 10)].find((d) => F.includes(`"date": "${d}"`)) || dayBefore;

// A format-2 payload with the combined score's active weeks changed and the checksum made
// valid again: its stated points no longer follow from its inputs (share_link.h layout).
function crc32(buf) {
  let c = 0xFFFFFFFF;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xEDB88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xFFFFFFFF) >>> 0;
}
function tamperWeeks(payload) {
  const b = Buffer.from(payload.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  let i = 12;  // format, score, d1, d7, d30, as_of (2), model major, model hash (4)
  const known = b[i];
  i += 3;      // known flags, two provenance bytes
  const skip = () => { while (b[i] & 0x80) i++; i++; };
  if (known & 1) skip();                // followers
  for (let k = 0; k < 5; k++) skip();   // posts with reshares, reshared, h_e, h_r, qualifying replies
  b[i] = b[i] === 0 ? 13 : 0;           // weeks_active
  b.writeUInt32LE(crc32(b.subarray(0, b.length - 4)), b.length - 4);
  return b.toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const server = await startServer();
const browser = await launch();
let code = 1;
const allForeign = [];
async function settle(page) {
  const n = await page.evaluate(() => { window.clout._module._clout_web_wake(); return window.clout.framesDrawn; });
  await waitFrames(page, n + 2);
  await page.waitForTimeout(150);
}
try {
  // ---- own report: link, downloads, card
  const { context, page, problems } = await openPage(browser, server.url, { viewport: { width: 1280, height: 900 }, colorScheme: "dark", acceptDownloads: true });
  await waitFrames(page, 2);
  const ok = await page.evaluate((t) => window.clout.share.setReport(t, { page: true }), A.json);
  check(ok === true, "a CLI report is accepted by the page");
  await settle(page);
  const link = await page.evaluate(() => window.clout.shareLink);
  check(typeof link === "string" && link.startsWith(server.url + "#s=") && /^[A-Za-z0-9_-]+$/.test(link.split("#s=")[1]),
    "clout.shareLink is the page address + #s= + base64url", String(link));
  check(link.length <= 2000, "the link is at most 2000 characters", `${link.length}`);
  const card = await page.evaluate(() => window.clout.share.card);
  check(card.score === repA.score && card.as_of === repA.as_of && card.model === repA.model,
    "the card carries the report's score, date and model", `${card.score} ${card.as_of}`);
  check(JSON.stringify(card.components.map((c) => c.points)) === JSON.stringify(repA.components.map((c) => c.points)),
    "... and its component points");
  check(card.model_major === 2 && card.base_points === 1 &&
    card.base_points + card.components.reduce((s, c) => s + (c.known ? c.points : 0), 0) === card.score,
    "the card's numbers add up: base + the known components' points = the score",
    `${card.base_points} + ${card.components.map((c) => c.points).join(" + ")} vs ${card.score}`);
  check(card.trend.length === 53 && card.trend[52] === repA.score && card.trend[0] === repA.trend[repA.trend.length - 1 - 364].score,
    "... and a weekly trend of 53 points ending at the score");
  check(card.name === "", "no name unless the person includes one");
  await page.screenshot({ path: screenshotPath("share-report-desktop.png") });
  // the name: a real input over the canvas (#share-name: phone keyboards, IME), in the link
  await page.evaluate(() => window.clout.share.setName("Ada Lovelace"));
  await page.mouse.move(640, 450);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 1500);
  await settle(page);
  const nameBox = () => page.evaluate(() => {
    const e = document.getElementById("share-name"), r = e.getBoundingClientRect();
    return { hidden: e.hidden, value: e.value, top: r.top, name: window.clout.share.card.name,
      linkName: window.clout.share.decode(window.clout.shareLink.split("#s=")[1]).name };
  });
  let nb = await nameBox();
  check(!nb.hidden && nb.value === "Ada Lovelace" && nb.top >= 0 && nb.top < 900 && nb.name === "Ada Lovelace" && nb.linkName === "Ada Lovelace",
    "a name included: its field is a real input on screen, and the card and link carry it", JSON.stringify(nb));
  await page.fill("#share-name", "Grace Hopper");
  await settle(page);
  nb = await nameBox();
  check(nb.name === "Grace Hopper" && nb.linkName === "Grace Hopper", "typing in the field changes the card's and the link's name", JSON.stringify(nb));
  await page.evaluate(() => window.clout.share.setName(""));
  await settle(page);
  nb = await nameBox();
  check(nb.hidden && nb.name === "" && nb.linkName === "", "the name taken off: the field goes, the card and link carry no name", JSON.stringify(nb));

  // CSV and JSON: byte-identical to the CLI, through real downloads
  const csvInPage = await page.evaluate((t) => window.clout.share.csv(t), A.json);
  check(csvInPage === A.csv, "the page's CSV equals `clout score --csv` byte for byte", `${csvInPage.length} vs ${A.csv.length} bytes`);
  for (const [kind, expected] of [["csv", A.csv], ["json", A.json]]) {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.evaluate((k) => window.clout.share.download(k), kind)]);
    const bytes = fs.readFileSync(await dl.path(), "utf8");
    check(bytes === expected, `"Download ${kind.toUpperCase()}" saves the CLI's bytes (${dl.suggestedFilename()})`, `${bytes.length} bytes`);
  }

  // PNG card
  const png = await page.evaluate(async () => {
    const blob = await window.clout.exportCard();
    return { type: blob.type, bytes: Array.from(new Uint8Array(await blob.arrayBuffer())) };
  });
  check(png.type === "image/png", "clout.exportCard() gives a PNG Blob", png.type);
  const pngBuf = Buffer.from(png.bytes);
  fs.writeFileSync(screenshotPath("card-own.png"), pngBuf);
  const img = decodePng(pngBuf);
  check(img.width === 1200 && img.height === 630, "the card is 1200x630", `${img.width}x${img.height}`);
  const st = colourStats(img);
  check(st.distinct > 500 && st.topShare < 0.8, "the card is a designed picture", `${st.distinct} colours, top ${Math.round(st.topShare * 100)}%`);
  const [dlPng] = await Promise.all([page.waitForEvent("download"), page.evaluate(() => window.clout.share.download("png"))]);
  check(/^clout-card-\d{4}-\d\d-\d\d\.png$/.test(dlPng.suggestedFilename()), "the card downloads as a PNG file", dlPng.suggestedFilename());

  // with a name
  const named = await page.evaluate((t) => window.clout.share.encode(t, "Ada Lovelace"), A.json);
  const back = await page.evaluate((p) => window.clout.share.decode(p), named);
  check(back.name === "Ada Lovelace" && back.score === repA.score, "a chosen display name travels in the link");
  const namedPng = await page.evaluate(async (p) => {
    const blob = await window.clout.exportCard(window.clout.share.decode(p));
    return Array.from(new Uint8Array(await blob.arrayBuffer()));
  }, named);
  fs.writeFileSync(screenshotPath("card-named.png"), Buffer.from(namedPng));

  // ---- local history: opt-in, two exports, forget
  const hist = await page.evaluate(async ([a, b]) => {
    const h = window.clout.history;
    const before = await h.list();
    await h.enable(true);
    window.clout.share.setReport(b, { page: true });
    await new Promise((r) => setTimeout(r, 300));
    window.clout.share.setReport(a, { page: true });
    await new Promise((r) => setTimeout(r, 300));
    const two = await h.list();
    return { before: before.length, two };
  }, [A.json, B.json]);
  check(hist.before === 0, "history is off until the person turns it on");
  check(hist.two.length === 2 && hist.two[0].as_of === repB.as_of && hist.two[1].as_of === repA.as_of &&
    hist.two[0].score === repB.score && hist.two[1].score === repA.score,
    "two exports give two entries, by as-of date", JSON.stringify(hist.two.map((e) => [e.as_of, e.score])));
  check(hist.two.every((e) => Object.keys(e).sort().join() === "as_of,components,key,model,network_scores,networks,score"),
    "entries hold aggregates only", Object.keys(hist.two[0] || {}).join());
  await settle(page);
  await page.screenshot({ path: screenshotPath("share-history-desktop.png") });
  const forgot = await page.evaluate(async () => {
    await window.clout.history.forget();
    const dbs = indexedDB.databases ? (await indexedDB.databases()).map((d) => d.name) : [];
    return { list: (await window.clout.history.list()).length, on: window.clout.history.enabled(), dbs };
  });
  check(forgot.list === 0 && !forgot.on && !forgot.dbs.includes("clout-history"), "\"Forget everything\" deletes the database and turns history off",
    JSON.stringify(forgot));
  allForeign.push(...problems.foreignRequests);
  check(problems.consoleErrors.length === 0 && problems.pageErrors.length === 0, "no console error", [...problems.consoleErrors, ...problems.pageErrors].join(" | "));
  await context.close();

  // ---- fetched public counts: the card names the host and the day; a partial network says so
  const bsky = repF.sources.find((x) => x.network === "bluesky");
  check(bsky && bsky.fetched && bsky.fetched.host === "public.api.bsky.app" && bsky.fetched.date === today,
    "the CLI's report names the fetch's host and day (sources[].fetched)", JSON.stringify(bsky && bsky.fetched));
  for (const l of [{ name: "desktop", viewport: { width: 1280, height: 900 } },
    { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }]) {
    const { name, ...opts } = l;
    const f = await openPage(browser, server.url, { ...opts, colorScheme: "dark" });
    await waitFrames(f.page, 2);
    check(await f.page.evaluate((t) => window.clout.share.setReport(t, { page: true }), F), `${name}: a report with fetched counts is accepted`);
    await settle(f.page);
    const fc = await f.page.evaluate(() => window.clout.share.card);
    check(fc.format === 3 && fc.fetched.length === 1 && fc.fetched[0].network === "bluesky" &&
      fc.fetched[0].host === "public.api.bsky.app" && fc.fetched[0].date === today,
      `${name}: the card carries the fetch's host and day`, JSON.stringify(fc.fetched));
    const rd = fc.networks.find((n) => n.network === "reddit"), bs = fc.networks.find((n) => n.network === "bluesky");
    check(rd && rd.partial && rd.partial.unmeasured_points > 0 && bs && bs.partial === null,
      `${name}: the Reddit score is partial on the card, Bluesky's is not`, JSON.stringify(fc.networks));
    check(fc.components.some((c) => c.provenance.includes("fetched")), `${name}: the components read fetched numbers`);
    const fl = await f.page.evaluate(() => window.clout.shareLink);
    const back = await f.page.evaluate((p) => window.clout.share.decode(p), fl.split("#s=")[1]);
    check(fl.length <= 2000 && JSON.stringify(back.fetched) === JSON.stringify(fc.fetched), `${name}: the link carries the host and the day`,
      JSON.stringify(back.fetched));
    await f.page.screenshot({ path: screenshotPath(`share-fetched-${name}.png`) });
    // scrolled to the networks and the fetch line
    await f.page.mouse.move(100, 300);
    await f.page.mouse.wheel(0, name === "phone" ? 700 : 350);
    await settle(f.page);
    await f.page.screenshot({ path: screenshotPath(`share-fetched-${name}-scrolled.png`) });
    if (name === "desktop") {
      const fpng = await f.page.evaluate(async () => {
        const blob = await window.clout.exportCard();
        return Array.from(new Uint8Array(await blob.arrayBuffer()));
      });
      fs.writeFileSync(screenshotPath("card-fetched.png"), Buffer.from(fpng));
      const fi = decodePng(Buffer.from(fpng));
      check(fi.width === 1200 && fi.height === 630, "the fetched card's PNG is 1200x630");
      // many networks, several partial: smaller chips, then "+N more", never a network dropped unsaid
      const many = await f.page.evaluate(async (c) => {
        const labels = ["X", "Mastodon", "Bluesky", "Instagram", "Threads", "Facebook", "LinkedIn", "TikTok", "Reddit"];
        const card = { ...c, networks: labels.map((l, i) => ({ network: l.toLowerCase(), label: l, score: 20 + i,
          partial: i % 2 ? { unknown: ["reach"], unmeasured_points: 25 } : null })) };
        const blob = await window.clout.card.render(card);
        return Array.from(new Uint8Array(await blob.arrayBuffer()));
      }, fc);
      fs.writeFileSync(screenshotPath("card-many-networks.png"), Buffer.from(many));
      const lines = await f.page.evaluate((c) => window.clout.card.fetchedLines(c, true), fc);
      check(lines.length === 1 && lines[0].startsWith("Bluesky: fetched from public.api.bsky.app on ") &&
        / on \d{1,2} [A-Z][a-z]{2} \d{4}$/.test(lines[0]) && lines[0].endsWith(today.slice(0, 4)),
        "the PNG's line names the network, the host and the day", lines.join(" | "));
      // the link opened by someone else: the live region reads the host, the day and the partial chip
      const v = await openPage(browser, fl, { viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
      await waitFrames(v.page, 2);
      await v.page.waitForFunction(() => window.clout.share.viewed, null, { timeout: 10000 });
      await settle(v.page);
      const status = await v.page.evaluate(() => document.getElementById("status").textContent);
      check(status.includes("fetched from public.api.bsky.app on ") && /Reddit \d+ \(partial\)/.test(status),
        "the shared card's live region names the fetch and the partial network", status);
      await v.page.screenshot({ path: screenshotPath("share-link-fetched-desktop.png") });
      const vp = await openPage(browser, fl, { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: "dark" });
      await waitFrames(vp.page, 2);
      await vp.page.waitForFunction(() => window.clout.share.viewed, null, { timeout: 10000 });
      await settle(vp.page);
      await vp.page.mouse.move(100, 300);
      await vp.page.mouse.wheel(0, 500);
      await settle(vp.page);
      await vp.page.screenshot({ path: screenshotPath("share-link-fetched-phone.png") });
      for (const x of [v, vp]) {
        allForeign.push(...x.problems.foreignRequests);
        check(x.problems.consoleErrors.length === 0 && x.problems.pageErrors.length === 0, "fetched link view: no console error",
          [...x.problems.consoleErrors, ...x.problems.pageErrors].join(" | "));
        await x.context.close();
      }
    }
    allForeign.push(...f.problems.foreignRequests);
    check(f.problems.consoleErrors.length === 0 && f.problems.pageErrors.length === 0, `${name}: fetched card, no console error`,
      [...f.problems.consoleErrors, ...f.problems.pageErrors].join(" | "));
    await f.context.close();
  }

  // ---- the link opened by someone else: desktop and phone
  const layouts = [
    { name: "desktop", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "dark" },
    { name: "desktop-light", viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, colorScheme: "light" },
    { name: "phone", viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, colorScheme: "dark" },
  ];
  const namedLink = server.url + "#s=" + named;
  for (const l of layouts) {
    const { name, ...opts } = l;
    const v = await openPage(browser, namedLink, opts);
    await waitFrames(v.page, 2);
    await v.page.waitForFunction(() => window.clout.share.viewed, null, { timeout: 10000 });
    await settle(v.page);
    const seen = await v.page.evaluate(() => ({ viewed: window.clout.share.viewed, status: document.getElementById("status").textContent }));
    check(seen.viewed && seen.viewed.card && seen.viewed.card.score === repA.score && !seen.viewed.error,
      `${name}: the link opens the read-only card`, JSON.stringify(seen.viewed && seen.viewed.error));
    check(seen.status.includes(`${repA.score} out of 100`) && seen.status.includes(repA.as_of) && seen.status.includes("Ada Lovelace"),
      `${name}: the live region reads the card`, seen.status.slice(0, 100));
    const openShown = await v.page.evaluate(() => getComputedStyle(document.getElementById("open")).display !== "none");
    check(!openShown, `${name}: the welcome screen's "Open export…" is not over the card`);
    const shot = screenshotPath(`share-link-${name}.png`);
    await v.page.screenshot({ path: shot, fullPage: false });
    const s2 = colourStats(decodePng(fs.readFileSync(shot)));
    check(s2.distinct > 50, `${name}: the card view draws`, `${s2.distinct} colours`);
    if (name === "desktop") {
      // "Compute your own": back to the welcome screen, the fragment gone
      await v.page.evaluate(() => window.clout.share.action("compute-own"));
      await settle(v.page);
      const after = await v.page.evaluate(() => ({ hash: location.hash, viewed: window.clout.share.viewed }));
      check(after.hash === "" && after.viewed === null, "\"Compute your own score\" leaves the card for the welcome screen");
      await v.page.screenshot({ path: screenshotPath("share-link-after-compute.png") });
    }
    allForeign.push(...v.problems.foreignRequests);
    check(v.problems.consoleErrors.length === 0 && v.problems.pageErrors.length === 0, `${name}: no console error`,
      [...v.problems.consoleErrors, ...v.problems.pageErrors].join(" | "));
    await v.context.close();
  }

  // ---- damaged links: a clear message, never a card
  const payload = named;
  const flip = (s, i) => s.slice(0, i) + (s[i] === "A" ? "B" : "A") + s.slice(i + 1);
  const bad = [
    ["a changed character", flip(payload, 20), /damaged|impossible/],
    ["a cut-off link", payload.slice(0, 30), /incomplete|damaged|length/],
    ["characters outside base64url", payload.slice(0, 10) + "%3Cb%3E" + payload.slice(10), /characters/],
    ["a newer format", "BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /newer version/],
    // a valid checksum over numbers the inputs do not give: the viewer recomputes the score
    ["numbers that disagree with their inputs", tamperWeeks(payload), /damaged.*do not match its inputs/],
    ["an empty link", "", /empty/],
  ];
  const v = await openPage(browser, server.url, { viewport: { width: 1280, height: 800 }, colorScheme: "dark" });
  await waitFrames(v.page, 2);
  for (const [what, p, re] of bad) {
    await v.page.evaluate((h) => { location.hash = "#s=" + h; }, p);
    await v.page.waitForFunction(() => window.clout.share.viewed && window.clout.share.viewed.error !== undefined);
    const got = await v.page.evaluate(() => window.clout.share.viewed);
    check(got.card === null && re.test(got.error || ""), `${what}: a clear message`, got.error);
    await v.page.evaluate(() => { window.clout.share.viewed = null; });
  }
  await settle(v.page);
  await v.page.screenshot({ path: screenshotPath("share-link-damaged.png") });
  allForeign.push(...v.problems.foreignRequests);
  await v.context.close();

  check(allForeign.length === 0, "no request outside the page's origin (load, sharing, card export)", allForeign.join(" "));
  code = summary("page: share");
} catch (e) {
  console.log(`  FAIL ${e.stack || e}`);
  summary("page: share");
  code = 1;
} finally {
  await browser.close();
  server.stop();
}
process.exit(code);
