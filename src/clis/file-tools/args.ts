/** GNU getopt-style argument parsing and path resolution shared by the file tools. Pure. */
import path from "node:path";
import type { FileEffect, FileOp, SimpleCommand } from "../../shell/types.js";
import { trimTrailingSlashes } from "../../util/text.js";

export interface OptionSpec {
  /** Short options that take a value (attached `-tDIR` or the next word `-t DIR`). */
  readonly shortValued?: string;
  /** Long options that take a value (`--name=v` or `--name v`). */
  readonly longValued?: readonly string[];
  /** Options may appear after operands (GNU permutation). Default true. */
  readonly permute?: boolean;
}

export interface ParsedArgs {
  /** Short letters and long names that were given (without dashes); valued ones too. */
  readonly flags: ReadonlySet<string>;
  /** Values of valued options, by letter or long name, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly operands: readonly string[];
}

/** Parse argv[1..] the way getopt_long does (permuting, `--` ends options, `-` is an operand). */
export function parseArgs(args: readonly string[], spec: OptionSpec = {}): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string[]>();
  const operands: string[] = [];
  const shortValued = spec.shortValued ?? "";
  const longValued = new Set(spec.longValued ?? []);
  const permute = spec.permute ?? true;
  const put = (k: string, v: string): void => {
    flags.add(k);
    const list = values.get(k) ?? [];
    list.push(v);
    values.set(k, list);
  };
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") {
      i++;
      break;
    }
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) put(name, a.slice(eq + 1));
      else if (longValued.has(name) && i + 1 < args.length) put(name, args[++i] ?? "");
      else flags.add(name);
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] ?? "";
        if (shortValued.includes(ch)) {
          const rest = a.slice(j + 1);
          if (rest.length > 0) put(ch, rest);
          else if (i + 1 < args.length) put(ch, args[++i] ?? "");
          else flags.add(ch);
          break;
        }
        flags.add(ch);
      }
      continue;
    }
    operands.push(a);
    if (!permute) {
      i++;
      break;
    }
  }
  for (; i < args.length; i++) operands.push(args[i] ?? "");
  return { flags, values, operands };
}

/** The last value of an option under any of its names, or undefined. */
export function lastValue(p: ParsedArgs, ...names: string[]): string | undefined {
  let out: string | undefined;
  for (const n of names) {
    const v = p.values.get(n);
    if (v && v.length > 0) out = v[v.length - 1];
  }
  return out;
}

export function hasFlag(p: ParsedArgs, ...names: string[]): boolean {
  return names.some((n) => p.flags.has(n));
}

/** bash extglob patterns (`!(main.tf)`, `@(a|b)`, `+(x)`, `*(x)`, `?(x)`) widened to `*`: a superset of what they match. */
function widenExtglob(p: string): string {
  return p.replace(/[!@+*?]\([^()/]*\)/g, "*");
}

/** Expand `~` and `~/x` with HOME, then resolve against the command's cwd. */
export function resolvePath(cmd: SimpleCommand, p: string): string {
  let s = widenExtglob(p);
  const home = cmd.env.HOME;
  if (home && (s === "~" || s.startsWith("~/"))) s = path.join(home, s.slice(1));
  return path.resolve(cmd.cwd, s);
}

/** Remote operands of scp / rsync (`host:path`, `user@host:path`, `rsync://`) are not local files. */
export function isRemote(p: string): boolean {
  if (p.startsWith("/") || p.startsWith("./") || p.startsWith("../") || p.startsWith("~")) return false;
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(p) || /^[^/:]+:/.test(p);
}

export interface EffectExtra {
  readonly archive?: string;
  readonly members?: readonly string[];
  /** Only when this path is an existing directory (FileEffect.ifDirectory). */
  readonly ifDirectory?: string;
}

/** Build a FileEffect for the command; archive effects start with membersKnown false. */
export function effectOf(cmd: SimpleCommand, op: FileOp, abs: string, via: string, extra: EffectExtra = {}): FileEffect {
  const base = { op, path: abs, via, text: cmd.text, ...(extra.ifDirectory !== undefined ? { ifDirectory: extra.ifDirectory } : {}) };
  if (extra.archive === undefined) return base;
  return { ...base, archive: extra.archive, membersKnown: false, ...(extra.members ? { members: extra.members } : {}) };
}

/** A destination that may be a directory: the path itself and `dir/<basename of source>`. */
export function destinationPaths(cmd: SimpleCommand, dest: string, sources: readonly string[]): string[] {
  const abs = resolvePath(cmd, dest);
  const out = [abs];
  for (const s of sources) {
    const base = path.basename(trimTrailingSlashes(s));
    if (base && base !== "." && base !== "..") out.push(path.join(abs, base));
  }
  return [...new Set(out)];
}

/** Does a word hold an unexpanded glob (`*.tfstate`, `state-?.json`, `[ab].tf`)? */
export function hasGlob(word: string): boolean {
  return /[*?[]/.test(word);
}
