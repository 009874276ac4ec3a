/** Install and uninstall: an agent's settings merge and owned files (from its descriptor), or the git
 *  pre-commit hook. */
import fs from "node:fs";
import path from "node:path";
import { AGENT_NAMES, getAgent } from "../agents/index.js";
import type { HookTarget, OwnedFile, Where } from "../agents/descriptor.js";
import type { JsonObject } from "../agents/settings/json.js";
import { getInfragateHome } from "../config/home.js";
import { ensureHttpConfig } from "../serve/http-config.js";
import { getPackageRoot } from "../policy/pack.js";
import { commandProblems, hookCommand, shellQuote, type CommandOptions } from "./command.js";
import { installGit, uninstallGit } from "./git.js";
import { updateJsonFile, writeIfChanged, type WriteOptions } from "./json-file.js";
import { teamCommand, teamProblems } from "./team.js";

/** What `infragate install` takes: every registered agent, and git. */
export const INSTALL_TARGETS: readonly string[] = [...AGENT_NAMES, "git"];
export type InstallTarget = string;

export interface FileChange {
  readonly file: string;
  readonly changed: boolean;
  readonly backup?: string;
}

export interface InstallResult {
  readonly agent: InstallTarget;
  readonly action: "install" | "uninstall";
  /** Files written or removed. */
  readonly files: readonly FileChange[];
  readonly command?: string;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface InstallOptions extends Where, CommandOptions {
  readonly now?: Date;
  /** install --http: hook the agent to the decision service over HTTP (Claude Code), on this port. */
  readonly http?: { readonly port?: number | undefined };
  /** install --team: a command that resolves in every clone (the repository's node_modules/infragate), for
   *  settings that are committed. */
  readonly team?: boolean;
  /** install --managed: the agent's system-wide settings (file: a path override, for tests and staging). */
  readonly managed?: { readonly file?: string | undefined; readonly only?: boolean };
}

/** Backups of changed settings go under $INFRAGATE_HOME/backups: nothing is left beside the user's files. */
function writeOpts(opts: InstallOptions): WriteOptions {
  return { backupDir: path.join(getInfragateHome(opts.env), "backups"), ...(opts.now ? { now: opts.now } : {}) };
}

function writeOwned(owned: OwnedFile, opts: InstallOptions): FileChange {
  const { file, text } = owned;
  const exists = fs.existsSync(file);
  if (owned.onlyIfAbsent && exists) return { file, changed: false };
  return { file, ...writeIfChanged(file, { exists, text: exists ? fs.readFileSync(file, "utf8") : "" }, text, writeOpts(opts)) };
}

/** The HTTP hook to this user's decision service (the port and secret in $INFRAGATE_HOME/serve/http.json),
 *  and the command that starts the service at session start. */
function httpTarget(agent: string, command: string, opts: InstallOptions): HookTarget {
  const config = ensureHttpConfig(getInfragateHome(opts.env), opts.http?.port);
  const root = opts.root ?? getPackageRoot();
  const node = opts.node ?? process.execPath;
  return {
    kind: "http",
    command,
    url: `http://127.0.0.1:${config.port}/infragate/hook/${agent}`,
    token: config.token,
    startCommand: `${shellQuote(node)} ${shellQuote(path.join(root, "bin", "infragate.cjs"))} serve --detach --quiet`,
  };
}

const TEAM_NOTE =
  "--team: the command runs <project>/node_modules/infragate with the node on PATH; commit the settings, package.json and the lock file. Each developer runs npm install; a clone without it blocks every tool call with 'run npm install'.";

function descriptorOf(agent: string): NonNullable<ReturnType<typeof getAgent>> {
  const d = getAgent(agent);
  if (!d) throw new Error(`unknown agent '${agent}' (expected one of ${INSTALL_TARGETS.join(", ")})`);
  return d;
}

export async function install(agent: InstallTarget, opts: InstallOptions): Promise<InstallResult> {
  if (opts.team && (agent === "git" || opts.user || opts.http)) throw new Error("--team is for an agent's project settings (not git, --user or --http)");
  const command = opts.team ? teamCommand(agent) : hookCommand(agent, opts);
  const warnings = opts.team ? teamProblems(opts.dir) : commandProblems(opts);
  if (agent === "git") {
    const r = await installGit(opts.dir, command);
    const notes = [`git runs ${command} before every commit; a block lists what and why. 'git commit --no-verify' skips it (a human's override).`];
    if (r.chained) notes.push(`the existing pre-commit hook was kept as ${r.chained} and runs after infragate's check`);
    return { agent, action: "install", files: [{ file: r.file, changed: r.changed }], command, notes, warnings };
  }
  const inst = descriptorOf(agent).installer;
  if (opts.http && !inst.http) throw new Error(`--http is for agents with HTTP hooks (claude-code), not ${agent}`);
  if (opts.managed) return installManaged(agent, inst, command, warnings, opts);
  const target: HookTarget = opts.http ? httpTarget(agent, command, opts) : { kind: "command", command };
  const files: FileChange[] = [];
  const file = opts.http && inst.http ? inst.http.settingsFile(opts) : inst.settingsFile(opts);
  if (file !== undefined) files.push({ file, ...updateJsonFile(file, (s) => inst.install(s, target), writeOpts(opts)) });
  if (opts.http && file !== undefined) fs.chmodSync(file, 0o600);
  // Only one kind at a time: an --http install removes the command hook from the shared file, and back.
  const other = opts.http ? inst.settingsFile(opts) : inst.http?.settingsFile(opts);
  if (other !== undefined && other !== file && fs.existsSync(other)) {
    files.push({ file: other, ...updateJsonFile(other, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(writeOpts(opts)) }) });
  }
  for (const owned of inst.ownedFiles?.(opts, target, opts.root ?? getPackageRoot()) ?? []) files.push(writeOwned(owned, opts));
  const teamNotes = opts.team ? [TEAM_NOTE] : [];
  return { agent, action: "install", files, command, notes: [...inst.notes, ...(opts.http ? (inst.http?.notes ?? []) : []), ...teamNotes], warnings };
}

