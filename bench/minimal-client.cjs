// The floor of a command hook that asks the decision service, for bench/serve.mjs: a Node process that reads
// stdin, opens the service's Unix socket, sends the request and prints the answer, and nothing else (no
// fallback, no checks; not a hook anyone should install). The thin client (hooks/infragate-hook.cjs) is
// measured against it to show how much of its cost is its own.
"use strict";
const fs = require("node:fs");
const net = require("node:net");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const build = fs.readFileSync(path.join(root, "dist", "build-id.txt"), "utf8").trim();
const payload = fs.readFileSync(0, "utf8");
const env = {};
for (const k of Object.keys(process.env)) env[k] = process.env[k];
const c = net.connect(path.join(process.env.INFRAGATE_HOME, "serve", "sock"));
let buf = "";
c.setEncoding("utf8");
c.on("connect", () => c.write(`${JSON.stringify({ kind: "hook", build, args: process.argv.slice(2), payload, env, cwd: process.cwd() })}\n`));
c.on("data", (d) => {
  buf += d;
  if (!buf.endsWith("\n")) return;
  const answer = JSON.parse(buf);
  c.destroy();
  if (answer.stdout) process.stdout.write(answer.stdout);
  process.exitCode = answer.exitCode;
});
