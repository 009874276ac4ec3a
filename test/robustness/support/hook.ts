/** Assertions on hook answers: a block is the agent's own deny form AND an exit code the agent treats as a block. */
import { expect } from "vitest";
import type { HookRun } from "../../agents/support.js";
import { DEFAULT_DEADLINE_MS } from "../../../src/hook/run.js";

export const AGENTS = ["claude-code", "cursor", "gemini", "codex"] as const;
export type Agent = (typeof AGENTS)[number];

/** The deny text in an answer's JSON, per protocol. */
export function denyReason(agent: string, json: Record<string, unknown> | undefined): string | undefined {
  if (!json) return undefined;
  if (agent === "gemini") return json.decision === "deny" ? String(json.reason) : undefined;
  if (agent === "cursor") return json.permission === "deny" ? String(json.agent_message) : undefined;
  const h = json.hookSpecificOutput as Record<string, unknown> | undefined;
  return h?.permissionDecision === "deny" ? String(h.permissionDecisionReason) : undefined;
}

/** Blocked: exit 2, the protocol's deny JSON, a reason on stderr (and matching `reason` when given), in time. */
export function expectBlock(agent: string, run: HookRun, reason?: RegExp, elapsedMs?: number): void {
  const text = `${run.code}\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(0, 2000)}`;
  expect(run.code, text).toBe(2);
  const said = denyReason(agent, run.json);
  expect(said, text).toBeDefined();
  expect(run.stderr.trim().length, text).toBeGreaterThan(20);
  if (reason) expect(said, text).toMatch(reason);
  if (elapsedMs !== undefined) expect(elapsedMs).toBeLessThan(DEFAULT_DEADLINE_MS);
}

/** A payload each agent's hook would receive for a shell command. */
export function shellPayload(agent: Agent, root: string, command: unknown, mode = "bypassPermissions"): Record<string, unknown> {
  if (agent === "cursor") return { hook_event_name: "beforeShellExecution", command, cwd: root, workspace_roots: [root] };
  if (agent === "gemini") return { hook_event_name: "BeforeTool", cwd: root, tool_name: "run_shell_command", tool_input: { command } };
  return { hook_event_name: "PreToolUse", session_id: "s", cwd: root, permission_mode: mode, tool_name: "Bash", tool_input: { command } };
}
