// `clout score --fetch-public-counts` against a loopback mock of Bluesky's AppView and a
// Mastodon server (tests/mock/public_api.mjs): nothing is asked without the option; with it,
// only the mock is asked, the counts join the report marked as fetched, and rate limits,
// server errors, a hang and a malformed answer give a partial result with warnings, never a
// wrong count or a failed run. No internet is used.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startMockApi, countsFor, hiddenId } from "../mock/public_api.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = process.env.CLOUT_BIN_DIR || path.join(ROOT, "build-native");
const DID = "did:plc:generatedaccount0001";

let passed = 0, failed = 0;
function check(cond, name, detail = "") {
  if (cond) { passed++; console.log(`  ok   ${name}`); }
  else { failed++; console.log(`  FAIL ${name}${detail ? `: ${detail}` : ""}`); }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "clout-fetch-"));
const car = path.join(tmp, "repo.car");
const mdir = path.join(tmp, "mastodon");
execFileSync(path.join(BIN, "clout-gen"), ["bluesky-car", "--originals", "70", "--self-replies", "10", "--other-replies", "12",
  "--quotes", "4", "--reposts", "9", "--did", DID, car], { stdio: "ignore" });
execFileSync(path.join(BIN, "clout-gen"), ["mastodon-archive", "--format", "dir", "--originals", "150", "--other-replies", "30",
  "--boosts", "10", mdir], { stdio: "ignore" });
const outbox = JSON.parse(fs.readFileSync(path.join(mdir, "outbox.json"), "utf8"));
const statuses = outbox.orderedItems.filter((i) => i.type === "Create" && typeof i.object === "object")
  .map((i) => ({ id: i.object.id.slice(i.object.id.lastIndexOf("/") + 1), created_at: i.published }));

// Runs the CLI without blocking this process's event loop (the mock answers from it).
function score(files, extra = [], env = {}) {
  return new Promise((resolve) => {
    const p = spawn(path.join(BIN, "clout"), ["score", ...files, "--json", ...extra], { env: { ...process.env, ...env } });
    let out = "", err = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (err += d));
    const timer = setTimeout(() => p.kill("SIGKILL"), 120000);
    p.on("close", (status) => {
      clearTimeout(timer);
      let json = null;
      try { json = JSON.parse(out); } catch {}
      resolve({ status, stderr: err, json });
    });
  });
}
const component = (rep, id) => rep.components.find((c) => c.id === id);
const source = (rep, net) => rep.sources.find((s) => s.network === net);

async function withMock(options, fn) {
  const mock = await startMockApi(options);
  try { await fn(mock); } finally { await mock.close(); }
}
const both = { bluesky: { did: DID, followers: 1500 }, mastodon: { user: "alice", followers: 876, statuses } };

