// Run the bundled hook on typical payloads (benign, file edit, terraform, aws) in a scratch workspace,
// then write the V8 code caches for dist/hook.cjs and dist/cli.cjs. Used by scripts/bundle.mjs at build time.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { loadBundle, loadHook } = require("../hooks/load-hook.cjs");

const root = path.resolve(__dirname, "..");
for (const name of ["hook", "cli"]) {
  try {
    fs.unlinkSync(path.join(root, "dist", `${name}.cjs.cache`));
  } catch {}
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-warm-"));
fs.mkdirSync(path.join(work, ".git"));
process.env.INFRAGATE_HOME = path.join(work, "home");
const payloads = [
  { tool_name: "Bash", tool_input: { command: "git status && npm test" } },
  { tool_name: "Edit", tool_input: { file_path: path.join(work, "src", "a.ts"), old_string: "a", new_string: "b" } },
  { tool_name: "Bash", tool_input: { command: "terraform destroy -auto-approve" } },
  { tool_name: "Bash", tool_input: { command: "aws s3 rm s3://bucket --recursive" } },
  { tool_name: "Write", tool_input: { file_path: path.join(work, "terraform.tfstate"), content: "{}" } },
];
(async () => {
  try {
    await warm();
  } finally {
    // Removed on failure too (a failed warm-up left its folder in the temp folder, one per build).
    fs.rmSync(work, { recursive: true, force: true });
  }
})().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

async function warm() {
  const hook = loadHook(root);
  for (const p of payloads) {
    const raw = JSON.stringify({ session_id: "warm", cwd: work, permission_mode: "default", hook_event_name: "PreToolUse", ...p });
    const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => raw, env: process.env, cwd: work };
    const code = await hook.runHookWith(["claude-code"], io);
    if (process.env.INFRAGATE_WARM_DEBUG) console.error(p.tool_name, code);
  }
  hook.saveCache();
  // The CLI bundle: `check` on the same commands.
  const cli = loadBundle(root, "cli");
  for (const p of payloads.filter((x) => x.tool_name === "Bash")) {
    const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => "", env: process.env, cwd: work };
    await cli.exports.main(["check", "--", p.tool_input.command], io);
  }
  cli.saveCache();
}
