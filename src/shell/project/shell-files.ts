/** Script files: `./x.sh`, `bash x.sh`, `sh -e x.sh`, `source x.sh` / `. x.sh`, a shebang naming a shell or an
 *  interpreter, and `python3 x.py` / `node x.js` / `ruby` / `perl` / `go run x.go` (read like their inline code). */
import type { Ctx, Inv, RWord, Scope } from "../model.js";
import { isEnvFileName } from "../../util/env-file.js";
import type { ProgramNames } from "../types.js";
import { SHELLS, normalizeProgram } from "../programs.js";
import { basename, resolvePath } from "../paths.js";
import { shellOperands } from "../scripts.js";
import { chainLabel, readProjectFile, reportUnread, runFresh, runSourced, type Emit, type ReadResult } from "./run.js";
import { interpreterFile, INTERPRETERS, runsProcesses } from "./interpreters.js";

/** Paths of installed programs: never project scripts, and not worth reading. */
const SYSTEM_DIRS = ["/usr/", "/bin/", "/sbin/", "/lib/", "/lib64/", "/opt/", "/nix/", "/snap/", "/System/"];

/** Installed packages' executables (`./node_modules/.bin/cdk`): the CLI itself, read by its interpreter. */
const INSTALLED = ["/node_modules/", "/.venv/", "/venv/", "/vendor/bin/", "/.bin/"];

/** The interpreter a shebang names: `#!/usr/bin/env bash` -> bash, `#!/bin/sh -e` -> sh. */
export function shebangProgram(text: string, names: ProgramNames): string | undefined {
  if (!text.startsWith("#!")) return undefined;
  const line = text.slice(2, text.indexOf("\n") < 0 ? text.length : text.indexOf("\n")).trim();
  const parts = line.split(/[ \t]+/);
  let prog = normalizeProgram(parts[0] ?? "", names);
  if (prog === "env") prog = normalizeProgram(parts.slice(1).find((p) => !p.startsWith("-") && !p.includes("=")) ?? "", names);
  return prog || undefined;
}

function unreadOf(runner: string, file: ReadResult & { ok: false }): { runner: string; path: string; target: string; reason: typeof file.reason; text: string } {
  return { runner, path: file.path, target: "", reason: file.reason, text: file.text };
}

/** Run script text in a shell of its own, `$0` the path and the rest its arguments. */
function runShellText(inv: Inv, ctx: Ctx, emit: Emit, shell: string, file: string, text: string, args: readonly RWord[]): void {
  const key = { file, what: JSON.stringify(args.slice(1).map((a) => a.value)) };
  runFresh(inv, ctx, emit, { source: text, label: chainLabel(inv.text), wrapper: shell, cwd: inv.cwd, positional: args, key });
}

/** `bash FILE ARGS`, `sh -e FILE`: the file's text run by the shell. */
function shellFile(shell: string, inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const w = inv.words;
  const { dashC, fromStdin, index } = shellOperands(w);
  const file = w[index];
  if (dashC) return false;
  // `bash < x.sh`, `sh -s ARGS < x.sh`: the script is the file redirected to stdin.
  const fromFile = (fromStdin || !file) && inv.io.stdin === "file" ? inv.io.stdinPath : undefined;
  if (fromFile !== undefined) return stdinFile(shell, fromFile, fromStdin ? w.slice(index) : [], inv, ctx, emit);
  if (fromStdin || !file || file.unresolved) return false;
  const read = readProjectFile(ctx, resolvePath(inv.cwd, file.value));
  if (!read.ok) {
    if (read.reason === "missing") return false;
    reportUnread(inv, ctx, emit, unreadOf(shell, read));
    return true;
  }
  runShellText(inv, ctx, emit, shell, read.path, read.text, w.slice(index));
  return true;
}

/** The variables a sourced dotenv file set or changed, with their values: project secrets from now on. */
function rememberDotenv(scope: Scope, before: Readonly<Record<string, string | null>>): void {
  const set: Record<string, string> = { ...(scope.dotenv ?? {}) };
  for (const [name, value] of Object.entries({ ...scope.env, ...scope.vars })) if (value !== null && before[name] !== value) set[name] = value;
  scope.dotenv = set;
}

