/** `just [opts] [VAR=value] [recipe [args...]]...`: dependencies first (each once), then each body line run by
 *  the justfile's shell; shebang recipes run as one script; `{{expr}}` interpolated; `--dry-run` runs nothing. */
import type { Ctx, Inv, RWord } from "../model.js";
import { resolvePath } from "../paths.js";
import { parseJustfile, type JustDep, type JustRecipe, type Justfile } from "./just-parse.js";
import { chainLabel, findUp, parseProjectFile, readProjectFile, reportUnread, runFresh, UNRESOLVED_WORD, type Emit } from "./run.js";
import { shebangProgram } from "./shell-files.js";

const NAMES = ["justfile", "Justfile", ".justfile", "JUSTFILE"];
const VALUE_OPTS = new Set(["-f", "--justfile", "-d", "--working-directory", "--shell", "--shell-arg", "--dotenv-filename", "--dotenv-path", "-E", "--color", "--dump-format", "--list-heading", "--list-prefix", "--chooser", "--command-color", "--timestamp-format", "-s", "--show", "--usage"]);
const NO_RUN = new Set(["-n", "--dry-run", "-l", "--list", "--summary", "--dump", "--variables", "--evaluate", "--fmt", "--init", "--edit", "--completions", "--changelog", "--groups", "--man", "-h", "--help", "-V", "--version", "-s", "--show", "--usage", "--check"]);
const UNKNOWN = "\u0001";

interface Scope {
  readonly vars: Record<string, string>;
  readonly env: Readonly<Record<string, string>>;
  readonly dir: string;
  /** Backticks met while evaluating: commands that run. */
  readonly backticks: string[];
}

