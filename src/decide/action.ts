/** The tool-neutral action that every agent adapter produces. */
import type { FileOp, SearchFilter } from "../shell/types.js";

export type GateAction =
  | { readonly kind: "shell"; readonly command: string; readonly cwd: string; readonly tool: string }
  /** search: a recursive search of the tree at `path` (an agent's Grep tool), with the tool's own filters. */
  | { readonly kind: "file"; readonly op: FileOp; readonly path: string; readonly cwd: string; readonly tool: string; readonly search?: SearchFilter }
  | { readonly kind: "mcp"; readonly server: string; readonly tool: string; readonly input: unknown; readonly cwd: string }
  /** A tool whose input names no command and no file: one infragate knows changes nothing it guards (with its
   *  category: a tool.use request), or one it does not know (no category: a tool.unknown request). */
  | { readonly kind: "tool"; readonly tool: string; readonly input: unknown; readonly cwd: string; readonly category?: ToolCategory }
  /** A commit (`infragate hook git`): every staged file is a file.write by the tool "git", every secret-looking
   *  value the staged diff adds a git.staged-secret request; the policies decide which matter. */
  | { readonly kind: "commit"; readonly files: readonly string[]; readonly diff: string; readonly cwd: string; readonly tool: "git" };

/** What a known tool without a command or file does: lists or searches names, talks to the web, or manages
 *  the agent's own session (todo lists, plan mode, subagents, questions). */
export type ToolCategory = "search" | "web" | "session";

/** A short human text for an action: the command, or `Write /abs/path`. */
export function describeAction(action: GateAction): string {
  switch (action.kind) {
    case "shell":
      return action.command;
    case "file":
      return `${action.tool} ${action.path}`;
    case "mcp":
      return `mcp__${action.server}__${action.tool}`;
    case "tool":
      return action.tool;
    case "commit":
      return `git commit (${action.files.length} staged file${action.files.length === 1 ? "" : "s"})`;
  }
}
