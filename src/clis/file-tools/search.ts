/** Content searches: grep and its relatives read every file they are given, and a recursive search reads
 *  every file under each root that its own filters let through (grep -r, rg, ag, ack). A root is a read
 *  effect carrying a SearchFilter; the enrich stage lists what lies under it. Pure. */
import type { FileEffect, SearchFilter, SimpleCommand } from "../../shell/types.js";
import { effectOf, hasFlag, parseArgs, resolvePath, type ParsedArgs } from "./args.js";

const GREP_SPEC = {
  shortValued: "efmABCdDX",
  longValued: [
    "regexp", "file", "max-count", "after-context", "before-context", "context", "devices", "directories", "label",
    "include", "exclude", "exclude-dir", "exclude-from", "binary-files", "group-separator",
  ],
};

/** rg and ag options that take a value (so that `rg -g '*.ts' x` does not read a file named `x`). */
const RG_SPEC = {
  shortValued: "efmABCtTgjMErdDz",
  longValued: [
    "regexp", "file", "max-count", "after-context", "before-context", "context", "type", "type-not", "glob", "iglob",
    "threads", "max-columns", "encoding", "replace", "max-depth", "maxdepth", "type-add", "type-clear", "sort", "sortr",
    "pre", "pre-glob", "ignore-file", "color", "colors", "path-separator", "context-separator", "field-match-separator",
    "field-context-separator", "max-filesize", "dfa-size-limit", "regex-size-limit", "engine", "hostname-bin",
    "hyperlink-format", "ignore", "file-search-regex", "depth", "pager", "ignore-dir",
  ],
};

/** rg -t TYPE: the names of its files (ripgrep's default type list, the common ones). */
const RG_TYPES: Readonly<Record<string, readonly string[]>> = {
  ts: ["*.ts", "*.tsx", "*.cts", "*.mts"],
  typescript: ["*.ts", "*.tsx", "*.cts", "*.mts"],
  js: ["*.js", "*.jsx", "*.mjs", "*.cjs", "*.vue"],
  py: ["*.py", "*.pyi"],
  go: ["*.go"],
  rust: ["*.rs"],
  java: ["*.java", "*.jsp", "*.properties"],
  md: ["*.md", "*.markdown", "*.mdx"],
  markdown: ["*.md", "*.markdown", "*.mdx"],
  terraform: ["*.tf", "*.tf.json", "*.tfvars"],
  tf: ["*.tf", "*.tf.json", "*.tfvars"],
  json: ["*.json", "*.jsonl", "*.sarif"],
  yaml: ["*.yaml", "*.yml"],
  sh: ["*.sh", "*.bash", "*.zsh", ".bashrc", ".zshrc", ".profile"],
  css: ["*.css", "*.scss"],
  html: ["*.html", "*.htm"],
  c: ["*.c", "*.h"],
  cpp: ["*.cpp", "*.cc", "*.hpp", "*.hh", "*.h"],
  ruby: ["*.rb", "Gemfile", "*.gemspec"],
  toml: ["*.toml"],
  sql: ["*.sql"],
};

const NO_FILTER: SearchFilter = { hidden: true, gitignore: false, include: [], exclude: [], excludeDir: [], globs: [] };

function values(p: ParsedArgs, ...names: string[]): string[] {
  return names.flatMap((n) => [...(p.values.get(n) ?? [])]);
}

/** The operands after the pattern (none when the pattern came from -e / -f). */
function fileOperands(p: ParsedArgs, patternFlags: readonly string[]): string[] {
  return hasFlag(p, ...patternFlags) ? [...p.operands] : p.operands.slice(1);
}

function patternFiles(cmd: SimpleCommand, p: ParsedArgs): FileEffect[] {
  return values(p, "f", "file", "exclude-from", "ignore-file")
    .filter((f) => f !== "-")
    .map((f) => effectOf(cmd, "read", resolvePath(cmd, f), `${cmd.program} -f`));
}

function roots(cmd: SimpleCommand, operands: readonly string[], via: string, search: SearchFilter): FileEffect[] {
  return operands.filter((o) => o !== "-").map((o) => ({ ...effectOf(cmd, "read", resolvePath(cmd, o), via), search }));
}

/** grep, egrep, fgrep, zgrep: files are read; with -r / -R / -d recurse each operand (default `.`) is a root. */
export function interpretGrep(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), GREP_SPEC);
  const files = fileOperands(p, ["e", "regexp", "f", "file"]);
  const directories = values(p, "d", "directories").at(-1);
  const recursive = hasFlag(p, "r", "R", "recursive", "dereference-recursive") || directories === "recurse";
  const out = patternFiles(cmd, p);
  if (!recursive) return [...out, ...files.filter((f) => f !== "-").map((f) => effectOf(cmd, "read", resolvePath(cmd, f), cmd.program))];
  const search: SearchFilter = {
    ...NO_FILTER,
    include: values(p, "include"),
    exclude: values(p, "exclude"),
    excludeDir: values(p, "exclude-dir"),
  };
  return [...out, ...roots(cmd, files.length > 0 ? files : ["."], `${cmd.program} -r`, search)];
}

