/** A shell glob for one path segment (`*`, `?`, `[...]`, `[!...]`), matched without regular expressions:
 *  the glob comes from the agent's command, and a regex built from `*a*a*a*b` backtracks exponentially.
 *  Matching backtracks only to the last `*` (O(glob x name) at worst). `*` and `?` do not match a leading
 *  dot, as in bash. */

type Token = { kind: "star" } | { kind: "any" } | { kind: "char"; ch: string } | { kind: "class"; negate: boolean; body: string };

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === "*") {
      if (tokens[tokens.length - 1]?.kind !== "star") tokens.push({ kind: "star" });
    } else if (ch === "?") {
      tokens.push({ kind: "any" });
    } else if (ch === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) tokens.push({ kind: "char", ch });
      else {
        const raw = glob.slice(i + 1, end);
        const negate = raw.startsWith("!") || raw.startsWith("^");
        tokens.push({ kind: "class", negate, body: negate ? raw.slice(1) : raw });
        i = end;
      }
    } else {
      tokens.push({ kind: "char", ch });
    }
  }
  return tokens;
}

function inClass(body: string, c: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const lo = body[i] as string;
    if (body[i + 1] === "-" && i + 2 < body.length) {
      const hi = body[i + 2] as string;
      if (c >= lo && c <= hi) return true;
      i += 2;
    } else if (lo === c) {
      return true;
    }
  }
  return false;
}

function matchOne(t: Token, c: string): boolean {
  switch (t.kind) {
    case "any":
      return c !== "/";
    case "char":
      return t.ch === c;
    case "class":
      return c !== "/" && inClass(t.body, c) !== t.negate;
    case "star":
      return false;
  }
}

/** Compile a segment glob into a matcher. */
export function compileSegmentGlob(glob: string): (name: string) => boolean {
  const tokens = tokenize(glob);
  const dotSafe = !glob.startsWith(".");
  return (name: string): boolean => {
    if (dotSafe && name.startsWith(".")) return false;
    let t = 0;
    let n = 0;
    let starT = -1;
    let starN = 0;
    while (n < name.length) {
      const tok = tokens[t];
      const c = name[n] as string;
      if (tok && tok.kind === "star") {
        starT = t++;
        starN = n;
      } else if (tok && matchOne(tok, c)) {
        t++;
        n++;
      } else if (starT >= 0 && c !== "/") {
        t = starT + 1;
        n = ++starN;
      } else {
        return false;
      }
    }
    while (tokens[t]?.kind === "star") t++;
    return t === tokens.length;
  };
}
