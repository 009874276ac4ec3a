/**
 * Redacts secrets that a command line carries by name: `NAME=value` assignments and flags whose
 * names look secret (`--password x`, `--token=x`, `-var 'db_password=x'`), header-style
 * `X-Api-Key: value`, and a few programs' short password flags (`mysql -pXXX`, `sshpass -p X`,
 * `redis-cli -a X`, `curl -u user:pass`). Quoted words with spaces (`bash -c '...'`) are redacted
 * recursively. Everything is a linear scan plus bounded regexes.
 */
import { isSecretName } from "../util/secret-name.js";
import { scanShellWords, segments, type ShellToken, type Word } from "./shell-words.js";

export const REDACTED = "[REDACTED]";

interface Range {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

const MAX_DEPTH = 4;
/** `NAME=` with an optional opening quote. */
const ASSIGNMENT = /^(['"]?)([A-Za-z_][A-Za-z0-9_.]{0,127})=/;
/** `--name=` or `-name=`. */
const FLAG_WITH_VALUE = /^--?([A-Za-z][A-Za-z0-9_.-]{0,63})=/;
/** `--name` or `-name` with nothing attached. */
const FLAG_ALONE = /^--?([A-Za-z][A-Za-z0-9_.-]{0,63})$/;
/** `Bearer` / `Basic` as a word of its own: the credential follows. */
const AUTH_SCHEME = /^['"]?(?:[Bb]earer|[Bb]asic)$/;
/** What a credential after `Bearer` looks like (so "the bearer of bad news" stays). */
const CREDENTIAL = /^[A-Za-z0-9._~+/=-]{6,8192}['"]?$/;

/** The redaction of the word after a rule of kind "next", if it applies. */
function nextRule(next: Extract<Rule, { kind: "next" }>, raw: string): Rule {
  if (raw.startsWith("-")) return NONE;
  if (next.tokenOnly && !CREDENTIAL.test(raw)) return NONE;
  return next.userPass ? userPassRange(raw, 0) : valueRange(raw, 0);
}
/** `Name:` as in an HTTP header or a YAML line. */
const HEADER_NAME = /^(['"]?)([A-Za-z][A-Za-z0-9_-]{0,63}):$/;

const MYSQL_FAMILY = new Set([
  "mysql", "mariadb", "mysqldump", "mysqladmin", "mysqlimport", "mysqlcheck", "mysqlshow", "mysqlpump",
  "mysqlsh", "mariadb-dump", "mariadb-admin",
]);

/** Programs whose short flags carry passwords; the set of them seen so far in a segment stays tiny. */
const KNOWN_PROGRAMS = new Set([...MYSQL_FAMILY, "sshpass", "redis-cli", "curl"]);

export function redactCommand(text: string, depth = 0): string {
  const ranges: Range[] = [];
  for (const segment of segments(scanShellWords(text))) redactSegment(text, segment, depth, ranges);
  return applyRanges(text, ranges);
}

function redactSegment(text: string, segment: readonly ShellToken[], depth: number, ranges: Range[]): void {
  const programs = new Set<string>();
  let pending: Extract<Rule, { kind: "next" }> | undefined;
  let previous = "";
  for (const token of segment) {
    if (token.kind !== "word") {
      pending = undefined;
      previous = "";
      continue;
    }
    const raw = text.slice(token.start, token.end);
    const before = previous;
    previous = raw;
    if (pending) {
      const rule = nextRule(pending, raw);
      pending = undefined;
      if (rule.kind === "range") {
        ranges.push({ start: token.start + rule.from, end: token.start + rule.to, text: REDACTED });
        continue;
      }
    }
    // `bash -c '...'`, `eval "..."`: a quoted command, redacted as a command of its own.
    if (isQuotedWithBlanks(raw) && (SCRIPT_FLAG.test(before) || SCRIPT_RUNNERS.has(basename(before)) || !assignmentValue(raw, 0))) {
      const inner = quotedInner(text, token, depth);
      if (inner) ranges.push(inner);
      continue;
    }
    const program = basename(raw);
    const rule = wordRule(raw, programs);
    if (KNOWN_PROGRAMS.has(program)) programs.add(MYSQL_FAMILY.has(program) ? "mysql" : program);
    if (rule.kind === "range") ranges.push({ start: token.start + rule.from, end: token.start + rule.to, text: REDACTED });
    else if (rule.kind === "next") pending = rule;
  }
}

type Rule =
  | { kind: "none" }
  | { kind: "next"; userPass?: boolean; tokenOnly?: boolean }
  | { kind: "range"; from: number; to: number };
const NONE: Rule = { kind: "none" };

function wordRule(raw: string, programs: ReadonlySet<string>): Rule {
  if (AUTH_SCHEME.test(raw)) return { kind: "next", tokenOnly: true };
  const c = raw[0];
  if (c !== "-" && c !== "'" && c !== '"' && !raw.includes("=") && !raw.endsWith(":")) return NONE;
  const assignment = assignmentValue(raw, 0);
  if (assignment) return assignment;

  const withValue = FLAG_WITH_VALUE.exec(raw);
  if (withValue) {
    const name = withValue[1] as string;
    const valueAt = withValue[0].length;
    if (isSecretName(name)) return valueRange(raw, valueAt);
    if (isUserFlag(name, programs)) return userPassRange(raw, valueAt);
    return assignmentValue(raw, valueAt) ?? NONE;
  }

  const alone = FLAG_ALONE.exec(raw);
  if (alone) {
    const name = alone[1] as string;
    if ((name.length > 1 && isSecretName(name)) || isPasswordShortFlag(raw, programs)) return { kind: "next" };
    if (isUserFlag(name, programs)) return { kind: "next", userPass: true };
  }

  if (/^-p[^-]/.test(raw) && (programs.has("mysql") || programs.has("sshpass"))) return valueRange(raw, 2);
  if (/^-u./.test(raw) && programs.has("curl")) return userPassRange(raw, 2);

  const header = HEADER_NAME.exec(raw);
  if (header && isSecretName(header[2] as string)) return { kind: "next" };
  return NONE;
}

/** `NAME=value` (optionally quoted) at `at` in `raw` with a secret-looking name. */
function assignmentValue(raw: string, at: number): Rule | undefined {
  const m = ASSIGNMENT.exec(at === 0 ? raw : raw.slice(at));
  if (!m || !isSecretName(m[2] as string)) return undefined;
  return valueRange(raw, at + m[0].length, m[1] as string);
}

/**
 * The value from `from` to the end of the word, keeping its own quotes (`'x y'` -> `'[REDACTED]'`)
 * and a closing quote that matches an opening `quote` before the name (`'name=x'`).
 */
function valueRange(raw: string, from: number, quote = ""): Rule {
  let start = from;
  let to = raw.length;
  if (quote && raw.endsWith(quote) && to - 1 >= start) to -= 1;
  const q = raw[start];
  if ((q === "'" || q === '"') && to - start >= 2 && raw[to - 1] === q) {
    start += 1;
    to -= 1;
  }
  return to > start ? { kind: "range", from: start, to } : NONE;
}

/** `user:password` -> redact what follows the first colon. */
function userPassRange(raw: string, from: number): Rule {
  const colon = raw.indexOf(":", from);
  if (colon < 0) return NONE;
  let to = raw.length;
  const q = raw[from];
  if ((q === "'" || q === '"') && raw.endsWith(q)) to -= 1;
  return to > colon + 1 ? { kind: "range", from: colon + 1, to } : NONE;
}

function isPasswordShortFlag(raw: string, programs: ReadonlySet<string>): boolean {
  if (raw === "-p") return programs.has("sshpass");
  if (raw === "-a") return programs.has("redis-cli");
  return false;
}

function isUserFlag(name: string, programs: ReadonlySet<string>): boolean {
  return (name === "u" || name === "user" || name === "proxy-user") && programs.has("curl");
}

function basename(raw: string): string {
  const slash = raw.lastIndexOf("/");
  const base = slash >= 0 ? raw.slice(slash + 1) : raw;
  return base.startsWith("'") || base.startsWith('"') ? base.slice(1) : base;
}

/** `-c`, `-lc`, `-ec`: the next word is a script. */
const SCRIPT_FLAG = /^-[a-z]{0,3}c$/;
const SCRIPT_RUNNERS = new Set(["eval", "ssh", "watch", "su", "runuser"]);

function isQuotedWithBlanks(raw: string): boolean {
  const q = raw[0];
  return (q === "'" || q === '"') && raw.length >= 3 && raw.endsWith(q) && /\s/.test(raw);
}

/** A fully quoted word with blanks inside (`bash -c '...'`): redact its inside as a command. */
function quotedInner(text: string, word: Word, depth: number): Range | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const inner = text.slice(word.start + 1, word.end - 1);
  const redacted = redactCommand(inner, depth + 1);
  return redacted === inner ? undefined : { start: word.start + 1, end: word.end - 1, text: redacted };
}

function applyRanges(text: string, ranges: Range[]): string {
  if (ranges.length === 0) return text;
  ranges.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: string[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start < at) continue;
    out.push(text.slice(at, r.start), r.text);
    at = r.end;
  }
  out.push(text.slice(at));
  return out.join("");
}

/**
 * The same rules over an argv that was already split (facts carry `argv` arrays): a secret flag
 * redacts the next element, `--flag=value` and `NAME=value` redact their value, and each element
 * is also redacted as a command of its own (a `bash -c` script).
 */
export function redactArgv(argv: readonly string[]): string[] {
  const programs = new Set<string>();
  let pending: Extract<Rule, { kind: "next" }> | undefined;
  let before = "";
  return argv.map((arg) => {
    const previous = before;
    before = arg;
    if (pending) {
      const rule = nextRule(pending, arg);
      pending = undefined;
      if (rule.kind === "range") return applyRule(arg, rule);
    }
    // The script of `bash -c`, `eval`, `ssh host`: a command line of its own.
    if (/\s/.test(arg) && (SCRIPT_FLAG.test(previous) || SCRIPT_RUNNERS.has(basename(previous)))) return redactCommand(arg);
    const program = basename(arg);
    const rule = wordRule(arg, programs);
    if (KNOWN_PROGRAMS.has(program)) programs.add(MYSQL_FAMILY.has(program) ? "mysql" : program);
    if (rule.kind === "next") pending = rule;
    return rule.kind === "range" ? applyRule(arg, rule) : redactCommand(arg);
  });
}

function applyRule(arg: string, rule: Rule): string {
  return rule.kind === "range" ? `${arg.slice(0, rule.from)}${REDACTED}${arg.slice(rule.to)}` : arg;
}