/** The number of times a short flag letter was given (`-uu`, `-u -u`). */
function countShort(args: readonly string[], letter: string): number {
  let n = 0;
  for (const a of args) if (/^-[A-Za-z]+$/.test(a)) for (const ch of a.slice(1)) if (ch === letter) n++;
  return n;
}

function typeGlobs(types: readonly string[]): string[] {
  return types.flatMap((t) => RG_TYPES[t] ?? ["*"]);
}

/** `*.{ts,tsx}` -> `*.ts`, `*.tsx` (rg globs have braces, gitignore patterns do not; one level). */
export function expandBraces(glob: string): string[] {
  const m = /^(.*?)\{([^{}]*)\}(.*)$/.exec(glob);
  if (!m) return [glob];
  const [, pre = "", body = "", post = ""] = m;
  return body.split(",").flatMap((alt) => expandBraces(`${pre}${alt}${post}`));
}

/** What ripgrep reads, given its options: the agents' Grep tools run it with a glob and a type. */
export function ripgrepFilter(o: { hidden: boolean; noIgnore: boolean; types: readonly string[]; typesNot?: readonly string[]; globs: readonly string[] }): SearchFilter {
  const negTypes = typeGlobs(o.typesNot ?? []);
  return {
    hidden: o.hidden,
    gitignore: !o.noIgnore,
    include: typeGlobs(o.types),
    exclude: negTypes.includes("*") ? [] : negTypes,
    excludeDir: [],
    globs: o.globs.flatMap((g) => (g.startsWith("!") ? expandBraces(g.slice(1)).map((x) => `!${x}`) : expandBraces(g))),
  };
}

/** rg: recursive by default over `.`; hidden files and .gitignore'd files are skipped unless asked for. */
export function interpretRg(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  const p = parseArgs(args, RG_SPEC);
  if (hasFlag(p, "files", "type-list", "version", "V", "h", "help", "pcre2-version")) return [];
  const unrestricted = countShort(args, "u") + (hasFlag(p, "unrestricted") ? 1 : 0);
  const noIgnore = unrestricted >= 1 || hasFlag(p, "no-ignore", "no-ignore-vcs");
  const hidden = unrestricted >= 2 || hasFlag(p, ".", "hidden");
  const search = ripgrepFilter({
    hidden,
    noIgnore,
    types: values(p, "t", "type"),
    typesNot: values(p, "T", "type-not"),
    globs: [...values(p, "g", "glob"), ...values(p, "iglob")],
  });
  const files = fileOperands(p, ["e", "regexp", "f", "file"]);
  return [...patternFiles(cmd, p), ...roots(cmd, files.length > 0 ? files : ["."], cmd.program, search)];
}

/** ag (the silver searcher): like rg; -G REGEX limits the files (not modelled: the search stays whole). */
export function interpretAg(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { ...RG_SPEC, shortValued: "ABCGgmpW" });
  if (hasFlag(p, "list-file-types", "version", "V", "h", "help") || (hasFlag(p, "g") && p.operands.length <= 1)) return []; // ag -g lists names
  const unrestricted = hasFlag(p, "u", "unrestricted");
  const search: SearchFilter = {
    hidden: unrestricted || hasFlag(p, "hidden"),
    gitignore: !unrestricted && !hasFlag(p, "U", "skip-vcs-ignores"),
    include: [],
    exclude: [],
    excludeDir: values(p, "ignore", "ignore-dir"),
    globs: [],
  };
  const files = fileOperands(p, ["e", "regexp", "f", "file"]);
  return [...patternFiles(cmd, p), ...roots(cmd, files.length > 0 ? files : ["."], "ag", search)];
}

/** ack: recursive over `.` unless -n; reads hidden files (its ignore list is folders such as .git). */
export function interpretAck(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { ...RG_SPEC, shortValued: "eABCmG" });
  const files = fileOperands(p, ["e", "regexp", "f", "file"]);
  if (hasFlag(p, "f", "help", "version", "help-types")) return []; // ack -f lists file names only
  const search: SearchFilter = { ...NO_FILTER, excludeDir: values(p, "ignore-dir") };
  return [...patternFiles(cmd, p), ...roots(cmd, files.length > 0 ? files : ["."], "ack", search)];
}

export const SEARCH_TOOLS: Readonly<Record<string, (cmd: SimpleCommand) => FileEffect[]>> = {
  grep: interpretGrep,
  egrep: interpretGrep,
  fgrep: interpretGrep,
  zgrep: interpretGrep,
  rg: interpretRg,
  ag: interpretAg,
  ack: interpretAck,
};
