/** Shell compositions for the robustness properties: a core command, then wrappers, nesting, quoting tricks,
 *  cd chains and compound operators, each rendered with correct bash quoting so that bash would run the core. */

/** A word in single quotes, with embedded single quotes written the POSIX way: '\'' */
export function sq(text: string): string {
  return `'${text.split("'").join(`'\\''`)}'`;
}

/** A simple command: assignments, the program word (plain: [A-Za-z0-9/._-]), arguments (already shell words),
 *  redirections, and an optional heredoc body (its operator is in redirs). */
export interface Simple {
  readonly kind: "simple";
  readonly assigns: readonly string[];
  readonly prog: string;
  /** How the program word is spelled (a quoting trick); identity by default. */
  readonly spell?: (word: string) => string;
  readonly args: readonly string[];
  readonly redirs: readonly string[];
  readonly heredoc?: { readonly delim: string; readonly body: string };
}

/** Any command line (compound allowed). Safe to follow with `; x`, `&& x`, `| x` and to put inside `{ ...; }`. */
export interface Line {
  readonly kind: "line";
  readonly text: string;
}

export type Node = Simple | Line;

export interface Core {
  readonly name: string;
  readonly node: Node;
  /** The core touches a path relative to the workspace root (`cd elsewhere && ...` would change what it means). */
  readonly cwdSensitive?: boolean;
}

export function simple(prog: string, args: readonly string[] = [], more: Partial<Omit<Simple, "kind" | "prog" | "args">> = {}): Simple {
  return { kind: "simple", assigns: [], redirs: [], ...more, prog, args };
}

export function line(text: string): Line {
  return { kind: "line", text };
}

function simpleText(s: Simple): string {
  const words = [...s.assigns, (s.spell ?? ((w) => w))(s.prog), ...s.args, ...s.redirs];
  const head = words.join(" ");
  // A heredoc ends at its delimiter line: a group keeps whatever follows off that line.
  return s.heredoc ? `{ ${head}\n${s.heredoc.body}\n${s.heredoc.delim}\n}` : head;
}

export function render(n: Node): string {
  return n.kind === "line" ? n.text : simpleText(n);
}

/** The words that run the simple command from inside another program's argv (`sudo ...`, `xargs ...`). */
function asArgv(s: Simple, hoist: boolean): { assigns: readonly string[]; words: string[] } {
  const prog = (s.spell ?? ((w) => w))(s.prog);
  if (s.assigns.length === 0) return { assigns: [], words: [prog, ...s.args] };
  if (hoist) return { assigns: s.assigns, words: [prog, ...s.args] };
  return { assigns: [], words: ["env", ...s.assigns, prog, ...s.args] };
}

/** A compound line cannot follow a wrapper: run it as `bash -c '...'`. */
function toSimple(n: Node): Simple {
  return n.kind === "simple" ? n : simple("bash", ["-c", sq(n.text)]);
}

export type Step = (n: Node, i: number) => Node;

/** Prefix wrappers that run their argv: sudo, env, timeout, nohup, nice, command. */
export function wrapper(words: readonly string[], hoist: boolean): Step {
  return (n) => {
    const s = toSimple(n);
    const inner = asArgv(s, hoist);
    const [prog, ...rest] = words as [string, ...string[]];
    return { ...simple(prog, [...rest, ...inner.words], { assigns: inner.assigns, redirs: s.redirs }), ...(s.heredoc ? { heredoc: s.heredoc } : {}) };
  };
}

export const xargs: Step = (n) => {
  const s = toSimple(n);
  const inner = asArgv(s, false);
  return line(`echo . | ${simpleText({ ...simple("xargs", ["-I{}", ...inner.words], { redirs: s.redirs }), ...(s.heredoc ? { heredoc: s.heredoc } : {}) })}`);
};

export const findExec: Step = (n) => {
  const s = toSimple(n);
  const inner = asArgv(s, false);
  return { ...simple("find", [".", "-maxdepth", "0", "-exec", ...inner.words, "\\;"], { redirs: s.redirs }), ...(s.heredoc ? { heredoc: s.heredoc } : {}) };
};

/** Spellings of a plain word that bash runs as the same word. */
export const SPELLINGS: readonly ((w: string) => string)[] = [
  (w) => `\\${w}`,
  (w) => `${w.slice(0, 3)}''${w.slice(3)}`,
  (w) => `"${w}"`,
  (w) => `'${w}'`,
  (w) => `${w.slice(0, 2)}"${w.slice(2, 4)}"${w.slice(4)}`,
  (w) => `${w.slice(0, 1)}\\${w.slice(1)}`,
];

export function spelled(spell: (w: string) => string): Step {
  return (n) => (n.kind === "simple" && !n.spell ? { ...n, spell } : n);
}

const ABSOLUTE: Readonly<Record<string, string>> = {
  terraform: "/usr/local/bin/terraform",
  tofu: "/usr/bin/tofu",
  aws: "/usr/local/bin/aws",
  cdk: "./node_modules/.bin/cdk",
  cp: "/bin/cp",
  cat: "/usr/bin/cat",
  echo: "/bin/echo",
  printf: "/usr/bin/printf",
  grep: "/usr/bin/grep",
  git: "/usr/bin/git",
};

export const absolute: Step = (n) => (n.kind === "simple" && !n.spell && ABSOLUTE[n.prog] ? { ...n, prog: ABSOLUTE[n.prog] as string } : n);

export function launcher(words: readonly string[]): Step {
  return (n) => {
    if (n.kind !== "simple" || n.prog !== "cdk") return n;
    const [prog, ...rest] = words as [string, ...string[]];
    return simple(prog, [...rest, (n.spell ?? ((w) => w))(n.prog), ...n.args], { assigns: n.assigns, redirs: n.redirs });
  };
}

/** Nesting: the whole node becomes text run by another shell construct. */
export const NESTINGS: Readonly<Record<string, Step>> = {
  "bash -c": (n) => line(`bash -c ${sq(render(n))}`),
  "sh -c": (n) => line(`sh -c ${sq(render(n))}`),
  eval: (n) => line(`eval ${sq(render(n))}`),
  // A space after `$(`: `$((` would start arithmetic expansion, where no command runs.
  "$()": (n) => line(`echo "$( ${render(n)} )"`),
  "x=$()": (n) => line(`x=$( ${render(n)} )`),
  "( )": (n) => line(`( ${render(n)} )`),
  "{ }": (n) => line(`{ ${render(n)}; }`),
  "heredoc to bash": (n, i) => line(`{ bash <<'IG_EOF_${i}'\n${render(n)}\nIG_EOF_${i}\n}`),
  "pipe to sh": (n) => line(`printf '%s\\n' ${sq(render(n))} | sh`),
};

/** `printf 'ENCODED' | sh`: each character of the script kept, or written as an octal or hex escape, chosen by
 *  `mask` (a printf format: `%` and `\\` are always escaped). */
export function encodedPipe(mask: number, hex: boolean): Step {
  return (n) => {
    let state = mask >>> 0 || 1;
    let format = "";
    for (const ch of render(n)) {
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      const code = ch.codePointAt(0) as number;
      const encode = ch === "%" || ch === "\\" || (state >>> 16) % 3 === 0;
      if (!encode || code > 0xff) format += ch;
      else format += hex ? `\\x${code.toString(16).padStart(2, "0")}` : `\\${code.toString(8).padStart(3, "0")}`;
    }
    return line(`printf ${sq(format)} | ${hex ? "bash" : "sh"}`);
  };
}

/** Backticks cannot hold backticks or backslashes without re-escaping: only plain text goes in. */
export const backticks: Step = (n) => {
  const text = render(n);
  return /[`\\\n]/.test(text) ? line(`echo "$( ${text} )"`) : line(`echo \`${text}\``);
};

/** cd chains that end in the same directory (any core) or in another one (cwd-insensitive cores only). */
export const CD_HOME: readonly Step[] = [
  (n) => line(`cd /tmp; cd - >/dev/null; ${render(n)}`),
  (n) => line(`cd infra && cd .. && ${render(n)}`),
  (n) => line(`pushd /tmp >/dev/null; popd >/dev/null; ${render(n)}`),
];
export const CD_AWAY: readonly Step[] = [(n) => line(`cd infra && ${render(n)}`), (n) => line(`cd /tmp && ${render(n)}`)];

export const COMPOUNDS: readonly Step[] = [
  (n) => line(`true && ${render(n)}`),
  (n) => line(`false || ${render(n)}`),
  (n) => line(`${render(n)}; true`),
  (n) => line(`${render(n)} | cat`),
  (n) => line(`${render(n)} & wait`),
  (n) => line(`echo start\n${render(n)}`),
];

/** Apply steps in order (i numbers heredoc delimiters uniquely). */
export function compose(core: Node, steps: readonly Step[]): string {
  return render(steps.reduce<Node>((n, step, i) => step(n, i), core));
}
