/** Readers are a class: a program that reads a file named on its command line puts (part of) it into the
 *  agent's context, whatever the program. awk, jq, yq, sqlite3, diff, sort, cut, hexdump, openssl, python
 *  and node given a path, `find -exec cat {}` ... each yields file.read effects. Pure. */
import type { FileEffect, SearchFilter, SimpleCommand } from "../../shell/types.js";
import { effectOf, hasFlag, parseArgs, resolvePath, type OptionSpec } from "./args.js";

type Tool = (cmd: SimpleCommand) => FileEffect[];

function readAll(cmd: SimpleCommand, files: readonly string[], via: string = cmd.program): FileEffect[] {
  return files.filter((f) => f !== "-" && f !== "").map((f) => effectOf(cmd, "read", resolvePath(cmd, f), via));
}

/** Tools whose every operand is a file they read, with their valued options. */
const PLAIN: Readonly<Record<string, OptionSpec>> = {
  sort: { shortValued: "ktSTo", longValued: ["key", "field-separator", "buffer-size", "temporary-directory", "output", "parallel", "files0-from", "batch-size", "compress-program", "sort"] },
  uniq: { shortValued: "fsw", longValued: ["skip-fields", "skip-chars", "check-chars", "group", "all-repeated"] },
  cut: { shortValued: "bcdf", longValued: ["bytes", "characters", "delimiter", "fields", "output-delimiter"] },
  paste: { shortValued: "d", longValued: ["delimiters"] },
  fold: { shortValued: "w", longValued: ["width"] },
  rev: {},
  expand: { shortValued: "t", longValued: ["tabs"] },
  column: { shortValued: "cstoNlRHWEJdr", longValued: ["separator", "output-separator", "table-columns", "output-width"] },
  fmt: { shortValued: "wpg", longValued: ["width", "prefix", "goal"] },
  pr: { shortValued: "eHhiNnolswW", longValued: ["header", "width", "page-width", "length", "indent"] },
  hexdump: { shortValued: "efns", longValued: [] },
  hd: { shortValued: "efns", longValued: [] },
  zcat: {},
  bzcat: {},
  xzcat: {},
  zless: {},
  zmore: {},
  view: {},
  comm: { longValued: ["output-delimiter"] },
  cmp: { shortValued: "inI", longValued: ["ignore-initial", "bytes"] },
  iconv: { shortValued: "fto", longValued: ["from-code", "to-code", "output"] },
  gpg: { shortValued: "uroR", longValued: ["local-user", "recipient", "output", "homedir", "passphrase-file"] },
};

/** awk 'program' FILE...; -f progfile: every operand is a file. */
function interpretAwk(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "Ffv", longValued: ["field-separator", "file", "assign", "include", "load", "source", "exec"] });
  const progFiles = [...(p.values.get("f") ?? []), ...(p.values.get("file") ?? []), ...(p.values.get("exec") ?? [])];
  const inline = progFiles.length === 0 && !p.values.has("source");
  const files = (inline ? p.operands.slice(1) : p.operands).filter((o) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(o)); // var=value operands
  return [...readAll(cmd, progFiles, "awk -f"), ...readAll(cmd, files)];
}

/** jq FILTER [FILES...]; two-valued options (--arg name value) and --args / --jsonargs (the rest are values). */
function interpretJq(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  const operands: string[] = [];
  const reads: string[] = [];
  let fromFile = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--args" || a === "--jsonargs") break;
    if (a === "--arg" || a === "--argjson") i += 2;
    else if (a === "--slurpfile" || a === "--rawfile") {
      reads.push(args[i + 2] ?? "");
      i += 2;
    } else if (a === "--indent" || a === "-L" || a === "--library-path") i++;
    else if (a === "-f" || a === "--from-file") {
      fromFile = true;
      reads.push(args[++i] ?? "");
    } else if (a === "--") operands.push(...args.slice(i + 1));
    else if (!a.startsWith("-") || a === "-") operands.push(a);
    if (a === "--") break;
  }
  return readAll(cmd, [...reads, ...(fromFile ? operands : operands.slice(1))]);
}

