/**
 * Interpreter case tables, the interpreter-side twin of policy-table.ts: `cmd(line)` builds the
 * SimpleCommand the shell stage would hand an interpreter (words split like a shell, quotes removed, no
 * expansion), and `interpreterTable` runs rows of `[command line, action, facts]` through one interpreter.
 */
import path from "node:path";
import { parse } from "shell-quote";
import { describe, expect, it } from "vitest";
import type { Interpretation, Operation } from "../../src/clis/types.js";
import type { SimpleCommand, StdinSource } from "../../src/shell/types.js";

export interface CmdOptions {
  /** The normalised program name (default: the basename of the first word). */
  readonly program?: string;
  readonly env?: Record<string, string>;
  /** The names set on the line itself (default: every name in env). */
  readonly lineEnv?: readonly string[];
  /** The working directory (default /ws). */
  readonly cwd?: string;
  readonly wrappers?: readonly string[];
  readonly stdin?: StdinSource;
  /** The source text (default: the line, or the words joined). */
  readonly text?: string;
}

/** A line's words as a shell splits them: quotes removed, globs kept literal, operators refused. */
export function words(line: string): string[] {
  return parse(line).map((w) => {
    if (typeof w === "string") return w;
    if ("pattern" in w) return w.pattern;
    throw new Error(`unexpected shell operator in ${line}`);
  });
}

/** The SimpleCommand for a command line (or its words). */
export function cmd(line: string | readonly string[], o: CmdOptions = {}): SimpleCommand {
  const argv = typeof line === "string" ? words(line) : [...line];
  const env = o.env ?? {};
  return {
    program: o.program ?? path.basename(argv[0] ?? ""),
    argv,
    env,
    lineEnv: o.lineEnv ?? Object.keys(env),
    cwd: o.cwd ?? "/ws",
    wrappers: o.wrappers ?? [],
    depth: 0,
    stdin: o.stdin ?? "terminal",
    unresolved: false,
    inlineCode: undefined,
    text: o.text ?? (typeof line === "string" ? line : line.join(" ")),
  };
}

/** The one operation a command line gives (a table row that yields none or several fails). */
export function onlyOperation(interpret: (c: SimpleCommand) => Interpretation, line: string, o: CmdOptions = {}): Operation {
  const ops = interpret(cmd(line, o)).operations;
  expect(ops.map((op) => op.action), line).toHaveLength(1);
  const op = ops[0];
  if (!op) throw new Error(`no operation for ${line}`);
  return op;
}

/** `[command line, action, facts]`: each fact listed must equal the context's (a list in any order). */
export type Row = readonly [line: string, action: string, facts?: Record<string, unknown>];

function sorted(v: unknown): unknown {
  return Array.isArray(v) ? [...(v as unknown[])].map((x) => JSON.stringify(x)).sort() : v;
}

/** One `it` per row: exactly one operation, its exact action, and the listed facts. */
export function interpreterTable(name: string, interpret: (c: SimpleCommand) => Interpretation, rows: readonly Row[], o: CmdOptions = {}): void {
  const lines = rows.map(([line]) => line);
  const dup = lines.find((l, i) => lines.indexOf(l) !== i);
  if (dup) throw new Error(`${name}: duplicate row ${dup}`);
  describe(name, () => {
    for (const [line, action, facts] of rows) {
      it(`${line} -> ${action}`, () => {
        const op = onlyOperation(interpret, line, o);
        const context: Readonly<Record<string, unknown>> = op.context;
        expect(op.action, JSON.stringify(context)).toBe(action);
        for (const [k, v] of Object.entries(facts ?? {})) {
          if (Array.isArray(v)) expect(sorted(context[k]), k).toEqual(sorted(v));
          else expect(context[k], k).toEqual(v);
        }
      });
    }
  });
}
