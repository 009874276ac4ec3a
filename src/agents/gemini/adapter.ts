/** Gemini CLI BeforeTool hooks (research/hook-protocols.md section 3, agent-e2e.md). No ask: an ask is a block. */
import path from "node:path";
import { z } from "zod";
import type { GateAction, ToolCategory } from "../../decide/action.js";
import { searchAction } from "../../decide/search-action.js";
import { answerWithoutAsk, eventName, fileAction, knownTool, resolveCwd, shellAction, splitMcpName, unknownToolActions } from "../common.js";
import type { AgentAdapter, HookAnswer, Reading } from "../types.js";

export const GeminiBeforeTool = z.looseObject({
  hook_event_name: z.string().optional(),
  session_id: z.string().optional(),
  cwd: z.string().optional(),
  tool_name: z.string().min(1),
  tool_input: z.record(z.string(), z.unknown()),
  mcp_context: z.looseObject({ server_name: z.string().optional(), tool_name: z.string().optional() }).optional(),
});
export type GeminiBeforeTool = z.infer<typeof GeminiBeforeTool>;

const ShellInput = z.looseObject({ command: z.string(), directory: z.string().optional() });
const FileInput = z.looseObject({ file_path: z.string().min(1) });
const ReadInput = z.looseObject({ file_path: z.string().min(1).optional(), path: z.string().min(1).optional(), absolute_path: z.string().min(1).optional() });
const ReadManyInput = z.looseObject({ paths: z.array(z.string()).optional(), include: z.array(z.string()).optional() });
const SearchInput = z.looseObject({ path: z.string().optional(), dir_path: z.string().optional(), include: z.string().optional() });

/** Gemini tools whose input names no command and no file infragate guards: tool.use requests by category
 *  (list_directory and glob with a folder are file reads instead). */
export const GEMINI_KNOWN_TOOLS: ReadonlyMap<string, ToolCategory> = new Map<string, ToolCategory>([
  ["list_directory", "search"],
  ["glob", "search"],
  ["read_many_files", "search"],
  ["web_fetch", "web"],
  ["google_web_search", "web"],
  ...["save_memory", "update_topic", "write_todos", "list_background_processes", "read_background_output", "enter_plan_mode", "exit_plan_mode", "invoke_agent", "activate_skill", "ask_user", "get_internal_docs"].map(
    (t): [string, ToolCategory] => [t, "session"],
  ),
]);

type ToolResult = { actions: GateAction[]; error?: string };

function readTool(p: GeminiBeforeTool, cwd: string): ToolResult {
  const tool = p.tool_name;
  const input = p.tool_input;
  const mcp = splitMcpName(tool);
  if (mcp) return { actions: [{ kind: "mcp", server: mcp.server, tool: mcp.tool, input, cwd }] };
  if (p.mcp_context?.server_name) {
    return { actions: [{ kind: "mcp", server: p.mcp_context.server_name, tool: p.mcp_context.tool_name ?? tool, input, cwd }] };
  }
  const bad = (e: z.ZodError): ToolResult => ({ actions: [], error: `${tool} input has an unexpected shape: ${z.prettifyError(e)}` });
  switch (tool) {
    case "run_shell_command": {
      const r = ShellInput.safeParse(input);
      if (!r.success) return bad(r.error);
      const dir = r.data.directory ? path.resolve(cwd, r.data.directory) : cwd;
      return { actions: [shellAction(r.data.command, dir, tool)] };
    }
    case "write_file":
    case "replace":
    case "edit": {
      const r = FileInput.safeParse(input);
      return r.success ? { actions: [fileAction("write", r.data.file_path, cwd, tool)] } : bad(r.error);
    }
    case "read_file": {
      const r = ReadInput.safeParse(input);
      if (!r.success) return bad(r.error);
      const file = r.data.file_path ?? r.data.absolute_path ?? r.data.path;
      if (!file) return { actions: [], error: "read_file input names no file (file_path or path)" };
      return { actions: [fileAction("read", file, cwd, tool)] };
    }
    case "read_many_files": {
      const r = ReadManyInput.safeParse(input);
      if (!r.success) return bad(r.error);
      const files = [...(r.data.paths ?? []), ...(r.data.include ?? [])];
      return { actions: files.length > 0 ? files.map((f) => fileAction("read", f, cwd, tool)) : [knownTool(tool, input, cwd, "search")] };
    }
    case "grep_search":
    case "search_file_content": {
      // A recursive search of its folder (the cwd by default), like Claude Code's Grep.
      const r = SearchInput.safeParse(input);
      if (!r.success) return bad(r.error);
      return { actions: [searchAction(tool, { path: r.data.dir_path ?? r.data.path, glob: r.data.include }, cwd)] };
    }
    case "list_directory":
    case "glob": {
      const r = SearchInput.safeParse(input);
      if (!r.success) return bad(r.error);
      const dir = r.data.dir_path ?? r.data.path;
      return { actions: [dir ? fileAction("read", dir, cwd, tool) : knownTool(tool, input, cwd, "search")] };
    }
    default: {
      const category = GEMINI_KNOWN_TOOLS.get(tool);
      if (category) return { actions: [knownTool(tool, input, cwd, category)] };
      return unknownToolActions(tool, input, cwd);
    }
  }
}

function read(payload: unknown, where: { env: Readonly<Record<string, string | undefined>>; cwd: string }): Reading {
  const p = GeminiBeforeTool.safeParse(payload);
  if (!p.success && eventName(payload) === "AfterTool") return { kind: "silent", why: "an unreadable AfterTool payload: nothing to remember" };
  if (!p.success) return { kind: "reject", event: "BeforeTool", reason: `infragate could not read the hook payload (${z.prettifyError(p.error)}); blocking to be safe` };
  const event = p.data.hook_event_name ?? "BeforeTool";
  if (event !== "BeforeTool" && event !== "AfterTool") return { kind: "silent", why: `event ${event} is not gated` };
  const cwd = resolveCwd(p.data.cwd, where, ["GEMINI_PROJECT_DIR", "CLAUDE_PROJECT_DIR"]);
  const t = readTool(p.data, cwd);
  const agent = { name: "gemini", mode: "", session: p.data.session_id ?? "" };
  // After the call ran (AfterTool): what it did is remembered.
  if (event === "AfterTool") return t.error === undefined ? { kind: "ran", event, agent, cwd, actions: t.actions } : { kind: "silent", why: t.error };
  if (t.error !== undefined) return { kind: "reject", event, reason: `infragate blocked this call: ${t.error}` };
  return { kind: "actions", event, agent, cwd, actions: t.actions };
}

function deny(reason: string): HookAnswer {
  return { stdout: `${JSON.stringify({ decision: "deny", reason })}\n`, stderr: `${reason}\n`, exitCode: 2 };
}

export const gemini: AgentAdapter = {
  name: "gemini",
  read,
  answer: answerWithoutAsk(deny),
  fail: deny,
  reportsRan: true,
};
