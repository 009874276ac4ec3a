/** `make [-C DIR] [-f FILE] [VAR=value ...] [target ...]`: the goals' prerequisites (each once) then their recipes,
 *  each recipe line run by its own shell (one shell under .ONESHELL). `-n`/`-q`/`-t` run nothing but `+` lines
 *  and `$(MAKE)` lines (which get `-n` too). */
import type { Ctx, Inv, RWord } from "../model.js";
import { isAssignWord } from "../options.js";
import { resolvePath } from "../paths.js";
import { expand, UNKNOWN, type ExpandEnv } from "./make-expand.js";
import { makeLines, type MakeLine } from "./make-lines.js";
import { emptyDb, readMakefile, type MakeDb, type MakeRule } from "./make-read.js";
import { chainLabel, parseProjectFile, projectFileExists, readProjectFile, reportUnread, runFresh, type Emit } from "./run.js";

const DEFAULT_NAMES = ["GNUmakefile", "makefile", "Makefile"];
const VALUE_SHORT = new Set(["C", "f", "I", "j", "l", "o", "W", "E"]);
const VALUE_LONG = new Set(["directory", "file", "makefile", "include-dir", "jobs", "load-average", "old-file", "assume-old", "new-file", "what-if", "assume-new", "eval", "debug", "output-sync", "shuffle", "jobserver-style"]);
const DRY = new Set(["n", "just-print", "dry-run", "recon", "q", "question", "t", "touch", "p", "print-data-base", "v", "version", "h", "help"]);
const UNRESOLVED_SHELL = "${__infragate_unresolved}";

interface MakeArgs {
  dir: string;
  files: string[];
  vars: [string, string][];
  goals: string[];
  dry: boolean;
  envOverrides: boolean;
  unresolved: boolean;
}

function parseArgs(w: readonly RWord[], cwd: string): MakeArgs {
  const a: MakeArgs = { dir: cwd, files: [], vars: [], goals: [], dry: false, envOverrides: false, unresolved: false };
  const take = (name: string, value: string): void => {
    if (name === "C" || name === "directory") a.dir = resolvePath(a.dir, value);
    else if (name === "f" || name === "file" || name === "makefile") a.files.push(value);
  };
  for (let i = 1; i < w.length; i++) {
    const word = w[i] as RWord;
    a.unresolved ||= word.unresolved;
    const v = word.value;
    if (v.startsWith("--") && v.length > 2) {
      const eq = v.indexOf("=");
      const name = eq < 0 ? v.slice(2) : v.slice(2, eq);
      const value = eq < 0 && VALUE_LONG.has(name) ? (w[++i]?.value ?? "") : v.slice(eq + 1);
      if (DRY.has(name)) a.dry = true;
      if (name === "environment-overrides") a.envOverrides = true;
      take(name, value);
    } else if (v.startsWith("-") && v.length > 1) {
      for (let k = 1; k < v.length; k++) {
        const letter = v.charAt(k);
        if (DRY.has(letter)) a.dry = true;
        if (letter === "e") a.envOverrides = true;
        if (VALUE_SHORT.has(letter)) {
          // -j and -l take an optional number only.
          const attached = v.slice(k + 1);
          const value = attached || ((letter === "j" || letter === "l") && !/^\d/.test(w[i + 1]?.value ?? "") ? "" : (w[++i]?.value ?? ""));
          take(letter, value);
          break;
        }
      }
    } else if (isAssignWord(v) || /^[^\s=:]+:?:?=/.test(v)) {
      const eq = v.indexOf("=");
      let end = eq;
      while (end > 0 && v[end - 1] === ":") end--;
      a.vars.push([v.slice(0, end), v.slice(eq + 1)]);
    } else a.goals.push(v);
  }
  return a;
}

function loadLines(ctx: Ctx, abs: string): readonly MakeLine[] | "missing" | { reason: string; text: string } {
  const file = readProjectFile(ctx, abs);
  if (!file.ok) return file.reason === "missing" ? "missing" : { reason: file.reason, text: file.text };
  return parseProjectFile(ctx, file, "makefile", makeLines);
}

function isLines(l: ReturnType<typeof loadLines>): l is readonly MakeLine[] {
  return Array.isArray(l);
}

function buildDb(args: MakeArgs, env: Readonly<Record<string, string>>): MakeDb {
  const db = emptyDb();
  for (const [k, v] of Object.entries(env)) {
    if (k === "MAKEFLAGS" || k === "SHELL" || k === "MAKELEVEL") continue;
    db.vars.set(k, { value: v, recursive: true, origin: "environment" });
  }
  for (const [k, v] of args.vars) db.vars.set(k, { value: v, recursive: false, origin: "command line" });
  db.vars.set("CURDIR", { value: args.dir, recursive: false, origin: "file" });
  return db;
}

/** The rule for a target: explicit, else the first pattern rule that matches (with its stem). */
function ruleFor(db: MakeDb, target: string): { rule: MakeRule; stem: string } | undefined {
  const r = db.rules.get(target);
  if (r && r.recipe) return { rule: r, stem: "" };
  for (const p of db.patterns) {
    const i = p.target.indexOf("%");
    const pre = p.target.slice(0, i);
    const post = p.target.slice(i + 1);
    if (p.rule.recipe && target.startsWith(pre) && target.endsWith(post) && target.length >= pre.length + post.length) {
      const stem = target.slice(pre.length, target.length - post.length);
      return { rule: { prereqs: [...(r?.prereqs ?? []), ...p.rule.prereqs.map((q) => q.replace("%", stem))], recipe: p.rule.recipe }, stem };
    }
  }
  return r ? { rule: r, stem: "" } : undefined;
}

