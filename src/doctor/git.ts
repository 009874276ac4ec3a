/** The git pre-commit hook: where git looks (core.hooksPath, husky), is it infragate's, is it executable,
 *  and does it stop a commit that stages terraform.tfstate (a canary repository, never the real one). */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { isInfragateCommand } from "../agents/settings/entries.js";
import { check, type Check, type DoctorOptions } from "./types.js";

async function git(args: readonly string[], cwd: string, env: Record<string, string | undefined>): Promise<string | undefined> {
  const r = await execa("git", [...args], { cwd, env, extendEnv: false, reject: false });
  return r.exitCode === 0 ? String(r.stdout).trim() : undefined;
}

/** The pre-commit file git runs, and the file holding infragate's call (husky v9: .husky/pre-commit). */
export async function findPreCommit(dir: string, env: Record<string, string | undefined>): Promise<{ hook: string; script: string } | undefined> {
  const hooks = await git(["rev-parse", "--git-path", "hooks"], dir, env);
  if (hooks === undefined) return undefined;
  const hooksDir = path.resolve(dir, hooks);
  const hook = path.join(hooksDir, "pre-commit");
  // husky v9 points core.hooksPath at .husky/_, whose pre-commit runs .husky/pre-commit.
  const husky = path.basename(hooksDir) === "_" && path.basename(path.dirname(hooksDir)) === ".husky" ? path.join(path.dirname(hooksDir), "pre-commit") : undefined;
  return { hook, script: husky && fs.existsSync(husky) ? husky : hook };
}

async function canary(hook: string, env: Record<string, string | undefined>, timeoutMs: number): Promise<Check> {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-doctor-git-"));
  const state = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-doctor-state-"));
  try {
    const genv = { ...env, INFRAGATE_HOME: state, GIT_DIR: undefined, GIT_WORK_TREE: undefined, GIT_INDEX_FILE: undefined };
    await git(["init", "-q"], repo, genv);
    fs.writeFileSync(path.join(repo, "terraform.tfstate"), '{"version":4,"serial":1,"lineage":"doctor"}\n');
    await git(["add", "terraform.tfstate"], repo, genv);
    const r = await execa(hook, [], { cwd: repo, env: genv, extendEnv: false, reject: false, timeout: timeoutMs, input: "" });
    if (r.timedOut) return check("git", "fail", `the pre-commit hook did not finish within ${timeoutMs} ms`);
    if (r.exitCode !== 0 && r.exitCode !== undefined) return check("git", "pass", `the pre-commit hook stops a commit of terraform.tfstate (exit ${r.exitCode})`);
    return check("git", "fail", `the pre-commit hook let a commit of terraform.tfstate through (exit ${r.exitCode})`, [String(r.stderr).trim().slice(0, 300)]);
  } finally {
    fs.rmSync(repo, { recursive: true, force: true });
    fs.rmSync(state, { recursive: true, force: true });
  }
}

export async function checkGit(opts: DoctorOptions): Promise<Check[]> {
  const env = { ...opts.env };
  const found = await findPreCommit(opts.dir, env);
  if (!found) return [check("git", "info", "not a git repository (or git is not installed): no pre-commit hook to check")];
  const { hook, script } = found;
  let text: string;
  try {
    text = fs.readFileSync(script, "utf8");
  } catch {
    return [check("git", "info", "not installed: no pre-commit hook", [`git runs ${hook}`, "run 'infragate install git' to check commits too"])];
  }
  if (!isInfragateCommand(text)) return [check("git", "info", "not installed: the pre-commit hook does not call infragate", [script])];
  const out: Check[] = [];
  try {
    fs.accessSync(hook, fs.constants.X_OK);
  } catch {
    return [check("git", "fail", `the pre-commit hook is not executable: git ignores it`, [hook, `chmod +x ${hook}`])];
  }
  out.push(check("git", "pass", "pre-commit hook installed", [script === hook ? hook : `${hook} -> ${script}`]));
  if (!opts.noCanary) out.push(await canary(hook, env, opts.canaryCapMs ?? 30_000));
  return out;
}
