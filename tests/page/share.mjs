// Sharing and exports in headless Chromium, with reports made by the native CLI:
// the share link (fragment only, <= 2000 characters, same card back), the read-only card a
// link opens (desktop and phone), damaged links (a clear message, never a card), the PNG
// card (1200x630, a real picture), JSON and CSV downloads byte-identical to
// `clout score --json --csv`, the local history (opt-in, two exports, forget everything),
// and no request outside the page's origin throughout.
// Screenshots: tests/out/share-*.png, tests/out/card-*.png.
import fs from "node:fs";
import { check, summary, startServer, launch, openPage, waitFrames, screenshotPath } from "./lib/harness.mjs";
import { decodePng, colourStats } from "./lib/png.mjs";
import { cliReport } from "./lib/cli_report.mjs";

const A = cliReport("x-archive", ["--tweets", "3000", "--followers", "1200", "--seed", "4"]);
const B = cliReport("x-archive", ["--tweets", "3000", "--followers", "1200", "--seed", "4"], ["--as-of", "2024-01-15"]);
const repA = JSON.parse(A.json), repB = JSON.parse(B.json);

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
    ["a newer format", "AwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", /newer version/],
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
