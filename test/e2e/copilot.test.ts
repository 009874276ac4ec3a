/**
 * End to end with the REAL GitHub Copilot CLI (@github/copilot), offline against a scripted Chat Completions
 * API on loopback (bring-your-own-key, COPILOT_OFFLINE), after `infragate install copilot`, with
 * --allow-all-tools (nothing asks). The model sees a block as "Denied by preToolUse hook: <reason>".
 * Skipped, with the reason in its name, where the CLI is not installed.
 */
import { chatAgentSuite } from "./support/chat-agent-suite.js";
import { copilotInstalled, runCopilot } from "./support/copilot.js";

chatAgentSuite({
  agent: "copilot",
  title: "Copilot CLI (real CLI), --allow-all-tools",
  ...(copilotInstalled() ? {} : { skip: "@github/copilot is not installed" }),
  run: runCopilot,
  shellTool: "bash",
  writeFile: (file, content) => ({ name: "create", args: { path: file, file_text: content } }),
  guardFile: ".github/hooks/other.json",
  hookFile: ".github/hooks/infragate.json",
  blocked: (reason) => new RegExp(`Denied by preToolUse hook: infragate[\\s\\S]*${reason}`),
  removed: /Denied|denied|blocked|failed/,
});
