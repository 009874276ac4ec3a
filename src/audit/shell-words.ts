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
export interface Operator {
  readonly kind: "separator" | "redirect";
  readonly start: number;
  readonly end: number;
}
export type ShellToken = Word | Operator;

const SEPARATORS = new Set(["\n", ";", "&", "|", "(", ")"]);
const REDIRECTS = new Set(["<", ">"]);
const BLANKS = new Set([" ", "\t", "\r", "\f", "\v"]);

export function scanShellWords(text: string): ShellToken[] {
  const tokens: ShellToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text[i] as string;
    if (BLANKS.has(c)) {
      i++;
      continue;
    }
    if (SEPARATORS.has(c)) {
      tokens.push({ kind: "separator", start: i, end: i + 1 });
      i++;
      continue;
    }
    if (REDIRECTS.has(c)) {
      tokens.push({ kind: "redirect", start: i, end: i + 1 });
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const d = text[i] as string;
      if (BLANKS.has(d) || SEPARATORS.has(d) || REDIRECTS.has(d)) break;
      if (d === "'") {
        const close = text.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
      } else if (d === '"') {
        i = skipDoubleQuoted(text, i + 1);
      } else if (d === "\\") {
        i += 2;
      } else {
        i++;
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
