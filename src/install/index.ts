/** Install and uninstall: an agent's settings merge and owned files (from its descriptor), or the git
 *  pre-commit hook. */
import fs from "node:fs";
import path from "node:path";
import { AGENT_NAMES, getAgent } from "../agents/index.js";
import type { HookTarget, OwnedFile, Where } from "../agents/descriptor.js";
import { getInfragateHome } from "../config/home.js";
import { ensureHttpConfig } from "../serve/http-config.js";
import { getPackageRoot } from "../policy/pack.js";
import { commandProblems, hookCommand, shellQuote, type CommandOptions } from "./command.js";
import { installGit, uninstallGit } from "./git.js";
import { timestamp, updateJsonFile } from "./json-file.js";

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
}

function writeOwned(owned: OwnedFile, now?: Date): FileChange {
  const { file, text } = owned;
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (before === text || (owned.onlyIfAbsent && before !== undefined)) return { file, changed: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let backup: string | undefined;
  if (before !== undefined) {
    backup = `${file}.infragate-backup-${timestamp(now)}`;
    fs.writeFileSync(backup, before);
  }
  fs.writeFileSync(file, text);
  return backup !== undefined ? { file, changed: true, backup } : { file, changed: true };
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

function descriptorOf(agent: string): NonNullable<ReturnType<typeof getAgent>> {
  const d = getAgent(agent);
  if (!d) throw new Error(`unknown agent '${agent}' (expected one of ${INSTALL_TARGETS.join(", ")})`);
  return d;
}

export async function install(agent: InstallTarget, opts: InstallOptions): Promise<InstallResult> {
  const command = hookCommand(agent, opts);
  const warnings = commandProblems(opts);
  if (agent === "git") {
    const r = await installGit(opts.dir, command);
    const notes = [`git runs ${command} before every commit; a block lists what and why. 'git commit --no-verify' skips it (a human's override).`];
    if (r.chained) notes.push(`the existing pre-commit hook was kept as ${r.chained} and runs after infragate's check`);
    return { agent, action: "install", files: [{ file: r.file, changed: r.changed }], command, notes, warnings };
  }
  const inst = descriptorOf(agent).installer;
  if (opts.http && !inst.http) throw new Error(`--http is for agents with HTTP hooks (claude-code), not ${agent}`);
  const target: HookTarget = opts.http ? httpTarget(agent, command, opts) : { kind: "command", command };
  const files: FileChange[] = [];
  const file = opts.http && inst.http ? inst.http.settingsFile(opts) : inst.settingsFile(opts);
  if (file !== undefined) files.push({ file, ...updateJsonFile(file, (s) => inst.install(s, target), opts.now ? { now: opts.now } : {}) });
  if (opts.http && file !== undefined) fs.chmodSync(file, 0o600);
  // Only one kind at a time: an --http install removes the command hook from the shared file, and back.
  const other = opts.http ? inst.settingsFile(opts) : inst.http?.settingsFile(opts);
  if (other !== undefined && other !== file && fs.existsSync(other)) {
    files.push({ file: other, ...updateJsonFile(other, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(opts.now ? { now: opts.now } : {}) }) });
  }
  for (const owned of inst.ownedFiles?.(opts, target, opts.root ?? getPackageRoot()) ?? []) files.push(writeOwned(owned, opts.now));
  return { agent, action: "install", files, command, notes: [...inst.notes, ...(opts.http ? (inst.http?.notes ?? []) : [])], warnings };
}

export async function uninstall(agent: InstallTarget, opts: InstallOptions): Promise<InstallResult> {
  if (agent === "git") {
    const r = await uninstallGit(opts.dir);
    const notes = r.chained ? [`the earlier pre-commit hook was restored from ${r.chained}`] : [];
    return { agent, action: "uninstall", files: [{ file: r.file, changed: r.changed }], notes, warnings: [] };
  }
  const inst = descriptorOf(agent).installer;
  const files: FileChange[] = [];
  const warnings: string[] = [];
  const file = inst.settingsFile(opts);
  if (file !== undefined) files.push({ file, ...updateJsonFile(file, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(opts.now ? { now: opts.now } : {}) }) });
  const httpFile = inst.http?.settingsFile(opts);
  if (httpFile !== undefined && httpFile !== file && fs.existsSync(httpFile)) {
    files.push({ file: httpFile, ...updateJsonFile(httpFile, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(opts.now ? { now: opts.now } : {}) }) });
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
