/** Static word expansion: quotes removed, line-known variables substituted, unknowns marked. */
import type { DoubleQuotedChild, ParameterExpansionPart, Word, WordPart, CommandExpansionPart } from "unbash";
import type { RWord, Scope } from "./model.js";
import { basename } from "./paths.js";
import { substitutionOutput, type WordResolver } from "./literal.js";

/** Names and the positional parameters a followed script binds (`$1`, `$#`, `$@`, `$*`: src/shell/project). */
const PARAM = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9]+|[#@*])$/;
const IFS = /[ \t\n]+/;
const MAX_FIELDS = 256;

/** Value of a variable known from the line (or HOME/PWD), null when it cannot be known. */
export function lookupVar(name: string, scope: Scope): string | null {
  if (Object.prototype.hasOwnProperty.call(scope.vars, name)) return scope.vars[name] ?? null;
  if (name === "PWD") return scope.cwdUnresolved ? null : scope.cwd;
  if (name === "OLDPWD") return scope.oldpwd ?? null;
  if (name === "HOME") return scope.env["HOME"] ?? null;
  return null;
}

/** Accumulates fields the way the shell does: quoted text glues, unquoted expansions split on IFS. */
class Fields {
  readonly out: RWord[] = [];
  private cur = "";
  private unres = false;
  private glob = false;
  private started = false;
  lit(s: string): void {
    this.cur += s;
    this.started = true;
  }
  unknown(text: string): void {
    this.cur += text;
    this.unres = true;
    this.started = true;
  }
  globText(text: string): void {
    this.cur += text;
    this.glob = true;
    this.started = true;
  }
  split(s: string): void {
    const pieces = s.split(IFS);
    pieces.forEach((piece, k) => {
      if (k > 0) this.end();
      if (piece !== "") this.lit(piece);
    });
  }
  end(): void {
    if (this.started && this.out.length < MAX_FIELDS) {
      this.out.push(this.glob ? { value: this.cur, unresolved: this.unres, glob: true } : { value: this.cur, unresolved: this.unres });
    }
    this.cur = "";
    this.unres = false;
    this.glob = false;
    this.started = false;
  }
}

/** `$(which X)`, `$(command -v X)`, `$(type -P X)`: the program X itself. */
function whichTarget(part: CommandExpansionPart): string | null {
  const stmts = part.script?.commands;
  if (!stmts || stmts.length !== 1) return null;
  const cmd = stmts[0]?.command;
  if (!cmd || cmd.type !== "Command" || !cmd.name || cmd.prefix.length > 0) return null;
  const words: string[] = [];
  for (const a of cmd.suffix) {
    if (a.type !== "Word" || a.parts?.some((p) => p.type !== "Literal" && p.type !== "SingleQuoted" && p.type !== "DoubleQuoted")) return null;
    if (a.type === "Word" && a.text.includes("$")) return null;
    words.push(a.value);
  }
  const name = cmd.name.value;
  const args = words.filter((w) => !w.startsWith("-"));
  const flags = words.filter((w) => w.startsWith("-"));
  const ok =
    name === "which" ||
    (name === "command" && flags.some((f) => f === "-v" || f === "-V")) ||
    (name === "type" && flags.some((f) => f === "-P" || f === "-p"));
  if (!ok || args.length !== 1 || !args[0]) return null;
  return basename(args[0]);
}

function paramValue(p: ParameterExpansionPart, scope: Scope): string | null {
  if (!PARAM.test(p.parameter) || p.index) return null;
  if (p.prefix === "#" && !p.operation) {
    const v = lookupVar(p.parameter, scope);
    return v === null ? null : String(v.length);
  }
  if (p.prefix) return null;
  const v = lookupVar(p.parameter, scope);
  const op = p.operation;
  if (!op) return v;
  if (op.type !== "Default") return null;
  const operand = () => {
    const f = resolveJoined(op.operand, scope);
    return f.unresolved ? null : f.value;
  };
  switch (op.operator) {
    case "-":
    case "=":
      return v;
    case ":-":
    case ":=":
      if (v !== null && v !== "") return v;
      return v === "" ? operand() : null;
    case "+":
    case ":+":
      if (v === null) return null;
      return v === "" && op.operator === ":+" ? "" : operand();
    case "?":
    case ":?":
      return v;
  }
}

function expansionValue(part: WordPart | DoubleQuotedChild, scope: Scope): string | null {
  switch (part.type) {
    case "SimpleExpansion": {
      const name = part.text.slice(1);
      return PARAM.test(name) ? lookupVar(name, scope) : null;
    }
    case "ParameterExpansion":
      return paramValue(part, scope);
    case "CommandExpansion":
      return whichTarget(part) ?? substitutionOutput(part.script, scope, WORDS);
    default:
      return null;
  }
}

function addDoubleQuoted(children: readonly DoubleQuotedChild[], f: Fields, scope: Scope): void {
  f.lit("");
  for (const c of children) {
    switch (c.type) {
      case "Literal":
        f.lit(c.value);
        break;
      case "SimpleExpansion":
      case "ParameterExpansion":
      case "CommandExpansion": {
        const v = expansionValue(c, scope);
        if (v === null) f.unknown(c.text);
        else if (c.text === "$@" || c.text === "${@}") f.split(v); // "$@": one field per argument
        else f.lit(v);
        break;
      }
      case "ArithmeticExpansion":
        f.unknown(c.text);
        break;
      default: {
        const never: never = c;
        f.unknown((never as { text: string }).text);
      }
    }
  }
}

function addPart(part: WordPart, f: Fields, scope: Scope, brace: ReadonlyMap<WordPart, string>): void {
  switch (part.type) {
    case "Literal":
      f.lit(part.value);
      return;
    case "SingleQuoted":
    case "AnsiCQuoted":
      f.lit(part.value);
      return;
    case "DoubleQuoted":
    case "LocaleString":
      addDoubleQuoted(part.parts, f, scope);
      return;
    case "Glob":
    case "ExtendedGlob":
      f.globText(part.text);
      return;
    case "SimpleExpansion":
    case "ParameterExpansion":
    case "CommandExpansion": {
      const v = expansionValue(part, scope);
      if (v === null) f.unknown(part.text);
      else f.split(v);
      return;
    }
    case "ArithmeticExpansion":
    case "ProcessSubstitution":
      f.unknown(part.text);
      return;
    case "BraceExpansion": {
      const chosen = brace.get(part);
      if (chosen === undefined) f.globText(part.text);
      else f.lit(chosen);
      return;
    }
    default: {
      const never: never = part;
      f.unknown((never as { text: string }).text);
    }
  }
}

/** Alternatives of a simple `{a,b}` or `{1..3}` brace; null when too complex to expand statically. */
function braceAlternatives(text: string): string[] | null {
  const inner = text.slice(1, -1);
  if (!/^[A-Za-z0-9_.,/:=+@%-]*$/.test(inner)) return null;
  const range = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])$/.exec(inner);
  if (range && range[1] !== undefined && range[2] !== undefined) {
    const num = /\d/.test(range[1]);
    const a = num ? Number(range[1]) : range[1].charCodeAt(0);
    const b = num ? Number(range[2]) : range[2].charCodeAt(0);
    if (Math.abs(b - a) > 64) return null;
    const out: string[] = [];
    const step = a <= b ? 1 : -1;
    for (let i = a; step > 0 ? i <= b : i >= b; i += step) out.push(num ? String(i) : String.fromCharCode(i));
    return out;
  }
  if (!inner.includes(",")) return null;
  return inner.split(",");
}

