// A static server for dist/ that sends the headers a host may add (README "Publish it"): a real
// Content-Security-Policy header, COOP, COEP. scripts/serve.mjs sends none, as a plain static
// host does.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm", ".svg": "image/svg+xml", ".png": "image/png", ".json": "application/json",
  ".otf": "font/otf", ".ttf": "font/ttf", ".txt": "text/plain; charset=utf-8", ".zip": "application/zip",
  ".csv": "text/csv; charset=utf-8",
};

export async function startHeaderServer(dir, headers) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let file = path.join(root, path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(root)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404, headers).end("not found\n"); return; }
      res.writeHead(200, { ...headers, "Content-Type": TYPES[path.extname(file)] || "application/octet-stream", "Cache-Control": "no-cache" });
      res.end(data);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, stop: () => new Promise((resolve) => server.close(resolve)) };
}
