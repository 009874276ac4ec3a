/** Literal output of simple producers (echo, printf, cat <<EOF): text piped to a shell or substituted by $(...). */
import type { Command, ParsedScript } from "unbash";
import type { Word } from "unbash";
import type { RWord, Scope } from "./model.js";
import { decodeEscapes, printfOutput, type Dialect } from "./escapes.js";
import { SHELL_NAMES, normalizeProgram } from "./programs.js";
import { resolvePath } from "./paths.js";
import { stdinFrom, type JoinWord } from "./stdin.js";

/** The word resolver (src/shell/words.ts), handed in: words resolve `$(...)` through this module. */
export interface WordResolver {
  readonly word: (word: Word, scope: Scope) => RWord[];
  readonly joined: JoinWord;
}

/** The words of a simple command as written (resolved where literal): what a pipe feeds. */
export function commandWords(cmd: Command, scope: Scope, resolve: WordResolver): string[] {
  if (!cmd.name) return [];
  const words: string[] = [];
  for (const w of [cmd.name, ...cmd.suffix]) if (w.type === "Word") words.push(...resolve.word(w, scope).map((r) => r.value));
  return words;
}

/** The text a command writes to stdout when it is a literal `echo`, `printf` or `cat <<EOF` (for `... | bash`). */
export function literalOutput(cmd: Command, scope: Scope, resolve: WordResolver, exact = false): string | undefined {
  if (!cmd.name) return undefined;
  const words: RWord[] = [];
  for (const w of [cmd.name, ...cmd.suffix]) {
    if (w.type !== "Word") continue;
    words.push(...resolve.word(w, scope));
  }
  if (words.some((w) => w.unresolved)) return undefined;
  const name = normalizeProgram(words[0]?.value ?? "", SHELL_NAMES);
  const args = words.slice(1).map((w) => w.value);
  if (name === "echo" || name === "printf") {
    // The shells disagree on escapes (bash echo keeps them, dash and zsh echo decode them; dash printf has no \x):
    // an exact value needs one reading; a script piped to a shell is read every way it could be run.
    const readings = [...new Set(name === "echo" ? echo(args) : DIALECTS.map((d) => printfOutput(args[0] ?? "", args.slice(1), d)))];
    if (args.length === 0 && name === "printf") return undefined;
    if (readings.some((r) => r === undefined)) return undefined;
    if (exact && readings.length !== 1) return undefined;
    return readings.join("\n");
  }
  // `$(pwd)` / `pwd`: the working directory the shell is in (unknown after an unresolved cd).
  if (name === "pwd" && args.every((a) => a === "-L" || a === "-P")) return scope.cwdUnresolved ? undefined : `${scope.cwd}\n`;
  // `$(mktemp)` / `$(mktemp -d)`: a new name under $TMPDIR (or /tmp), outside any workspace.
  if (name === "mktemp" && args.every((a) => /^-[dqu]+$/.test(a))) return `${(scope.env["TMPDIR"] ?? "/tmp").replace(/\/$/, "")}/tmp.XXXXXXXXXX\n`;
  if (name === "cat" && args.every((a) => a === "-" || a.startsWith("-"))) {
    // An unquoted heredoc with expansions is raw text to a shell that re-parses it, but not an exact value.
    if (exact && cmd.redirects.some((r) => r.type === "HereDoc" && r.body.parts?.some((p) => p.type !== "Literal"))) return undefined;
    const io = stdinFrom(cmd.redirects, scope, { stdin: "terminal", stdinText: undefined }, resolve.joined);
    return io.stdin === "heredoc" || io.stdin === "here-string" ? io.stdinText : undefined;
  }
  return undefined;
}

/** `cat FILE | ...`: the one file a plain `cat` feeds the pipe (absolute), for readers of stdin (SQL clients,
 *  git apply, patch); undefined for anything else. */
export function catFile(cmd: Command, scope: Scope, resolve: WordResolver): string | undefined {
  if (!cmd.name || scope.cwdUnresolved) return undefined;
  const words: RWord[] = [];
  for (const w of [cmd.name, ...cmd.suffix]) if (w.type === "Word") words.push(...resolve.word(w, scope));
  const [name, file] = words;
  if (words.length !== 2 || !name || !file || name.unresolved || file.unresolved || file.glob) return undefined;
  if (normalizeProgram(name.value, SHELL_NAMES) !== "cat" || file.value === "" || file.value.startsWith("-")) return undefined;
  return resolvePath(scope.cwd, file.value);
}

const DIALECTS: readonly Dialect[] = ["bash", "dash"];

/** Every output `echo ARGS` can have: bash (escapes only with -e), zsh and dash (escapes always). */
function echo(args: string[]): string[] {
  let newline = "\n";
  let escapes = false;
  while (args[0] !== undefined && /^-[neE]+$/.test(args[0])) {
    const f = args.shift() as string;
    if (f.includes("n")) newline = "";
    if (f.includes("e")) escapes = true;
  }
  const body = args.join(" ");
  const decoded = DIALECTS.map((d) => decodeEscapes(body, "echo", d)).map((r) => (r.stop ? r.text : r.text + newline));
  if (escapes) return [decoded[0] as string];
  return body.includes("\\") ? [body + newline, ...decoded] : [body + newline];
}

/** Output of `$(...)` when it is one literal producer (`$(cat <<'EOF' ... EOF)`), trailing newlines removed. */
export function substitutionOutput(script: ParsedScript | undefined, scope: Scope, resolve: WordResolver): string | null {
  const stmts = script?.commands;
  if (!stmts || stmts.length !== 1 || script?.errors?.length) return null;
  const st = stmts[0];
  if (!st || st.background || st.command.type !== "Command") return null;
  const out = literalOutput(st.command, scope, resolve, true);
  return out === undefined ? null : trimNewlines(out);
}

/** `s` without its trailing newlines. A loop: /\n+$/ is quadratic on many newlines followed by other text. */
function trimNewlines(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 10) end--;
  return s.slice(0, end);
}
