#!/usr/bin/env node
// infragate's hook launcher: what installed agent hooks run, as `<node> <this file> <agent>`.
// It runs `infragate hook <agent>`. If infragate itself cannot be loaded (not built, a broken install),
// it still BLOCKS: exit 2 with the agent's deny JSON (for git: exit 1). A missing or crashing hook
// would otherwise let every tool call through.
const agent = process.argv[2] ?? "";

function block(reason) {
  const json =
    agent === "gemini"
      ? { decision: "deny", reason }
      : agent === "cursor"
        ? { permission: "deny", user_message: reason, agent_message: reason }
        : { hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: reason } };
  if (agent !== "git") process.stdout.write(`${JSON.stringify(json)}\n`);
  process.stderr.write(`${reason}\n`);
  process.exitCode = agent === "git" ? 1 : 2;
}

/** The bundled hot path (dist/hook.cjs with its V8 code cache) when built, else the plain ES modules. */
async function loadRunHook() {
  try {
    const { createRequire } = await import("node:module");
    const { fileURLToPath } = await import("node:url");
    const { loadHook } = createRequire(import.meta.url)("./load-hook.cjs");
    const hook = loadHook(fileURLToPath(new URL("..", import.meta.url)));
    if (typeof hook.runHook === "function") return hook.runHook;
  } catch {
    // no bundle: fall back to the modules
  }
  return (await import(new URL("../dist/cli/hook.js", import.meta.url).href)).runHook;
}

try {
  const runHook = await loadRunHook();
  const { createRequire } = await import("node:module");
  const io = createRequire(import.meta.url)("./process-io.cjs").processIo();
  process.exitCode = await runHook(process.argv.slice(2), io);
} catch (err) {
  block(`infragate could not start (${err instanceof Error ? err.message : String(err)}), so it blocks this call. Ask the human to rebuild it (npm run build) or run 'infragate doctor'.`);
}
