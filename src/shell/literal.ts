/** Literal output of simple producers (echo, printf, cat <<EOF): text piped to a shell or substituted by $(...). */
import type { Command, ParsedScript } from "unbash";
import type { RWord, Scope } from "./model.js";
import { applyRedirects } from "./redirects.js";
import { normalizeProgram } from "./programs.js";
import { resolveWord } from "./words.js";

/** The text a command writes to stdout when it is a literal `echo`, `printf` or `cat <<EOF` (for `... | bash`). */
export function literalOutput(cmd: Command, scope: Scope, exact = false): string | undefined {
  if (!cmd.name) return undefined;
  const words: RWord[] = [];
  for (const w of [cmd.name, ...cmd.suffix]) {
    if (w.type !== "Word") continue;
    words.push(...resolveWord(w, scope));
  }
  if (words.some((w) => w.unresolved)) return undefined;
  const name = normalizeProgram(words[0]?.value ?? "");
  const args = words.slice(1).map((w) => w.value);
  if (name === "echo") {
    let newline = "\n";
    let escapes = false;
    while (args[0] !== undefined && /^-[neE]+$/.test(args[0])) {
      const f = args.shift() as string;
      if (f.includes("n")) newline = "";
      if (f.includes("e")) escapes = true;
    }
    const body = args.join(" ");
    return (escapes ? unescape(body) : body) + newline;
  }
  if (name === "printf") return printf(args);
  if (name === "cat" && args.every((a) => a === "-" || a.startsWith("-"))) {
    // An unquoted heredoc with expansions is raw text to a shell that re-parses it, but not an exact value.
    if (exact && cmd.redirects.some((r) => r.type === "HereDoc" && r.body.parts?.some((p) => p.type !== "Literal"))) return undefined;
    const io = applyRedirects(cmd.redirects, scope, { stdin: "terminal", stdinText: undefined }, "");
    return io.stdin === "heredoc" || io.stdin === "here-string" ? io.stdinText : undefined;
  }
  return undefined;
}

function unescape(s: string): string {
  return s.replace(/\\([ntr\\])/g, (_m, c: string) => (c === "n" ? "\n" : c === "t" ? "\t" : c === "r" ? "\r" : "\\"));
}

/** `printf FORMAT ARGS` for `%s`, `%b`, `%d` and `%%` only; other formats are unknown. */
function printf(args: string[]): string | undefined {
  const [format, ...rest] = args;
  if (format === undefined) return undefined;
  if (/%[^sbd%]/.test(format)) return undefined;
  let out = "";
  let i = 0;
  for (;;) {
    const before = i;
    out += unescape(format).replace(/%([sbd%])/g, (_m, c: string) => (c === "%" ? "%" : rest[i++] ?? ""));
    if (i >= rest.length || i === before || out.length > 65536) break;
  }
  return out;
}

/** Output of `$(...)` when it is one literal producer (`$(cat <<'EOF' ... EOF)`), trailing newlines removed. */
export function substitutionOutput(script: ParsedScript | undefined, scope: Scope): string | null {
  const stmts = script?.commands;
  if (!stmts || stmts.length !== 1 || script?.errors?.length) return null;
  const st = stmts[0];
  if (!st || st.background || st.command.type !== "Command") return null;
  const out = literalOutput(st.command, scope, true);
  return out === undefined ? null : out.replace(/\n+$/, "");
}