/** Targets in the order make builds them: prerequisites first, each once. */
function buildOrder(db: MakeDb, goals: readonly string[]): { target: string; rule: MakeRule; stem: string }[] {
  const seen = new Set<string>();
  const out: { target: string; rule: MakeRule; stem: string }[] = [];
  const visit = (t: string, depth: number): void => {
    if (seen.has(t) || depth > 64) return;
    seen.add(t);
    const found = ruleFor(db, t);
    if (!found) return;
    for (const p of found.rule.prereqs) visit(expand(p, { vars: db.vars, recipe: false, shellCalls: [], budget: db.budget }), depth + 1);
    out.push({ target: t, ...found });
  };
  for (const g of goals) visit(g, 0);
  return out;
}

/** One recipe line as the shell gets it: prefixes `@ - +` removed, variables expanded, unknowns unresolved. */
function recipeLine(raw: string, env: ExpandEnv): { text: string; plus: boolean; make: boolean } {
  let i = 0;
  let plus = false;
  while (i < raw.length && "@-+ \t".includes(raw[i] as string)) plus ||= raw[i++] === "+";
  const body = raw.slice(i);
  const make = /\$[({]MAKE[)}]/.test(body);
  return { text: expand(body, env).replaceAll(UNKNOWN, UNRESOLVED_SHELL), plus, make };
}

/** Follow `make`. False when there is no makefile to read (the command is reported as it is). */
export function followMake(inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const args = parseArgs(inv.words, inv.cwd);
  const names = args.files.length > 0 ? args.files : DEFAULT_NAMES;
  const found = names.map((n) => resolvePath(args.dir, n)).find((p) => args.files.length > 0 || projectFileExists(ctx, p));
  if (!found) return false;
  emit(inv, ctx);
  const lines = loadLines(ctx, found);
  const label = chainLabel(inv.text);
  const unread = (reason: string, text: string, target = ""): true => {
    const r = reason === "missing" || reason === "too-large" || reason === "binary" || reason === "unresolved" || reason === "written-unknown" ? reason : "unreadable";
    reportUnread(inv, ctx, emit, { runner: "make", path: found, target, reason: r, text });
    return true;
  };
  if (lines === "missing") return unread("missing", "");
  if (!isLines(lines)) return unread(lines.reason, lines.text);
  const db = buildDb(args, inv.env);
  readMakefile(db, lines, (name) => {
    const l = loadLines(ctx, resolvePath(args.dir, name));
    return isLines(l) ? l : undefined;
  });
  const run = (source: string, link: string, env: Record<string, string> = {}): void =>
    runFresh(inv, ctx, emit, { source, label: link, wrapper: "make", cwd: args.dir, env, key: { file: found, what: source } });
  // `$(shell ...)` in immediate assignments runs whenever the makefile is read, even under -n.
  for (const call of db.shellCalls) run(call.replaceAll(UNKNOWN, UNRESOLVED_SHELL), `${label} (reading ${found})`);
  if (db.missingIncludes.length > 0) unread("missing", db.missingIncludes.join(" "), `include ${db.missingIncludes.join(" ")}`);
  const goals = args.goals.length > 0 ? args.goals : db.defaultGoal ? [db.defaultGoal] : [];
  const exported: Record<string, string> = {};
  const readEnv: ExpandEnv = { vars: db.vars, recipe: false, shellCalls: [], budget: db.budget };
  for (const [name, v] of db.vars) {
    if (v.origin === "command line" || db.exported.has(name) || (db.exportAll && v.origin !== "environment")) {
      exported[name] = expand(v.recursive ? v.value : v.value.replaceAll("$", "$$"), readEnv).replaceAll(UNKNOWN, "");
    }
  }
  const order = buildOrder(db, goals);
  for (const g of goals) if (!order.some((o) => o.target === g) && !projectFileExists(ctx, resolvePath(args.dir, g))) unread("missing", "", g);
  for (const { target, rule, stem } of order) {
    const prereqs = rule.prereqs.map((p) => expand(p, readEnv));
    const auto = { "@": target, "<": prereqs[0] ?? "", "^": [...new Set(prereqs)].join(" "), "+": prereqs.join(" "), "?": [...new Set(prereqs)].join(" "), "*": stem };
    const env: ExpandEnv = { vars: db.vars, auto, recipe: true, shellCalls: [], budget: db.budget };
    const link = goals.includes(target) && goals.length === 1 ? label : `${label} (${target})`;
    const lines = (rule.recipe ?? []).map((r) => recipeLine(r, env));
    if (db.oneshell && !args.dry) {
      run(lines.map((l) => l.text).join("\n"), link, exported);
      continue;
    }
    for (const l of lines) {
      if (args.dry && !l.plus && !l.make) continue;
      run(args.dry && l.make ? l.text.replace(/\bmake\b/, "make -n") : l.text, link, exported);
    }
  }
  return true;
}
