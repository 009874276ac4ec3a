/** Scripts in other languages: which word names the script file, and whether its text runs processes. */
import type { RWord } from "../model.js";

/** Options that take a value, per interpreter (the script file is the first operand after the options). */
const VALUE_OPTS: Readonly<Record<string, ReadonlySet<string>>> = {
  python: new Set(["-W", "-X", "--check-hash-based-pycs"]),
  node: new Set(["-r", "--require", "--import", "--loader", "--experimental-loader", "-C", "--conditions", "--env-file", "--title"]),
  ruby: new Set(["-I", "-r", "-C", "-E", "-F"]),
  perl: new Set(["-I", "-M", "-m", "-x"]),
  bun: new Set(["-r", "--preload", "--cwd", "--env-file"]),
  deno: new Set(["--config", "-c", "--import-map", "--env-file"]),
  ts: new Set(),
};

/** Options after which the script is not a file (inline code, a module): inline.ts reads those. */
const NOT_A_FILE = new Set(["-c", "-m", "-e", "-E", "-p", "--eval", "--print", "-"]);

export const INTERPRETERS: ReadonlySet<string> = new Set(["python", "pypy", "pypy3", "node", "ruby", "perl", "bun", "deno", "tsx", "ts-node", "go"]);

/** The word naming the script file: `python3 -u deploy.py` -> deploy.py; `go run main.go`; `bun run x.ts`. */
export function interpreterFile(program: string, w: readonly RWord[]): RWord | undefined {
  let start = 1;
  if (program === "go") {
    if (w[1]?.value !== "run") return undefined;
    // `go run FILE.go ARGS`; a package path (`go run .`) is a directory of files: not followed.
    const file = w.slice(2).find((x) => !x.value.startsWith("-"));
    return file && file.value.endsWith(".go") ? file : undefined;
  }
  if ((program === "bun" || program === "deno") && w[1]?.value === "run") start = 2;
  const valueOpts = VALUE_OPTS[program === "pypy" || program === "pypy3" ? "python" : program] ?? new Set<string>();
  for (let i = start; i < w.length; i++) {
    const v = (w[i] as RWord).value;
    if (v === "--") return w[i + 1];
    if (NOT_A_FILE.has(v) || /^-[A-Za-z]*[cme]$/.test(v)) return undefined;
    if (!v.startsWith("-")) return w[i];
    if (valueOpts.has(v)) i++;
  }
  return undefined;
}

/** Process-running calls per language family (names of a guarded CLI elsewhere, say in a print, do not run it). */
const PYTHON = /\b(?:subprocess|os\.system|os\.popen|os\.exec\w*|os\.spawn\w*|pty\.spawn|sh\.\w+|plumbum|invoke\.run|pexpect)\b/;
const JS = /\b(?:child_process|execSync|execFileSync|spawnSync|execa|shelljs|zx|Bun\.spawn\w*|Bun\.\$|Deno\.Command|Deno\.run)\b|\$`/;
const RUBY_PERL = /`|\b(?:system|exec|spawn|popen|Open3|IO\.popen|qx|%x|open3|Process\.spawn)\b|open\s*\(\s*[A-Za-z$]*\s*,\s*["']\|/;
const GO = /\bos\/exec\b|\bexec\.Command\b|\bsyscall\.Exec\b/;

export function runsProcesses(program: string, text: string): boolean {
  switch (program) {
    case "python":
    case "pypy":
    case "pypy3":
      return PYTHON.test(text);
    case "node":
    case "bun":
    case "deno":
    case "tsx":
    case "ts-node":
      return JS.test(text);
    case "ruby":
    case "perl":
      return RUBY_PERL.test(text);
    case "go":
      return GO.test(text);
    default:
      return true;
  }
}
