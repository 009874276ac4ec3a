/** Helpers for the file-tools and git interpreter tables: a SimpleCommand from a command line (split
 *  like a shell, no expansion), and effects rendered as short strings relative to the workspace. */
import path from "node:path";
import { expect, it } from "vitest";
import { cmd, words } from "../support/interpreter-table.js";
import type { Interpreter } from "../../src/clis/types.js";
import type { FileEffect, SimpleCommand } from "../../src/shell/types.js";

export const WS = "/ws";
export const HOME = "/home/u";

export interface CmdOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string>;
  readonly lineEnv?: readonly string[];
}

/** Split a line into words (quotes removed, globs kept literal) and build the SimpleCommand. */
export function sc(line: string, opts: CmdOptions = {}): SimpleCommand {
  const all = words(line);
  const env: Record<string, string> = { HOME, ...(opts.env ?? {}) };
  let i = 0;
  const lineEnv = [...(opts.lineEnv ?? [])];
  while (/^[A-Za-z_][A-Za-z0-9_]*=/.test(all[i] ?? "")) {
    const w = all[i++] ?? "";
    const eq = w.indexOf("=");
    env[w.slice(0, eq)] = w.slice(eq + 1);
    lineEnv.push(w.slice(0, eq));
  }
  return cmd(all.slice(i), { env, lineEnv, cwd: opts.cwd ? path.resolve(WS, opts.cwd) : WS, text: line });
}

function show(p: string): string {
  if (p === WS) return ".";
  if (p.startsWith(`${WS}/`)) return p.slice(WS.length + 1);
  if (p === HOME || p.startsWith(`${HOME}/`)) return `~${p.slice(HOME.length)}`;
  return p;
}

/** `write terraform.tfstate`, `delete .terraform <.terraform>`, `write . <old.tgz> [a,b]`. */
export function render(e: FileEffect): string {
  let s = `${e.op} ${show(e.path)}`;
  if (e.archive !== undefined) s += ` <${show(e.archive)}>`;
  if (e.members && e.members.length > 0) s += ` [${e.members.join(",")}]`;
  return s;
}

export function effectsOf(interpret: Interpreter, line: string, opts: CmdOptions = {}): string[] {
  return interpret(sc(line, opts)).files.map(render);
}

/** A table row: the effects that must be there (and, optionally, ones that must not). */
export function t(interpret: Interpreter, line: string, has: readonly string[], not: readonly string[] = [], opts: CmdOptions = {}): void {
  it(line, () => {
    const got = effectsOf(interpret, line, opts);
    for (const h of has) expect(got, `${line}: expected ${h}`).toContain(h);
    for (const n of not) expect(got, `${line}: did not expect ${n}`).not.toContain(n);
  });
}

/** A command that must yield no file effects. */
export function none(interpret: Interpreter, line: string, opts: CmdOptions = {}): void {
  it(`${line} (no effects)`, () => {
    expect(effectsOf(interpret, line, opts)).toEqual([]);
  });
}
