/** Cursor hooks (research/hook-protocols.md section 2): beforeShellExecution, beforeReadFile, beforeMCPExecution, preToolUse. */
import path from "node:path";
import { z } from "zod";
import type { GateAction, ToolCategory } from "../../decide/action.js";
import { searchAction } from "../../decide/search-action.js";
import { fileAction, humanMustAct, knownTool, parseMaybeJson, pathsIn, resolveCwd, shellAction, unknownToolActions } from "../common.js";
import type { AgentAdapter, Decision, HookAnswer, HookEnv, Reading } from "../types.js";

const Common = {
  conversation_id: z.string().optional(),
  workspace_roots: z.array(z.string()).optional(),
  cwd: z.string().optional(),
};

export const CursorShell = z.looseObject({ ...Common, hook_event_name: z.literal("beforeShellExecution"), command: z.string() });
export const CursorReadFile = z.looseObject({ ...Common, hook_event_name: z.literal("beforeReadFile"), file_path: z.string().min(1) });
export const CursorMcp = z.looseObject({
  ...Common,
  hook_event_name: z.literal("beforeMCPExecution"),
  tool_name: z.string().min(1),
  tool_input: z.unknown().optional(),
  url: z.string().optional(),
  command: z.string().optional(),
  server: z.string().optional(),
});
export const CursorPreToolUse = z.looseObject({
  ...Common,
  hook_event_name: z.literal("preToolUse"),
  tool_name: z.string().min(1),
  tool_input: z.record(z.string(), z.unknown()),
});
export const CursorPayload = z.discriminatedUnion("hook_event_name", [CursorShell, CursorReadFile, CursorMcp, CursorPreToolUse]);
export type CursorPayload = z.infer<typeof CursorPayload>;

export const CURSOR_EVENTS = ["beforeShellExecution", "beforeReadFile", "beforeMCPExecution", "preToolUse"] as const;
/** Events after a shell command or a file edit ran: what ran is remembered for the session. */
export const CURSOR_AFTER_EVENTS = ["afterShellExecution", "afterFileEdit"] as const;

const CursorAfter = z.discriminatedUnion("hook_event_name", [
  z.looseObject({ ...Common, hook_event_name: z.literal("afterShellExecution"), command: z.string() }),
  z.looseObject({ ...Common, hook_event_name: z.literal("afterFileEdit"), file_path: z.string().min(1) }),
]);

function readAfter(payload: unknown, where: HookEnv): Reading {
  const r = CursorAfter.safeParse(payload);
  if (!r.success) return { kind: "silent", why: "an unreadable after-event payload: nothing to remember" };
  const p = r.data;
  const cwd = resolveCwd(p.cwd ?? p.workspace_roots?.[0], where, ["CURSOR_PROJECT_DIR", "CLAUDE_PROJECT_DIR"]);
  const agent = { name: "cursor", mode: "", session: p.conversation_id ?? "" };
  const actions = p.hook_event_name === "afterShellExecution" ? [shellAction(p.command, cwd, "Shell")] : [fileAction("write", p.file_path, cwd, "Write")];
  return { kind: "ran", event: p.hook_event_name, agent, cwd, actions };
}

/** preToolUse tool types whose input names no command and no file infragate guards: tool.use requests (Grep
 *  is a recursive search of its path, the workspace by default; Glob and LS with a path are reads of it). */
const KNOWN_TOOLS: ReadonlyMap<string, ToolCategory> = new Map<string, ToolCategory>([
  ["Glob", "search"],
  ["LS", "search"],
  ["Search", "search"],
  ["WebFetch", "web"],
  ["WebSearch", "web"],
  ["Task", "session"],
  ["Todo", "session"],
]);

const text = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);

function mcpServer(p: z.infer<typeof CursorMcp>): string {
  if (p.server) return p.server;
  if (p.url) {
    try {
      return new URL(p.url).host || p.url;
    } catch {
      return p.url;
    }
  }
  if (p.command) return path.basename(p.command.trim().split(/\s+/)[0] ?? "") || "unknown";
  return "unknown";
}

