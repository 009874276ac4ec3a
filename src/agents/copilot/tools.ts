/** GitHub Copilot CLI tool calls -> GateActions (its own tool and argument names; research/agent-e2e.md). */
import { z } from "zod";
import type { ToolCategory } from "../../decide/action.js";
import { searchAction } from "../../decide/search-action.js";
import { readApplyPatch } from "../apply-patch.js";
import type { ToolReading } from "../claude-code/tools.js";
import { fileAction, knownTool, shellAction, splitMcpName, unknownToolActions } from "../common.js";

const BashInput = z.looseObject({ command: z.string() });
const PathInput = z.looseObject({ path: z.string().min(1) });
const SearchInput = z.looseObject({ path: z.string().optional(), glob: z.string().optional(), type: z.string().optional() });

/** Tools whose input names no command and no file infragate guards: tool.use requests. */
const KNOWN_TOOLS: ReadonlyMap<string, ToolCategory> = new Map<string, ToolCategory>([
  ["glob", "search"],
  ["web_fetch", "web"],
  ["web_search", "web"],
  ...["task", "report_intent", "update_todo", "read_bash", "write_bash", "stop_bash", "list_bash", "ask_user", "skill", "think"].map((t): [string, ToolCategory] => [t, "session"]),
]);

export function readCopilotTool(tool: string, args: unknown, cwd: string): ToolReading {
  const bad = (e: z.ZodError): ToolReading => ({ actions: [], error: `${tool} arguments have an unexpected shape: ${z.prettifyError(e)}` });
  if (tool === "apply_patch") {
    // The raw patch text (models that use apply_patch instead of create/edit).
    const text = typeof args === "string" ? args : typeof (args as Record<string, unknown> | undefined)?.input === "string" ? String((args as Record<string, unknown>).input) : "";
    const patch = readApplyPatch(text);
    if (!patch.isPatch || patch.files.length === 0) return { actions: [], error: "apply_patch names no file, so infragate cannot tell what it changes" };
    return { actions: patch.files.map((f) => fileAction(f.op, f.path, cwd, tool)) };
  }
  const input: Readonly<Record<string, unknown>> = args && typeof args === "object" && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  const mcp = splitMcpName(tool);
  if (mcp) return { actions: [{ kind: "mcp", server: mcp.server, tool: mcp.tool, input, cwd }] };
  switch (tool) {
    case "bash": {
      const r = BashInput.safeParse(input);
      return r.success ? { actions: [shellAction(r.data.command, cwd, tool)] } : bad(r.error);
    }
    case "create":
    case "edit":
    case "str_replace":
    case "view": {
      const r = PathInput.safeParse(input);
      return r.success ? { actions: [fileAction(tool === "view" ? "read" : "write", r.data.path, cwd, tool)] } : bad(r.error);
    }
    case "grep": {
      const r = SearchInput.safeParse(input);
      return r.success ? { actions: [searchAction(tool, r.data, cwd)] } : bad(r.error);
    }
    case "glob": {
      const r = SearchInput.safeParse(input);
      if (!r.success) return bad(r.error);
      return { actions: [r.data.path ? fileAction("read", r.data.path, cwd, tool) : knownTool(tool, input, cwd, "search")] };
    }
    default: {
      const category = KNOWN_TOOLS.get(tool);
      if (category) return { actions: [knownTool(tool, input, cwd, category)] };
      return unknownToolActions(tool, input, cwd);
    }
  }
}