function stdinFile(shell: string, abs: string, args: readonly RWord[], inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const read = readProjectFile(ctx, abs);
  if (!read.ok) {
    if (read.reason === "missing") return false;
    reportUnread(inv, ctx, emit, unreadOf(shell, read));
    return true;
  }
  runShellText(inv, ctx, emit, shell, abs, read.text, [{ value: shell, unresolved: false }, ...args]);
  return true;
}

/** `source FILE ARGS` / `. FILE`: in the current shell. */
function sourceFile(inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const file = inv.words[1];
  if (!file || file.unresolved) return false;
  const read = readProjectFile(ctx, resolvePath(inv.cwd, file.value));
  if (!read.ok) {
    reportUnread(inv, ctx, emit, unreadOf("source", read));
    return true;
  }
  emit(inv, ctx);
  const key = { file: read.path, what: JSON.stringify(inv.words.slice(2).map((a) => a.value)) };
  const before = { ...inv.scope.env, ...inv.scope.vars };
  runSourced(inv, ctx, emit, { source: read.text, label: chainLabel(inv.text), wrapper: "source", cwd: inv.cwd, positional: inv.words.slice(1), key });
  if (isEnvFileName(basename(file.value))) rememberDotenv(inv.scope, before);
  return true;
}

/** `python3 -c CODE`, `node -e CODE`: the code is on the line (inline.ts reads it), stdin is data. */
function inlineGiven(w: readonly RWord[]): boolean {
  return w.slice(1).some((x) => /^-[A-Za-z]*[ce]$/.test(x.value) || x.value === "--eval" || x.value === "-m");
}

/** An interpreter's script file: read like its inline code (`python3 -c`): what it names and whether it runs processes. */
function interpreted(program: string, inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const target = interpreterFile(program, inv.words);
  const stdinPath = !target && inv.io.stdin === "file" && !inlineGiven(inv.words) ? inv.io.stdinPath : undefined;
  if ((!target || target.unresolved) && stdinPath === undefined) return false;
  const read = readProjectFile(ctx, stdinPath ?? resolvePath(inv.cwd, (target as RWord).value));
  if (!read.ok) {
    if (read.reason === "missing") return false;
    reportUnread(inv, ctx, emit, unreadOf(program, read));
    return true;
  }
  interpretedText(program, inv, ctx, emit, read.text);
  return true;
}

function interpretedText(program: string, inv: Inv, ctx: Ctx, emit: Emit, text: string): void {
  // A script that runs no process (prints, computes) is an ordinary program run; one that does is inline code.
  if (runsProcesses(program, text)) emit(inv, ctx, { inlineCode: text });
  else emit(inv, ctx);
}

/** `./x.sh`, `scripts/teardown.sh`: a path run directly; its shebang (or, without one, sh) runs it. */
function pathScript(inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const head = inv.words[0];
  if (!head || head.unresolved || head.glob || !head.value.includes("/")) return false;
  const abs = resolvePath(inv.cwd, head.value);
  if (SYSTEM_DIRS.some((d) => abs.startsWith(d)) || INSTALLED.some((d) => abs.includes(d))) return false;
  const read = readProjectFile(ctx, abs);
  if (!read.ok) {
    if (read.reason === "missing" || read.reason === "binary") return false;
    if (read.reason === "too-large" && !read.text.startsWith("#!")) return false;
    reportUnread(inv, ctx, emit, unreadOf(head.value, read));
    return true;
  }
  const interp = shebangProgram(read.text, ctx.names) ?? "sh";
  if (SHELLS.has(interp)) runShellText(inv, ctx, emit, interp, abs, read.text, inv.words);
  else if (INTERPRETERS.has(interp)) interpretedText(interp, inv, ctx, emit, read.text);
  else return false;
  return true;
}

/** Follow a script file, if `program` runs one. False: not a script file (the usual handlers decide). */
export function followScriptFile(program: string, inv: Inv, ctx: Ctx, emit: Emit): boolean {
  if (program === "source") return sourceFile(inv, ctx, emit);
  if (SHELLS.has(program)) return shellFile(program, inv, ctx, emit);
  if (INTERPRETERS.has(program)) return interpreted(program, inv, ctx, emit);
  return pathScript(inv, ctx, emit);
}
