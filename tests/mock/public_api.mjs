// A loopback mock of the two public APIs clout asks for counts (docs/FETCH.md), for the CLI
// and page tests: Bluesky's AppView (app.bsky.actor.getProfile, app.bsky.feed.getPosts) and
// a Mastodon server (api/v1/accounts/lookup, api/v1/accounts/:id/statuses with max_id
// paging). It listens on 127.0.0.1 only, logs every request, and plays scenarios: a 429 with
// Retry-After, 500s, a hang longer than the client's timeout, a malformed body, deleted or
// followers-only posts. Counts are derived from each post's id, so a test can check them.
import http from "node:http";

// Counts the mock gives a post id (a string): the same arithmetic as the tests expect.
export function countsFor(id) {
  let h = 2166136261;
  for (const ch of String(id)) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return { likes: h % 97, reposts: (h >>> 8) % 13, replies: (h >>> 16) % 7, quotes: (h >>> 24) % 3 };
}

// A post is "deleted" (Bluesky) or "followers-only" (Mastodon) when this says so.
export function hiddenId(id) {
  let h = 0;
  for (const ch of String(id)) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 11 === 0;
}

// options: {
//   bluesky: { did, followers, follows, handle, displayName },
//   mastodon: { user, id, followers, following, statuses: [{ id, created_at }] },
//   scenario: { rateLimitOnce, fail500, hangFirstProfileMs, malformedProfile, cors },
// }
export async function startMockApi(options = {}) {
  const log = [];
  const sc = options.scenario || {};
  let profileCalls = 0, postsCalls = 0, limited = false, failures = 0;
  const bsky = options.bluesky || {};
  const masto = options.mastodon || {};
  const statuses = (masto.statuses || []).slice().sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://mock");
    log.push({ method: req.method, path: url.pathname, query: url.search, host: req.headers.host, origin: req.headers.origin || "" });
    const headers = { "content-type": "application/json" };
    if (sc.cors !== false) headers["access-control-allow-origin"] = "*";
    const send = (status, body, extra = {}) => {
      res.writeHead(status, { ...headers, ...extra });
      res.end(typeof body === "string" ? body : JSON.stringify(body));
    };
    if (req.method === "OPTIONS") return send(204, "");
    const isProfile = url.pathname === "/xrpc/app.bsky.actor.getProfile" || url.pathname === "/api/v1/accounts/lookup";
    if (isProfile) {
      profileCalls++;
      if (sc.hangFirstProfileMs && profileCalls === 1) {
        setTimeout(() => { try { send(200, "{}"); } catch {} }, sc.hangFirstProfileMs);
        return;
      }
      if (sc.malformedProfile) return send(200, "<html>down for maintenance</html>", { "content-type": "text/html" });
    }
    const isPosts = url.pathname === "/xrpc/app.bsky.feed.getPosts" || /^\/api\/v1\/accounts\/[^/]+\/statuses$/.test(url.pathname);
    if (isPosts) {
      postsCalls++;
      if (sc.rateLimitOnce && !limited && postsCalls === 2) {
        limited = true;
        return send(429, { error: "RateLimitExceeded" }, { "retry-after": "1", "ratelimit-remaining": "0" });
      }
      if (sc.fail500 && postsCalls === 1 && failures < sc.fail500) {
        failures++;
        postsCalls--;  // the same request is asked again
        return send(500, { error: "InternalServerError" });
      }
    }
    if (url.pathname === "/xrpc/app.bsky.actor.getProfile") {
      if (url.searchParams.get("actor") !== bsky.did) return send(400, { error: "InvalidRequest", message: "Profile not found" });
      return send(200, { did: bsky.did, handle: bsky.handle || "alice.test", displayName: bsky.displayName || "Alice",
        followersCount: bsky.followers ?? 1500, followsCount: bsky.follows ?? 200, postsCount: 100 });
    }
    if (url.pathname === "/xrpc/app.bsky.feed.getPosts") {
      const uris = url.searchParams.getAll("uris");
      if (uris.length > 25) return send(400, { error: "InvalidRequest", message: "too many uris" });
      const posts = [];
      for (const uri of uris) {
        if (!uri.startsWith(`at://${bsky.did}/app.bsky.feed.post/`)) continue;
        const rkey = uri.slice(uri.lastIndexOf("/") + 1);
        if (hiddenId(rkey)) continue;
        const c = countsFor(rkey);
        posts.push({ uri, cid: "bafyreimock", author: { did: bsky.did }, likeCount: c.likes, repostCount: c.reposts,
          replyCount: c.replies, quoteCount: c.quotes, indexedAt: "2024-01-01T00:00:00.000Z" });
      }
      return send(200, { posts });
    }
    if (url.pathname === "/api/v1/accounts/lookup") {
      if (url.searchParams.get("acct") !== masto.user) return send(404, { error: "Record not found" });
      return send(200, { id: masto.id || "109000", username: masto.user, acct: masto.user, display_name: "Alice M.",
        followers_count: masto.followers ?? 876, following_count: masto.following ?? 54, statuses_count: statuses.length });
    }
    const m = /^\/api\/v1\/accounts\/([^/]+)\/statuses$/.exec(url.pathname);
    if (m) {
      if (m[1] !== (masto.id || "109000")) return send(404, { error: "Record not found" });
      const limit = Math.min(40, Number(url.searchParams.get("limit") || 20));
      const maxId = url.searchParams.get("max_id");
      const page = [];
      for (const s of statuses) {
        if (maxId && BigInt(s.id) >= BigInt(maxId)) continue;
        if (hiddenId(s.id)) continue;
        if (page.length === limit) break;
        const c = countsFor(s.id);
        page.push({ id: s.id, created_at: s.created_at, visibility: "public", favourites_count: c.likes,
          reblogs_count: c.reposts, replies_count: c.replies, reblog: null });
      }
      return send(200, page, { "x-ratelimit-limit": "300", "x-ratelimit-remaining": "299" });
    }
    send(404, { error: "NotFound" });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base, log,
    close: () => new Promise((resolve) => { server.closeAllConnections?.(); server.close(resolve); }),
  };
}
