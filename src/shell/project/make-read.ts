/** Reading a Makefile the way GNU make's first phase does: assignments (=, :=, ::=, ?=, +=, !=; override, export),
 *  conditionals, include, rules (prerequisites merged, the recipe kept unexpanded), the default goal. */
import { expand, expandBudget, UNKNOWN, type ExpandEnv, type MakeVar } from "./make-expand.js";
import { ruleColon, type MakeLine } from "./make-lines.js";

export interface MakeRule {
  readonly prereqs: string[];
  recipe: string[] | undefined;
}

export interface MakeDb {
  readonly vars: Map<string, MakeVar>;
  readonly rules: Map<string, MakeRule>;
  /** Pattern rules (`%.o: %.c`), in order. */
  readonly patterns: { target: string; rule: MakeRule }[];
  defaultGoal: string | undefined;
  readonly exported: Set<string>;
  exportAll: boolean;
  oneshell: boolean;
  /** `$(shell ...)` run while reading (immediate assignments, rule lines, conditionals). */
  readonly shellCalls: string[];
  /** Included files that could not be read. */
  readonly missingIncludes: string[];
  readonly budget: { steps: number; chars: number };
  /** Include directives left to read (all files together): a makefile including itself twice cannot fan out. */
  includesLeft: number;
}

/** Loads an included file's lines (relative paths against make's directory); undefined when it cannot be read. */
type IncludeLoader = (name: string) => readonly MakeLine[] | undefined;

const MODIFIERS = new Set(["override", "export", "private", "unexport"]);

/** `[override] [export] NAME OP VALUE`: found by scanning for the first `=` at paren depth 0 (no regex backtracking). */
export function assignment(text: string): { mods: string[]; name: string; op: string; value: string } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") depth--;
    else if (depth === 0 && c === "=") {
      let start = i;
      while (start > 0 && ":?+!".includes(text[start - 1] as string)) start--;
      const op = text.slice(start, i + 1);
      if (!["=", ":=", "::=", ":::=", "?=", "+=", "!="].includes(op)) return undefined;
      const lhs = text.slice(0, start).trim().split(/\s+/);
      const mods: string[] = [];
      while (lhs.length > 1 && MODIFIERS.has(lhs[0] as string)) mods.push(lhs.shift() as string);
      return { mods, name: lhs.join(" "), op, value: text.slice(i + 1) };
    }
  }
  return undefined;
}
const MAX_INCLUDE_DEPTH = 16;
const MAX_INCLUDES = 64;

function env(db: MakeDb): ExpandEnv {
  return { vars: db.vars, recipe: false, shellCalls: db.shellCalls, budget: db.budget };
}

function setVar(db: MakeDb, name: string, op: string, raw: string, override: boolean): void {
  const prev = db.vars.get(name);
  if (prev && (prev.origin === "command line" || prev.origin === "override") && !override) return;
  const origin = override ? "override" : "file";
  const value = raw.trim();
  switch (op) {
    case "?=":
      if (!prev) db.vars.set(name, { value, recursive: true, origin });
      return;
    case "+=": {
      if (!prev) db.vars.set(name, { value, recursive: true, origin });
      else db.vars.set(name, { value: `${prev.value} ${prev.recursive ? value : expand(value, env(db))}`.trim(), recursive: prev.recursive, origin });
      return;
    }
    case "!=":
      db.shellCalls.push(expand(value, env(db)));
      db.vars.set(name, { value: UNKNOWN, recursive: false, origin });
      return;
    case "=":
      db.vars.set(name, { value, recursive: true, origin });
      return;
    default: // :=, ::=, :::=
      db.vars.set(name, { value: expand(value, env(db)), recursive: false, origin });
  }
}

/** `"a" 'b'`: the two quoted arguments of ifeq/ifneq, scanned (a regex would backtrack). */
function quotedPair(t: string): [string, string] | undefined {
  const out: string[] = [];
  let i = 0;
  while (out.length < 2) {
    while (t[i] === " " || t[i] === "\t") i++;
    const q = t[i];
    if (q !== '"' && q !== "'") return undefined;
    const end = t.indexOf(q, i + 1);
    if (end < 0) return undefined;
    out.push(t.slice(i + 1, end));
    i = end + 1;
  }
  return t.slice(i).trim() === "" ? [out[0] as string, out[1] as string] : undefined;
}

/** ifeq (a,b) / ifeq "a" "b" / ifdef V: true, false, or undefined when it cannot be known. */
function condition(line: string, db: MakeDb): boolean | undefined {
  const m = /^\s*(ifeq|ifneq|ifdef|ifndef)\s+(.*)$/.exec(line);
  if (!m) return undefined;
  const [, kind, rest = ""] = m;
  if (kind === "ifdef" || kind === "ifndef") {
    const name = expand(rest.trim(), env(db));
    if (name.includes(UNKNOWN)) return undefined;
    const defined = (db.vars.get(name)?.value ?? "") !== "";
    return kind === "ifdef" ? defined : !defined;
  }
  let a: string;
  let b: string;
  const t = rest.trim();
  if (t.startsWith("(")) {
    const inner = t.slice(1, t.lastIndexOf(")"));
    let depth = 0;
    let comma = -1;
    for (let i = 0; i < inner.length && comma < 0; i++) {
      if (inner[i] === "(" || inner[i] === "{") depth++;
      else if (inner[i] === ")" || inner[i] === "}") depth--;
      else if (inner[i] === "," && depth === 0) comma = i;
    }
    if (comma < 0) return undefined;
    [a, b] = [inner.slice(0, comma).trim(), inner.slice(comma + 1).trim()];
  } else {
    const q = quotedPair(t);
    if (!q) return undefined;
    [a, b] = q;
  }
  const ea = expand(a, env(db));
  const eb = expand(b, env(db));
  if (ea.includes(UNKNOWN) || eb.includes(UNKNOWN)) return undefined;
  return kind === "ifeq" ? ea === eb : ea !== eb;
}

