/** A justfile, read: settings, variables (with `export`), recipes with parameters, dependencies and bodies. */

interface JustParam {
  readonly name: string;
  /** Default value expression, if any. */
  readonly default: string | undefined;
  /** `+name` / `*name`: takes the remaining arguments. */
  readonly variadic: "" | "+" | "*";
  /** `$name`: exported to the recipe's environment. */
  readonly exported: boolean;
}

export interface JustDep {
  readonly name: string;
  /** Argument expressions: `(dep "a" b)`. */
  readonly args: readonly string[];
}

export interface JustRecipe {
  readonly name: string;
  readonly params: readonly JustParam[];
  readonly deps: readonly JustDep[];
  /** Dependencies after `&&`: run after the recipe. */
  readonly after: readonly JustDep[];
  /** Body lines, indentation removed, continuations (`\` at the end) joined. */
  readonly body: readonly string[];
  readonly attributes: readonly string[];
}

export interface Justfile {
  readonly vars: ReadonlyMap<string, string>;
  readonly exported: ReadonlySet<string>;
  readonly recipes: ReadonlyMap<string, JustRecipe>;
  readonly aliases: ReadonlyMap<string, string>;
  readonly first: string | undefined;
  /** `set shell := ["bash", "-uc"]`: the program of the shell that runs recipe lines ("sh" by default). */
  readonly shell: string;
  readonly exportAll: boolean;
  readonly imports: readonly string[];
}

/** Split on spaces outside quotes, parentheses and `{{ }}`. */
function splitTop(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  let quote = "";
  for (const c of s) {
    if (quote) {
      cur += c;
      if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") {
      quote = c;
      cur += c;
    } else if (c === "(") {
      depth++;
      cur += c;
    } else if (c === ")") {
      depth--;
      cur += c;
    } else if ((c === " " || c === "\t") && depth === 0) {
      if (cur) out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

function param(word: string): JustParam {
  let w = word;
  let variadic: JustParam["variadic"] = "";
  if (w.startsWith("+") || w.startsWith("*")) {
    variadic = w[0] as "+" | "*";
    w = w.slice(1);
  }
  const exported = w.startsWith("$");
  if (exported) w = w.slice(1);
  const eq = w.indexOf("=");
  return { name: eq < 0 ? w : w.slice(0, eq), default: eq < 0 ? undefined : w.slice(eq + 1), variadic, exported };
}

function deps(text: string): JustDep[] {
  return splitTop(text).map((d) => {
    if (!d.startsWith("(")) return { name: d, args: [] };
    const [name = "", ...words] = splitTop(d.slice(1, -1));
    // Arguments are expressions: `"stacks/" + target` is one.
    const args: string[] = [];
    for (let k = 0; k < words.length; k++) {
      const t = words[k] as string;
      if ((t === "+" || t === "/") && args.length > 0) args[args.length - 1] += ` ${t} ${words[++k] ?? ""}`;
      else args.push(t);
    }
    return { name, args };
  });
}

/** `name := value` (not `==`), found by scanning. */
function assignment(line: string): { name: string; value: string; exported: boolean } | undefined {
  const at = line.indexOf(":=");
  if (at < 0) return undefined;
  let lhs = line.slice(0, at).trim();
  const exported = lhs.startsWith("export ");
  if (exported) lhs = lhs.slice(7).trim();
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(lhs)) return undefined;
  return { name: lhs, value: line.slice(at + 2).trim(), exported };
}

const HEADER_NAME = /^@?[A-Za-z_][A-Za-z0-9_-]*/;

export function parseJustfile(text: string): Justfile {
  const lines = text.split(/\r?\n/);
  const vars = new Map<string, string>();
  const exported = new Set<string>();
  const recipes = new Map<string, JustRecipe>();
  const aliases = new Map<string, string>();
  const imports: string[] = [];
  let first: string | undefined;
  let shell = "sh";
  let exportAll = false;
  let attributes: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === "" || line.trimStart().startsWith("#") && !line.startsWith("#!")) continue;
    if (/^\s/.test(line)) continue; // a body line with no recipe: ignored
    if (line.startsWith("[")) {
      attributes.push(...line.slice(1, line.lastIndexOf("]")).split(",").map((a) => a.trim()));
      continue;
    }
    const set = /^set\s+([a-z-]+)\s*(?::=\s*(.*))?$/.exec(line);
    if (set) {
      if (set[1] === "shell") shell = /\[\s*["']([^"']+)["']/.exec(set[2] ?? "")?.[1] ?? "sh";
      if (set[1] === "export" && (set[2] ?? "true").trim() !== "false") exportAll = true;
      continue;
    }
    const alias = /^alias\s+(\S+)\s*:=\s*(\S+)/.exec(line);
    if (alias) {
      aliases.set(alias[1] as string, alias[2] as string);
      continue;
    }
    const imp = /^import\??\s+['"]([^'"]+)['"]/.exec(line);
    if (imp) {
      imports.push(imp[1] as string);
      continue;
    }
    const a = assignment(line);
    if (a) {
      vars.set(a.name, a.value);
      if (a.exported) exported.add(a.name);
      continue;
    }
    const name = HEADER_NAME.exec(line)?.[0];
    const colon = name ? line.indexOf(":", name.length) : -1;
    if (!name || colon < 0) continue;
    // A header's colon is the first one outside quotes and parentheses after the parameters.
    const header = splitTop(line.slice(name.length));
    let paramsText = "";
    let rest = "";
    let found = false;
    for (const h of header) {
      if (found) rest += ` ${h}`;
      else if (h.endsWith(":") || h.includes(":") && !h.startsWith("'") && !h.startsWith('"')) {
        const k = h.indexOf(":");
        paramsText += ` ${h.slice(0, k)}`;
        rest += ` ${h.slice(k + 1)}`;
        found = true;
      } else paramsText += ` ${h}`;
    }
    if (!found) continue;
    const [before = "", after = ""] = rest.split("&&");
    const body: string[] = [];
    while (i + 1 < lines.length && (/^\s/.test(lines[i + 1] as string) || (lines[i + 1] as string).trim() === "")) {
      const l = (lines[++i] as string).replace(/^\s+/, "");
      if (l === "") continue;
      const prev = body.at(-1);
      if (prev !== undefined && prev.endsWith("\\")) body[body.length - 1] = `${prev.slice(0, -1)}${l}`;
      else body.push(l);
    }
    const clean = name.replace(/^@/, "");
    recipes.set(clean, { name: clean, params: splitTop(paramsText).map(param), deps: deps(before), after: deps(after), body, attributes });
    first ??= attributes.includes("private") ? undefined : clean;
    attributes = [];
  }
  return { vars, exported, recipes, aliases, first, shell, exportAll, imports };
}
