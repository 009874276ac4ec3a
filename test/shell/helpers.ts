/** Case-table helpers for the shell stage: `t(source, expected-subset)`. */
import { expect, it } from "vitest";
import { PROGRAM_NAMES } from "../../src/clis/registry.js";
import { analyzeShell } from "../../src/shell/analyze.js";
import type { ShellAnalysis, ShellOptions, SimpleCommand } from "../../src/shell/types.js";

export const OPTS: ShellOptions = { cwd: "/work/repo", env: { HOME: "/home/agent", PATH: "/usr/bin:/bin" }, names: PROGRAM_NAMES };

export function analyze(source: string, opts: Partial<ShellOptions> = {}): ShellAnalysis {
  return analyzeShell(source, { ...OPTS, ...opts });
}

export type Expected = { [K in keyof SimpleCommand]?: unknown };

/** One case: the first command whose program is `expected.program` (else the last command) matches `expected`. */
export function t(source: string, expected: Expected, opts: Partial<ShellOptions> = {}): void {
  it(JSON.stringify(source), () => {
    const a = analyze(source, opts);
    const found =
      expected.program !== undefined ? a.commands.find((c) => c.program === expected.program) : a.commands[a.commands.length - 1];
    expect(found, `commands: ${JSON.stringify(a.commands.map((c) => c.argv))}`).toBeDefined();
    expect(found).toMatchObject(expected as Record<string, unknown>);
  });
}

/** `program` never runs in `source` (the words are data only). */
export function none(source: string, program: string): void {
  it(`${JSON.stringify(source)} runs no ${program}`, () => {
    const a = analyze(source);
    expect(a.commands.map((c) => c.program)).not.toContain(program);
  });
}

export function programs(source: string, opts: Partial<ShellOptions> = {}): string[] {
  return analyze(source, opts).commands.map((c) => c.program);
}
