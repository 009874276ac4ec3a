#!/usr/bin/env node
// The `infragate` command: loads the bundled CLI (dist/cli.cjs, with its V8 code cache) and runs it; when
// the bundle is missing it falls back to the plain modules (dist/cli/bin.js). Any escape exits 2.
"use strict";
const path = require("node:path");

const root = path.resolve(__dirname, "..");
let main;
try {
  main = require("../hooks/load-hook.cjs").loadBundle(root, "cli").exports.main;
} catch {
  main = undefined;
}
if (typeof main !== "function") {
  import(require("node:url").pathToFileURL(path.join(root, "dist", "cli", "bin.js")).href).catch((err) => {
    process.stderr.write(`infragate: cannot start (${err instanceof Error ? err.message : String(err)}); run 'npm run build'\n`);
    process.exitCode = 2;
  });
} else {
  main(process.argv.slice(2), require("../hooks/process-io.cjs").processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`infragate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
