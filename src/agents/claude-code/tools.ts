/** Claude Code tool calls -> GateActions. Codex reuses it for Bash and MCP (its protocol is Claude-compatible). */
import { z } from "zod";
import type { GateAction, ToolCategory } from "../../decide/action.js";
import { searchAction } from "../../decide/search-action.js";
import { fileAction, knownTool, shellAction, splitMcpName, unknownToolActions } from "../common.js";

const CommandInput = z.looseObject({ command: z.string() });
const FilePathInput = z.looseObject({ file_path: z.string().min(1) });
const NotebookInput = z.looseObject({ notebook_path: z.string().min(1) });
const GrepInput = z.looseObject({ path: z.string().optional(), glob: z.string().optional(), type: z.string().optional() });
const ListInput = z.looseObject({ path: z.string().optional() });

const SESSION_TOOLS = [
  "Task", "Agent", "TodoWrite", "TodoRead", "ExitPlanMode", "EnterPlanMode", "AskUserQuestion", "BashOutput", "KillShell",
  "KillBash", "Skill", "SlashCommand", "ListMcpResourcesTool", "ReadMcpResourceTool", "TaskCreate", "TaskGet", "TaskList",
  "TaskOutput", "TaskStop", "TaskUpdate", "CronCreate", "CronDelete", "CronList", "EnterWorktree", "ExitWorktree",
  "ReportFindings", "ScheduleWakeup", "SendMessage", "Workflow", "ToolSearch", "Monitor",
] as const;

/** Tools whose input names no command and no file that infragate guards: tool.use requests by category
 *  (Glob and LS with a path are file reads instead). */
export const CLAUDE_KNOWN_TOOLS: ReadonlyMap<string, ToolCategory> = new Map<string, ToolCategory>([
  ["Glob", "search"],
  ["LS", "search"],
  ["WebFetch", "web"],
  ["WebSearch", "web"],
  ...SESSION_TOOLS.map((t): [string, ToolCategory] => [t, "session"]),
]);

export interface ToolReading {
  readonly actions: GateAction[];
  readonly error?: string;
}

function parsed<T>(schema: z.ZodType<T>, input: unknown, tool: string): { ok: true; data: T } | { ok: false; error: string } {
  const r = schema.safeParse(input);
  return r.success ? { ok: true, data: r.data } : { ok: false, error: `${tool} input has an unexpected shape: ${z.prettifyError(r.error)}` };
}

/** One Claude Code tool call -> actions. Shared by Codex (same tool names for Bash and MCP). */
export function readClaudeTool(tool: string, input: Readonly<Record<string, unknown>>, cwd: string): ToolReading {
  const mcp = splitMcpName(tool);
  if (mcp) return { actions: [{ kind: "mcp", server: mcp.server, tool: mcp.tool, input, cwd }] };
  switch (tool) {
    case "Bash":
    case "PowerShell": {
      const r = parsed(CommandInput, input, tool);
      return r.ok ? { actions: [shellAction(r.data.command, cwd, tool)] } : { actions: [], error: r.error };
    }
    case "Write":
    case "Edit":
    case "MultiEdit":
    case "Read": {
      const r = parsed(FilePathInput, input, tool);
      if (!r.ok) return { actions: [], error: r.error };
      return { actions: [fileAction(tool === "Read" ? "read" : "write", r.data.file_path, cwd, tool)] };
    }
    case "NotebookEdit":
    case "NotebookRead": {
      const r = parsed(NotebookInput, input, tool);
      if (!r.ok) return { actions: [], error: r.error };
      return { actions: [fileAction(tool === "NotebookRead" ? "read" : "write", r.data.notebook_path, cwd, tool)] };
    }
    case "Grep": {
      // Grep (ripgrep) reads every file under its root (the cwd by default) that its glob / type let through.
      const r = parsed(GrepInput, input, tool);
      if (!r.ok) return { actions: [], error: r.error };
      return { actions: [searchAction(tool, r.data, cwd)] };
    }
    case "Glob":
    case "LS": {
      // A listing of a named folder is a read of it (its name may be a secret or state path).
      const r = parsed(ListInput, input, tool);
      if (!r.ok) return { actions: [], error: r.error };
      return { actions: [r.data.path ? fileAction("read", r.data.path, cwd, tool) : knownTool(tool, input, cwd, "search")] };
    }
    default: {
      const category = CLAUDE_KNOWN_TOOLS.get(tool);
      if (category) return { actions: [knownTool(tool, input, cwd, category)] };
      return unknownToolActions(tool, input, cwd);
    }
  }
}
