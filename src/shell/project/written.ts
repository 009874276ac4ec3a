/** Files an earlier command of the line writes with known text (`cat > x.sh <<EOF`, `printf ... > x.sh`), so a
 *  script run later in the same line is analysed from the text the line wrote, not from the disk. */
import type { Command } from "unbash";
import type { Ctx, Scope } from "../model.js";
import { literalOutput } from "../literal.js";
import { WORDS } from "../words.js";

export function recordWrites(ctx: Ctx, before: number, cmd: Command, scope: Scope): void {
  if (ctx.files.length === before) return;
  let out: string | null | undefined;
  for (const f of ctx.files.slice(before)) {
    if (f.op !== "write" || f.unresolved) continue;
    out ??= literalOutput(cmd, scope, WORDS, true) ?? null;
    const append = f.via.endsWith(">>");
    // An append to a file the line did not write adds to unknown disk text: its content is not known.
    const prev = ctx.written.get(f.path);
    ctx.written.set(f.path, out === null || (append && (prev === undefined || prev === null)) ? null : append ? `${prev ?? ""}${out}` : out);
  }
}
