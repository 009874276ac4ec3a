/** OpenCode tool calls -> GateActions (its tool and argument names; research/agent-e2e.md). */
import path from "node:path";
import { z } from "zod";
import type { ToolCategory } from "../../decide/action.js";
import { searchAction } from "../../decide/search-action.js";
import { readApplyPatch } from "../apply-patch.js";
import type { ToolReading } from "../claude-code/tools.js";
import { fileAction, knownTool, shellAction, unknownToolActions } from "../common.js";

const BashInput = z.looseObject({ command: z.string(), workdir: z.string().optional() });
const FileInput = z.looseObject({ filePath: z.string().min(1) });
const SearchInput = z.looseObject({ path: z.string().optional(), include: z.string().optional() });
const PatchInput = z.looseObject({ patchText: z.string() });

const KNOWN_TOOLS: ReadonlyMap<string, ToolCategory> = new Map<string, ToolCategory>([
  ["glob", "search"],
  ["list", "search"],
  ["webfetch", "web"],
  ["websearch", "web"],
  ...["task", "todowrite", "todoread", "question", "skill", "lsp", "invalid"].map((t): [string, ToolCategory] => [t, "session"]),
]);

export function readOpencodeTool(tool: string, args: unknown, cwd: string): ToolReading {
  const input: Readonly<Record<string, unknown>> = args && typeof args === "object" && !Array.isArray(args) ? (args as Record<string, unknown>) : {};
  const bad = (e: z.ZodError): ToolReading => ({ actions: [], error: `${tool} arguments have an unexpected shape: ${z.prettifyError(e)}` });
  switch (tool) {
    case "bash": {
      const r = BashInput.safeParse(input);
      return r.success ? { actions: [shellAction(r.data.command, r.data.workdir ? path.resolve(cwd, r.data.workdir) : cwd, tool)] } : bad(r.error);
    }
    case "write":
    case "edit":
    case "multiedit":
    case "read": {
      const r = FileInput.safeParse(input);
      return r.success ? { actions: [fileAction(tool === "read" ? "read" : "write", r.data.filePath, cwd, tool)] } : bad(r.error);
    }
    case "apply_patch":
    case "patch": {
      const r = PatchInput.safeParse(input);
      if (!r.success) return bad(r.error);
      const patch = readApplyPatch(r.data.patchText);
      if (!patch.isPatch || patch.files.length === 0) return { actions: [], error: `${tool} names no file, so infragate cannot tell what it changes` };
      return { actions: patch.files.map((f) => fileAction(f.op, f.path, cwd, tool)) };
    }
    case "grep": {
      const r = SearchInput.safeParse(input);
      return r.success ? { actions: [searchAction(tool, { path: r.data.path, glob: r.data.include }, cwd)] } : bad(r.error);
    }
    case "glob":
    case "list": {
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
