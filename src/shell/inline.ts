/** Inline interpreter code: `python -c`, `node -e`, `perl -e`, awk with system(), code piped to an interpreter. */
import type { Io, RWord } from "./model.js";

interface InlineResult {
  readonly inlineCode?: string;
  readonly unresolved?: boolean;
}

interface Scan {
  code: string[];
  unresolved: boolean;
  /** A script file (or `-m module`) was named: no code from stdin. */
  positional: boolean;
  /** `-` as the script: code comes from stdin. */
  dash: boolean;
}

/** Walk interpreter options: `codeFlag` recognises an option cluster that carries code (attached or next word). */
function scan(w: readonly RWord[], codeFlag: (v: string) => number, valueOpts: ReadonlySet<string>, stopAfterCode = false): Scan {
  const s: Scan = { code: [], unresolved: false, positional: false, dash: false };
  for (let i = 1; i < w.length; i++) {
    const word = w[i] as RWord;
    const v = word.value;
    if (v === "--") {
      s.positional = i + 1 < w.length;
      break;
    }
    if (v === "-") {
      s.dash = true;
      break;
    }
    if (!v.startsWith("-")) {
      s.positional = true;
      break;
    }
    const eq = v.indexOf("=");
    const at = codeFlag(eq > 0 ? v.slice(0, eq) : v);
    if (at > 0) {
      if (eq > 0 && v.startsWith("--")) {
        s.code.push(v.slice(eq + 1));
        s.unresolved ||= word.unresolved;
        continue;
      }
      const attached = v.slice(at);
      const next = w[i + 1];
      if (attached) s.code.push(attached);
      else if (next) {
        s.code.push(next.value);
        s.unresolved ||= next.unresolved;
        i++;
      }
      s.unresolved ||= word.unresolved;
      if (stopAfterCode) break;
      continue;
    }
    if (v === "-m") {
      s.positional = true;
      break;
    }
    if (valueOpts.has(v)) i++;
  }
  return s;
}

/** Returns the index after the code-carrying letter, or 0: `-c` -> 2, `-Bc` -> 3, `--eval` -> 6. */
function clusterEndingIn(letters: string, allowed: RegExp, longs: readonly string[] = []): (v: string) => number {
  return (v) => {
    if (longs.includes(v)) return v.length;
    if (v.startsWith("--") || !allowed.test(v)) return 0;
    for (let k = 1; k < v.length; k++) if (letters.includes(v.charAt(k))) return k + 1;
    return 0;
  };
}

const PYTHON = clusterEndingIn("c", /^-[bBdEhiIOPqsSuvVx]*c/);
const NODE = clusterEndingIn("ep", /^-[ep]$/, ["--eval", "--print", "-e", "-p", "-pe"]);
const PERL = clusterEndingIn("eE", /^-[nplaswWXtTcCSu0-9]*[eE]/);
const RUBY = clusterEndingIn("e", /^-[nplaswWvdcy]*e/);
const SIMPLE_E = clusterEndingIn("e", /^-e/);
const PHP = clusterEndingIn("r", /^-r/);
const PWSH = (v: string): number => (/^-(c|command|Command|enc|EncodedCommand|e)$/.test(v) ? v.length : 0);
const AWK_EXEC = /system[ \t]*\(|getline|\|[ \t]*"|\|&/;

function fromStdin(s: Scan, io: Io): InlineResult | undefined {
  if (s.code.length > 0) return { inlineCode: s.code.join("\n"), unresolved: s.unresolved };
  if (s.positional) return undefined;
  if (io.stdin === "terminal" && !s.dash) return undefined;
  if (io.stdinText !== undefined) return { inlineCode: io.stdinText };
  return s.dash || io.stdin !== "terminal" ? { unresolved: true } : undefined;
}

function awk(w: readonly RWord[]): InlineResult | undefined {
  let i = 1;
  const code: string[] = [];
  for (; i < w.length; i++) {
    const v = (w[i] as RWord).value;
    if (v === "--") {
      i++;
      break;
    }
    if (!v.startsWith("-") || v === "-") break;
    if (v === "-f" || v.startsWith("--file")) return undefined;
    if (v === "-e" || v === "--source") {
      code.push(w[i + 1]?.value ?? "");
      i++;
    } else if (v === "-F" || v === "-v" || v === "-i" || v === "-l") i++;
  }
  if (code.length === 0 && w[i]) code.push((w[i] as RWord).value);
  const text = code.join("\n");
  return AWK_EXEC.test(text) ? { inlineCode: text } : undefined;
}

/** Inline code run by `program`; undefined when the program is not an interpreter given code. */
export function inlineFor(program: string, w: readonly RWord[], io: Io): InlineResult | undefined {
  switch (program) {
    case "python":
    case "pypy":
    case "pypy3":
      return fromStdin(scan(w, PYTHON, new Set(["-W", "-X"]), true), io);
    case "node":
    case "bun":
      return fromStdin(scan(w, NODE, new Set(["-r", "--require", "--import", "--loader"])), io);
    case "perl":
      return fromStdin(scan(w, PERL, new Set(["-I", "-M", "-m"])), io);
    case "ruby":
      return fromStdin(scan(w, RUBY, new Set(["-I", "-r"])), io);
    case "php":
      return fromStdin(scan(w, PHP, new Set(["-c", "-d"])), io);
    case "lua":
    case "Rscript":
    case "osascript":
      return fromStdin(scan(w, SIMPLE_E, new Set(["-l"])), io);
    case "pwsh":
    case "powershell":
      return fromStdin(scan(w, PWSH, new Set(["-File", "-f"])), io);
    case "deno":
      if (w[1]?.value !== "eval") return undefined;
      return { inlineCode: w.slice(2).find((x) => !x.value.startsWith("-"))?.value ?? "" };
    case "awk":
    case "gawk":
    case "mawk":
    case "nawk":
      return awk(w);
    default:
      return undefined;
  }
}