/** yq [eval|e|eval-all|ea] EXPRESSION FILE... (mikefarah); `yq FILE` alone reads FILE with the `.` expression. */
function interpretYq(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "oIpsf", longValued: ["output-format", "indent", "input-format", "split-exp", "front-matter", "expression", "arg", "from-file"] });
  let operands = [...p.operands];
  if (["eval", "e", "eval-all", "ea"].includes(operands[0] ?? "")) operands = operands.slice(1);
  const exprGiven = p.values.has("expression") || p.values.has("from-file");
  const lone = operands.length === 1 && /[/~]|\.(ya?ml|json|toml|xml|properties|csv|tsv)$/i.test(operands[0] ?? "") && !/^\.[A-Za-z_[]/.test(operands[0] ?? "");
  const files = exprGiven || lone ? operands : operands.slice(1);
  // -i / --inplace writes the result back into the files.
  const inplace = p.flags.has("i") || p.flags.has("inplace") ? files.map((f) => effectOf(cmd, "write", resolvePath(cmd, f), "yq -i")) : [];
  return [...readAll(cmd, [...(p.values.get("from-file") ?? []), ...files]), ...inplace];
}

const SQLITE_VALUED = new Set(["-cmd", "-separator", "-newline", "-nullvalue", "-vfs", "-maxsize", "-mmap", "-lookaside", "-pagecache", "-heap", "-A", "-init"]);

/** sqlite3 [OPTIONS] DATABASE [SQL]: the database is read (a credential store such as gcloud's credentials.db).
 *  sqlite3 itself is interpreted by src/clis/databases/ (its statements), which adds these reads. */
export function sqliteReads(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  const reads: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-init") reads.push(args[i + 1] ?? "");
    if (SQLITE_VALUED.has(a) || SQLITE_VALUED.has(a.replace(/^--/, "-"))) i++;
    else if (!a.startsWith("-")) {
      if (a !== ":memory:") reads.push(a);
      break;
    }
  }
  return readAll(cmd, reads);
}

const EVERYTHING: SearchFilter = { hidden: true, gitignore: false, include: [], exclude: [], excludeDir: [], globs: [] };

/** diff A B (and -r: both trees are read). */
function interpretDiff(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), {
    shortValued: "UCIxXSLFWD",
    longValued: ["unified", "context", "ignore-matching-lines", "exclude", "exclude-from", "starting-file", "label", "show-function-line", "width", "ifdef", "line-format", "old-line-format", "new-line-format", "unchanged-line-format", "to-file", "from-file", "tabsize", "color", "palette"],
  });
  const files = [...p.operands, ...(p.values.get("to-file") ?? []), ...(p.values.get("from-file") ?? [])];
  if (!hasFlag(p, "r", "recursive")) return readAll(cmd, files);
  const search: SearchFilter = { ...EVERYTHING, exclude: [...(p.values.get("x") ?? []), ...(p.values.get("exclude") ?? [])] };
  return files.filter((f) => f !== "-").map((f) => ({ ...effectOf(cmd, "read", resolvePath(cmd, f), "diff -r"), search }));
}

/** openssl SUBCOMMAND -in FILE ... (prints keys and certificates); -out is a write. */
function interpretOpenssl(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  const out: FileEffect[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    const v = args[i + 1];
    if (v === undefined) break;
    if (["-in", "-key", "-inkey", "-CAkey", "-kfile", "-pass"].includes(a) && !/^(pass|env|fd|stdin):/.test(v)) out.push(effectOf(cmd, "read", resolvePath(cmd, v.replace(/^file:/, "")), "openssl"));
    if (a === "-out") out.push(effectOf(cmd, "write", resolvePath(cmd, v), "openssl -out"));
  }
  return out;
}

/** zip ARCHIVE FILES...: the files are read (into an archive, or to stdout with `-`); the archive is written. */
function interpretZip(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "bnOtxiZPs", longValued: ["temp-path", "suffixes", "out", "exclude", "include", "password", "split-size"] });
  const [archive, ...files] = p.operands;
  if (archive === undefined) return [];
  const out = readAll(cmd, files, "zip");
  if (archive !== "-") out.push(effectOf(cmd, "write", resolvePath(cmd, archive), "zip"));
  return out;
}

/** Quoted literals in inline code that look like paths: '/x', '~/x', './x', '.env', 'x/.aws/credentials'. */
const PATH_LITERAL = /["'`]((?:~|\.{1,2})?\/[^"'`\s]+|\.env[^"'`\s/]*)["'`]/g;

/** Paths named in inline code (python -c, node -e): `open('/home/u/.aws/credentials')`. A literal that
 *  begins with `/.` may be joined to the home directory (`os.environ['HOME'] + '/.aws/credentials'`). */
