/** Every regular-expression literal in src/ (a small lexer: strings, templates and comments are skipped;
 *  a `/` starts a regex only where an expression can start). */
import fs from "node:fs";
import path from "node:path";

export interface FoundRegex {
  readonly where: string;
  readonly source: string;
  readonly flags: string;
}

const REGEX_AFTER = new Set([..."(,=:[!&|?{};+-*%<>~^"]);
const KEYWORDS = new Set(["return", "typeof", "case", "of", "in", "void", "delete", "throw", "new", "else", "do", "yield", "await"]);

function regexAllowed(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /\s/.test(text[j] as string)) j--;
  if (j < 0) return true;
  const c = text[j] as string;
  if (REGEX_AFTER.has(c)) return !(c === "+" && text[j - 1] === "+") && !(c === "-" && text[j - 1] === "-");
  const word = /[A-Za-z_$]+$/.exec(text.slice(Math.max(0, j - 12), j + 1))?.[0];
  return word !== undefined && KEYWORDS.has(word);
}

/** Scan one file; returns the regex literals with their line numbers. */
export function regexLiterals(text: string, file: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  const braces: number[] = []; // template nesting: brace depth at each `${`
  let depth = 0;
  let i = text.startsWith("#!") ? text.indexOf("\n") : 0;
  const lineOf = (pos: number): number => text.slice(0, pos).split("\n").length;
  const skipString = (q: string): void => {
    i++;
    while (i < text.length && text[i] !== q) i += text[i] === "\\" ? 2 : 1;
    i++;
  };
  const skipTemplate = (): void => {
    // i is just after a backtick or a closing `}` of `${`
    while (i < text.length) {
      if (text[i] === "\\") i += 2;
      else if (text[i] === "`") {
        i++;
        return;
      } else if (text[i] === "$" && text[i + 1] === "{") {
        braces.push(depth);
        depth++;
        i += 2;
        return;
      } else i++;
    }
  };
  while (i < text.length) {
    const c = text[i] as string;
    if (c === "/" && text[i + 1] === "/") i = text.indexOf("\n", i) < 0 ? text.length : text.indexOf("\n", i);
    else if (c === "/" && text[i + 1] === "*") i = text.indexOf("*/", i + 2) + 2;
    else if (c === "'" || c === '"') skipString(c);
    else if (c === "`") {
      i++;
      skipTemplate();
    } else if (c === "{") {
      depth++;
      i++;
    } else if (c === "}") {
      depth--;
      i++;
      if (braces.length > 0 && braces[braces.length - 1] === depth) {
        braces.pop();
        skipTemplate();
      }
    } else if (c === "/" && regexAllowed(text, i)) {
      const start = i;
      let inClass = false;
      i++;
      while (i < text.length && (inClass || text[i] !== "/")) {
        if (text[i] === "\\") i++;
        else if (text[i] === "[") inClass = true;
        else if (text[i] === "]") inClass = false;
        else if (text[i] === "\n") break;
        i++;
      }
      const source = text.slice(start + 1, i);
      i++;
      const flags = /^[a-z]*/.exec(text.slice(i))?.[0] ?? "";
      i += flags.length;
      out.push({ where: `${file}:${lineOf(start)}`, source, flags });
    } else i++;
  }
  return out;
}

export function srcRegexes(root: string): FoundRegex[] {
  const out: FoundRegex[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(".ts")) out.push(...regexLiterals(fs.readFileSync(p, "utf8"), path.relative(root, p)));
    }
  };
  walk(path.join(root, "src"));
  return out;
}
