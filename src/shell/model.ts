/** Internal state shared by the walker, the word resolver and the wrapper tables. */
import type { SyntaxNode } from "unbash";
import type { BindMount, FileEffect, ProgramNames, ScriptReader, SimpleCommand, StdinSource } from "./types.js";

/** One argv field after expansion: its value, and whether some part of it could not be known statically. */
export interface RWord {
  readonly value: string;
  readonly unresolved: boolean;
  /** Contains an unquoted glob: in command position it may expand to anything. */
  readonly glob?: boolean;
}

/** What a command's standard input is, and the text fed to it when that text is known literally. */
export interface Io {
  readonly stdin: StdinSource;
  readonly stdinText: string | undefined;
  /** `< FILE`: the absolute path read as stdin. */
  readonly stdinPath?: string;
  /** `A | B`: the words of B (as written, resolved where literal) that A's standard output is piped into. */
  readonly stdoutTo?: readonly string[];
}

/** Mutable shell state along one execution path; cloned for subshells and nested scripts. */
export interface Scope {
  /** Variables assigned on the line; null means assigned, but to something not known statically. */
  vars: Record<string, string | null>;
  /** Exported environment: inherited, then `export`s on the line. */
  env: Record<string, string>;
  lineEnv: Set<string>;
  cwd: string;
  cwdUnresolved: boolean;
  oldpwd: string | undefined;
  dirStack: string[];
  readonly depth: number;
  readonly wrappers: readonly string[];
  /** The script text itself came from an unresolved word: everything in it is suspect. */
  readonly taint: boolean;
  /** `set -a` / `set -o allexport` is on: every plain assignment is exported. */
  allexport?: boolean;
  /** Exported names whose value was assigned on the line but is not known statically (`read X`, `X=$(...)`). */
  unknownEnv?: Set<string>;
  /** Variables a sourced dotenv file set (`source .env`): name -> value. Their values are project secrets. */
  dotenv?: Readonly<Record<string, string>>;
  /** Project scripts this scope runs inside, outermost first (`npm run destroy`): the chain in reasons. */
  via?: readonly string[];
}

/** Results collected over the whole analysis. */
export interface Ctx {
  readonly commands: SimpleCommand[];
  readonly files: FileEffect[];
  readonly problems: string[];
  readonly exported: Record<string, string>;
  readonly maxDepth: number;
  /** The names programs go by (the CLI registry's and the shell stage's own). */
  readonly names: ProgramNames;
  /** Guards against pathological fan-out (brace/xargs/parallel expansion, huge scripts). */
  budget: number;
  /** Walk the command substitutions inside a syntax node (src/shell/walk.ts walkSubs), handed in so the
   *  command reader (src/shell/command.ts) does not import the walker that calls it. */
  readonly walkSubs: (node: SyntaxNode, src: string, scope: Scope, io: Io) => void;
  /** Parse and walk a nested script (`bash -c`, `eval`, ssh, heredoc to a shell) at depth + 1. */
  readonly runScript: (source: string, inv: Inv, wrapper: string, taint: boolean) => void;
  /** Reads the project's scripts; absent: scripts are not followed. */
  readonly reader?: ScriptReader;
  /** Walk a project script's text in `scope` (a depth below its runner), with `io` as its stdin. */
  readonly walkIn: (source: string, scope: Scope, io: Io) => void;
  /** Files written earlier in the line: their text when it is known literally, else null. */
  readonly written: Map<string, string | null>;
  /** Project scripts being followed right now (the active chain): file and arguments -> how often. A script
   *  that runs itself again with the same arguments is not followed again (real scripts re-exec "$0"). */
  readonly following: Map<string, number>;
}

/** One command being unwrapped: the words still to interpret and what the wrappers so far set up. */
export interface Inv {
  readonly words: readonly RWord[];
  readonly env: Record<string, string>;
  readonly lineEnv: ReadonlySet<string>;
  readonly wrappers: readonly string[];
  readonly io: Io;
  readonly cwd: string;
  readonly cwdUnresolved: boolean;
  readonly unresolved: boolean;
  readonly depth: number;
  readonly text: string;
  /** The shell scope the command runs in (variables for nested scripts). */
  readonly scope: Scope;
  /** Bind mounts of the container the command runs in (docker run -v). */
  readonly mounts?: readonly BindMount[];
  /** Environment names whose value is not known statically (inline `X=$(...) cmd`, or exported earlier). */
  readonly unknownEnv?: ReadonlySet<string>;
}

/** What a wrapper or launcher handler found: the command it runs, a script it runs, or nothing more. */
export type Unwrap =
  | {
      readonly kind: "inner";
      readonly wrapper: string;
      readonly words: readonly RWord[];
      readonly env?: Readonly<Record<string, string>>;
      readonly unset?: readonly string[];
      readonly clearEnv?: boolean;
      readonly chdir?: string;
      /** A container's bind mounts: they hold for the command it runs. */
      readonly mounts?: readonly BindMount[];
      readonly io?: Io;
      readonly unresolved?: boolean;
      /** The wrapper is itself a program with effects of its own (find, docker): report it too. */
      readonly emitSelf?: boolean;
    }
  | {
      readonly kind: "script";
      readonly wrapper: string;
      readonly source: string;
      readonly unresolved: boolean;
      readonly io?: Io;
      readonly emitSelf?: boolean;
    }
  | { readonly kind: "many"; readonly items: readonly Unwrap[]; readonly emitSelf: boolean }
  | { readonly kind: "final"; readonly program?: string; readonly inlineCode?: string; readonly unresolved?: boolean };

/** A wrapper/launcher table entry: pure function of the words (words[0] is the wrapper itself). */
export type Handler = (words: readonly RWord[], inv: Inv, names: ProgramNames) => Unwrap | undefined;

export function lit(value: string): RWord {
  return { value, unresolved: false };
}

export function anyUnresolved(words: readonly RWord[]): boolean {
  return words.some((w) => w.unresolved);
}

export function joinWords(words: readonly RWord[]): string {
  return words.map((w) => w.value).join(" ");
}

export function cloneScope(s: Scope, over?: Partial<Pick<Scope, "depth" | "wrappers" | "taint">>): Scope {
  return {
    vars: { ...s.vars },
    env: { ...s.env },
    lineEnv: new Set(s.lineEnv),
    cwd: s.cwd,
    cwdUnresolved: s.cwdUnresolved,
    oldpwd: s.oldpwd,
    dirStack: [...s.dirStack],
    depth: over?.depth ?? s.depth,
    wrappers: over?.wrappers ?? s.wrappers,
    taint: over?.taint ?? s.taint,
    ...(s.allexport ? { allexport: true } : {}),
    ...(s.unknownEnv ? { unknownEnv: new Set(s.unknownEnv) } : {}),
    ...(s.via ? { via: s.via } : {}),
    ...(s.dotenv ? { dotenv: s.dotenv } : {}),
  };
}

export function addProblem(ctx: Ctx, msg: string): void {
  if (ctx.problems.length < 100 && !ctx.problems.includes(msg)) ctx.problems.push(msg);
}

export const TERMINAL: Io = { stdin: "terminal", stdinText: undefined };
