/** A small getopt: skip a wrapper's own options to find the command it runs. */
import type { RWord } from "./model.js";

export interface OptSpec {
  /** Short option letters that take a value (`-u USER`, `-uUSER`). */
  readonly short?: string;
  /** Long option names (without `--`) that take a value (`--user USER`, `--user=USER`). */
  readonly long?: readonly string[];
  /** Words like `-10` are options too (nice). */
  readonly numeric?: boolean;
}

export interface Parsed {
  /** Options in order: name (a letter or a long name) and its value, or "" for a flag. */
  readonly opts: readonly (readonly [string, string])[];
  /** Index of the first word after the options (and after a `--`). */
  readonly index: number;
  /** Whether a `--` ended the options. */
  readonly dashdash: boolean;
}

/** Parse options starting at `start`; values are taken from the next word when not attached. */
export function parseOptions(words: readonly RWord[], start: number, spec: OptSpec): Parsed {
  const opts: [string, string][] = [];
  const short = spec.short ?? "";
  const long = spec.long ?? [];
  let i = start;
  while (i < words.length) {
    const w = (words[i] as RWord).value;
    if (w === "--") return { opts, index: i + 1, dashdash: true };
    if (!w.startsWith("-") || w === "-") break;
    if (w.startsWith("--")) {
      const eq = w.indexOf("=");
      const name = eq < 0 ? w.slice(2) : w.slice(2, eq);
      if (eq >= 0) opts.push([name, w.slice(eq + 1)]);
      else if (long.includes(name)) {
        opts.push([name, words[i + 1]?.value ?? ""]);
        i++;
      } else opts.push([name, ""]);
      i++;
      continue;
    }
    if (spec.numeric && /^-\d+$/.test(w)) {
      opts.push([w.slice(1), ""]);
      i++;
      continue;
    }
    let consumedNext = false;
    for (let k = 1; k < w.length; k++) {
      const letter = w.charAt(k);
      if (short.includes(letter)) {
        if (k + 1 < w.length) opts.push([letter, w.slice(k + 1)]);
        else {
          opts.push([letter, words[i + 1]?.value ?? ""]);
          consumedNext = true;
        }
        break;
      }
      opts.push([letter, ""]);
    }
    i += consumedNext ? 2 : 1;
  }
  return { opts, index: Math.min(i, words.length), dashdash: false };
}

export function hasOpt(p: Parsed, ...names: string[]): boolean {
  return p.opts.some(([n]) => names.includes(n));
}

export function optValue(p: Parsed, ...names: string[]): string | undefined {
  let v: string | undefined;
  for (const [n, val] of p.opts) if (names.includes(n)) v = val;
  return v;
}

export function optValues(p: Parsed, ...names: string[]): string[] {
  return p.opts.filter(([n]) => names.includes(n)).map(([, v]) => v);
}

const ASSIGN = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** `NAME=value` as an env-style argument (`env V=v`, `sudo V=v`). */
export function isAssignWord(w: string): boolean {
  return ASSIGN.test(w);
}
