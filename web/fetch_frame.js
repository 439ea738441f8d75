// The fetch frame's script (web/fetch.html; docs/FETCH.md). Its address names the one host
// it may ask: #base=https://HOST (or a loopback test server the page was opened with). It
// adds a Content-Security-Policy allowing connections to that origin alone, then sends the
// page's GET requests there and returns status, the rate-limit headers and the body. It
// refuses any request to another origin before the browser would.
"use strict";
(function () {
  const params = new URLSearchParams(location.hash.slice(1));
  let origin = "";
  try {
    const u = new URL(params.get("base") || "");
    const loopback = u.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
    if ((u.protocol === "https:" || loopback) && (u.pathname === "/" || u.pathname === "") && !u.search && !u.username)
      origin = u.origin;
  } catch (_) { /* no valid base: every request is refused */ }
  const timeoutMs = origin.startsWith("http:") && Number(params.get("timeout")) > 0 ? Number(params.get("timeout")) * 1000 : 30000;
  if (origin) {
    const meta = document.createElement("meta");
    meta.httpEquiv = "Content-Security-Policy";
    meta.content = "default-src 'none'; connect-src " + origin;
    document.head.appendChild(meta);
  }
  const KEEP = /^(retry-after|(x-)?ratelimit-(limit|remaining|reset))$/i;
  window.addEventListener("message", async (e) => {
    if (e.source !== parent || !e.data || typeof e.data.url !== "string") return;
    const { n, url } = e.data;
    const reply = (m) => parent.postMessage(Object.assign({ n }, m), "*");
    let target;
    try { target = new URL(url); } catch (_) { reply({ status: 0, error: "refused: not a URL" }); return; }
    if (!origin || target.origin !== origin) { reply({ status: 0, error: "refused: not the host consented to" }); return; }
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    try {
      const r = await fetch(target.href, { method: "GET", credentials: "omit", referrerPolicy: "no-referrer", cache: "no-store",
        redirect: "error", signal: ctl.signal });
      const body = await r.text();
      const headers = [];
      r.headers.forEach((v, k) => { if (KEEP.test(k)) headers.push([k, v]); });
      reply({ status: r.status, headers, body: body.length > (16 << 20) ? "" : body });
    } catch (err) {
      reply({ status: 0, error: ctl.signal.aborted ? "no answer in " + timeoutMs / 1000 + " s" : "no answer (" + (err && err.message || err) + ")" });
    } finally {
      clearTimeout(timer);
    }
  });
  parent.postMessage({ ready: true, origin }, "*");
})();
