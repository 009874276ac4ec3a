#!/usr/bin/env node
// The hook launcher as ES module, kept for hooks installed with this path: it runs hooks/infragate-hook.cjs
// (the service client with the in-process fallback). If even that cannot be loaded, it still BLOCKS.
import { createRequire } from "node:module";

try {
  createRequire(import.meta.url)("./infragate-hook.cjs");
} catch (err) {
  const agent = process.argv[2] ?? "";
  const reason = `infragate could not start (${err instanceof Error ? err.message : String(err)}), so it blocks this call. Ask the human to reinstall it or run 'infragate doctor'.`;
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