try {
  console.log("nothing is asked without the option");
  await withMock(both, async (mock) => {
    const r = await score([car, mdir], [], { CLOUT_TEST_API_BASE: mock.base });
    check(r.status === 0, "scores without fetching", r.stderr);
    check(mock.log.length === 0, "no request reached the mock", JSON.stringify(mock.log.slice(0, 3)));
    check(source(r.json, "bluesky").counts.followers === null, "Bluesky followers unknown");
  });

  console.log("Bluesky and Mastodon, fetched");
  await withMock(both, async (mock) => {
    const r = await score([car, mdir], ["--fetch-public-counts"], { CLOUT_TEST_API_BASE: mock.base });
    check(r.status === 0, "exit 0", r.stderr);
    const b = source(r.json, "bluesky"), m = source(r.json, "mastodon");
    check(b.counts.followers === 1500, "Bluesky followers from getProfile", String(b.counts.followers));
    check(m.counts.followers === 876, "Mastodon followers from accounts/lookup", String(m.counts.followers));
    const paths = new Set(mock.log.map((e) => e.path));
    const allowed = ["/xrpc/app.bsky.actor.getProfile", "/xrpc/app.bsky.feed.getPosts", "/api/v1/accounts/lookup",
      "/api/v1/accounts/109000/statuses"];
    check([...paths].every((p) => allowed.includes(p)), "only the four API paths were asked", [...paths].join(" "));
    check(mock.log.every((e) => e.method === "GET"), "only GET requests");
    const batches = mock.log.filter((e) => e.path === "/xrpc/app.bsky.feed.getPosts");
    check(batches.length >= 4 && batches.every((e) => new URLSearchParams(e.query).getAll("uris").length <= 25),
      "getPosts asked at most 25 URIs a call", String(batches.length));
    const pages = mock.log.filter((e) => e.path.endsWith("/statuses"));
    check(pages.length >= 4 && pages.slice(1).every((e) => e.query.includes("max_id=")), "Mastodon timeline paged with max_id",
      String(pages.length));
    const note = b.notes.find((n) => n.startsWith("Public counts fetched from public.api.bsky.app"));
    check(!!note, "the Bluesky source says where the counts come from", JSON.stringify(b.notes));
    check(/of the period \(the others are deleted or not public: unknown\)/.test(note || ""), "deleted posts are counted as unknown");
    const mnote = m.notes.find((n) => n.startsWith("Public counts fetched from example.social"));
    check(!!mnote, "the Mastodon source names its own server", JSON.stringify(m.notes));
    check(component(r.json, "reach").available, "reach is measured");
    check(component(r.json, "engagement").available, "engagement is measured");
    check(/public counts: asking public\.api\.bsky\.app/.test(r.stderr) && /nothing else is sent/.test(r.stderr),
      "stderr says what is sent and to whom");
    // the fetched counts are the mock's: the top post's reactions are among what the mock gave
    const top = r.json.top_posts && r.json.top_posts[0];
    if (top) {
      const c = countsFor(top.network === "bluesky" ? top.id : top.id);
      check(top.reactions === c.likes + c.reposts + c.replies + (top.network === "bluesky" ? c.quotes : 0),
        "a top post carries the mock's counts", JSON.stringify(top));
    }
  });

  console.log("rate limit, server errors, a hang, a malformed answer");
  await withMock({ ...both, scenario: { rateLimitOnce: true } }, async (mock) => {
    const t0 = Date.now();
    const r = await score([car], ["--fetch-public-counts"], { CLOUT_TEST_API_BASE: mock.base });
    check(r.status === 0 && source(r.json, "bluesky").counts.followers === 1500, "429 with Retry-After: waited and went on", r.stderr);
    check(Date.now() - t0 >= 1000, "waited at least the Retry-After second");
    check(/asks to wait 1 s/.test(r.stderr), "said it waits", r.stderr);
    const b = source(r.json, "bluesky");
    check(!b.notes.some((n) => n.startsWith("Fetch:")), "no warning: every request was answered in the end");
  });
  await withMock({ ...both, scenario: { fail500: 3 } }, async (mock) => {
    const r = await score([car], ["--fetch-public-counts"], { CLOUT_TEST_API_BASE: mock.base });
    check(r.status === 0, "three 500s on one batch: still a report", r.stderr);
    check(/warning: public\.api\.bsky\.app: server error 500 on posts 1-25 of \d+ after 3 tries/.test(r.stderr),
      "the warning names the host, the step and the tries", r.stderr);
    check(/\(partial\)/.test(r.stderr), "the summary says partial");
  });
  await withMock({ ...both, scenario: { hangFirstProfileMs: 4000 } }, async (mock) => {
    const r = await score([car], ["--fetch-public-counts"], { CLOUT_TEST_API_BASE: mock.base, CLOUT_TEST_TIMEOUT_S: "1" });
    check(r.status === 0 && source(r.json, "bluesky").counts.followers === 1500, "a hang times out and is asked again", r.stderr);
  });
  await withMock({ ...both, scenario: { malformedProfile: true } }, async (mock) => {
    const r = await score([mdir], ["--fetch-public-counts"], { CLOUT_TEST_API_BASE: mock.base });
    check(r.status === 0, "a malformed profile: still a report", r.stderr);
    check(source(r.json, "mastodon").counts.followers === null, "no follower count is made up");
    check(/warning: example\.social: malformed answer to profile/.test(r.stderr), "the warning says what was wrong", r.stderr);
  });

  console.log("the test base is for loopback only");
  {
    const r = await score([car], ["--fetch-public-counts"], { CLOUT_TEST_API_BASE: "http://example.com:80" });
    check(r.status === 2 && /loopback/.test(r.stderr), "a non-loopback CLOUT_TEST_API_BASE is refused", r.stderr);
  }
  check(statuses.some((s) => hiddenId(s.id)), "the Mastodon sample has followers-only posts");
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`cli fetch: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
