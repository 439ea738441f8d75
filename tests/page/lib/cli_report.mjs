// Reports made by the native CLI for the page tests: `clout-gen` writes an export,
// `clout score EXPORT --json --csv FILE` scores it. The page must give the same bytes.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "./harness.mjs";

const BIN = process.env.CLOUT_BIN_DIR || path.join(ROOT, "build-native");

// Returns { json, csv } for a generated export (args: clout-gen arguments before OUT;
// score: extra `clout score` options).
export function cliReport(kind, genArgs = [], scoreArgs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clout-page-"));
  try {
    const out = path.join(dir, kind === "x-archive" ? "archive.zip" : "export.zip");
    execFileSync(path.join(BIN, "clout-gen"), [kind, ...genArgs, out], { stdio: ["ignore", "ignore", "inherit"] });
    const csvPath = path.join(dir, "report.csv");
    const json = execFileSync(path.join(BIN, "clout"), ["score", out, "--json", "--csv", csvPath, ...scoreArgs],
      { encoding: "utf8", maxBuffer: 64 << 20 });
    return { json, csv: fs.readFileSync(csvPath, "utf8") };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
