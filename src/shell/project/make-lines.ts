/** A Makefile's logical lines (GNU make's reading rules): recipe lines (tab-prefixed, after a rule, backslash-newline
 *  kept for the shell), other lines with comments removed and continuations joined, and `define` blocks. */

export type MakeLine =
  | { readonly kind: "recipe"; readonly text: string }
  | { readonly kind: "line"; readonly text: string }
  | { readonly kind: "define"; readonly head: string; readonly body: string };

function endsWithContinuation(s: string): boolean {
  let n = 0;
  for (let i = s.length - 1; i >= 0 && s.charCodeAt(i) === 92; i--) n++;
  return n % 2 === 1;
}

/** Remove a `#` comment (not escaped as `\#`) from a non-recipe line. */
function stripComment(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "#") return s.slice(0, i);
  }
  return s;
}

const DEFINE = /^\s*(?:(?:override|export|private)\s+)*define\s/;
const CONDITIONAL = /^\s*(?:ifeq|ifneq|ifdef|ifndef|else|endif)\b/;

/** Is this (expanded-later) line a rule header? A `:` at paren depth 0 that is not part of an assignment operator. */
export function ruleColon(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "$" && (s[i + 1] === "(" || s[i + 1] === "{")) {
      depth++;
      i++;
    } else if ((c === ")" || c === "}") && depth > 0) depth--;
    else if (depth === 0 && c === "=") return -1;
    else if (depth === 0 && c === ":") {
      let j = i;
      while (s[j] === ":") j++;
      return s[j] === "=" ? -1 : i;
    }
  }
  return -1;
}

export function makeLines(text: string): MakeLine[] {
  const raw = text.split(/\r?\n/);
  const out: MakeLine[] = [];
  let inRule = false;
  for (let i = 0; i < raw.length; i++) {
    let line = raw[i] as string;
    if (line.startsWith("\t") && inRule) {
      let body = line.slice(1);
      while (endsWithContinuation(body) && i + 1 < raw.length) {
        const next = raw[++i] as string;
        body += `\n${next.startsWith("\t") ? next.slice(1) : next}`;
      }
      out.push({ kind: "recipe", text: body });
      continue;
    }
    if (DEFINE.test(line)) {
      const body: string[] = [];
      let nest = 0;
      while (++i < raw.length) {
        const l = raw[i] as string;
        if (DEFINE.test(l)) nest++;
        if (/^\s*endef\b/.test(l) && nest-- === 0) break;
        body.push(l);
      }
      out.push({ kind: "define", head: stripComment(line).trim(), body: body.join("\n") });
      inRule = false;
      continue;
    }
    while (endsWithContinuation(line) && i + 1 < raw.length) line = `${line.slice(0, -1).trimEnd()} ${(raw[++i] as string).trimStart()}`;
    const text = stripComment(line).replaceAll("\\#", "#");
    if (text.trim() === "") continue;
    if (!CONDITIONAL.test(text)) {
      const colon = ruleColon(text);
      inRule = colon >= 0;
      // `target: prereqs ; recipe`: the text after `;` is the first recipe line.
      const semi = colon >= 0 ? text.indexOf(";", colon) : -1;
      if (semi >= 0) {
        out.push({ kind: "line", text: text.slice(0, semi) });
        out.push({ kind: "recipe", text: text.slice(semi + 1).trim() });
        continue;
      }
    }
    out.push({ kind: "line", text });
  }
  return out;
}