function preToolActions(tool: string, input: Readonly<Record<string, unknown>>, cwd: string): { actions: GateAction[]; error?: string } {
  if (tool.startsWith("MCP:") || tool === "MCP") {
    const name = tool === "MCP" ? String(input.tool_name ?? input.name ?? "unknown") : tool.slice(4);
    return { actions: [{ kind: "mcp", server: String(input.server ?? input.server_name ?? "cursor"), tool: name, input, cwd }] };
  }
  switch (tool) {
    case "Shell": {
      const command = input.command;
      if (typeof command !== "string") return { actions: [], error: "Shell input has no command" };
      const wd = typeof input.working_directory === "string" && input.working_directory ? path.resolve(cwd, input.working_directory) : cwd;
      return { actions: [shellAction(command, wd, "Shell")] };
    }
    case "Read":
    case "Write":
    case "Delete": {
      const files = pathsIn(input);
      if (files.length === 0) return { actions: [], error: `${tool} input names no file (file_path, path or target_file)` };
      const op = tool === "Read" ? "read" : tool === "Delete" ? "delete" : "write";
      return { actions: files.map((f) => fileAction(op, f, cwd, tool)) };
    }
    case "Grep":
      return { actions: [searchAction(tool, { path: text(input.path) ?? text(input.target_directory), glob: text(input.glob) ?? text(input.include), type: text(input.type) }, cwd)] };
    case "Glob":
    case "LS": {
      const dir = text(input.path) ?? text(input.target_directory) ?? text(input.directory);
      return { actions: [dir ? fileAction("read", dir, cwd, tool) : knownTool(tool, input, cwd, "search")] };
    }
    default: {
      const category = KNOWN_TOOLS.get(tool);
      if (category) return { actions: [knownTool(tool, input, cwd, category)] };
      return unknownToolActions(tool, input, cwd);
    }
  }
}

function read(payload: unknown, where: HookEnv): Reading {
  const event = payload && typeof payload === "object" ? String((payload as Record<string, unknown>).hook_event_name ?? "") : "";
  if ((CURSOR_AFTER_EVENTS as readonly string[]).includes(event)) return readAfter(payload, where);
  if (event !== "" && !(CURSOR_EVENTS as readonly string[]).includes(event)) return { kind: "silent", why: `event ${event} is not gated` };
  const r = CursorPayload.safeParse(payload);
  if (!r.success) return { kind: "reject", event, reason: `infragate could not read the hook payload (${z.prettifyError(r.error)}); blocking to be safe` };
  const p = r.data;
  const cwd = resolveCwd(p.cwd ?? p.workspace_roots?.[0], where, ["CURSOR_PROJECT_DIR", "CLAUDE_PROJECT_DIR"]);
  const agent = { name: "cursor", mode: "", session: p.conversation_id ?? "" };
  const done = (actions: GateAction[]): Reading => ({ kind: "actions", event: p.hook_event_name, agent, cwd, actions });
  switch (p.hook_event_name) {
    case "beforeShellExecution":
      return done([shellAction(p.command, cwd, "Shell")]);
    case "beforeReadFile":
      return done([fileAction("read", p.file_path, cwd, "Read")]);
    case "beforeMCPExecution":
      return done([{ kind: "mcp", server: mcpServer(p), tool: p.tool_name, input: parseMaybeJson(p.tool_input), cwd }]);
    case "preToolUse": {
      const t = preToolActions(p.tool_name, p.tool_input, cwd);
      if (t.error !== undefined) return { kind: "reject", event: p.hook_event_name, reason: `infragate blocked this call: ${t.error}` };
      return done(t.actions);
    }
  }
}

/** Events whose "ask" Cursor enforces; elsewhere an ask is a deny that says a human must act. */
const ASK_EVENTS: ReadonlySet<string> = new Set(["beforeShellExecution", "beforeMCPExecution"]);

function respond(permission: Decision, reason: string): HookAnswer {
  if (permission === "allow") return { stdout: `${JSON.stringify({ permission })}\n`, stderr: "", exitCode: 0 };
  const body = { permission, user_message: reason, agent_message: reason, userMessage: reason, agentMessage: reason };
  return { stdout: `${JSON.stringify(body)}\n`, stderr: permission === "deny" ? `${reason}\n` : "", exitCode: permission === "deny" ? 2 : 0 };
}

export const cursor: AgentAdapter = {
  name: "cursor",
  read,
  answer(decision: Decision, reason: string, event: string): HookAnswer {
    if (decision === "ask" && !ASK_EVENTS.has(event)) return respond("deny", humanMustAct(reason));
    return respond(decision, reason);
  },
  fail: (reason) => respond("deny", reason),
  reportsRan: true,
};