function tilde(value: string, scope: Scope): string | null {
  const slash = value.indexOf("/");
  const head = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? "" : value.slice(slash);
  if (head === "~") return scope.env["HOME"] !== undefined ? scope.env["HOME"] + rest : null;
  if (head === "~+") return scope.cwd + rest;
  if (head === "~-") return scope.oldpwd !== undefined ? scope.oldpwd + rest : null;
  return value;
}

function fieldsOnce(word: Word, scope: Scope, brace: ReadonlyMap<WordPart, string>): RWord[] {
  const f = new Fields();
  const parts = word.parts;
  if (!parts) {
    f.lit(word.value);
  } else {
    for (const p of parts) addPart(p, f, scope, brace);
  }
  f.end();
  if (word.text.startsWith("~") && f.out.length > 0) {
    const first = f.out[0] as RWord;
    const t = tilde(first.value, scope);
    f.out[0] = t === null ? { value: first.value, unresolved: true } : { ...first, value: t };
  }
  return f.out;
}

/** Expand one word into its argv fields (brace expansion, IFS splitting of unquoted expansions). */
export function resolveWord(word: Word, scope: Scope): RWord[] {
  const braces = word.parts?.filter((p) => p.type === "BraceExpansion") ?? [];
  if (braces.length === 0) return fieldsOnce(word, scope, new Map());
  let combos: Map<WordPart, string>[] = [new Map()];
  for (const b of braces) {
    const alts = braceAlternatives(b.text);
    if (!alts) return fieldsOnce(word, scope, new Map());
    const next: Map<WordPart, string>[] = [];
    for (const c of combos) for (const a of alts) next.push(new Map(c).set(b, a));
    if (next.length > 64) return fieldsOnce(word, scope, new Map());
    combos = next;
  }
  return combos.flatMap((c) => fieldsOnce(word, scope, c));
}

/** One string for contexts without field splitting (redirect targets, assignments, here-strings). */
export function resolveJoined(word: Word, scope: Scope): RWord {
  const f = new Fields();
  if (!word.parts) f.lit(word.value);
  else
    for (const p of word.parts) {
      if (p.type === "SimpleExpansion" || p.type === "ParameterExpansion" || p.type === "CommandExpansion") {
        const v = expansionValue(p, scope);
        if (v === null) f.unknown(p.text);
        else f.lit(v);
      } else addPart(p, f, scope, new Map());
    }
  f.end();
  const w = f.out[0] ?? { value: "", unresolved: false };
  if (word.text.startsWith("~")) {
    const t = tilde(w.value, scope);
    return t === null ? { value: w.value, unresolved: true } : { ...w, value: t };
  }
  return w;
}

/** This module's resolvers, for the literal-output reader (src/shell/literal.ts). */
export const WORDS: WordResolver = { word: resolveWord, joined: resolveJoined };
