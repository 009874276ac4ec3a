/** Run the hook verb in-process against a temporary workspace, the way an agent would. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CliIo } from "../../src/util/process-io.js";
import { runHookWith } from "../../src/hook/run.js";
import { tempDir } from "../support/temp.js";

export interface HookRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** stdout parsed as JSON, or undefined when empty. */
  readonly json: Record<string, unknown> | undefined;
}

export interface Workspace {
  readonly root: string;
  readonly home: string;
  readonly env: Record<string, string>;
}

/** A temporary git-like workspace (holds .git/) and a private INFRAGATE_HOME. */
export function makeWorkspace(): Workspace {
  const root = tempDir("infragate-agents-");
  fs.mkdirSync(path.join(root, ".git"));
  const home = tempDir("infragate-agents-home-");
  return { root, home, env: { HOME: os.homedir(), PATH: process.env.PATH ?? "", INFRAGATE_HOME: home, INFRAGATE_SERVE_AUTOSTART: "0" } };
}

export async function runHook(agent: string, stdin: string | object, ws: Workspace, opts: { env?: Record<string, string>; deadlineMs?: number; cwd?: string } = {}): Promise<HookRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => (typeof stdin === "string" ? stdin : JSON.stringify(stdin)),
    env: { ...ws.env, ...(opts.env ?? {}) },
    cwd: opts.cwd ?? ws.root,
  };
  const code = await runHookWith([agent], io, opts.deadlineMs !== undefined ? { deadlineMs: opts.deadlineMs } : {});
  const trimmed = stdout.trim();
  return { code, stdout, stderr, json: trimmed ? (JSON.parse(trimmed) as Record<string, unknown>) : undefined };
}

/** The Claude Code / Codex decision in an answer. */
export function permissionDecision(run: HookRun): string | undefined {
  const h = run.json?.hookSpecificOutput as Record<string, unknown> | undefined;
  return h?.permissionDecision as string | undefined;
}

export function claudePayload(ws: Workspace, tool: string, input: Record<string, unknown>, mode = "default"): object {
  return {
    session_id: "s-1",
    transcript_path: path.join(ws.home, "t.jsonl"),
    cwd: ws.root,
    permission_mode: mode,
    hook_event_name: "PreToolUse",
    tool_name: tool,
    tool_input: input,
    tool_use_id: "toolu_1",
  };
}

/** Delete a workspace made by makeWorkspace (tests leave nothing in the temp folder). */
export function removeWorkspace(ws: Workspace | undefined): void {
  if (!ws) return;
  fs.rmSync(ws.root, { recursive: true, force: true });
  fs.rmSync(ws.home, { recursive: true, force: true });
}
