/** Helpers shared by the adapters: cwd resolution, tool-input key scanning, answer texts. */
import path from "node:path";
import { quote } from "shell-quote";
import type { GateAction, ToolCategory } from "../decide/action.js";
import type { FileOp } from "../shell/types.js";
import type { Decision, HookAnswer, HookEnv } from "./types.js";

/** The payload's cwd if it is an absolute path, else the first project-dir variable set, else the process cwd. */
export function resolveCwd(payloadCwd: unknown, where: HookEnv, vars: readonly string[]): string {
  if (typeof payloadCwd === "string" && payloadCwd.length > 0) return path.resolve(where.cwd, payloadCwd);
  for (const v of vars) {
    const value = where.env[v];
    if (value && value.length > 0) return path.resolve(where.cwd, value);
  }
  return path.resolve(where.cwd);
}

export function fileAction(op: FileOp, file: string, cwd: string, tool: string): GateAction {
  return { kind: "file", op, path: path.resolve(cwd, file), cwd, tool };
}

/** A tool infragate knows whose input names no command and no file it guards: a tool.use request. */
export function knownTool(tool: string, input: unknown, cwd: string, category: ToolCategory): GateAction {
  return { kind: "tool", tool, input, cwd, category };
}

export function shellAction(command: string, cwd: string, tool: string): GateAction {
  return { kind: "shell", command, cwd, tool };
}

/** `mcp__<server>__<tool>` -> {server, tool}; undefined for any other name. */
export function splitMcpName(name: string): { server: string; tool: string } | undefined {
  // indexOf, not /^mcp__(.+?)__(.+)$/: the name comes from the agent, and that regex is quadratic.
  if (!name.startsWith("mcp__")) return undefined;
  const rest = name.slice(5);
  const split = rest.indexOf("__", 1);
  if (split < 0 || split + 2 >= rest.length) return undefined;
  return { server: rest.slice(0, split), tool: rest.slice(split + 2) };
}

const COMMAND_KEYS = ["command", "cmd", "script", "commandLine", "command_line", "shell_command"] as const;
const PATH_KEYS = ["file_path", "filePath", "notebook_path", "path", "target_file", "targetFile", "file", "filename", "destination", "dest", "target"] as const;
const PATH_LIST_KEYS = ["paths", "file_paths", "files"] as const;

/** A shell command in an unknown tool's input: a string, or an argv array (quoted and joined). */
export function commandIn(input: Readonly<Record<string, unknown>>): string | undefined {
  for (const key of COMMAND_KEYS) {
    const v = input[key];
    if (typeof v === "string" && v.trim().length > 0) return v;
    if (Array.isArray(v) && v.length > 0 && v.every((w) => typeof w === "string")) return quote(v as string[]);
  }
  return undefined;
}

/** Every file path named in an unknown tool's input (top level, and edits[].file_path). */
export function pathsIn(input: Readonly<Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const key of PATH_KEYS) {
    const v = input[key];
    if (typeof v === "string" && v.length > 0) out.push(v);
  }
  for (const key of PATH_LIST_KEYS) {
    const v = input[key];
    if (Array.isArray(v)) for (const p of v) if (typeof p === "string" && p.length > 0) out.push(p);
  }
  const edits = input.edits;
  if (Array.isArray(edits)) {
    for (const e of edits) {
      if (e && typeof e === "object" && typeof (e as Record<string, unknown>).file_path === "string") out.push((e as Record<string, string>).file_path as string);
    }
  }
  return [...new Set(out)];
}

/**
 * An unknown tool: a command in its input is a shell command; a path is a WRITE (a tool we do not know
 * may write, so it is decided as the strictest file action); with neither, a tool.unknown request.
 */
export function unknownToolActions(toolName: string, input: Readonly<Record<string, unknown>>, cwd: string): { actions: GateAction[] } {
  const actions: GateAction[] = [];
  const command = commandIn(input);
  if (command !== undefined) actions.push(shellAction(command, cwd, toolName));
  for (const p of pathsIn(input)) actions.push(fileAction("write", p, cwd, toolName));
  // Neither: a tool.unknown request, which the baseline policy asks a human about.
  if (actions.length === 0) actions.push({ kind: "tool", tool: toolName, input, cwd });
  return { actions };
}

/** Wording for an ask on an agent or event that cannot ask: the call is blocked and a human must act. */
export function humanMustAct(reason: string): string {
  return `${reason}\n\nThis needs a human's confirmation, and this agent cannot ask one from a hook, so the call is blocked. Do not retry or work around it: show the human the exact command or change and let them run it themselves.`;
}

/** Coerce a JSON-string tool input (Cursor's beforeMCPExecution) into an object when possible. */
export function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The first line of a hook's stdout as a JSON object, when it is one (doctor reads answers with it). */
export function firstJson(stdout: string): Record<string, unknown> | undefined {
  const text = stdout.trim();
  if (!text.startsWith("{")) return undefined;
  try {
    const v: unknown = JSON.parse(text.split("\n")[0] ?? "");
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The payload's hook_event_name, before it is validated (a post-tool payload we cannot read is no block). */
export function eventName(payload: unknown): string | undefined {
  if (!payload || typeof payload !== "object") return undefined;
  const e = (payload as Record<string, unknown>).hook_event_name;
  return typeof e === "string" ? e : undefined;
}

/** The answer of an agent that cannot ask from a hook: nothing on allow (an explicit allow could skip the
 *  agent's own confirmation), its deny otherwise; an ask is a deny that says a human must act. */
export function answerWithoutAsk(deny: (reason: string) => HookAnswer): (decision: Decision, reason: string) => HookAnswer {
  return (decision, reason) => (decision === "allow" ? { stdout: "", stderr: "", exitCode: 0 } : deny(decision === "ask" ? humanMustAct(reason) : reason));
}
