/** Redirections: the shell's own file effects (and, through src/shell/stdin.ts, the command's stdin). */
import type { Redirection } from "unbash";
import type { FileEffect } from "./types.js";
import type { Io, Scope } from "./model.js";
import { isDevicePath, resolvePath } from "./paths.js";
import { stdinFrom } from "./stdin.js";
import { resolveJoined } from "./words.js";

const WRITE_OPS = new Set([">", ">>", ">|", "&>", "&>>", "<>"]);

/** Record the file effects of `redirs` in `files` and return the stdin the command ends up with. */
export function applyRedirects(redirs: readonly Redirection[], scope: Scope, io: Io, text: string, files: FileEffect[]): Io {
  for (const r of redirs) {
    if (r.type !== "Redirect" || !r.target) continue;
    const w = resolveJoined(r.target, scope);
    const op = r.operator;
    if ((op === ">&" || op === "<&") && (w.value === "-" || /^\d+-?$/.test(w.value))) continue;
    const path = resolvePath(scope.cwd, w.value);
    if (isDevicePath(path)) continue;
    const write = WRITE_OPS.has(op) || op === ">&";
    files.push({
      op: write ? "write" : "read",
      path,
      via: `redirect ${op}`,
      text,
      ...(w.unresolved || scope.cwdUnresolved ? { unresolved: true } : {}),
      ...(scope.via && scope.via.length > 0 ? { chain: scope.via } : {}),
    });
  }
  return stdinFrom(redirs, scope, io, resolveJoined);
}
