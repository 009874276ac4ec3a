/** Where a command's stdin comes from after its redirections: a heredoc, a here-string, a file. */
import type { HereDoc, Redirection, Word } from "unbash";
import type { Io, RWord, Scope } from "./model.js";
import { resolvePath } from "./paths.js";

/** Resolves one word to one field (src/shell/words.ts resolveJoined), handed in so this module stays below it. */
export type JoinWord = (word: Word, scope: Scope) => RWord;

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
function heredocText(h: HereDoc): string {
  const text = h.body.text;
  if (h.operator !== "<<-") return text;
  return text
    .split("\n")
    .map((line) => line.replace(/^\t+/, ""))
    .join("\n");
}

/** The stdin a command ends up with after `redirs` (the last stdin redirection wins). */
export function stdinFrom(redirs: readonly Redirection[], scope: Scope, io: Io, join: JoinWord): Io {
  let out = io;
  for (const r of redirs) {
    if (!isStdin(r)) continue;
    if (r.type === "HereDoc") out = { stdin: "heredoc", stdinText: heredocText(r) };
    else if (r.type === "HereString" && r.target) {
      const w = join(r.target, scope);
      out = { stdin: "here-string", stdinText: w.unresolved ? undefined : w.value + "\n" };
    } else if (r.type === "Redirect" && r.target && (r.operator === "<" || r.operator === "<&" || r.operator === "<>")) {
      const w = join(r.target, scope);
      if (r.operator === "<&" && (w.value === "-" || /^\d+-?$/.test(w.value))) continue;
      const path = resolvePath(scope.cwd, w.value);
      out = w.unresolved || r.operator === "<>" ? { stdin: "file", stdinText: undefined } : { stdin: "file", stdinText: undefined, stdinPath: path };
    }
  }
  return out;
}