/** A string literal's value (escapes in "..." decoded the common way). */
function literal(tok: string): string {
  const body = tok.startsWith('"""') || tok.startsWith("'''") ? tok.slice(3, -3) : tok.slice(1, -1);
  return tok.startsWith('"') ? body.replace(/\\(["\\nt])/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c)) : body;
}

/** Evaluate a just expression: literals, variables, `+` and `/`, backticks, a few functions; else UNKNOWN. */
export function evaluate(expr: string, s: Scope, depth = 0): string {
  const e = expr.trim();
  if (depth > 20) return UNKNOWN;
  const parts = splitOps(e);
  if (parts.length > 1) return parts.map((p, i) => (i === 0 ? "" : p.op === "/" ? "/" : "") + evaluate(p.text, s, depth + 1)).join("");
  if (/^(["']).*\1$/s.test(e)) return literal(e);
  if (e.startsWith("`") && e.endsWith("`")) {
    s.backticks.push(e.slice(1, -1));
    return UNKNOWN;
  }
  if (/^\(.*\)$/s.test(e)) return evaluate(e.slice(1, -1), s, depth + 1);
  const call = /^([a-z_]+)\((.*)\)$/s.exec(e);
  if (call) {
    const args = splitArgs(call[2] ?? "").map((a) => evaluate(a, s, depth + 1));
    switch (call[1]) {
      case "env_var":
      case "env":
        return s.env[args[0] ?? ""] ?? args[1] ?? UNKNOWN;
      case "env_var_or_default":
        return s.env[args[0] ?? ""] ?? args[1] ?? "";
      case "justfile_directory":
      case "source_directory":
      case "invocation_directory":
        return s.dir;
      case "uppercase":
        return (args[0] ?? "").toUpperCase();
      case "lowercase":
        return (args[0] ?? "").toLowerCase();
      case "trim":
        return (args[0] ?? "").trim();
      default:
        return UNKNOWN;
    }
  }
  if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(e)) return s.vars[e] ?? UNKNOWN;
  return UNKNOWN;
}

function splitOps(e: string, seps = "+/"): { op: string; text: string }[] {
  const out: { op: string; text: string }[] = [];
  let depth = 0;
  let quote = "";
  let start = 0;
  let op = "";
  for (let i = 0; i < e.length; i++) {
    const c = e[i] as string;
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (seps.includes(c) && depth === 0) {
      out.push({ op, text: e.slice(start, i) });
      op = c;
      start = i + 1;
    }
  }
  out.push({ op, text: e.slice(start) });
  return out;
}

function splitArgs(s: string): string[] {
  return s.trim() === "" ? [] : splitOps(s, ",").map((p) => p.text.trim());
}

/** `{{expr}}` in a body line; `{{{{` is a literal `{{`. */
function interpolate(line: string, s: Scope): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    if (line.startsWith("{{{{", i)) {
      out += "{{";
      i += 4;
      continue;
    }
    if (line.startsWith("{{", i)) {
      const end = line.indexOf("}}", i + 2);
      if (end < 0) break;
      const v = evaluate(line.slice(i + 2, end), s);
      out += v.includes(UNKNOWN) ? UNRESOLVED_WORD : v;
      i = end + 2;
      continue;
    }
    out += line[i];
    i++;
  }
  return out;
}

function loadJustfile(ctx: Ctx, abs: string): Justfile | { reason: "missing" | "too-large" | "binary" | "unreadable" | "written-unknown"; text: string } {
  const file = readProjectFile(ctx, abs);
  if (!file.ok) return { reason: file.reason, text: file.text };
  return parseProjectFile(ctx, file, "justfile", parseJustfile);
}

/** `import 'file'`: its variables and recipes join the justfile's (the importing file's own win). */
function withImports(ctx: Ctx, jf: Justfile, dir: string, depth: number): Justfile {
  if (jf.imports.length === 0 || depth > 8) return jf;
  const vars = new Map<string, string>();
  const recipes = new Map<string, JustRecipe>();
  const aliases = new Map<string, string>();
  const exported = new Set<string>();
  for (const name of jf.imports) {
    const abs = resolvePath(dir, name);
    const sub = loadJustfile(ctx, abs);
    if (!("recipes" in sub)) continue;
    const merged = withImports(ctx, sub, abs.slice(0, abs.lastIndexOf("/")) || "/", depth + 1);
    for (const [k, v] of merged.vars) vars.set(k, v);
    for (const [k, v] of merged.recipes) recipes.set(k, v);
    for (const [k, v] of merged.aliases) aliases.set(k, v);
    for (const k of merged.exported) exported.add(k);
  }
  for (const [k, v] of jf.vars) vars.set(k, v);
  for (const [k, v] of jf.recipes) recipes.set(k, v);
  for (const [k, v] of jf.aliases) aliases.set(k, v);
  for (const k of jf.exported) exported.add(k);
  return { ...jf, vars, recipes, aliases, exported };
}

interface Invocation {
  readonly recipe: JustRecipe;
  readonly args: readonly string[];
}

/** Follow `just`. False when there is no justfile to read. */
export function followJust(inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const w = inv.words;
  let file: string | undefined;
  let dir: string | undefined;
  const overrides: [string, string][] = [];
  let dry = false;
  let i = 1;
  for (; i < w.length; i++) {
    const v = (w[i] as RWord).value;
    if (v === "--") {
      i++;
      break;
    }
    if (!v.startsWith("-")) {
      if (/^[A-Za-z_][A-Za-z0-9_-]*=/.test(v)) overrides.push([v.slice(0, v.indexOf("=")), v.slice(v.indexOf("=") + 1)]);
      else break;
      continue;
    }
    const [flag = "", attached] = v.split("=", 2) as [string, string | undefined];
    if (NO_RUN.has(flag)) dry = true;
    if (flag === "--set") {
      overrides.push([w[i + 1]?.value ?? "", w[i + 2]?.value ?? ""]);
      i += 2;
    } else if (VALUE_OPTS.has(flag)) {
      const value = attached ?? w[++i]?.value ?? "";
      if (flag === "-f" || flag === "--justfile") file = resolvePath(inv.cwd, value);
      if (flag === "-d" || flag === "--working-directory") dir = resolvePath(inv.cwd, value);
    }
  }
  const found = file ? { dir: file.slice(0, file.lastIndexOf("/")) || "/", file } : findUp(ctx, inv.cwd, NAMES);
  if (!found) return false;
  emit(inv, ctx);
  const main = loadJustfile(ctx, found.file);
  if (!("recipes" in main)) {
    reportUnread(inv, ctx, emit, { runner: "just", path: found.file, target: "", reason: main.reason, text: main.text });
    return true;
  }
  if (dry) return true;
  const jf = withImports(ctx, main, found.dir, 0);
  const workdir = dir ?? found.dir;
  const scope: Scope = { vars: {}, env: inv.env, dir: found.dir, backticks: [] };
  for (const [k, v] of jf.vars) scope.vars[k] = evaluate(v, scope);
  for (const [k, v] of overrides) scope.vars[k] = v;
  const exported: Record<string, string> = {};
  for (const [k, v] of Object.entries(scope.vars)) if ((jf.exportAll || jf.exported.has(k)) && !v.includes(UNKNOWN)) exported[k] = v;
  const label = chainLabel(inv.text);
  const run = (source: string, link: string, env: Record<string, string>, shell = jf.shell): void =>
    runFresh(inv, ctx, emit, { source, label: link, wrapper: `just (${shell})`, cwd: workdir, env, key: { file: found.file, what: source } });
  // Backticks in assignments run when the justfile is evaluated.
  for (const b of scope.backticks.splice(0)) run(b, `${label} (evaluating ${found.file})`, {});

  const invocations = requested(jf, w.slice(i).map((x) => (x.unresolved ? UNKNOWN : x.value)));
  if (invocations === undefined) {
    reportUnread(inv, ctx, emit, { runner: "just", path: found.file, target: w.slice(i).map((x) => x.value).join(" "), reason: "missing", text: "" });
    return true;
  }
  const done = new Set<string>();
  const runRecipe = (call: Invocation, depth: number, asGoal: boolean): void => {
    const key = JSON.stringify([call.recipe.name, ...call.args]);
    if (done.has(key) || depth > 32) return;
    done.add(key);
    const local: Scope = { ...scope, vars: { ...scope.vars }, backticks: [] };
    const env: Record<string, string> = { ...exported };
    call.recipe.params.forEach((p, k) => {
      const value = p.variadic ? call.args.slice(k).join(" ") : (call.args[k] ?? (p.default !== undefined ? evaluate(p.default, local) : UNKNOWN));
      local.vars[p.name] = value;
      if ((p.exported || jf.exportAll) && !value.includes(UNKNOWN)) env[p.name] = value;
    });
    const depCall = (d: JustDep): Invocation | undefined => {
      const r = jf.recipes.get(jf.aliases.get(d.name) ?? d.name);
      return r ? { recipe: r, args: d.args.map((a) => evaluate(a, local)) } : undefined;
    };
    for (const d of call.recipe.deps) {
      const c = depCall(d);
      if (c) runRecipe(c, depth + 1, false);
    }
    const link = asGoal && invocations.length === 1 ? label : `${label} (${call.recipe.name})`;
    const body = call.recipe.body.map((l) => interpolate(l, local));
    for (const b of local.backticks) run(b, link, env);
    const shebang = body[0]?.startsWith("#!") ? shebangProgram(body[0], ctx.names) : undefined;
    if (shebang) run(body.join("\n"), link, env, shebang);
    else for (const line of body) run(line.replace(/^[@-]+/, ""), link, env);
    for (const d of call.recipe.after) {
      const c = depCall(d);
      if (c) runRecipe(c, depth + 1, false);
    }
  };
  for (const call of invocations) runRecipe(call, 0, true);
  return true;
}

/** The recipes named on the command line with their arguments (as many as each recipe's parameters take). */
function requested(jf: Justfile, words: readonly string[]): Invocation[] | undefined {
  if (words.length === 0) {
    const r = jf.recipes.get("default") ?? (jf.first ? jf.recipes.get(jf.first) : undefined);
    return r ? [{ recipe: r, args: [] }] : [];
  }
  const out: Invocation[] = [];
  for (let k = 0; k < words.length; ) {
    const name = words[k] as string;
    const r = jf.recipes.get(jf.aliases.get(name) ?? name);
    if (!r) return undefined;
    const variadic = r.params.some((p) => p.variadic);
    const take = variadic ? words.length - k - 1 : Math.min(r.params.length, words.length - k - 1);
    out.push({ recipe: r, args: words.slice(k + 1, k + 1 + take) });
    k += 1 + take;
  }
  return out;
}
