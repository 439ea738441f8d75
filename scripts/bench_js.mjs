// JavaScript baselines for scripts/bench.sh: what a page written the usual way would do
// with an X archive, run in Node (V8, the same engine as Chromium's).
//
//   node scripts/bench_js.mjs MODE ARCHIVE.zip
//
// MODE:
//   parse   JSON.parse alone of every tweet, as one JSON array (the tweets*.js parts are
//           unzipped and concatenated first, untimed): the floor of any JSON.parse approach.
//   jszip   JSZip.loadAsync(bytes) + .async("string") of each tweets part + JSON.parse
//           (timed from the bytes in memory, as a page has them after File.arrayBuffer()).
//   fflate  fflate.unzipSync (tweets parts only) + TextDecoder + JSON.parse.
// Prints one line: "seconds posts peak_heap_mb" (heap = V8 heap + array buffers, sampled).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const [mode, path] = process.argv.slice(2);
if (!mode || !path) {
  console.error("usage: node scripts/bench_js.mjs parse|jszip|fflate ARCHIVE.zip");
  process.exit(2);
}

const isTweets = (name) => /(^|\/)data\/tweets(-part\d+)?\.js$/.test(name);
// "window.YTD.tweets.part0 = [ ... ]" -> "[ ... ]"
const stripPrefix = (s) => s.slice(s.indexOf("="));

let peak = 0;
const sample = () => {
  const m = process.memoryUsage();
  peak = Math.max(peak, m.heapUsed + m.arrayBuffers + m.external);
};
const timer = setInterval(sample, 5);

async function main() {
  const fflate = require("fflate");
  const bytes = readFileSync(path);
  let posts = 0;
  let t0;
  if (mode === "parse") {
    const files = fflate.unzipSync(bytes, { filter: (f) => isTweets(f.name) });
    const names = Object.keys(files).sort();
    const dec = new TextDecoder();
    const arrays = names.map((n) => {
      const s = stripPrefix(dec.decode(files[n])).slice(1).trim();
      return s.slice(1, s.lastIndexOf("]")).trim();  // the elements, without the brackets
    });
    const text = "[" + arrays.filter((a) => a.length).join(",") + "]";
    for (const n of names) delete files[n];
    peak = 0;
    t0 = performance.now();
    const all = JSON.parse(text);
    posts = all.length;
    sample();
  } else if (mode === "jszip") {
    const JSZip = require("jszip");
    peak = 0;
    t0 = performance.now();
    const zip = await JSZip.loadAsync(bytes);
    for (const name of Object.keys(zip.files).sort()) {
      if (!isTweets(name)) continue;
      const s = await zip.files[name].async("string");
      const arr = JSON.parse(stripPrefix(s).slice(1));
      posts += arr.length;
      sample();
    }
  } else if (mode === "fflate") {
    peak = 0;
    t0 = performance.now();
    const files = fflate.unzipSync(bytes, { filter: (f) => isTweets(f.name) });
    const dec = new TextDecoder();
    for (const name of Object.keys(files).sort()) {
      const arr = JSON.parse(stripPrefix(dec.decode(files[name])).slice(1));
      posts += arr.length;
      sample();
    }
  } else {
    throw new Error("unknown mode " + mode);
  }
  const t = (performance.now() - t0) / 1000;
  sample();
  clearInterval(timer);
  console.log(`${t.toFixed(4)} ${posts} ${(peak / 1048576).toFixed(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
