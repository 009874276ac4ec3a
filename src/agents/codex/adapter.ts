/** OpenAI Codex PreToolUse hooks: Claude-compatible payloads; no ask (unsupported), so an ask is a block. */
import { answerWithoutAsk } from "../common.js";
import { claudeDeny, readClaudePayload } from "../claude-code/adapter.js";
import { readCodexTool } from "./tools.js";
import type { AgentAdapter } from "../types.js";

export const codex: AgentAdapter = {
  name: "codex",
  // Codex sets no *_PROJECT_DIR variable; the payload's cwd, else the process cwd (PWD).
  read: (payload, where) => readClaudePayload(payload, where, "codex", ["PWD"], readCodexTool),
  answer: answerWithoutAsk(claudeDeny),
  fail: (reason) => claudeDeny(reason),
  reportsRan: true,
};