function inlinePaths(cmd: SimpleCommand, code: string): FileEffect[] {
  const out: FileEffect[] = [];
  for (const m of code.matchAll(PATH_LITERAL)) {
    const lit = m[1] ?? "";
    out.push(effectOf(cmd, "read", resolvePath(cmd, lit), `${cmd.program} code`));
    const home = cmd.env.HOME;
    if (lit.startsWith("/.") && home) out.push(effectOf(cmd, "read", resolvePath(cmd, `~${lit}`), `${cmd.program} code`));
  }
  return out;
}

/** Quoted literals in inline code that name the guard's or an agent's hook files (`.claude`, `.infragate/`,
 *  `.git/hooks`, `.husky`, ...): code that names them may change or delete them (`os.remove('.claude/settings.json')`,
 *  `shutil.rmtree('.claude')`), so each is a delete of that path and what lies under it. */
const GUARD_LITERAL = /["'`]([^"'`\s]*(?:\.claude|\.infragate|\.gemini|\.codex|\.cursor|\.husky|\.git\/hooks|\.git\/config|\.pre-commit-config\.ya?ml|lefthook[^"'`\s/]*\.ya?ml|node_modules\/infragate)(?:\/[^"'`\s]*)?)["'`]/g;

function inlineGuardPaths(cmd: SimpleCommand, code: string): FileEffect[] {
  return [...code.matchAll(GUARD_LITERAL)].map((m) => {
    const abs = resolvePath(cmd, m[1] ?? "");
    return effectOf(cmd, "delete", abs, `${cmd.program} code`, { archive: abs });
  });
}

/** python / node / ruby / bun / deno: `SCRIPT ARGS`: the script and every argument are files it may read.
 *  Inline code (-c / -e / -p) is scanned for quoted paths. */
function interpretRuntime(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  const code = cmd.inlineCode;
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (["-c", "-e", "-p", "--eval", "--print", "-m", "-r", "--require", "--import", "-W", "-X", "-O", "--loader"].includes(a)) {
      if (a === "-m" || a === "-c" || a === "-e" || a === "--eval" || a === "-p" || a === "--print") {
        operands.push(...args.slice(i + 2));
        break;
      }
      i++;
    } else if (a === "run" && ["deno", "bun"].includes(cmd.program) && operands.length === 0) continue;
    else if (!a.startsWith("-")) operands.push(a);
  }
  return [...readAll(cmd, operands.filter((o) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(o))), ...(code ? [...inlinePaths(cmd, code), ...inlineGuardPaths(cmd, code)] : [])];
}

/** find ROOTS ... -exec|-execdir|-ok PROGRAM ... {}: the found files are read by the program; each root is
 *  searched, limited to the -name / -iname patterns. */
function interpretFindExec(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  const at = args.findIndex((a) => a === "-exec" || a === "-execdir" || a === "-ok" || a === "-okdir");
  if (at < 0 || !args.slice(at).includes("{}")) return [];
  const roots: string[] = [];
  let i = 0;
  while (i < args.length && !/^[-(!]/.test(args[i] ?? "")) roots.push(args[i++] ?? "");
  const names: string[] = [];
  for (let j = i; j < at; j++) if (args[j] === "-name" || args[j] === "-iname") names.push(args[j + 1] ?? "");
  const search: SearchFilter = { ...EVERYTHING, include: names };
  return (roots.length > 0 ? roots : ["."]).map((r) => ({ ...effectOf(cmd, "read", resolvePath(cmd, r), "find -exec"), search }));
}

const RUNTIMES = ["python", "python3", "node", "ruby", "bun", "deno"];

export const READER_TOOLS: Readonly<Record<string, Tool>> = {
  ...Object.fromEntries(Object.entries(PLAIN).map(([name, spec]): [string, Tool] => [name, (cmd) => readAll(cmd, parseArgs(cmd.argv.slice(1), spec).operands)])),
  awk: interpretAwk,
  gawk: interpretAwk,
  mawk: interpretAwk,
  nawk: interpretAwk,
  jq: interpretJq,
  gojq: interpretJq,
  yq: interpretYq,
  diff: interpretDiff,
  colordiff: interpretDiff,
  sdiff: interpretDiff,
  diff3: interpretDiff,
  openssl: interpretOpenssl,
  zip: interpretZip,
  ...Object.fromEntries(RUNTIMES.map((r): [string, Tool] => [r, interpretRuntime])),
};

/** Extra effects of `find` (its -delete effects are in remove.ts). */
export const findExecReads: Tool = interpretFindExec;
