/** GNU make variable and function expansion, statically: `$(VAR)`, `${VAR}`, `$X`, `$(VAR:a=b)`, the text
 *  functions, `$(shell ...)`, and the automatic variables. What cannot be known becomes the UNKNOWN mark. */

/** Marks text that cannot be known statically; the runner turns it into an unresolved shell word. */
export const UNKNOWN = "\u0001";

export interface MakeVar {
  readonly value: string;
  readonly recursive: boolean;
  readonly origin: "default" | "environment" | "file" | "command line" | "override" | "automatic";
}

export interface ExpandEnv {
  readonly vars: ReadonlyMap<string, MakeVar>;
  /** Automatic variables of the recipe being expanded ($@, $<, $^, $*, $?, $+). */
  readonly auto?: Readonly<Record<string, string>>;
  /** In a recipe, `$(shell CMD)` becomes the shell's `$(CMD)` (analysed); while reading, it is recorded here. */
  readonly recipe: boolean;
  readonly shellCalls: string[];
  /** Shared by one make invocation: references left to expand and characters left to produce, so that
   *  self-doubling variables (`B = $(A)$(A)`, `C = $(B)$(B)`, ...) cannot blow up time or memory. */
  readonly budget: { steps: number; chars: number };
}

/** What one make invocation may expand in all: far above real Makefiles. */
export function expandBudget(): { steps: number; chars: number } {
  return { steps: 200_000, chars: 4 * 1024 * 1024 };
}

const MAX_DEPTH = 40;
const words = (s: string): string[] => s.split(/\s+/).filter((w) => w !== "");

/** Index of the `)`/`}` closing the reference opened at `open` (the `(`), or -1. */
function closing(s: string, open: number): number {
  const o = s[open] as string;
  const c = o === "(" ? ")" : "}";
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === o) depth++;
    else if (s[i] === c && --depth === 0) return i;
  }
  return -1;
}

