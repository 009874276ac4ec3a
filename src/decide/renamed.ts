/** A guarded CLI copied or linked under another name earlier in the same line (`cp $(which terraform) ./t &&
 *  ./t destroy`) is still that CLI: later commands that run the copy are read as the original program. */
import path from "node:path";
import { GUARDED_PROGRAMS, PROGRAM_NAMES } from "../clis/registry.js";
import { normalizeProgram } from "../shell/programs.js";
import type { SimpleCommand } from "../shell/types.js";

const COPIERS: ReadonlySet<string> = new Set(["cp", "ln", "install", "mv", "rsync"]);
const VALUED: Readonly<Record<string, ReadonlySet<string>>> = {
  install: new Set(["-m", "--mode", "-o", "--owner", "-g", "--group", "-S", "--suffix"]),
  cp: new Set(["-S", "--suffix"]),
  ln: new Set(["-S", "--suffix"]),
  mv: new Set(["-S", "--suffix"]),
};

/** Sources and destination of a copy-like command (the last operand is the destination). */
function operands(cmd: SimpleCommand): { sources: string[]; dest: string } | undefined {
  const words: string[] = [];
  const valued = VALUED[cmd.program] ?? new Set<string>();
  let target: string | undefined;
  const args = cmd.argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-t" || a === "--target-directory") target = args[++i];
    else if (a.startsWith("--target-directory=")) target = a.slice("--target-directory=".length);
    else if (valued.has(a)) i++;
    else if (!a.startsWith("-") || a === "-") words.push(a);
  }
  if (target !== undefined) return { sources: words, dest: target };
  if (words.length < 2) return undefined;
  return { sources: words.slice(0, -1), dest: words[words.length - 1] as string };
}

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
    if (!COPIERS.has(cmd.program)) return cmd;
    const ops = operands(cmd);
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
