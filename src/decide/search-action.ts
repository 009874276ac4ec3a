/** The agents' own search tools (Claude Code Grep, Gemini search_file_content, Cursor Grep) as file
 *  actions: a recursive ripgrep search of a root reads every file under it that its glob, type and
 *  ripgrep's defaults (no hidden files, .gitignore honoured) let through. The enrich stage lists them. */
import path from "node:path";
import { ripgrepFilter } from "../clis/file-tools/search.js";
import type { GateAction } from "./action.js";

interface SearchToolInput {
  /** The root (file or folder); the working directory when absent. */
  readonly path?: string | undefined;
  /** A glob over file names (`*.ts`, `*.{ts,tsx}`, `!dist/**`). */
  readonly glob?: string | undefined;
  /** A ripgrep file type (`ts`, `py`). */
  readonly type?: string | undefined;
  /** The tool searches hidden files too (ripgrep --hidden). */
  readonly hidden?: boolean;
  /** The tool does not honour .gitignore (ripgrep --no-ignore). */
  readonly noIgnore?: boolean;
}

export function searchAction(tool: string, input: SearchToolInput, cwd: string): GateAction {
  const search = ripgrepFilter({
    hidden: input.hidden === true,
    noIgnore: input.noIgnore === true,
    types: input.type ? [input.type] : [],
    globs: input.glob ? [input.glob] : [],
  });
  return { kind: "file", op: "read", path: path.resolve(cwd, input.path ?? "."), cwd, tool, search };
}
