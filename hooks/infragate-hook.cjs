#!/usr/bin/env node
// infragate's hook launcher: what installed agent hooks run, as `<node> <this file> <agent>`.
// First it asks the warm decision service (hooks/serve-client.cjs, `infragate serve`); when the service is not
// there, is of another build, or does not answer in time, it decides in this process (`infragate hook
// <agent>`), and starts the service for next time. If infragate itself cannot be loaded (not built, a broken
// install), it still BLOCKS: exit 2 with the agent's deny JSON (for git: exit 1). A missing or crashing hook
// would otherwise let every tool call through.
"use strict";
const path = require("node:path");

const agent = process.argv[2] ?? "";
const root = path.resolve(__dirname, "..");
/** How long to wait for the service before deciding here (the in-process decision has its own deadline). */
const SERVICE_TIMEOUT_MS = 2000;

function block(reason) {
  const json =
    agent === "gemini"
      ? { decision: "deny", reason }
      : agent === "cursor"
        ? { permission: "deny", user_message: reason, agent_message: reason }
        : agent === "copilot"
          ? { permissionDecision: "deny", permissionDecisionReason: reason }
          : { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
  if (agent !== "git") process.stdout.write(`${JSON.stringify(json)}\n`);
  process.stderr.write(`${reason}\n`);
  // Copilot reads the deny from the JSON with exit 0 (exit 2 would block but lose the reason).
  process.exitCode = agent === "git" ? 1 : agent === "copilot" ? 0 : 2;
}

/** All of stdin: synchronously when it can be (cheapest), else as a stream. */
function readStdin() {
  try {
    return Promise.resolve(require("node:fs").readFileSync(0, "utf8"));
  } catch {
    return new Promise((resolve, reject) => {
      const chunks = [];
      process.stdin.on("data", (c) => chunks.push(c));
      process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      process.stdin.on("error", reject);
    });
  }
}

/** The bundled hot path (dist/hook.cjs with its V8 code cache) when built, else the plain ES modules. */
async function loadRunHook() {
  try {
    const hook = require("./load-hook.cjs").loadHook(root);
    if (typeof hook.runHook === "function") return hook.runHook;
  } catch {
    // no bundle: fall back to the modules
  }
  return (await import(require("node:url").pathToFileURL(path.join(root, "dist", "cli", "hook.js")).href)).runHook;
}

async function main() {
  const args = process.argv.slice(2);
  const payload = await readStdin();
  // git's pre-commit check reads the repository itself; every agent hook goes to the service first.
  const useService = agent !== "git" && process.env.INFRAGATE_SERVE !== "off";
  if (useService) {
    const client = require("./serve-client.cjs");
    const answer = await client.ask({ root, args, payload, env: process.env, cwd: process.cwd(), timeoutMs: SERVICE_TIMEOUT_MS });
    if (answer.ok) {
      if (answer.stdout) process.stdout.write(answer.stdout);
      if (answer.stderr) process.stderr.write(answer.stderr);
      process.exitCode = answer.exitCode;
      return;
    }
    if (answer.absent && process.env.INFRAGATE_SERVE_AUTOSTART !== "0") client.startInBackground(root, process.env);
  }
  const runHook = await loadRunHook();
  const io = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readStdin: () => Promise.resolve(payload),
    env: process.env,
    cwd: process.cwd(),
  };
  process.exitCode = await runHook(args, io);
}

main().catch((err) => {
  block(`infragate could not start (${err instanceof Error ? err.message : String(err)}), so it blocks this call. Ask the human to rebuild it (npm run build) or run 'infragate doctor'.`);
});
