/** Claude Code tool calls -> GateActions. Codex reuses it for Bash and MCP (its protocol is Claude-compatible). */
import { z } from "zod";
import type { GateAction } from "../../decide/action.js";
import { searchAction } from "../../decide/search-action.js";
import { fileAction, shellAction, splitMcpName, unknownToolActions } from "../common.js";

const CommandInput = z.looseObject({ command: z.string() });
const FilePathInput = z.looseObject({ file_path: z.string().min(1) });
const NotebookInput = z.looseObject({ notebook_path: z.string().min(1) });
const GrepInput = z.looseObject({ path: z.string().optional(), glob: z.string().optional(), type: z.string().optional() });

/** Tools that only read the session's own state, list names or talk to the web: no decision, no output. */
export const CLAUDE_SILENT_TOOLS: ReadonlySet<string> = new Set([
  "Glob", "LS", "WebFetch", "WebSearch", "Task", "Agent", "TodoWrite", "TodoRead", "ExitPlanMode", "EnterPlanMode",
  "AskUserQuestion", "BashOutput", "KillShell", "KillBash", "Skill", "SlashCommand", "ListMcpResourcesTool",
  "ReadMcpResourceTool", "TaskCreate", "TaskGet", "TaskList", "TaskOutput", "TaskStop", "TaskUpdate", "CronCreate",
  "CronDelete", "CronList", "EnterWorktree", "ExitWorktree", "ReportFindings", "ScheduleWakeup", "SendMessage",
  "Workflow", "ToolSearch", "Monitor",
]);

export interface ToolReading {
  readonly actions: GateAction[];
  readonly silent?: boolean;
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
    default:
      if (CLAUDE_SILENT_TOOLS.has(tool)) return { actions: [], silent: true };
      return unknownToolActions(tool, input, cwd);
  }
}
