/** Plain data that the shell stage hands to the interpreters (src/clis). */

export type Env = Readonly<Record<string, string>>;

/** Where a command's standard input comes from. Anything but "terminal" can answer a prompt. */
export type StdinSource = "terminal" | "pipe" | "here-string" | "heredoc" | "file";

export interface SimpleCommand {
  /** Normalised program name: basename, unquoted, version suffix stripped, aliases resolved
   *  (`/usr/local/bin/terraform1.9` -> `terraform`, `tf` -> `terraform`). Empty when unresolved. */
  readonly program: string;
  /** Effective argv after wrappers and launchers are removed, quotes removed. argv[0] is the program word. */
  readonly argv: readonly string[];
  /** Effective environment: the inherited one, then `export V=v` earlier in the line, then `env V=v`, then inline `V=v`. */
  readonly env: Env;
  /** Names set on the command line itself (inline, `env`, `export`): the rest came from the inherited environment. */
  readonly lineEnv: readonly string[];
  /** Absolute effective working directory (`cd`, `pushd` tracked). */
  readonly cwd: string;
  /** Wrappers and launchers removed, outermost first: `sudo`, `env`, `bash -c`, `xargs`, `npx`, `docker run`, ... */
  readonly wrappers: readonly string[];
  /** Nesting depth: 0 for a top-level command, +1 for each `bash -c`, `eval`, `$(...)`, heredoc-to-shell. */
  readonly depth: number;
  readonly stdin: StdinSource;
  /** The text fed on stdin when it is known literally (a heredoc, a here-string, a pipe from `echo`/`printf`
   *  of literal text); absent when it is not known. */
  readonly stdinText?: string;
  /** Absolute path of the file redirected to stdin (`< dump.sql`), when stdin is "file". */
  readonly stdinPath?: string;
  /** Some word that decides what runs (program or an argument) could not be resolved statically ($VAR, $(...)). */
  readonly unresolved: boolean;
  /** Inline interpreter code (`python -c`, `node -e`, `perl -e`, `ruby -e`, ...): `code` holds it. */
  readonly inlineCode: string | undefined;
  /** Source text of this command, for messages. */
  readonly text: string;
  /** `A | B`: the words of B that this command's standard output is piped into (absent when not piped, or
   *  when B is not a simple command). `aws ecr get-login-password | docker login --password-stdin` gives
   *  `["docker", "login", "--password-stdin"]` to the aws command: the token never reaches the agent. */
  readonly stdoutTo?: readonly string[];
  /** Variables set by a dotenv file sourced earlier on the line (`source .env && echo $APP_KEY`) whose values
   *  appear in argv: the command handles project secrets. */
  readonly dotenvArgs?: readonly string[];
  /** Bind mounts of the container the command runs in (`docker run -v ~/.aws:/root/.aws ...`): its file
   *  effects under a container path are effects on the host path. */
  readonly mounts?: readonly BindMount[];
  /** Set when a `cd`/`pushd` earlier on the line had a target that could not be resolved: `cwd` is a guess. */
  readonly cwdUnresolved?: boolean;
  /** Indices into argv of the words that could not be resolved statically (their text is the source text). */
  readonly unresolvedArgs?: readonly number[];
  /** Names in `env` whose value could not be resolved statically (their value is the source text). */
  readonly unresolvedEnv?: readonly string[];
  /** The project scripts this command was reached through, outermost first (`npm run destroy`, `make nuke`). */
  readonly via?: readonly string[];
  /** A project script, target or recipe this command runs that infragate could not read (src/shell/project). */
  readonly unread?: UnreadScript;
}

/** Why a script, build target or recipe could not be followed. */
type UnreadReason = "missing" | "too-large" | "binary" | "unreadable" | "unresolved" | "written-unknown";

export interface UnreadScript {
  /** The runner: `npm run`, `make`, `just`, `task`, `bash`, `source`, `python3`, ... */
  readonly runner: string;
  /** The script file, package.json, Makefile, justfile or Taskfile (absolute), when known. */
  readonly path: string;
  /** The script name, target or recipe, when it is one. */
  readonly target: string;
  readonly reason: UnreadReason;
  /** What could be read of it (a partial or unexpandable text), to tell whether it names a guarded CLI. */
  readonly text: string;
}

export type FileOp = "read" | "write" | "delete";

