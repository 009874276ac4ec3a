/**
 * A forgiving, linear-time shell word scanner for redaction (not for deciding anything: the
 * shell stage has the real parser). It finds words with their raw offsets and the operators that
 * separate simple commands, and never fails: an unterminated quote runs to the end of the text.
 */

export interface Word {
  readonly kind: "word";
  /** Offset of the first character of the raw word. */
  readonly start: number;
  /** Offset just past the raw word. */
  readonly end: number;
}
interface Operator {
  readonly kind: "separator" | "redirect";
  readonly start: number;
  readonly end: number;
}
export type ShellToken = Word | Operator;

/** Character classes by code unit: 1 blank, 2 separator, 3 redirect, 4 quote or backslash. */
const CLASS = new Uint8Array(128);
for (const c of " \t\r\f\v") CLASS[c.charCodeAt(0)] = 1;
for (const c of "\n;&|()") CLASS[c.charCodeAt(0)] = 2;
for (const c of "<>") CLASS[c.charCodeAt(0)] = 3;
for (const c of "'\"\\") CLASS[c.charCodeAt(0)] = 4;
const BLANK = 1;
const SEPARATOR = 2;
const REDIRECT = 3;
const SPECIAL = 4;

function classOf(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code < 128 ? (CLASS[code] as number) : 0;
}

export function scanShellWords(text: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cls = classOf(text, i);
    if (cls === BLANK) {
      i++;
      continue;
    }
    if (cls === SEPARATOR || cls === REDIRECT) {
      tokens.push({ kind: cls === SEPARATOR ? "separator" : "redirect", start: i, end: i + 1 });
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = classOf(text, i);
      if (d === BLANK || d === SEPARATOR || d === REDIRECT) break;
      if (d !== SPECIAL) {
        i++;
        continue;
      }
      const q = text[i];
      if (q === "'") {
        const close = text.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
      } else if (q === '"') {
        i = skipDoubleQuoted(text, i + 1);
      } else {
        i += 2;
      }
    }
    const end = Math.min(i, n);
    tokens.push({ kind: "word", start, end });
  }
  return tokens;
}

/** Returns the offset just past the closing double quote (or the end of the text). */
function skipDoubleQuoted(text: string, from: number): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === "\\") i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return n;
}

/** Splits tokens into simple-command segments (words and redirects between separators). */
export function segments(tokens: readonly ShellToken[]): ShellToken[][] {
  const out: ShellToken[][] = [];
  let current: ShellToken[] = [];
  for (const t of tokens) {
    if (t.kind === "separator") {
      if (current.length > 0) out.push(current);
      current = [];
    } else {
      current.push(t);
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}
