/** GitHub Copilot CLI (and the Copilot coding agent) hooks, camelCase events (research/agent-e2e.md): the flat
 *  {"permissionDecision":"deny","permissionDecisionReason"} answer with exit 0 (exit 2 blocks but loses the
 *  reason; hookSpecificOutput is ignored), and nothing on allow (an "allow" would skip Copilot's own approval). */
import { z } from "zod";
import { answerWithoutAsk, resolveCwd } from "../common.js";
import type { AgentAdapter, HookAnswer, HookEnv, Reading } from "../types.js";
import { readCopilotTool } from "./tools.js";

export const COPILOT_PROJECT_VARS = ["COPILOT_PROJECT_DIR", "CLAUDE_PROJECT_DIR"] as const;

/** preToolUse and postToolUse input: toolArgs is an object, a JSON string (older versions) or raw patch text. */
export const CopilotToolEvent = z.looseObject({
  sessionId: z.string().optional(),
  timestamp: z.number().optional(),
  cwd: z.string().optional(),
  toolName: z.string().min(1),
  toolArgs: z.unknown(),
  toolResult: z.unknown().optional(),
});

function argsOf(toolName: string, raw: unknown): unknown {
  if (typeof raw !== "string" || toolName === "apply_patch") return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

function read(payload: unknown, where: HookEnv): Reading {
  const p = CopilotToolEvent.safeParse(payload);
  const after = !!payload && typeof payload === "object" && "toolResult" in payload;
  if (!p.success) {
    if (after) return { kind: "silent", why: "an unreadable postToolUse payload: nothing to remember" };
    return { kind: "reject", event: "preToolUse", reason: `infragate could not read the hook payload (${z.prettifyError(p.error)}); blocking to be safe` };
  }
  const cwd = resolveCwd(p.data.cwd, where, COPILOT_PROJECT_VARS);
  const agent = { name: "copilot", mode: "", session: p.data.sessionId ?? "" };
  const tool = readCopilotTool(p.data.toolName, argsOf(p.data.toolName, p.data.toolArgs), cwd);
  // postToolUse (it carries the toolResult): the call ran; what it did is remembered.
  if (after) return tool.error === undefined ? { kind: "ran", event: "postToolUse", agent, cwd, actions: tool.actions } : { kind: "silent", why: tool.error };
  if (tool.error !== undefined) return { kind: "reject", event: "preToolUse", reason: `infragate blocked this call: ${tool.error}` };
  return { kind: "actions", event: "preToolUse", agent, cwd, actions: tool.actions };
}

function deny(reason: string): HookAnswer {
  return { stdout: `${JSON.stringify({ permissionDecision: "deny", permissionDecisionReason: reason })}\n`, stderr: "", exitCode: 0 };
}

export const copilot: AgentAdapter = {
  name: "copilot",
  read,
  answer: answerWithoutAsk(deny),
  fail: deny,
  reportsRan: true,
};
