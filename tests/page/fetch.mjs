// Public counts on request in the page (web/fetch.js, src/worker/fetch.cpp, web/fetch.html),
// against a loopback mock of Bluesky's AppView and a Mastodon server (tests/mock):
//  - nothing reaches the mock before the consent click; the dialog lists what is sent and to
//    whom; after "Fetch", only the mock host is asked, only with GET;
//  - the report is scored again with the fetched counts, marked in its sources, and equals
//    the CLI's `clout score --fetch-public-counts` except for the fetch time;
//  - a rate limit (429 + Retry-After), three 500s, a hang and a malformed body end with a
//    partial result and words that say so; Stop keeps what was read;
//  - the page and its workers still reach no other origin, and the fetch frame reaches
//    nothing but the host it was opened for (its own policy);
//  - the Sources card's button and the dialog (screenshots, desktop and phone).
import { spawn, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { check, summary, startServer, launch, openPage, waitFrames, screenshotPath, ROOT } from "./lib/harness.mjs";
import { startMockApi } from "../mock/public_api.mjs";
import { startCountingServer } from "./lib/foreign.mjs";

const BIN = process.env.CLOUT_BIN_DIR || path.join(ROOT, "build-native");
const DID = "did:plc:generatedaccount0001";
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "clout-fetchpage-"));
const car = path.join(tmp, "bluesky-repo.car");
const mzip = path.join(tmp, "mastodon-archive.zip");
const mdir = path.join(tmp, "mastodon");
execFileSync(path.join(BIN, "clout-gen"), ["bluesky-car", "--originals", "70", "--self-replies", "10", "--other-replies", "12",
  "--quotes", "4", "--reposts", "9", "--did", DID, car], { stdio: "ignore" });
execFileSync(path.join(BIN, "clout-gen"), ["mastodon-archive", "--format", "zip", "--originals", "120", "--other-replies", "20", mzip], { stdio: "ignore" });
execFileSync(path.join(BIN, "clout-gen"), ["mastodon-archive", "--format", "dir", "--originals", "120", "--other-replies", "20", mdir], { stdio: "ignore" });
const outbox = JSON.parse(fs.readFileSync(path.join(mdir, "outbox.json"), "utf8"));
const statuses = outbox.orderedItems.filter((i) => i.type === "Create" && typeof i.object === "object")
  .map((i) => ({ id: i.object.id.slice(i.object.id.lastIndexOf("/") + 1), created_at: i.published }));
const both = { bluesky: { did: DID, followers: 1500 }, mastodon: { user: "alice", followers: 876, statuses } };

function cliFetch(file, base) {
  return new Promise((resolve) => {
    const p = spawn(path.join(BIN, "clout"), ["score", file, "--json", "--fetch-public-counts"],
      { env: { ...process.env, CLOUT_TEST_API_BASE: base } });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.on("close", () => resolve(out));
  });
}
// The report without the fetch's date (the page and the CLI fetch at different seconds).
const undated = (json) => json.replace(/Public counts fetched from ([^ ]+) on [0-9TZ:-]+/g, "Public counts fetched from $1 on DATE");

async function openWith(browser, server, mock, extra = "", viewport = { width: 1280, height: 860 }) {
  const url = server.url + "?test-api-base=" + encodeURIComponent(mock.base) + extra;
  const o = await openPage(browser, url, { viewport, deviceScaleFactor: 1, colorScheme: "dark" });
  await o.context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await waitFrames(o.page, 2);
  return o;
}
async function load(page, file) {
  const before = await page.evaluate(() => window.clout.reportJSON || "");
  await page.setInputFiles("#file", file);
  await page.waitForFunction((b) => window.clout.reportJSON && window.clout.reportJSON !== b && !window.clout.busy, before,
    { timeout: 60000, polling: 100 });
}
async function fetchAll(page) {
  return page.evaluate(async () => {
    const plans = await window.clout.fetch.plans();
    await window.clout.fetch.open(plans[0].network, plans[0].name);
    document.getElementById("fetch-go").click();
    await new Promise((r) => {
      const t = setInterval(() => { if (!window.clout.fetch.state.running && window.clout.fetch.state.summary && !window.clout.busy) { clearInterval(t); r(); } }, 50);
    });
    return { summary: window.clout.fetch.state.summary, json: window.clout.reportJSON,
      status: document.getElementById("fetch-status").textContent };
  });
}

