// infragate benchmark of the decision service (`infragate serve`), run by `npm run bench` after the
// in-process figures. Ratios and rates from one run on this machine; the targets are the issue's:
//   HTTP hook answer (a POST as Claude Code makes it)           median <= 5 ms, git status and terraform destroy
//   command hook through the thin client, service warm          <= 1.15x a bare `node -e 0`
//   fallback (no service: the client decides in process)        no slower than the in-process hook (<= 1.05x)
//   service throughput (concurrent clients on the socket)       sustains >= 2,000 decisions/s
//   thin client peak memory                                     <= 1.1x bare node
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "infragate.cjs");
const launcher = path.join(root, "hooks", "infragate-hook.cjs");
const client = createRequire(import.meta.url)(path.join(root, "hooks", "serve-client.cjs"));
// Process timings on these VMs vary by +-20 % from one start to the next: 41 alternating pairs by default.
const runs = Number(process.env.BENCH_RUNS ?? 41);
const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "infragate-bench-serve-")));
const ws = path.join(work, "ws");
fs.mkdirSync(path.join(ws, ".git"), { recursive: true });
const home = path.join(work, "home");
const env = { ...process.env, INFRAGATE_HOME: home, INFRAGATE_SERVE_AUTOSTART: "0", NO_COLOR: "1" };
const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const payload = (command) =>
  JSON.stringify({
    session_id: "bench-serve",
    transcript_path: "/dev/null",
    cwd: ws,
    permission_mode: "bypassPermissions",
    hook_event_name: "PreToolUse",
    tool_name: "Bash",
    tool_input: { command },
    tool_use_id: "toolu_bench",
  });
const GIT = payload("git status");
const DESTROY = payload("terraform destroy -auto-approve");

function spawnMs(args, input, extraEnv = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, env: { ...env, ...extraEnv }, cwd: ws, encoding: "utf8" });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function peakRssKb(args, input, extraEnv = {}) {
  if (!timeBin) return undefined;
  const r = spawnSync(timeBin, ["-f", "%M", process.execPath, ...args], { input, env: { ...env, ...extraEnv }, cwd: ws, encoding: "utf8" });
  return Number(r.stderr.trim().split("\n").pop());
}

/** Alternating runs of a subject and a baseline; the ratio of medians. */
function versus(subject, baseline) {
  subject();
  baseline();
  const s = [];
  const b = [];
  for (let i = 0; i < runs; i++) {
    b.push(baseline());
    s.push(subject());
  }
  return { s: median(s), b: median(b) };
}

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

const port = await freePort();
const token = crypto.randomBytes(32).toString("hex");
fs.mkdirSync(path.join(home, "serve"), { recursive: true, mode: 0o700 });
fs.writeFileSync(path.join(home, "serve", "http.json"), JSON.stringify({ port, token }), { mode: 0o600 });
const service = spawn(process.execPath, [bin, "serve"], { env, cwd: ws, stdio: "ignore" });
const ready = Date.now() + 20_000;
while (spawnSync(process.execPath, [bin, "serve", "--status"], { env, encoding: "utf8" }).status !== 0) {
  if (Date.now() > ready) throw new Error("bench: the service did not start");
  await new Promise((r) => setTimeout(r, 100));
}

const rows = [];
const row = (name, value, target, met) => rows.push({ case: name, value, target, met: met === null ? "-" : met ? "yes" : "NO" });

// 1. HTTP hook answers, as Claude Code makes them: a POST of the payload with the token header, keep-alive.
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/infragate/hook/claude-code", method: "POST", agent, headers: { "content-type": "application/json", "x-infragate-token": token } }, (res) => {
      let text = "";
      res.on("data", (d) => (text += d));
      res.on("end", () => (res.statusCode === 200 ? resolve(text) : reject(new Error(`HTTP ${res.statusCode}: ${text}`))));
    });
    req.on("error", reject);
    req.end(body);
  });
}
for (const [name, body, expect] of [["git status", GIT, "{}"], ["terraform destroy", DESTROY, "deny"]]) {
  for (let i = 0; i < 20; i++) await post(body);
  const ms = [];
  for (let i = 0; i < 300; i++) {
    const t = process.hrtime.bigint();
    const text = await post(body);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!text.includes(expect)) throw new Error(`bench: unexpected HTTP answer for ${name}: ${text}`);
  }
  row(`HTTP hook: ${name} (median of 300 POSTs)`, `${median(ms).toFixed(2)} ms`, "<= 5 ms", median(ms) <= 5);
}
agent.destroy();

