/** Redirections: the shell's own file effects, and where a command's stdin comes from. */
import type { HereDoc, Redirection } from "unbash";
import type { FileEffect } from "./types.js";
import type { Io, Scope } from "./model.js";
import { isDevicePath, resolvePath } from "./paths.js";
import { resolveJoined } from "./words.js";

const WRITE_OPS = new Set([">", ">>", ">|", "&>", "&>>", "<>"]);

function fd(r: Redirection): number | undefined {
  const d = r.descriptor;
  if (!d) return undefined;
  return d.type === "FileDescriptor" ? d.value : -1;
}

function isStdin(r: Redirection): boolean {
  const n = fd(r);
  return n === undefined || n === 0;
}

/** Heredoc text as the receiving command reads it (`<<-` strips leading tabs). */
export function heredocText(h: HereDoc): string {
  const text = h.body.text;
  if (h.operator !== "<<-") return text;
  return text
    .split("\n")
    .map((line) => line.replace(/^\t+/, ""))
    .join("\n");
}

/** Record file effects of `redirs` (when `files` is given) and return the stdin the command ends up with. */
export function applyRedirects(redirs: readonly Redirection[], scope: Scope, io: Io, text: string, files?: FileEffect[]): Io {
  let out = io;
  for (const r of redirs) {
    switch (r.type) {
      case "HereDoc":
        if (isStdin(r)) out = { stdin: "heredoc", stdinText: heredocText(r) };
        break;
      case "HereString": {
        if (!isStdin(r) || !r.target) break;
        const w = resolveJoined(r.target, scope);
        out = { stdin: "here-string", stdinText: w.unresolved ? undefined : w.value + "\n" };
        break;
      }
      case "Redirect": {
        if (!r.target) break;
        const w = resolveJoined(r.target, scope);
        const op = r.operator;
        const isDup = (op === ">&" || op === "<&") && (w.value === "-" || /^\d+-?$/.test(w.value));
        if (isDup) break;
        const path = resolvePath(scope.cwd, w.value);
        const reading = op === "<" || op === "<&";
        if (reading && isStdin(r)) out = w.unresolved ? { stdin: "file", stdinText: undefined } : { stdin: "file", stdinText: undefined, stdinPath: path };
        if (op === "<>" && isStdin(r)) out = { stdin: "file", stdinText: undefined };
        if (isDevicePath(path) || !files) break;
        const write = WRITE_OPS.has(op) || op === ">&";
        files.push({
          op: write ? "write" : "read",
          path,
          via: `redirect ${op}`,
          text,
          ...(w.unresolved || scope.cwdUnresolved ? { unresolved: true } : {}),
        });
        break;
      }
      default: {
        const never: never = r;
        void never;
      }
    }
  }
  return out;
}
