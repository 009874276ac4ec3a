/** Where a client's statements come from: inline options, script files, and stdin (its literal text or the
 *  file redirected to it). The statements themselves are read by the enrichment stage. */
import type { SimpleCommand } from "../../shell/types.js";
import { resolvePath } from "../file-tools/args.js";
import { dbOperation, type DbFacts } from "./operation.js";
import { isComputed, type DbTarget } from "./target.js";
import type { Operation } from "../types.js";

export interface Statements {
  /** Inline statements (-c, -e, --eval, sqlite3's SQL arguments), in order. */
  readonly inline: readonly string[];
  /** Script files named by options (-f FILE); "-" means stdin. */
  readonly files: readonly string[];
  /** The client reads statements from stdin when it has no inline ones and no files. */
  readonly stdinWhenNone: boolean;
  readonly flags?: readonly string[];
}

/** The facts of a client call that runs statements: inline text, files, stdin; unknown parts named. */
export function statementFacts(cmd: SimpleCommand, s: Statements): DbFacts {
  const unreadable: string[] = [];
  const texts: string[] = [];
  const files: string[] = [];
  const readStdin = (): void => {
    if (cmd.stdinText !== undefined) texts.push(cmd.stdinText);
    else if (cmd.stdinPath !== undefined) files.push(cmd.stdinPath);
    else if (cmd.stdin !== "terminal") unreadable.push(`unread stdin (${cmd.stdin})`);
  };
  for (const text of s.inline) {
    if (isComputed(cmd, text)) unreadable.push("computed statement");
    else texts.push(text);
  }
  for (const f of s.files) {
    if (f === "-") readStdin();
    else if (isComputed(cmd, f)) unreadable.push("computed file name");
    else files.push(resolvePath(cmd, f));
  }
  const none = s.inline.length === 0 && s.files.length === 0;
  if (none && s.stdinWhenNone) {
    if (cmd.stdin === "terminal") return { source: "interactive", known: true, effects: ["read"], flags: s.flags ?? [] };
    readStdin();
  }
  const source = s.inline.length > 0 ? "inline" : s.files.some((f) => f !== "-") ? "file" : "stdin";
  return { source, sql: texts.join(";\n"), files, unreadable, known: false, flags: s.flags ?? [] };
}

export function statementOperation(cmd: SimpleCommand, target: DbTarget, s: Statements): Operation {
  return dbOperation(cmd, target, statementFacts(cmd, s));
}