export interface FileEffect {
  readonly op: FileOp;
  /** Absolute path. */
  readonly path: string;
  /** What causes it: `redirect >`, `cp`, `tar x`, `sed -i`, `Write`, ... */
  readonly via: string;
  /** For archive extraction: the archive file; `path` is the destination directory. */
  readonly archive?: string | undefined;
  /** For archive extraction: members when the archive could be listed. */
  readonly members?: readonly string[] | undefined;
  /** For archive extraction: whether the members are known. */
  readonly membersKnown?: boolean | undefined;
  /** Source text of the command that causes it. */
  readonly text: string;
  /** The project scripts it was reached through (`npm run reset`, `make clean`), as SimpleCommand.via. */
  readonly chain?: readonly string[];
  /** For a git work-tree rewrite (reset --hard, checkout/restore of paths, stash): the revision whose
   *  content it writes back ("" for the index); the enrich stage lists the files that differ from it. */
  readonly revision?: string;
  /** The path contains an expansion that could not be resolved statically (`> $OUT`). */
  readonly unresolved?: boolean;
  /** A recursive search of the tree at `path` (grep -r, rg, the agents' Grep tools): which files under it
   *  it reads. The enrich stage lists them into `members`. */
  readonly search?: SearchFilter;
  /** Path classes the file's content contradicts (src/enrich/content-classes.ts): a `talk.key` that is a
   *  Keynote document is no key, a `notes.plan` that is not a zip is no Terraform plan. */
  readonly unlike?: readonly string[];
  /** The effect happens only if this path is an existing directory (`cp x DEST` lands in `DEST/x` only
   *  when DEST is a directory; otherwise DEST is the file). Settled by the enrich stage. */
  readonly ifDirectory?: string;
  /** Set by the enrich stage: something exists at `path` now (a write replaces it rather than creating it). */
  readonly exists?: boolean;
}

/** A host folder or file mounted into a container. */
export interface BindMount {
  /** Absolute host path. */
  readonly host: string;
  /** Absolute path inside the container. */
  readonly container: string;
}

/** Which files under its root a recursive search reads: the tool's own defaults and filters. */
export interface SearchFilter {
  /** Reads hidden files and folders (grep -r does; rg and ag only with --hidden / -u). */
  readonly hidden: boolean;
  /** Leaves out what the root's .gitignore ignores (rg, ag, unless --no-ignore / -u). */
  readonly gitignore: boolean;
  /** Only files whose name matches one of these globs (grep --include, rg -t TYPE). Empty: every file. */
  readonly include: readonly string[];
  /** Files whose name matches one of these globs are left out (grep --exclude). */
  readonly exclude: readonly string[];
  /** Folders whose name matches one of these globs are not entered (grep --exclude-dir). */
  readonly excludeDir: readonly string[];
  /** gitignore-style globs over the path below the root (rg -g / --glob / --iglob; `!x` leaves x out). */
  readonly globs: readonly string[];
}

export interface ShellAnalysis {
  readonly commands: readonly SimpleCommand[];
  /** File effects of the shell itself (redirections, heredocs into files). File tools are interpreted in src/clis. */
  readonly files: readonly FileEffect[];
  /** Parse errors, exceeded limits and other problems; non-empty means the analysis may be incomplete. */
  readonly problems: readonly string[];
  /** `export`/`declare -x` names with values set anywhere in the line: they persist into later commands. */
  readonly exported: Env;
}

/** The names programs go by, as the shell stage needs them to normalise a command word and to see through
 *  launchers. The CLI tables come from the CLI registry (src/clis/registry.ts) through the pipeline; the shell
 *  stage adds its own (interpreters and shells: `python3.11` -> `python`, `.` -> `source`). */
export interface ProgramNames {
  /** Other names of a program: `tf` -> `terraform`. */
  readonly aliases: Readonly<Record<string, string>>;
  /** Programs whose versioned names (`terraform1.9`, `tofu-1.8`) mean the program itself. */
  readonly versioned: ReadonlySet<string>;
  /** Package name -> the program it installs, for `npx`, `pnpm dlx`, `uvx`: `aws-cdk` -> `cdk`. */
  readonly packages: Readonly<Record<string, string>>;
  /** package.json script names that by convention are the CLI itself: `cdk` -> `cdk`. */
  readonly scripts: Readonly<Record<string, string>>;
  /** Container image -> the program that is its entrypoint; a name ending in `*` is a prefix. */
  readonly images: Readonly<Record<string, string>>;
}

export interface ShellOptions {
  readonly cwd: string;
  /** Inherited environment (process.env of the hook: the agent's shell environment). */
  readonly env: Env;
  /** Maximum nesting depth before the analysis stops with a problem. */
  readonly maxDepth?: number;
  /** The CLIs' names (from the CLI registry: `PROGRAM_NAMES` in src/clis/registry.ts). */
  readonly names: ProgramNames;
  /** Reads the project's own scripts (package.json, Makefile, ./x.sh, ...) to follow them; none: not followed. */
  readonly scripts?: ScriptReader;
}

/** A project file as the script reader found it. `stamp` names this version of it (path, size, mtime). */
export type ScriptFile =
  | { readonly ok: true; readonly path: string; readonly text: string; readonly stamp: string }
  | { readonly ok: false; readonly path: string; readonly reason: "missing" | "too-large" | "binary" | "unreadable"; readonly text: string };

/** The port through which the shell stage reads project files (the disk one is src/enrich/script-files.ts). */
export interface ScriptReader {
  read(absPath: string): ScriptFile;
  /** Is there a file (not a directory) at this path? */
  exists(absPath: string): boolean;
  /** The names of the subdirectories of a directory (to expand `packages/*` workspaces); [] when none. */
  subdirs(absDir: string): readonly string[];
  /** `parse(text)` once per file version and parser name (cached by path, size and mtime). */
  parsed<T>(file: Extract<ScriptFile, { ok: true }>, parser: string, parse: (text: string) => T): T;
}
