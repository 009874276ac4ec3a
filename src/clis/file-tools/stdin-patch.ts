/** A patch read from stdin (`patch -p1 < fix.diff`, `cat fix.diff | git apply`, a heredoc) is read like a
 *  patch file: a redirected file is listed by the enrich stage, literal text is read here. */
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { diffNames } from "../../util/diff-names.js";
import { effectOf } from "./args.js";

export function stdinPatchEffect(cmd: SimpleCommand, dir: string, via: string): FileEffect {
  if (cmd.stdinPath !== undefined) return effectOf(cmd, "write", dir, via, { archive: cmd.stdinPath });
  if (cmd.stdinText !== undefined) {
    return { op: "write", path: dir, via, text: cmd.text, archive: "(stdin)", members: diffNames(cmd.stdinText), membersKnown: true };
  }
  return effectOf(cmd, "write", dir, via);
}