/** Split function arguments on top-level commas (the last argument keeps its commas when `max` is reached). */
function splitArgs(s: string, max: number): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length && out.length < max - 1; i++) {
    const c = s[i];
    if (c === "(" || c === "{") depth++;
    else if (c === ")" || c === "}") depth--;
    else if (c === "," && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out;
}

function patternMatch(pat: string, word: string): string | undefined {
  const p = pat.indexOf("%");
  if (p < 0) return pat === word ? "" : undefined;
  const pre = pat.slice(0, p);
  const post = pat.slice(p + 1);
  return word.length >= pre.length + post.length && word.startsWith(pre) && word.endsWith(post) ? word.slice(pre.length, word.length - post.length) : undefined;
}

function patsubst(pat: string, rep: string, text: string): string {
  return words(text)
    .map((w) => {
      const stem = patternMatch(pat, w);
      return stem === undefined ? w : rep.includes("%") ? rep.replace("%", stem) : rep;
    })
    .join(" ");
}

type Fn = (args: string[], env: ExpandEnv, depth: number) => string;
const x = (s: string | undefined, env: ExpandEnv, depth: number): string => expand(s ?? "", env, depth + 1);

const FUNCTIONS: Readonly<Record<string, { readonly n: number; readonly f: Fn }>> = {
  subst: { n: 3, f: ([a, b, t], e, d) => x(t, e, d).replaceAll(x(a, e, d), x(b, e, d)) },
  patsubst: { n: 3, f: ([a, b, t], e, d) => patsubst(x(a, e, d).trim(), x(b, e, d).trim(), x(t, e, d)) },
  strip: { n: 1, f: ([t], e, d) => words(x(t, e, d)).join(" ") },
  findstring: { n: 2, f: ([a, t], e, d) => (x(t, e, d).includes(x(a, e, d)) ? x(a, e, d) : "") },
  filter: { n: 2, f: ([p, t], e, d) => words(x(t, e, d)).filter((w) => words(x(p, e, d)).some((q) => patternMatch(q, w) !== undefined)).join(" ") },
  "filter-out": { n: 2, f: ([p, t], e, d) => words(x(t, e, d)).filter((w) => !words(x(p, e, d)).some((q) => patternMatch(q, w) !== undefined)).join(" ") },
  sort: { n: 1, f: ([t], e, d) => [...new Set(words(x(t, e, d)))].sort().join(" ") },
  word: { n: 2, f: ([n, t], e, d) => words(x(t, e, d))[Number(x(n, e, d)) - 1] ?? "" },
  words: { n: 1, f: ([t], e, d) => String(words(x(t, e, d)).length) },
  firstword: { n: 1, f: ([t], e, d) => words(x(t, e, d))[0] ?? "" },
  lastword: { n: 1, f: ([t], e, d) => words(x(t, e, d)).at(-1) ?? "" },
  dir: { n: 1, f: ([t], e, d) => words(x(t, e, d)).map((w) => (w.includes("/") ? w.slice(0, w.lastIndexOf("/") + 1) : "./")).join(" ") },
  notdir: { n: 1, f: ([t], e, d) => words(x(t, e, d)).map((w) => w.slice(w.lastIndexOf("/") + 1)).join(" ") },
  addsuffix: { n: 2, f: ([s, t], e, d) => words(x(t, e, d)).map((w) => w + x(s, e, d)).join(" ") },
  addprefix: { n: 2, f: ([p, t], e, d) => words(x(t, e, d)).map((w) => x(p, e, d) + w).join(" ") },
  if: { n: 3, f: ([c, a, b], e, d) => (x(c, e, d).trim() !== "" ? x(a, e, d) : x(b, e, d)) },
  or: { n: 2, f: ([a, b], e, d) => x(a, e, d).trim() || x(b, e, d) },
  and: { n: 2, f: ([a, b], e, d) => (x(a, e, d).trim() ? x(b, e, d) : "") },
  value: { n: 1, f: ([v], e, d) => e.vars.get(x(v, e, d).trim())?.value ?? "" },
  origin: { n: 1, f: ([v], e, d) => e.vars.get(x(v, e, d).trim())?.origin ?? "undefined" },
  info: { n: 1, f: () => "" },
  warning: { n: 1, f: () => "" },
  error: { n: 1, f: () => UNKNOWN },
  shell: {
    n: 1,
    f: ([cmd], e, d) => {
      const text = x(cmd, e, d);
      if (e.recipe) return `$(${text})`;
      e.shellCalls.push(text);
      return UNKNOWN;
    },
  },
};

/** Expand one `$(...)` / `${...}` body: a function call, a substitution reference or a variable. */
function reference(body: string, env: ExpandEnv, depth: number): string {
  const space = body.search(/[\s]/);
  const fname = space > 0 ? body.slice(0, space) : "";
  const fn = FUNCTIONS[fname];
  if (fn) return fn.f(splitArgs(body.slice(space + 1).replace(/^\s+/, ""), fn.n), env, depth);
  if (space > 0 && /^[a-z-]+$/.test(fname)) return UNKNOWN; // call, foreach, wildcard, eval, file, ...: not expanded
  const name = expand(body, env, depth + 1);
  const colon = name.indexOf(":");
  if (colon > 0 && name.includes("=", colon)) {
    const eq = name.indexOf("=", colon);
    const [from, to] = [name.slice(colon + 1, eq), name.slice(eq + 1)];
    const value = variable(name.slice(0, colon), env, depth);
    return patsubst(from.includes("%") ? from : `%${from}`, to.includes("%") ? to : `%${to}`, value);
  }
  return variable(name, env, depth);
}

function variable(name: string, env: ExpandEnv, depth: number): string {
  if (name.includes(UNKNOWN)) return UNKNOWN;
  const auto = env.auto?.[name];
  if (auto !== undefined) return auto;
  if ((name === "MAKE" || name === "MAKE_COMMAND") && !env.vars.has(name)) return "make";
  const v = env.vars.get(name);
  if (!v) return "";
  return v.recursive ? expand(v.value, env, depth + 1) : v.value;
}

export function expand(s: string, env: ExpandEnv, depth = 0): string {
  if (depth > MAX_DEPTH || env.budget.steps <= 0 || env.budget.chars <= 0) return UNKNOWN;
  if (!s.includes("$")) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "$") {
      out += c;
      continue;
    }
    const n = s[i + 1];
    if (n === undefined) break;
    if (n === "$") {
      out += "$";
      i++;
    } else if (n === "(" || n === "{") {
      const end = closing(s, i + 1);
      if (end < 0) return out + UNKNOWN;
      env.budget.steps--;
      const v = reference(s.slice(i + 2, end), env, depth);
      env.budget.chars -= v.length;
      if (env.budget.chars <= 0) return UNKNOWN;
      out += v;
      i = end;
    } else {
      env.budget.steps--;
      out += variable(n, env, depth);
      i++;
    }
  }
  return out;
}
