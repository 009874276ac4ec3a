/** Running a followed project script: a fresh shell for it (or the current one for `source`), the chain
 *  shown in reasons, and the fact for a script that could not be read. */
import type { ScriptFile, UnreadScript } from "../types.js";
import type { Ctx, Inv, Io, RWord, Scope, Unwrap } from "../model.js";
import { addProblem, cloneScope } from "../model.js";

export type Emit = (inv: Inv, ctx: Ctx, extra?: { program?: string; inlineCode?: string | undefined; unresolved?: boolean; unread?: UnreadScript }) => void;

/** A shell variable that is never set: a word built from it is unresolved, as anywhere else. */
export const UNRESOLVED_WORD = '"$__infragate_unresolved"';

const PLAIN = /^[A-Za-z0-9_/.,:=@%+-]+$/;

/** A word as shell text that reads back as the same word (npm and make append arguments this way). */
export function quoteWord(w: RWord): string {
  if (w.unresolved) return UNRESOLVED_WORD;
  if (PLAIN.test(w.value)) return w.value;
  return `'${w.value.replaceAll("'", `'\\''`)}'`;
}

const MAX_LABEL = 160;

/** The runner's own text, as a link of the chain: `npm run destroy`. */
export function chainLabel(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > MAX_LABEL ? `${oneLine.slice(0, MAX_LABEL)}...` : oneLine;
}

export interface Run {
  /** The shell text to run. */
  readonly source: string;
  /** This link of the chain shown in reasons ("" for a plain wrapper such as cross-env: no link). */
  readonly label: string;
  /** Recorded in the commands' wrappers: `npm run`, `make`, `just`, `bash`. */
  readonly wrapper: string;
  readonly cwd: string;
  /** Variables the runner exports to it (make's exported variables, task's env). */
  readonly env?: Readonly<Record<string, string>>;
  /** `$0` then `$1...`: the positional parameters. */
  readonly positional?: readonly RWord[];
  /** What is run (file, target or script name, with its arguments): the same one already on the chain is not
   *  followed again, and one file at most MAX_REENTRY times. */
  readonly key?: { readonly file: string; readonly what: string };
  readonly io?: Io;
}

function positionalVars(words: readonly RWord[] | undefined): Record<string, string | null> {
  if (!words || words.length === 0) return {};
  const vars: Record<string, string | null> = {};
  words.forEach((w, i) => (vars[String(i)] = w.unresolved ? null : w.value));
  // A parameter past the last argument is empty, not unknown.
  for (let i = words.length; i <= 9; i++) vars[String(i)] = "";
  const args = words.slice(1);
  const all = args.some((w) => w.unresolved) ? null : args.map((w) => w.value).join(" ");
  vars["#"] = String(args.length);
  vars["@"] = all;
  vars["*"] = all;
  return vars;
}

const MAX_REENTRY = 3;

/** Walk `fn` with `run` on the active chain; false when it is already there (a script re-running itself). */
function onChain(ctx: Ctx, run: Run, fn: () => void): void {
  if (!run.key) return fn();
  const exact = JSON.stringify([run.key.file, run.key.what]);
  const file = JSON.stringify([run.key.file]);
  if (ctx.following.has(exact) || (ctx.following.get(file) ?? 0) >= MAX_REENTRY) return;
  ctx.following.set(exact, 1);
  ctx.following.set(file, (ctx.following.get(file) ?? 0) + 1);
  try {
    fn();
  } finally {
    ctx.following.delete(exact);
    const n = (ctx.following.get(file) ?? 1) - 1;
    if (n > 0) ctx.following.set(file, n);
    else ctx.following.delete(file);
  }
}

function deeper(inv: Inv, ctx: Ctx, emit: Emit): boolean {
  if (inv.depth + 1 <= ctx.maxDepth) return true;
  addProblem(ctx, `nesting deeper than ${ctx.maxDepth} levels (project scripts included)`);
  emit(inv, ctx, { unresolved: true });
  return false;
}

/** Run a script as its own process: only exported variables carry over, not the line's shell variables. */
export function runFresh(inv: Inv, ctx: Ctx, emit: Emit, run: Run): void {
  if (!deeper(inv, ctx, emit)) return;
  const env: Record<string, string> = { ...inv.env, ...run.env };
  const scope: Scope = {
    vars: positionalVars(run.positional),
    env,
    lineEnv: new Set([...inv.lineEnv, ...Object.keys(run.env ?? {})]),
    cwd: run.cwd,
    cwdUnresolved: inv.cwdUnresolved,
    oldpwd: undefined,
    dirStack: [],
    depth: inv.depth + 1,
    wrappers: [...inv.wrappers, run.wrapper],
    taint: inv.scope.taint || inv.unresolved,
    ...(run.label || inv.scope.via ? { via: [...(inv.scope.via ?? []), ...(run.label ? [run.label] : [])] } : {}),
  };
  onChain(ctx, run, () => ctx.walkIn(run.source, scope, run.io ?? inv.io));
}

/** `source FILE` / `. FILE`: run in the current shell, so its variables, exports, functions and cd stay. */
export function runSourced(inv: Inv, ctx: Ctx, emit: Emit, run: Run): void {
  if (!deeper(inv, ctx, emit)) return;
  const outer = inv.scope;
  const child = cloneScope(outer, { depth: inv.depth + 1, wrappers: [...inv.wrappers, run.wrapper] });
  child.via = [...(outer.via ?? []), run.label];
  if (run.positional && run.positional.length > 1) Object.assign(child.vars, positionalVars(run.positional));
  onChain(ctx, run, () => ctx.walkIn(run.source, child, run.io ?? inv.io));
  outer.vars = child.vars;
  outer.env = child.env;
  outer.lineEnv = child.lineEnv;
  outer.cwd = child.cwd;
  outer.cwdUnresolved = child.cwdUnresolved;
  outer.oldpwd = child.oldpwd;
  outer.dirStack = child.dirStack;
  if (child.allexport !== undefined) outer.allexport = child.allexport;
}

/** Report the runner with the fact that what it runs could not be read. */
export function reportUnread(inv: Inv, ctx: Ctx, emit: Emit, unread: UnreadScript): void {
  emit(inv, ctx, { unread: { ...unread, text: unread.text.slice(0, 64 * 1024) } });
}

export type ReadResult = ScriptFile | { readonly ok: false; readonly path: string; readonly reason: "written-unknown"; readonly text: string };

/** A project file: the text an earlier command of this line wrote there, else the file on disk. */
export function readProjectFile(ctx: Ctx, abs: string): ReadResult {
  const written = ctx.written.get(abs);
  if (written === null) return { ok: false, path: abs, reason: "written-unknown", text: "" };
  if (written !== undefined) return { ok: true, path: abs, text: written, stamp: "" };
  if (!ctx.reader) return { ok: false, path: abs, reason: "unreadable", text: "" };
  return ctx.reader.read(abs);
}

/** Parse a project file once per version; text written in this line is parsed afresh. */
export function parseProjectFile<T>(ctx: Ctx, file: Extract<ScriptFile, { ok: true }>, parser: string, parse: (text: string) => T): T {
  if (file.stamp === "" || !ctx.reader) return parse(file.text);
  return ctx.reader.parsed(file, parser, parse);
}

/** Does a file exist, written in this line or on disk? */
export function projectFileExists(ctx: Ctx, abs: string): boolean {
  return ctx.written.has(abs) || (ctx.reader?.exists(abs) ?? false);
}

/** The nearest directory at or above `dir` that holds `name` (npm finds package.json this way). */
export function findUp(ctx: Ctx, dir: string, names: readonly string[]): { dir: string; file: string } | undefined {
  let d = dir;
  for (let guard = 0; guard < 64; guard++) {
    for (const name of names) {
      const file = d === "/" ? `/${name}` : `${d}/${name}`;
      if (projectFileExists(ctx, file)) return { dir: d, file };
    }
    if (d === "/") return undefined;
    const i = d.lastIndexOf("/");
    d = i <= 0 ? "/" : d.slice(0, i);
  }
  return undefined;
}

export type { Unwrap };
