/** A guarded CLI copied or linked under another name earlier in the same line (`cp $(which terraform) ./t &&
 *  ./t destroy`) is still that CLI: later commands that run the copy are read as the original program. */
import path from "node:path";
import { copyOperands } from "../clis/file-tools/copy.js";
import { GUARDED_PROGRAMS, PROGRAM_NAMES } from "../clis/registry.js";
import { normalizeProgram } from "../shell/programs.js";
import type { SimpleCommand } from "../shell/types.js";

/** Re-read commands that run a renamed copy of a guarded CLI as that CLI (with a `renamed` wrapper). */
export function resolveRenamedPrograms(commands: readonly SimpleCommand[]): SimpleCommand[] {
  const copies = new Map<string, string>();
  return commands.map((cmd) => {
    const head = cmd.argv[0] ?? "";
    if (head.includes("/")) {
      const original = copies.get(path.resolve(cmd.cwd, head));
      if (original !== undefined && original !== cmd.program) {
        return { ...cmd, program: original, wrappers: [...cmd.wrappers, `renamed ${head}`] };
      }
    }
    const ops = copyOperands(cmd);
    if (!ops) return cmd;
    for (const src of ops.sources) {
      const program = normalizeProgram(src, PROGRAM_NAMES);
      if (!GUARDED_PROGRAMS.includes(program)) continue;
      const dest = path.resolve(cmd.cwd, ops.dest);
      copies.set(dest, program);
      copies.set(path.join(dest, path.basename(src)), program);
    }
    return cmd;
  });
}
