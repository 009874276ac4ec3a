/** Codex PreToolUse tool calls: Bash and MCP as in Claude Code, apply_patch read for the files it touches. */
import { z } from "zod";
import { readApplyPatch } from "../apply-patch.js";
import { readClaudeTool, type ToolReading } from "../claude-code/tools.js";
import { fileAction } from "../common.js";

export const ApplyPatchInput = z.looseObject({ command: z.union([z.string(), z.array(z.string())]) });

/** Codex runs `apply_patch <<'EOF' ... EOF` given to its shell tool as a patch itself (the hook sees tool
 *  Bash): the files a patch in the command names are decided too, besides the shell command. */
function shellWithPatch(input: Readonly<Record<string, unknown>>, cwd: string): ToolReading {
  const shell = readClaudeTool("Bash", input, cwd);
  const command = typeof input.command === "string" ? input.command : "";
  if (shell.error !== undefined || !/\bapply_?patch\b/.test(command)) return shell;
  const patch = readApplyPatch(command);
  return { actions: [...shell.actions, ...patch.files.map((f) => fileAction(f.op, f.path, cwd, "apply_patch"))] };
}

export function readCodexTool(tool: string, input: Readonly<Record<string, unknown>>, cwd: string): ToolReading {
  if (tool === "Bash") return shellWithPatch(input, cwd);
  if (tool !== "apply_patch") return readClaudeTool(tool, input, cwd);
  const r = ApplyPatchInput.safeParse(input);
  if (!r.success) return { actions: [], error: `apply_patch input has an unexpected shape: ${z.prettifyError(r.error)}` };
  const text = typeof r.data.command === "string" ? r.data.command : r.data.command.join("\n");
  const patch = readApplyPatch(text);
  if (!patch.isPatch || patch.files.length === 0) {
    return { actions: [], error: "apply_patch input names no file (no '*** Add File:', '*** Update File:', '*** Delete File:' line), so infragate cannot tell what it changes" };
  }
  return { actions: patch.files.map((f) => fileAction(f.op, f.path, cwd, "apply_patch")) };
}
