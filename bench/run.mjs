// infragate benchmark (not a test): whole-process latency of the gate as agents run it, as a ratio to a
// bare `node -e 0` measured in the same run (alternating, medians), plus peak memory and in-process
// decisions per second. Machines here are noisy: only ratios from one run mean anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "bin", "infragate.cjs");
if (!fs.existsSync(bin)) {
  console.error("bench: dist/ is missing; run `npm run build` first");
  process.exit(2);
}
const runs = Number(process.env.BENCH_RUNS ?? 21);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-bench-"));
fs.mkdirSync(path.join(work, ".git"));
// The in-process hook (the decision service is measured by bench/serve.mjs): no service is asked or started.
const env = { ...process.env, INFRAGATE_HOME: path.join(work, "home"), NO_COLOR: "1", INFRAGATE_SERVE: "off", INFRAGATE_SERVE_AUTOSTART: "0" };
// Project scripts the hook follows (docs/clis/scripts.md): a package.json and a Makefile of everyday size.
fs.writeFileSync(
  path.join(work, "package.json"),
  JSON.stringify({ name: "bench", scripts: { pretest: "npm run lint", lint: "eslint .", test: "vitest run", build: "tsc -p .", destroy: "cdk destroy --all" } }),
);
const makeTargets = Array.from({ length: 30 }, (_, i) => `t${i}: init\n\t$(TF) -chdir=stacks/t${i} plan $(ARGS)\n`).join("");
fs.writeFileSync(path.join(work, "Makefile"), `TF ?= terraform\nARGS := -input=false\n.PHONY: test init\ninit:\n\t$(TF) init $(ARGS)\ntest: init\n\tgo test ./...\n${makeTargets}`);
const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

function claudePayload(toolName, toolInput) {
  return JSON.stringify({
    session_id: "bench",
    transcript_path: "/dev/null",
    cwd: work,
    permission_mode: "bypassPermissions",
    hook_event_name: "PreToolUse",
    tool_name: toolName,
    tool_input: toolInput,
    tool_use_id: "toolu_bench",
  });
}

// The installed hook command, exactly as `infragate install claude-code` writes it.
const hook = [path.join(root, "hooks", "infragate-hook.cjs"), "claude-code"];
const cases = [
  { name: "hook: Bash git status", args: hook, input: claudePayload("Bash", { command: "git status" }), target: 1.15 },
  { name: "hook: Bash make test", args: hook, input: claudePayload("Bash", { command: "make test" }), target: 1.25, vs: "hook: Bash git status" },
  { name: "hook: Bash npm test", args: hook, input: claudePayload("Bash", { command: "npm test" }), target: 1.25, vs: "hook: Bash git status" },
  { name: "hook: Edit src/app.ts", args: hook, input: claudePayload("Edit", { file_path: path.join(work, "src/app.ts"), old_string: "a", new_string: "b" }), target: 1.15 },
  { name: "hook: Bash terraform destroy", args: hook, input: claudePayload("Bash", { command: "terraform destroy -auto-approve" }), target: 1.8 },
  // SQL clients load a statement parser on the line they appear in: libpg-query (wasm) for psql, node-sql-parser's
  // MySQL grammar for mysql. Reported against git status (the cheapest everyday call) as well.
  { name: "hook: Bash psql -c 'DROP TABLE users'", args: hook, input: claudePayload("Bash", { command: "psql -c 'DROP TABLE users'" }), target: 2.3, vs: "hook: Bash git status" },
  { name: "hook: Bash psql -c 'SELECT 1'", args: hook, input: claudePayload("Bash", { command: "psql -c 'SELECT 1'" }), target: 2.3, vs: "hook: Bash git status" },
  { name: "hook: Bash mysql -e 'SHOW TABLES'", args: hook, input: claudePayload("Bash", { command: "mysql -e 'SHOW TABLES'" }), target: 2.3, vs: "hook: Bash git status" },
  { name: "hook: Bash aws s3 rm --recursive", args: hook, input: claudePayload("Bash", { command: "aws s3 rm s3://prod-data --recursive" }), target: 1.8 },
  { name: "check -- git status", args: [bin, "check", "--cwd", work, "--", "git status"], input: "", target: 1.2 },
  { name: "check -- terraform destroy -auto-approve", args: [bin, "check", "--cwd", work, "--", "terraform destroy -auto-approve"], input: "", target: 2.0 },
];

