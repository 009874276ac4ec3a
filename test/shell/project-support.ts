/** Analyse a line against in-memory project files (absolute paths under /p). */
import { analyzeShell } from "../../src/shell/analyze.js";
import { memoryScriptReader } from "../../src/shell/project/memory-reader.js";
import type { ShellAnalysis } from "../../src/shell/types.js";
import { PROGRAM_NAMES } from "../../src/clis/registry.js";

export function withFiles(files: Record<string, string>, line: string, cwd = "/p", env: Record<string, string> = {}): ShellAnalysis {
  const abs = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.startsWith("/") ? k : `/p/${k}`, v]));
  return analyzeShell(line, { cwd, env, names: PROGRAM_NAMES, scripts: memoryScriptReader(abs) });
}

/** Each command as `via -> text`, program and argv, for compact assertions. */
export function runs(a: ShellAnalysis): string[] {
  return a.commands.map((c) => [...(c.via ?? []), c.argv.join(" ")].join(" -> "));
}
