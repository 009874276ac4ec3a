/** The tool-neutral action that every agent adapter produces. */
import type { FileOp, SearchFilter } from "../shell/types.js";

export type GateAction =
  | { readonly kind: "shell"; readonly command: string; readonly cwd: string; readonly tool: string }
  /** search: a recursive search of the tree at `path` (an agent's Grep tool), with the tool's own filters. */
  | { readonly kind: "file"; readonly op: FileOp; readonly path: string; readonly cwd: string; readonly tool: string; readonly search?: SearchFilter }
  | { readonly kind: "mcp"; readonly server: string; readonly tool: string; readonly input: unknown; readonly cwd: string }
  /** A tool infragate does not know, whose input names no command and no file. */
  | { readonly kind: "tool"; readonly tool: string; readonly input: unknown; readonly cwd: string };

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
  }
}
