/** Install and uninstall per agent: the settings file merge, the Cursor rule, the git pre-commit hook. */
import fs from "node:fs";
import path from "node:path";
import { getPackageRoot } from "../policy/pack.js";
import { INSTALLERS, type InstallAgent, type Where } from "./agents.js";
import { commandProblems, hookCommand, type CommandOptions } from "./command.js";
import { installGit, uninstallGit } from "./git.js";
import { timestamp, updateJsonFile } from "./json-file.js";

export const INSTALL_TARGETS = ["claude-code", "cursor", "gemini", "codex", "git"] as const;
export type InstallTarget = (typeof INSTALL_TARGETS)[number];

export interface InstallResult {
  readonly agent: InstallTarget;
  readonly action: "install" | "uninstall";
  /** Files written or removed. */
  readonly files: readonly { readonly file: string; readonly changed: boolean; readonly backup?: string }[];
  readonly command?: string;
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface InstallOptions extends Where, CommandOptions {
  readonly now?: Date;
}

export function cursorRuleFile(where: Where): string {
  const base = where.user ? path.join(where.env.HOME ?? "", ".cursor") : path.join(where.dir, ".cursor");
  return path.join(base, "rules", "infragate.mdc");
}

function ruleTemplate(root: string): string {
  return fs.readFileSync(path.join(root, "install", "cursor", "infragate.mdc"), "utf8");
}

function writeRule(file: string, text: string, now?: Date): { file: string; changed: boolean; backup?: string } {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
  if (before === text) return { file, changed: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let backup: string | undefined;
  if (before !== undefined) {
    backup = `${file}.infragate-backup-${timestamp(now)}`;
    fs.writeFileSync(backup, before);
  }
  fs.writeFileSync(file, text);
  return backup !== undefined ? { file, changed: true, backup } : { file, changed: true };
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
  const inst = INSTALLERS[agent as InstallAgent];
  const file = inst.settingsFile(opts);
  const w = updateJsonFile(file, (s) => inst.install(s, command), opts.now ? { now: opts.now } : {});
  const files = [{ file, ...w }];
  if (agent === "cursor") files.push(writeRule(cursorRuleFile(opts), ruleTemplate(opts.root ?? getPackageRoot()), opts.now));
  return { agent, action: "install", files, command, notes: inst.notes, warnings };
}

export async function uninstall(agent: InstallTarget, opts: InstallOptions): Promise<InstallResult> {
  if (agent === "git") {
    const r = await uninstallGit(opts.dir);
    const notes = r.chained ? [`the earlier pre-commit hook was restored from ${r.chained}`] : [];
    return { agent, action: "uninstall", files: [{ file: r.file, changed: r.changed }], notes, warnings: [] };
  }
  const inst = INSTALLERS[agent as InstallAgent];
  const file = inst.settingsFile(opts);
  const w = updateJsonFile(file, (s) => inst.uninstall(s), { removeIfEmpty: true, ...(opts.now ? { now: opts.now } : {}) });
  const files: { file: string; changed: boolean; backup?: string }[] = [{ file, ...w }];
  const warnings: string[] = [];
  if (agent === "cursor") {
    const rule = cursorRuleFile(opts);
    const template = ruleTemplate(opts.root ?? getPackageRoot());
    if (fs.existsSync(rule) && fs.readFileSync(rule, "utf8") === template) {
      fs.rmSync(rule);
      files.push({ file: rule, changed: true });
    } else if (fs.existsSync(rule)) {
      warnings.push(`${rule} was edited after install; it was left in place`);
    }
  }
  return { agent, action: "uninstall", files, notes: [], warnings };
}
