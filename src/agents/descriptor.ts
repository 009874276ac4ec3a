/**
 * The agent contract: everything infragate knows about one coding agent, in one folder (src/agents/<name>/)
 * whose index.ts exports one AgentDescriptor, registered by one line in src/agents/registry.ts.
 *  - adapter: the agent's hook payload -> GateActions, and a verdict -> the agent's own answer;
 *  - installer: which files `infragate install <name>` writes, in which format, with which fail-closed switch;
 *  - doctor: where to look for the installed hook, a canary the pack must deny, the agent's own off-switches.
 * Every list of agent names (help texts, `hook`, `install`, `doctor`) is derived from the registry.
 */
import type { Check, DoctorScope } from "./checks.js";
import type { HookEntry, SettingsFile } from "./settings/entries.js";
import type { JsonObject } from "./settings/json.js";
import type { AgentAdapter } from "./types.js";

/** Where an install goes. */
export interface Where {
  /** Project directory (absolute). */
  readonly dir: string;
  /** The user-level file instead of the project's. */
  readonly user: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** What the installed hook runs: a command, or (Claude Code with --http) an HTTP hook to the decision service
 *  plus the command that starts the service when a session starts. */
export type HookTarget =
  | {
      readonly kind: "command";
      /** `'<abs node>' '<abs launcher>' <agent>`: the installer may wrap it (e.g. `|| exit 2`). */
      readonly command: string;
    }
  | {
      readonly kind: "http";
      /** The launcher command, as for kind "command" (for files an install owns besides the settings). */
      readonly command: string;
      /** `http://127.0.0.1:<port>/infragate/hook/<agent>` */
      readonly url: string;
      /** The per-user secret the hook sends in the x-infragate-token header. */
      readonly token: string;
      /** `'<abs node>' '<abs root>/bin/infragate.cjs' serve --detach --quiet`: run at session start. */
      readonly startCommand: string;
    };

/** A whole file an install writes besides the settings (Cursor's rule, OpenCode's plugin). Uninstall removes
 *  it only while it is still exactly what install wrote. */
export interface OwnedFile {
  readonly file: string;
  readonly text: string;
  /** Written only where there is no such file yet (a file the user may have made too). */
  readonly onlyIfAbsent?: boolean;
}

export interface AgentInstaller {
  /** One help line: the file and what goes in it. */
  readonly summary: string;
  /** The JSON settings file holding the hook entries, or undefined when the agent has none (a plugin file). */
  settingsFile(where: Where): string | undefined;
  /** Merge infragate's hook into the settings (idempotent: unchanged settings when it is already there). */
  install(settings: JsonObject, target: HookTarget): JsonObject;
  /** Remove infragate's entries, leaving everything else as it was. */
  uninstall(settings: JsonObject): JsonObject;
  /** Whole files the install owns; packageRoot holds install/ templates. */
  ownedFiles?(where: Where, target: HookTarget, packageRoot: string): readonly OwnedFile[];
  /** What the human must know after installing. */
  readonly notes: readonly string[];
  /** Agents that can call the decision service over HTTP (install --http): where those settings go (a file
   *  only the user reads: it holds the per-user secret). */
  readonly http?: { settingsFile(where: Where): string; readonly notes: readonly string[] };
  /** install --managed: the system-wide settings file the agent reads and the user cannot override (root-owned).
   *  `only` adds the agent's switch that makes only these hooks run, where it has one. */
  readonly managed?: { file(platform: NodeJS.Platform): string; only?(settings: JsonObject): JsonObject; readonly notes: readonly string[] };
}

/** An action the pack denies for sure, in the agent's payload shape, and the policy that must deny it. */
export interface Canary {
  readonly payload: Record<string, unknown>;
  /** What the canary asks, for messages. */
  readonly what: string;
  /** The pack policy that must be named in the deny (a deny without it is a hook that blocks everything). */
  readonly policy: string;
}

export interface AgentDoctor {
  /** The settings (or plugin) files that may hold infragate's hook: project first, then user. */
  files(scope: DoctorScope, home: string): readonly string[];
  /** infragate's hook entries in one of those files. */
  entries(settings: SettingsFile): readonly HookEntry[];
  /** Events of which at least one must be hooked for shell and file tools to be gated. */
  readonly gateEvents: readonly string[];
  /** Post-tool events that feed session memory (what ran); doctor warns when none is hooked. */
  readonly memoryEvents?: readonly string[];
  /** The canary for an event, or undefined when doctor has none for it. */
  canary(event: string, dir: string, home: string): Canary | undefined;
  /** Did the hook answer deny in this agent's protocol? */
  isDeny(exitCode: number | undefined, stdout: string): boolean;
  /** Checks on one installed entry beyond the common ones (the fail-closed switch, matcher coverage). */
  entryChecks(entry: HookEntry): readonly Check[];
  /** How to read one of the files, when it is not JSON settings (OpenCode's plugin). */
  readFile?(file: string): SettingsFile;
  /** The directory the agent runs the hook in, for one settings file. */
  hookCwd?(file: string, dir: string, home: string): string;
  /** The agent's own switches outside the hook entries (hooks disabled, trust, managed settings). */
  switches(scope: DoctorScope, installed: readonly HookEntry[]): { checks: readonly Check[]; advice?: string };
}

/** A variable the agent sets in the shell it runs commands in: how a commit made from its shell is told from a
 *  human's (the git pre-commit check). */
export interface ShellMarker {
  readonly name: string;
  /** The value it must have; absent: any non-empty value. */
  readonly value?: string;
  /** Verified with the real CLI here (test/e2e/agent-env-markers.test.ts), or from the agent's documentation or
   *  source only. */
  readonly verified: "e2e" | "docs";
}

export interface AgentDescriptor {
  /** The name used in `infragate hook|install|uninstall <name>`. */
  readonly name: string;
  /** The product's name, for docs and messages. */
  readonly title: string;
  /** Environment variables the agent sets to the project directory in the hook's environment. */
  readonly projectDirVars: readonly string[];
  /** The variables the agent sets in its shell (none known: empty). */
  readonly shellMarkers: readonly ShellMarker[];
  readonly adapter: AgentAdapter;
  readonly installer: AgentInstaller;
  readonly doctor: AgentDoctor;
}