function once(args, input) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, env, cwd: work, encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  return ms;
}

function peakRssKb(args, input) {
  if (!timeBin) return undefined;
  const r = spawnSync(timeBin, ["-f", "%M", process.execPath, ...args], { input, env, cwd: work, encoding: "utf8" });
  const last = r.stderr.trim().split("\n").pop();
  return Number(last);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const bare = ["-e", "0"];
const rows = [];
for (const c of cases) {
  once(c.args, c.input); // warm the file cache
  const base = [];
  const subject = [];
  for (let i = 0; i < runs; i++) {
    base.push(once(bare, ""));
    subject.push(once(c.args, c.input));
  }
  const b = median(base);
  const s = median(subject);
  const rssBase = peakRssKb(bare, "");
  const rss = peakRssKb(c.args, c.input);
  rows.push({
    case: c.name,
    "bare node ms": b.toFixed(1),
    "infragate ms": s.toFixed(1),
    ratio: (s / b).toFixed(2),
    target: `<= ${c.target}`,
    met: s / b <= c.target ? "yes" : "NO",
    ms: s,
    "peak RSS MiB (bare / infragate)": rss && rssBase ? `${(rssBase / 1024).toFixed(0)} / ${(rss / 1024).toFixed(0)} (${(rss / rssBase).toFixed(2)}x)` : "n/a",
  });
}

// In-process decisions per second for the batch checker (check --jsonl).
const lines = [];
const commands = ["git status", "terraform plan", "terraform destroy -auto-approve", "aws s3 ls", "npm test", "cp a.tfstate terraform.tfstate"];
for (let i = 0; i < 600; i++) lines.push(JSON.stringify({ tool: "Bash", command: commands[i % commands.length], cwd: work }));
const t0 = process.hrtime.bigint();
const batch = spawnSync(process.execPath, [bin, "check", "--jsonl"], { input: `${lines.join("\n")}\n`, env, cwd: work, encoding: "utf8", maxBuffer: 64 << 20 });
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const answered = batch.stdout.trim().split("\n").filter(Boolean).length;

// Audit append cost, in process: the hash chain, the lock, one write and fdatasync per entry.
const { appendAudit } = await import(path.join(root, "dist", "audit", "index.js"));
const auditHome = path.join(work, "audit-bench");
const appendMs = [];
for (let i = 0; i < 200; i++) {
  const t = process.hrtime.bigint();
  const r = await appendAudit(auditHome, { agent: "bench", session: "bench", cwd: work, tool: "Bash", action: `git status #${i}`, facts: {}, decision: "allow", policies: [], reason: "allowed" });
  appendMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  if (!r.ok) throw new Error(r.error);
}

console.log(`infragate bench: ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, node ${process.version}, ${runs} alternating runs each, medians`);
console.table(rows.map(({ ms, ...r }) => r));
// Following project scripts costs reading and parsing them: compare with the cheapest everyday command.
for (const c of cases.filter((x) => x.vs)) {
  const a = rows.find((r) => r.case === c.name);
  const b = rows.find((r) => r.case === c.vs);
  if (a && b) console.log(`${c.name} / ${c.vs}: ${(a.ms / b.ms).toFixed(2)} (${a.ms.toFixed(1)} / ${b.ms.toFixed(1)} ms)`);
}
console.log(`audit append: median ${median(appendMs).toFixed(2)} ms, p90 ${[...appendMs].sort((a, b) => a - b)[Math.floor(appendMs.length * 0.9)].toFixed(2)} ms over ${appendMs.length} appends (lock, hash chain, write, fdatasync)`);
console.log(`check --jsonl: ${answered} decisions in ${secs.toFixed(2)} s = ${(answered / secs).toFixed(0)} decisions/s (incl. process start and audit appends)`);
fs.rmSync(work, { recursive: true, force: true });
