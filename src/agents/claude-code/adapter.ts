/** Claude Code PreToolUse hooks (research/hook-protocols.md section 1). Also the base for Codex, whose protocol is Claude-compatible. */
import { z } from "zod";
import { eventName, humanMustAct, resolveCwd } from "../common.js";
import { readClaudeTool, type ToolReading } from "./tools.js";
import type { AgentAdapter, Decision, HookAnswer, HookEnv, Reading } from "../types.js";

export const ClaudePreToolUse = z.looseObject({
  hook_event_name: z.string().optional(),
  session_id: z.string().optional(),
  cwd: z.string().optional(),
  permission_mode: z.string().optional(),
  tool_name: z.string().min(1),
  tool_input: z.record(z.string(), z.unknown()),
});
export type ClaudePreToolUse = z.infer<typeof ClaudePreToolUse>;

/** Events after a call ran (Claude Code: also after one that failed, which may still have written files). */
const AFTER_EVENTS: ReadonlySet<string> = new Set(["PostToolUse", "PostToolUseFailure"]);

export type ToolReader = (tool: string, input: Readonly<Record<string, unknown>>, cwd: string) => ToolReading;

/** A Claude-compatible PreToolUse or PostToolUse payload (Claude Code, Codex) -> a Reading. */
export function readClaudePayload(payload: unknown, where: HookEnv, name: "claude-code" | "codex", cwdVars: readonly string[], readTool: ToolReader): Reading {
  const p = ClaudePreToolUse.safeParse(payload);
  if (!p.success && AFTER_EVENTS.has(eventName(payload) ?? "")) return { kind: "silent", why: "an unreadable PostToolUse payload: nothing to remember" };
  if (!p.success) return { kind: "reject", event: "PreToolUse", reason: `infragate could not read the hook payload (${z.prettifyError(p.error)}); blocking to be safe` };
  const event = p.data.hook_event_name ?? "PreToolUse";
  if (event !== "PreToolUse" && !AFTER_EVENTS.has(event)) return { kind: "silent", why: `event ${event} is not gated` };
  const cwd = resolveCwd(p.data.cwd, where, cwdVars);
  const agent = { name, mode: p.data.permission_mode ?? "", session: p.data.session_id ?? "" };
  const tool = readTool(p.data.tool_name, p.data.tool_input, cwd);
  // After the call ran: what it did is remembered (a shape we cannot read has nothing to remember).
  if (AFTER_EVENTS.has(event)) return tool.error === undefined ? { kind: "ran", event, agent, cwd, actions: tool.actions } : { kind: "silent", why: tool.error };
  if (tool.error !== undefined) return { kind: "reject", event, reason: `infragate blocked this call: ${tool.error}` };
  return { kind: "actions", event, agent, cwd, actions: tool.actions };
}

export function preToolUseJson(decision: "deny" | "ask", reason: string): string {
  return `${JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: decision, permissionDecisionReason: reason } })}\n`;
}

/** Deny: JSON deny on stdout, the reason on stderr, AND exit 2 (exit 2 blocks even if the JSON were ignored). */
export function claudeDeny(reason: string): HookAnswer {
  return { stdout: preToolUseJson("deny", reason), stderr: `${reason}\n`, exitCode: 2 };
}

/** Permission modes in which a hook's ask reaches no human. */
export const NO_ASK_MODES: ReadonlySet<string> = new Set(["bypassPermissions", "dontAsk"]);

export const claudeCode: AgentAdapter = {
  name: "claude-code",
  read: (payload, where) => readClaudePayload(payload, where, "claude-code", ["CLAUDE_PROJECT_DIR"], readClaudeTool),
  answer(decision: Decision, reason: string, _event: string, mode: string): HookAnswer {
    // Allow never says "allow": that would skip Claude Code's own permission prompt. Silence keeps it.
    if (decision === "allow") return { stdout: "", stderr: "", exitCode: 0 };
    // In bypassPermissions nobody is there to be asked, and some versions auto-approved a hook's ask in that
    // mode (anthropics/claude-code#77212): an ask there is a block that tells the model to hand it to a human.
    if (decision === "ask" && !NO_ASK_MODES.has(mode)) return { stdout: preToolUseJson("ask", reason), stderr: "", exitCode: 0 };
    return claudeDeny(decision === "ask" ? humanMustAct(reason) : reason);
  },
  fail: (reason) => claudeDeny(reason),
  reportsRan: true,
};