// 2. The installed command hook through the thin client, service warm, against a bare node start; and the floor
//    of this design beside it: a minimal socket client (bench/minimal-client.cjs) that only asks and prints.
//    Process starts on these VMs fall into two groups ~20 ms apart, at random from one run to the next, so
//    the median of a case can land in either: the lower quartile is shown beside the median, which the target
//    is judged on.
{
  const minimal = path.join(root, "bench", "minimal-client.cjs");
  const cases = {
    bare: () => spawnMs(["-e", "0"], ""),
    "thin client, service warm: git status": () => spawnMs([launcher, "claude-code"], GIT),
    "thin client, service warm: terraform destroy": () => spawnMs([launcher, "claude-code"], DESTROY),
    "floor (minimal socket client, no fallback): git status": () => spawnMs([minimal, "claude-code"], GIT),
    "floor (minimal socket client, no fallback): terraform destroy": () => spawnMs([minimal, "claude-code"], DESTROY),
  };
  for (const script of [launcher, minimal]) {
    const r = spawnSync(process.execPath, [script, "claude-code"], { input: DESTROY, env, cwd: ws, encoding: "utf8" });
    if (!r.stdout.includes('"deny"')) throw new Error(`bench: ${path.basename(script)} did not answer the destroy with a deny: ${r.stdout}${r.stderr}`);
  }
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (const f of Object.values(cases)) f();
  const pairs = Math.round(runs * 1.5);
  for (let i = 0; i < pairs; i++) for (const [k, f] of Object.entries(cases)) times[k].push(f());
  const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
  for (const [k, xs] of Object.entries(times)) {
    if (k === "bare") continue;
    const s = median(xs);
    const b = median(times.bare);
    const low = quantile(xs, 0.25) / quantile(times.bare, 0.25);
    const floor = k.startsWith("floor");
    row(k, `${(s / b).toFixed(2)}x (${s.toFixed(1)} vs ${b.toFixed(1)} ms; lower quartiles ${low.toFixed(2)}x)`, floor ? "-" : "<= 1.15x bare node", floor ? null : s / b <= 1.15);
  }
}

// 3. Throughput: 32 clients at once on the socket, as many hook processes would be. V8 compiles the hot paths
//    gradually: a service answers ~1.5x-2x faster once it has decided a few thousand calls than it does right
//    after it started. Both are measured: the first 3,000 decisions after the figures above (the service had
//    decided ~700 calls by then), and, after 6,000 more, the sustained rate the target is about.
async function throughput(total) {
  const concurrency = 32;
  let next = 0;
  let ok = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, k) => {
      while (next < total) {
        next++;
        const r = await client.ask({ root, args: ["claude-code"], payload: k % 2 ? GIT : DESTROY, env, cwd: ws, timeoutMs: 30_000 });
        if (r.ok) ok++;
      }
    }),
  );
  if (ok !== total) throw new Error(`bench: ${total - ok} of ${total} requests were not answered by the service`);
  return ok / (Number(process.hrtime.bigint() - t0) / 1e9);
}
{
  const early = await throughput(3000);
  row("service throughput, just started (32 concurrent clients, 3000 decisions with audit)", `${early.toFixed(0)} decisions/s`, "-", null);
  await throughput(6000);
  const sustained = await throughput(3000);
  row("service throughput, sustained (the same, after 6000 more decisions)", `${sustained.toFixed(0)} decisions/s`, ">= 2000/s", sustained >= 2000);
}

// 4. Peak memory of the thin client.
{
  const base = peakRssKb(["-e", "0"], "");
  const rss = peakRssKb([launcher, "claude-code"], GIT);
  if (base && rss) row("thin client peak RSS", `${(rss / base).toFixed(2)}x (${(rss / 1024).toFixed(0)} vs ${(base / 1024).toFixed(0)} MiB)`, "<= 1.1x bare node", rss / base <= 1.1);
}

service.kill("SIGTERM");
await new Promise((r) => service.once("exit", r));

// 5. The fallback: no service, so the client finds no socket and decides in process, against the hook that
//    never asks a service (INFRAGATE_SERVE=off: the in-process hook as it was before the service).
for (const [name, body] of [["git status", GIT], ["terraform destroy", DESTROY]]) {
  const { s, b } = versus(() => spawnMs([launcher, "claude-code"], body), () => spawnMs([launcher, "claude-code"], body, { INFRAGATE_SERVE: "off" }));
  row(`fallback, no service: ${name}`, `${(s / b).toFixed(2)}x (${s.toFixed(1)} vs ${b.toFixed(1)} ms)`, "<= 1.05x in-process hook", s / b <= 1.05);
}

console.log(`\ninfragate bench (decision service): ${runs} alternating runs for process timings, medians`);
console.table(rows);
fs.rmSync(work, { recursive: true, force: true });