const server = await startServer();
const browser = await launch();
let code = 1;
try {
  console.log("consent first, then the mock host only (Bluesky):");
  {
    const mock = await startMockApi(both);
    const { context, page, problems } = await openWith(browser, server, mock);
    await load(page, car);
    check(mock.log.length === 0, "nothing reached the mock after the import", JSON.stringify(mock.log.slice(0, 2)));
    // the Sources card's button is a real page button, placed over the card when it is in view
    await page.mouse.move(640, 500);
    let shown = false;
    for (let i = 0; i < 40 && !shown; i++) {
      await page.mouse.wheel(0, 500);
      await page.waitForTimeout(120);
      shown = await page.evaluate(() => {
        const b = document.getElementById("fetch-open");
        if (b.hidden) return false;
        const r = b.getBoundingClientRect();
        return r.top >= 60 && r.bottom <= innerHeight;
      });
    }
    check(shown, "the Sources card shows the \"Fetch public counts…\" button");
    await page.screenshot({ path: screenshotPath("fetch-sources-desktop.png") });
    if (shown) {
      await page.click("#fetch-open");
      await page.waitForFunction(() => document.getElementById("fetch-dialog").open, null, { timeout: 10000 });
      check(true, "the button opens the consent dialog");
      await page.click("#fetch-close");
    }
    check(mock.log.length === 0, "the button alone sends nothing");
    const plans = await page.evaluate(() => window.clout.fetch.plans());
    check(plans.length === 1 && plans[0].host === "public.api.bsky.app" && plans[0].possible, "one plan: the public AppView",
      JSON.stringify(plans));
    await page.evaluate(() => window.clout.fetch.open("bluesky"));
    const dlg = await page.evaluate(() => ({ open: document.getElementById("fetch-dialog").open,
      title: document.getElementById("fetch-title").textContent,
      items: Array.from(document.querySelectorAll("#fetch-sent li")).map((l) => l.textContent),
      status: document.getElementById("fetch-status").textContent }));
    check(dlg.open && dlg.title === "Fetch public counts from public.api.bsky.app?", "the dialog names the host", dlg.title);
    check(dlg.items.length === 2 && dlg.items[0].includes(DID) && /published posts of the period/.test(dlg.items[1]),
      "the dialog lists exactly what is sent", JSON.stringify(dlg.items));
    check(dlg.status === "Nothing has been sent.", "it says nothing has been sent yet");
    await page.screenshot({ path: screenshotPath("fetch-dialog-desktop.png") });
    check(mock.log.length === 0, "opening the dialog sends nothing");
    await page.click("#fetch-close");
    check(mock.log.length === 0, "Cancel sends nothing");

    const r = await fetchAll(page);
    check(r.summary && r.summary.followers === 1500 && r.summary.complete, "fetched: the follower count, complete", JSON.stringify(r.summary));
    check(/^Done\. From public\.api\.bsky\.app: follower count 1,500, reactions for \d+ of \d+ posts\./.test(r.status),
      "the dialog says what came back", r.status);
    check(mock.log.length > 0 && mock.log.every((e) => e.method === "GET"), "only GET requests reached the mock");
    check(mock.log.every((e) => ["/xrpc/app.bsky.actor.getProfile", "/xrpc/app.bsky.feed.getPosts"].includes(e.path)),
      "only the two Bluesky endpoints were asked", [...new Set(mock.log.map((e) => e.path))].join(" "));
    check(mock.log.every((e) => e.origin === "null"), "the requests came from the sandboxed frame (Origin: null)",
      [...new Set(mock.log.map((e) => e.origin))].join(" "));
    const rep = JSON.parse(r.json);
    const src = rep.sources.find((s) => s.network === "bluesky");
    check(src.counts.followers === 1500, "the report has the fetched follower count");
    check(src.notes.some((n) => n.startsWith("Public counts fetched from public.api.bsky.app on ")), "the source is marked fetched, with host and date");
    const cli = await cliFetch(car, mock.base);
    check(undated(r.json).replace(/"source": "[^"]*"/, "") === undated(cli).replace(/"source": "[^"]*"/, ""),
      "the page's report equals `clout score --fetch-public-counts` (but for the fetch time)");
    check(await page.evaluate(() => !document.querySelector("iframe")), "the fetch frame is gone after the fetch");
    const foreign = problems.foreignRequests.filter((u) => !u.startsWith(mock.base));
    check(foreign.length === 0, "no request to any origin but the page's and the consented host", foreign.join(" "));
    check(problems.pageErrors.length === 0, "no page errors", problems.pageErrors.join(" | "));
    // the Sources card says where the counts came from and when (the note is drawn in the canvas;
    // the screen-reader text carries the same sources)
    const srcNote = await page.evaluate(() => window.clout.report.sources[0].notes.find((n) => n.startsWith("Public counts fetched from")));
    check(/^Public counts fetched from public\.api\.bsky\.app on \d{4}-\d\d-\d\dT/.test(srcNote || ""), "the note names the host and the date", srcNote);
    const prov = await page.evaluate(() => window.clout.report.components.map((c) => c.id + ":" + c.provenance.join("+")).join(" "));
    check(/reach:fetched/.test(prov) && /engagement:fetched/.test(prov), "reach and engagement are marked fetched", prov);
    await page.mouse.move(640, 500);
    for (let i = 0; i < 40; i++) {
      const vis = await page.evaluate(() => { const b = document.getElementById("fetch-open"); if (b.hidden) return false;
        const r = b.getBoundingClientRect(); return r.top >= 60 && r.bottom <= innerHeight; });
      if (vis) break;
      await page.mouse.wheel(0, 400);
      await page.waitForTimeout(120);
    }
    await page.screenshot({ path: screenshotPath("fetch-done-desktop.png") });
    await context.close();
    await mock.close();
  }

  console.log("the fetch frame can reach its host and nothing else:");
  {
    const mock = await startMockApi(both);
    const other = await startCountingServer();
    const { context, page } = await openWith(browser, server, mock);
    const out = await page.evaluate(async ([base, otherUrl]) => {
      const f = document.createElement("iframe");
      f.setAttribute("sandbox", "allow-scripts");
      f.src = "fetch.html#base=" + encodeURIComponent(base);
      document.body.appendChild(f);
      const ask = (url) => new Promise((resolve) => {
        const on = (e) => { if (e.source === f.contentWindow && e.data && e.data.n === url) { removeEventListener("message", on); resolve(e.data); } };
        addEventListener("message", on);
        f.contentWindow.postMessage({ n: url, url }, "*");
      });
      await new Promise((r) => addEventListener("message", function on(e) { if (e.source === f.contentWindow && e.data.ready) { removeEventListener("message", on); r(); } }));
      return { own: await ask(base + "/xrpc/app.bsky.actor.getProfile?actor=x"), other: await ask(otherUrl + "probe-1") };
    }, [mock.base, other.url]);
    check(out.own.status === 400, "the frame reaches the consented host", JSON.stringify(out.own).slice(0, 120));
    check(out.other.status === 0 && /refused/.test(out.other.error), "the frame refuses another origin", JSON.stringify(out.other));
    // and its policy refuses it too, even if its script did not
    const frame = page.frames().find((fr) => fr.url().includes("fetch.html"));
    const direct = await frame.evaluate(async (u) => { try { await fetch(u); return "reached"; } catch (e) { return "refused"; } }, other.url + "probe-2");
    check(direct === "refused", "the frame's own policy refuses another origin");
    check(other.count("/probe-") === 0, "nothing reached the other origin", other.hits.join(" "));
    await context.close();
    await other.stop();
    await mock.close();
  }

  console.log("rate limits, server errors, a hang, a malformed answer (Mastodon and Bluesky):");
  {
    const mock = await startMockApi({ ...both, scenario: { rateLimitOnce: true } });
    const { context, page } = await openWith(browser, server, mock);
    await load(page, mzip);
    const t0 = Date.now();
    const r = await fetchAll(page);
    check(r.summary.complete && r.summary.followers === 876, "429 with Retry-After: waited, asked again, complete", JSON.stringify(r.summary));
    check(Date.now() - t0 >= 1000, "it waited the second it was asked to");
    const src = JSON.parse(r.json).sources.find((s) => s.network === "mastodon");
    check(src.notes.some((n) => n.startsWith("Public counts fetched from example.social on ")), "Mastodon: the account's own server is named");
    await context.close();
    await mock.close();
  }
  {
    const mock = await startMockApi({ ...both, scenario: { fail500: 3 } });
    const { context, page } = await openWith(browser, server, mock);
    await load(page, car);
    const r = await fetchAll(page);
    check(!r.summary.complete && r.summary.warnings.some((w) => /server error 500 on posts 1-25/.test(w)),
      "three 500s: partial, and the warning says where", JSON.stringify(r.summary.warnings));
    check(/server error 500/.test(r.status), "the dialog shows the warning", r.status);
    await context.close();
    await mock.close();
  }
  {
    const mock = await startMockApi({ ...both, scenario: { hangFirstProfileMs: 5000 } });
    const { context, page } = await openWith(browser, server, mock, "&test-timeout=1");
    await load(page, car);
    const r = await fetchAll(page);
    check(r.summary.followers === 1500, "a hang: timed out, asked again, answered", JSON.stringify(r.summary));
    await context.close();
    await mock.close();
  }
  {
    const mock = await startMockApi({ ...both, scenario: { malformedProfile: true } });
    const { context, page } = await openWith(browser, server, mock);
    await load(page, mzip);
    const r = await fetchAll(page);
    check(r.summary.followers === null && r.summary.warnings.some((w) => /malformed answer to profile/.test(w)),
      "a malformed profile: no count made up, a warning", JSON.stringify(r.summary));
    check(JSON.parse(r.json).sources[0].counts.followers === null, "the report keeps the follower count unknown");
    await context.close();
    await mock.close();
  }

  console.log("phone:");
  {
    const mock = await startMockApi(both);
    const { context, page } = await openWith(browser, server, mock, "", { width: 390, height: 844 });
    await load(page, car);
    await page.evaluate(() => window.clout.fetch.open("bluesky"));
    const box = await page.evaluate(() => { const r = document.getElementById("fetch-dialog").getBoundingClientRect(); return { l: r.left, r: r.right }; });
    check(box.l >= 0 && box.r <= 390, "the dialog fits the phone's width", JSON.stringify(box));
    await page.screenshot({ path: screenshotPath("fetch-dialog-phone.png") });
    check(mock.log.length === 0, "nothing sent on the phone either before the click");
    await context.close();
    await mock.close();
  }
  code = summary("fetch");
} catch (e) {
  console.error(e);
  check(false, "the suite ran to the end", String(e));
  code = summary("fetch");
} finally {
  await browser.close();
  server.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code);
