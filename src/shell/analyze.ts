/** Entry point: a shell command line -> every simple command it would run, with env, cwd, wrappers and stdin. */
import { parse } from "unbash";
import type { ShellAnalysis, ShellOptions } from "./types.js";
import type { Ctx, Scope } from "./model.js";
import { TERMINAL, addProblem } from "./model.js";
import { MAX_INPUT, runNestedScript, walkScript, walkSubs } from "./walk.js";
import { resolvePath } from "./paths.js";
import { withShellNames } from "./programs.js";

export const DEFAULT_MAX_DEPTH = 32;
/** Upper bound on reported commands and nested parses, so fan-out cannot blow up latency. */
const BUDGET = 10_000;

/** Analyse `source` statically. Never throws: anything unexpected becomes a problem. */
export function analyzeShell(source: string, opts: ShellOptions): ShellAnalysis {
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const ctx: Ctx = {
    commands: [],
    files: [],
    problems: [],
    exported: {},
    maxDepth,
    names: withShellNames(opts.names),
    budget: BUDGET,
    walkSubs: (node, src, scope, io) => walkSubs(node, src, scope, io, ctx),
    runScript: (src, inv, wrapper, taint) => runNestedScript(ctx, src, inv, wrapper, taint),
    ...(opts.scripts ? { reader: opts.scripts } : {}),
    walkIn: (src, scope, io) => {
      if (src.length > MAX_INPUT) addProblem(ctx, `a project script longer than ${MAX_INPUT} bytes was not parsed`);
      else if (--ctx.budget < 0) addProblem(ctx, "too many commands: analysis stopped");
      else walkScript(parse(src), src, scope, io, ctx);
    },
    written: new Map(),
    following: new Map(),
  };
  if (source.includes("\0")) {
    // A shell reading a script drops NUL bytes (`ter\0raform` runs terraform): read it the same way, and say so.
    ctx.problems.push("the command contains NUL bytes (analysed with them removed, as a shell reads it)");
    source = source.replaceAll("\0", "");
  }
  if (source.length > MAX_INPUT) {
    return { commands: [], files: [], problems: [...ctx.problems, `input longer than ${MAX_INPUT} bytes (256 KiB) was not parsed`], exported: {} };
  }
  try {
    const env: Record<string, string> = { ...opts.env };
    const scope: Scope = {
      vars: {},
      env,
      lineEnv: new Set(),
      cwd: resolvePath("/", opts.cwd || "/"),
      cwdUnresolved: false,
      oldpwd: opts.env["OLDPWD"],
      dirStack: [],
      depth: 0,
      wrappers: [],
      taint: false,
    };
    walkScript(parse(source), source, scope, TERMINAL, ctx);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    ctx.problems.push(`internal error while analysing the command: ${msg}`);
  }
  return { commands: ctx.commands, files: ctx.files, problems: ctx.problems, exported: ctx.exported };
}
