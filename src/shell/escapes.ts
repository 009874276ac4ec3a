/** Backslash escapes of echo -e, printf formats and printf %b, as bash (and zsh) and dash decode them.
 *  `printf '\x74erraform destroy' | bash` must be read as `terraform destroy`, not `x74erraform destroy`. */

/** Where the text is: a printf FORMAT, a printf %b argument, or echo's text with escapes on. */
type EscapeMode = "format" | "b-arg" | "echo";
/** bash and zsh know \x, \u, \U and \e; dash (the usual /bin/sh) does not. */
export type Dialect = "bash" | "dash";

const SIMPLE: Readonly<Record<string, string>> = { a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v", "\\": "\\" };
const BASH_ONLY: Readonly<Record<string, string>> = { e: "\x1b", E: "\x1b" };
const HEX = /^[0-9A-Fa-f]$/;
const OCT = /^[0-7]$/;

function take(s: string, from: number, max: number, digit: RegExp): string {
  let end = from;
  while (end < s.length && end - from < max && digit.test(s[end] as string)) end++;
  return s.slice(from, end);
}

interface Decoded {
  readonly text: string;
  /** `\c` was seen: nothing more is written at all (echo -e, %b). */
  readonly stop: boolean;
}

/** Decode the escapes of `s`. Unknown escapes stay as written (backslash included), as the shells do. */
export function decodeEscapes(s: string, mode: EscapeMode, dialect: Dialect): Decoded {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i] as string;
    if (ch !== "\\" || i + 1 >= s.length) {
      out += ch;
      i++;
      continue;
    }
    const c = s[i + 1] as string;
    if (SIMPLE[c] !== undefined) {
      out += SIMPLE[c];
      i += 2;
    } else if (dialect === "bash" && BASH_ONLY[c] !== undefined) {
      out += BASH_ONLY[c];
      i += 2;
    } else if (c === "c" && mode !== "format") {
      return { text: out, stop: true };
    } else if (dialect === "bash" && (c === "x" || c === "u" || c === "U")) {
      const digits = take(s, i + 2, c === "x" ? 2 : c === "u" ? 4 : 8, HEX);
      if (digits.length === 0) {
        out += `\\${c}`;
        i += 2;
      } else {
        out += String.fromCodePoint(Math.min(parseInt(digits, 16), 0x10ffff));
        i += 2 + digits.length;
      }
    } else if (c === "0" && mode !== "format") {
      const digits = take(s, i + 2, 3, OCT);
      out += String.fromCharCode(parseInt(digits || "0", 8) & 0xff);
      i += 2 + digits.length;
    } else if (OCT.test(c) && (mode === "format" || (mode === "b-arg" && dialect === "bash"))) {
      const digits = take(s, i + 1, 3, OCT);
      out += String.fromCharCode(parseInt(digits, 8) & 0xff);
      i += 1 + digits.length;
    } else if (mode === "format" && dialect === "bash" && (c === '"' || c === "'" || c === "?")) {
      out += c;
      i += 2;
    } else {
      out += `\\${c}`;
      i += 2;
    }
  }
  return { text: out, stop: false };
}

/** `printf FORMAT ARGS` with %s, %b, %d and %%, in one pass (an escaped `\x25` is a literal %); the format is
 *  reused until the arguments are used up. Undefined for any other conversion. */
export function printfOutput(format: string, args: readonly string[], dialect: Dialect): string | undefined {
  if (/%[^sbd%]/.test(format) || (format.endsWith("%") && !format.endsWith("%%"))) return undefined;
  let out = "";
  let next = 0;
  for (;;) {
    const before = next;
    const pieces = format.split(/(%[sbd%])/);
    for (const piece of pieces) {
      if (piece === "%%") out += "%";
      else if (piece === "%s" || piece === "%d") out += args[next++] ?? "";
      else if (piece === "%b") {
        const d = decodeEscapes(args[next++] ?? "", "b-arg", dialect);
        out += d.text;
        if (d.stop) return out;
      } else out += decodeEscapes(piece, "format", dialect).text;
    }
    if (next >= args.length || next === before || out.length > 65536) return out;
  }
}