/** install --managed: the hook into the agent's system-wide settings (merged like any settings file). */
function installManaged(agent: string, inst: ReturnType<typeof descriptorOf>["installer"], command: string, warnings: string[], opts: InstallOptions): InstallResult {
  const managed = inst.managed;
  if (!managed) throw new Error(`--managed: ${agent} has no system-wide hook settings infragate can write (docs/agents.md, "Rolling out to a team")`);
  const file = opts.managed?.file ?? managed.file(process.platform);
  const target: HookTarget = { kind: "command", command };
  const only = opts.managed?.only === true && managed.only ? managed.only : (s: JsonObject) => s;
  const change = updateJsonFile(file, (s) => only(inst.install(s, target)), writeOpts(opts));
  return { agent, action: "install", files: [{ file, ...change }], command, notes: [...managed.notes], warnings };
}

export async function uninstall(agent: InstallTarget, opts: InstallOptions): Promise<InstallResult> {
  if (agent === "git") {
    const r = await uninstallGit(opts.dir);
    const notes = r.chained ? [`the earlier pre-commit hook was restored from ${r.chained}`] : [];
    return { agent, action: "uninstall", files: [{ file: r.file, changed: r.changed }], notes, warnings: [] };
  }
  const inst = descriptorOf(agent).installer;
  if (opts.managed && inst.managed) {
    const file = opts.managed.file ?? inst.managed.file(process.platform);
    const change = updateJsonFile(file, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(writeOpts(opts)) });
    return { agent, action: "uninstall", files: [{ file, ...change }], notes: [], warnings: [] };
  }
  const files: FileChange[] = [];
  const warnings: string[] = [];
  const file = inst.settingsFile(opts);
  if (file !== undefined) files.push({ file, ...updateJsonFile(file, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(writeOpts(opts)) }) });
  const httpFile = inst.http?.settingsFile(opts);
  if (httpFile !== undefined && httpFile !== file && fs.existsSync(httpFile)) {
    files.push({ file: httpFile, ...updateJsonFile(httpFile, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(writeOpts(opts)) }) });
  }
  const target = { kind: "command", command: hookCommand(agent, opts) } as const;
  for (const owned of inst.ownedFiles?.(opts, target, opts.root ?? getPackageRoot()) ?? []) {
    if (!fs.existsSync(owned.file)) continue;
    if (fs.readFileSync(owned.file, "utf8") === owned.text) {
      fs.rmSync(owned.file);
      files.push({ file: owned.file, changed: true });
    } else if (!owned.onlyIfAbsent) {
      warnings.push(`${owned.file} was edited after install; it was left in place`);
    }
  }
  return { agent, action: "uninstall", files, notes: [], warnings };
}
