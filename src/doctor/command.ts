/** Does an installed hook command exist, and what does it answer? Run for real, with a deadline. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { parse } from "shell-quote";

export interface Resolved {
  /** Every file the command needs that is missing or not executable, with why. */
  readonly missing: readonly string[];
  /** The program as found (absolute path), when it was. */
  readonly program: string | undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

const SCRIPT = /\.(?:[cm]?js|ts|sh|bash|py)$/;
const SHELLS: ReadonlySet<string> = new Set(["sh", "bash", "zsh", "env", "exec"]);

/** The words of a command, with $VAR and ${VAR} expanded from vars. Operators end the first command. */
export function commandWords(command: string, vars: Readonly<Record<string, string | undefined>>): string[] {
  const words: string[] = [];
  for (const t of parse(command, (key) => vars[key] ?? "")) {
    if (typeof t !== "string") break;
    words.push(t);
  }
  return words;
}

/** Check that the program and any script it is given exist (relative paths against cwd). */
export function resolveCommand(words: readonly string[], cwd: string, env: Readonly<Record<string, string | undefined>>): Resolved {
  const missing: string[] = [];
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i] as string)) i++;
  const first = words[i];
  if (first === undefined) return { missing: ["the command is empty"], program: undefined };
  let program: string | undefined;
  if (first.includes("/")) {
    const abs = path.resolve(cwd, first);
    if (!fs.existsSync(abs)) missing.push(`${abs} does not exist`);
    else if (!isExecutable(abs)) missing.push(`${abs} is not executable`);
    else program = abs;
  } else {
    program = onPath(first, env);
    if (!program) missing.push(`${first} is not on PATH`);
  }
  for (const w of words.slice(i + 1)) {
    if (w.startsWith("-")) continue;
    if (SCRIPT.test(w) || (w.includes("/") && SHELLS.has(path.basename(first)))) {
      const abs = path.resolve(cwd, w);
      if (!fs.existsSync(abs)) missing.push(`${abs} does not exist`);
    }
  }
  return { missing, program };
}

export interface RunResult {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly ms: number;
  readonly error: string | undefined;
}

/** Run a hook command the way the agent would: a shell string (or argv when args are given), the payload on stdin. */
export async function runHookCommand(
  command: string,
  args: readonly string[] | undefined,
  opts: { cwd: string; env: Record<string, string | undefined>; input: string; timeoutMs: number },
): Promise<RunResult> {
  const started = Date.now();
  const common = { cwd: opts.cwd, env: opts.env, extendEnv: false, input: opts.input, timeout: opts.timeoutMs, reject: false, stripFinalNewline: false } as const;
  try {
    const r = args ? await execa(command, [...args], common) : await execa(command, { ...common, shell: true });
    return {
      exitCode: r.exitCode,
      stdout: String(r.stdout ?? ""),
      stderr: String(r.stderr ?? ""),
      timedOut: r.timedOut === true,
      ms: Date.now() - started,
      error: r.failed && r.exitCode === undefined && !r.timedOut ? r.shortMessage : undefined,
    };
  } catch (err) {
    return { exitCode: undefined, stdout: "", stderr: "", timedOut: false, ms: Date.now() - started, error: (err as Error).message };
  }
}