function addRule(db: MakeDb, header: string): string[] {
  const text = expand(header, env(db));
  const colon = ruleColon(text);
  if (colon < 0) return [];
  const targets = text.slice(0, colon).split(/\s+/).filter((t) => t !== "");
  let rest = text.slice(colon).replace(/^:+/, "");
  // Static pattern rule `targets: %.o: %.c` and target-specific variables `t: VAR = x` are not followed further.
  if (ruleColon(rest) >= 0 || assignment(rest)) rest = ruleColon(rest) >= 0 ? rest.slice(ruleColon(rest) + 1) : "";
  const prereqs = rest.replace("|", " ").split(/\s+/).filter((p) => p !== "");
  for (const t of targets) {
    if (t === ".ONESHELL") db.oneshell = true;
    if (t.includes("%")) {
      db.patterns.push({ target: t, rule: { prereqs, recipe: undefined } });
      continue;
    }
    const rule = db.rules.get(t) ?? { prereqs: [], recipe: undefined };
    rule.prereqs.push(...prereqs);
    db.rules.set(t, rule);
    if (db.defaultGoal === undefined && !t.startsWith(".")) db.defaultGoal = t;
  }
  return targets;
}

/** Read `lines` into `db` (command-line and environment variables already in it). */
export function readMakefile(db: MakeDb, lines: readonly MakeLine[], include: IncludeLoader, depth = 0): void {
  const cond: { active: boolean; taken: boolean; outer: boolean }[] = [];
  const active = (): boolean => cond.every((c) => c.active);
  let current: MakeRule[] = [];
  let fresh = false;
  for (const line of lines) {
    if (line.kind === "line" && /^\s*(ifeq|ifneq|ifdef|ifndef|else|endif)\b/.test(line.text)) {
      const t = line.text.trim();
      if (t.startsWith("endif")) cond.pop();
      else if (t.startsWith("else")) {
        const top = cond.at(-1);
        if (!top) continue;
        const nested = t.slice(4).trim();
        const c = nested ? condition(nested, db) : true;
        top.active = top.outer && (top.taken ? false : c ?? true);
        if (c !== undefined) top.taken ||= top.active;
      } else {
        const c = condition(t, db);
        const outer = active();
        cond.push({ active: outer && (c ?? true), taken: c === true, outer });
      }
      continue;
    }
    if (!active()) continue;
    if (line.kind === "recipe") {
      // A later rule with a recipe replaces the earlier recipe (make warns): its first line starts it afresh.
      for (const r of current) (fresh || !r.recipe ? (r.recipe = []) : r.recipe).push(line.text);
      fresh = false;
      continue;
    }
    if (line.kind === "define") {
      const m = /^((?:(?:override|export|private)\s+)*)define\s+(\S+)\s*(\S*)/.exec(line.head);
      if (!m) continue;
      const name = m[2] as string;
      setVar(db, name, m[3] === ":=" || m[3] === "::=" ? ":=" : "=", line.body, (m[1] ?? "").includes("override"));
      if ((m[1] ?? "").includes("export")) db.exported.add(name);
      current = [];
      continue;
    }
    const text = line.text;
    const inc = /^\s*(-?include|sinclude)\s+(.*)$/.exec(text);
    if (inc) {
      current = [];
      for (const name of expand(inc[2] ?? "", env(db)).split(/\s+/).filter((n) => n !== "")) {
        const sub = depth < MAX_INCLUDE_DEPTH && db.includesLeft-- > 0 && !name.includes(UNKNOWN) ? include(name) : undefined;
        if (sub) readMakefile(db, sub, include, depth + 1);
        else if (inc[1] === "include") db.missingIncludes.push(name);
      }
      continue;
    }
    const exp = /^\s*(export|unexport)(?:\s+(.*))?$/.exec(text);
    if (exp && !(exp[2] ?? "").includes("=")) {
      const names = (exp[2] ?? "").trim();
      if (exp[1] === "export" && names === "") db.exportAll = true;
      for (const n of expand(names, env(db)).split(/\s+/).filter((x) => x !== "")) {
        if (exp[1] === "export") db.exported.add(n);
        else db.exported.delete(n);
      }
      continue;
    }
    if (ruleColon(text) >= 0) {
      const targets = addRule(db, text);
      current = targets.map((t) => (t.includes("%") ? db.patterns.at(-1)?.rule : db.rules.get(t))).filter((r): r is MakeRule => r !== undefined);
      fresh = true;
      continue;
    }
    const a = assignment(text);
    if (a) {
      current = [];
      const mods = a.mods.join(" ");
      const name = expand(a.name, env(db));
      setVar(db, name, a.op, a.value, mods.includes("override"));
      if (mods.includes("export")) db.exported.add(name);
      if (name === ".DEFAULT_GOAL") db.defaultGoal = expand(db.vars.get(name)?.value ?? "", env(db)).trim() || undefined;
    }
  }
  const goal = db.vars.get(".DEFAULT_GOAL");
  if (goal) db.defaultGoal = expand(goal.value, env(db)).trim() || db.defaultGoal;
}

export function emptyDb(): MakeDb {
  return { vars: new Map(), rules: new Map(), patterns: [], defaultGoal: undefined, exported: new Set(), exportAll: false, oneshell: false, shellCalls: [], missingIncludes: [], budget: expandBudget(), includesLeft: MAX_INCLUDES };
}
