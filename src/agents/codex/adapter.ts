/** OpenAI Codex PreToolUse hooks: Claude-compatible payloads; no ask (unsupported), so an ask is a block. */
import { humanMustAct } from "../common.js";
import { claudeDeny, readClaudePayload } from "../claude-code/adapter.js";
import { readCodexTool } from "./tools.js";
import type { AgentAdapter, Decision, HookAnswer } from "../types.js";

export const codex: AgentAdapter = {
  name: "codex",
  // Codex sets no *_PROJECT_DIR variable; the payload's cwd, else the process cwd (PWD).
  read: (payload, where) => readClaudePayload(payload, where, "codex", ["PWD"], readCodexTool),
  answer(decision: Decision, reason: string): HookAnswer {
    if (decision === "allow") return { stdout: "", stderr: "", exitCode: 0 };
    return claudeDeny(decision === "ask" ? humanMustAct(reason) : reason);
  },
  fail: (reason) => claudeDeny(reason),
  reportsRan: true,
};
