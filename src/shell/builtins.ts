/** Builtins that change the shell's own state: cd/pushd/popd (cwd), export/declare/unset (variables). */
import { printfOutput } from "./escapes.js";
import type { Ctx, RWord, Scope } from "./model.js";
import { resolvePath } from "./paths.js";
import { lookupVar } from "./words.js";

function chdir(scope: Scope, target: RWord | undefined): void {
  const prev = scope.cwd;
  if (!target) {
    const home = scope.env["HOME"];
    if (home === undefined) scope.cwdUnresolved = true;
    else scope.cwd = resolvePath(scope.cwd, home);
  } else if (target.unresolved || target.glob) {
    scope.cwdUnresolved = true;
    return;
  } else scope.cwd = resolvePath(scope.cwd, target.value);
  scope.oldpwd = prev;
}

function positional(words: readonly RWord[]): RWord[] {
  let i = 1;
  while (i < words.length && /^-[LPe@]+$/.test((words[i] as RWord).value)) i++;
  if (words[i]?.value === "--") i++;
  return words.slice(i);
}

/** `cd`, `pushd`, `popd`: best-effort tracking of the working directory. */
export function changeDir(program: string, words: readonly RWord[], scope: Scope): void {
  const args = positional(words);
  const first = args[0];
  if (program === "cd") {
    if (first?.value === "-" && !first.unresolved) {
      if (scope.oldpwd === undefined) scope.cwdUnresolved = true;
      else chdir(scope, { value: scope.oldpwd, unresolved: false });
    } else chdir(scope, first);
    return;
  }
  if (program === "pushd") {
    if (first && /^[+-]\d+$/.test(first.value)) {
      scope.cwdUnresolved = true;
      return;
    }
    if (!first) {
      const top = scope.dirStack.pop();
      if (top === undefined) return;
      scope.dirStack.push(scope.cwd);
      chdir(scope, { value: top, unresolved: false });
      return;
    }
    scope.dirStack.push(scope.cwd);
    chdir(scope, first);
    return;
  }
  if (program === "popd") {
    if (first) return;
    const top = scope.dirStack.pop();
    if (top === undefined) scope.cwdUnresolved = true;
    else chdir(scope, { value: top, unresolved: false });
  }
}

export interface DeclArg {
  readonly name: string;
  /** The assigned value; null when not known statically; undefined for a bare `NAME`. */
  readonly value: string | null | undefined;
  readonly text: string;
}

export const DECLARATIONS = new Set(["export", "declare", "typeset", "local", "readonly"]);

/** Apply `export`/`declare [-x]`/`local`/`readonly`; returns true when it exports (reported as program "export"). */
export function declare(program: string, flags: readonly string[], args: readonly DeclArg[], scope: Scope, ctx: Ctx): boolean {
  const exporting = program === "export" ? !flags.some((f) => f.startsWith("-") && f.includes("n")) : flags.some((f) => f.startsWith("-") && f.includes("x"));
  const unexporting = (program === "export" && !exporting) || flags.some((f) => f.startsWith("+") && f.includes("x"));
  if (flags.some((f) => /^-[a-zA-Z]*[pfF]/.test(f)) && args.length === 0) return exporting;
  for (const a of args) {
    if (a.value !== undefined) scope.vars[a.name] = a.value;
    if (unexporting) {
      delete scope.env[a.name];
      scope.lineEnv.delete(a.name);
      scope.unknownEnv?.delete(a.name);
      continue;
    }
    const known = a.value !== undefined ? a.value : lookupVar(a.name, scope);
    if (exporting) {
      const value = known ?? scope.env[a.name] ?? a.text;
      scope.env[a.name] = value;
      scope.lineEnv.add(a.name);
      ctx.exported[a.name] = value;
      markUnknownEnv(a.name, a.value === null || (a.value === undefined && scope.vars[a.name] === null), scope);
    } else if (a.value !== undefined && Object.prototype.hasOwnProperty.call(scope.env, a.name)) {
      scope.env[a.name] = a.value ?? a.text;
      scope.lineEnv.add(a.name);
    }
  }
  return exporting;
}

/** Plain `NAME=value` with no command: a shell variable (and the env entry when NAME is exported). */
export function assign(name: string, value: string | null, text: string, scope: Scope): void {
  scope.vars[name] = value;
  if (Object.prototype.hasOwnProperty.call(scope.env, name)) {
    scope.env[name] = value ?? text;
    scope.lineEnv.add(name);
    markUnknownEnv(name, value === null, scope);
  }
}

/** Remember whether an exported name now holds a value the analysis does not know. */
export function markUnknownEnv(name: string, unknown: boolean, scope: Scope): void {
  if (unknown) (scope.unknownEnv ??= new Set()).add(name);
  else scope.unknownEnv?.delete(name);
}

export function unset(words: readonly RWord[], scope: Scope): void {
  for (const w of words.slice(1)) {
    if (w.value.startsWith("-")) continue;
    scope.vars[w.value] = "";
    delete scope.env[w.value];
    scope.unknownEnv?.delete(w.value);
    scope.lineEnv.delete(w.value);
  }
}

/** `read X`, `mapfile X`, `printf -v X`, `getopts O X` assign like `X=...` does (an exported X changes what
 *  later commands see): the value when it is known (`read X <<< -destroy`, `printf -v X -- -destroy`),
 *  otherwise an unknown value. */
export function readsInto(program: string, words: readonly RWord[], scope: Scope, stdinText?: string): void {
  const names = /^[A-Za-z_][A-Za-z0-9_]*$/;
  const text = words.map((w) => w.value).join(" ");
  if (program === "printf") {
    const i = words.findIndex((w) => w.value === "-v");
    const name = i >= 0 ? words[i + 1]?.value : undefined;
    if (name === undefined || !names.test(name)) return;
    let rest = words.slice(i + 2);
    if (rest[0]?.value === "--") rest = rest.slice(1);
    const known = rest.length > 0 && !rest.some((w) => w.unresolved);
    const out = known ? printfOutput(rest[0]?.value ?? "", rest.slice(1).map((w) => w.value), "bash") : undefined;
    assign(name, out ?? null, text, scope);
    return;
  }
  if (program === "read") {
    const opts = words.slice(1).filter((w) => w.value.startsWith("-"));
    const targets = words.slice(1).filter((w) => !w.value.startsWith("-") && names.test(w.value)).map((w) => w.value);
    // Plain `read [-r] NAMES` from a known here-string or heredoc: the first line, split over the names.
    const simple = opts.every((o) => /^-r+$/.test(o.value)) && stdinText !== undefined;
    const line = simple ? (stdinText.split("\n")[0] ?? "") : undefined;
    const fields = line === undefined ? [] : line.trim().split(/[ \t]+/);
    const list = targets.length > 0 ? targets : ["REPLY"];
    list.forEach((name, k) => {
      const value = line === undefined ? null : k === list.length - 1 ? fields.slice(k).join(" ") : (fields[k] ?? "");
      assign(name, value, text, scope);
    });
    return;
  }
  for (const w of words.slice(1)) if (names.test(w.value)) assign(w.value, null, text, scope);
}

export const READS_INTO = new Set(["read", "mapfile", "readarray", "printf", "getopts"]);
