/**
 * `infragate install git`: a pre-commit hook that runs `infragate hook git`. Honours core.hooksPath and husky
 * (.husky/pre-commit), and chains an existing hook (moved to pre-commit.infragate-chained) instead of
 * overwriting it. Uninstall puts everything back.
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { MARKER, namesLauncher } from "../agents/settings/marker.js";

export const CHAINED = "pre-commit.infragate-chained";
const BEGIN = "# >>> infragate pre-commit >>>";
const END = "# <<< infragate pre-commit <<<";

export interface GitTarget {
  readonly kind: "hooks-dir" | "husky";
  /** The pre-commit file we write or edit. */
  readonly file: string;
}

async function git(cwd: string, args: string[]): Promise<string> {
  return (await execa("git", args, { cwd })).stdout.trim();
}

export async function findGitTarget(dir: string): Promise<GitTarget> {
  const root = await git(dir, ["rev-parse", "--show-toplevel"]);
  const hooksPath = await execa("git", ["config", "--get", "core.hooksPath"], { cwd: dir, reject: false }).then((r) => r.stdout.trim());
  if (/(^|\/)\.husky\/_\/?$/.test(hooksPath) || (hooksPath === "" && fs.existsSync(path.join(root, ".husky", "_")))) {
    return { kind: "husky", file: path.join(root, ".husky", "pre-commit") };
  }
  const hooksDir = hooksPath !== "" ? path.resolve(root, hooksPath) : await git(dir, ["rev-parse", "--path-format=absolute", "--git-path", "hooks"]);
  return { kind: "hooks-dir", file: path.join(hooksDir, "pre-commit") };
}

export function hookScript(command: string): string {
  return [
    "#!/bin/sh",
    `# infragate pre-commit hook (${MARKER}): installed by 'infragate install git', removed by 'infragate uninstall git'.`,
    `${command} || exit $?`,
    `chained="$(dirname -- "$0")/${CHAINED}"`,
    'if [ -x "$chained" ]; then exec "$chained" "$@"; fi',
    "",
  ].join("\n");
}

function huskyBlock(command: string): string {
  return `${BEGIN}\n${command} || exit $?\n${END}\n`;
}

function stripHuskyBlock(text: string): string {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return text;
  return text.slice(0, start) + text.slice(end + END.length).replace(/^\n/, "");
}

export interface GitResult {
  readonly file: string;
  readonly changed: boolean;
  readonly chained?: string;
}

function isOurs(file: string): boolean {
  return fs.existsSync(file) && namesLauncher(fs.readFileSync(file, "utf8"));
}

export async function installGit(dir: string, command: string): Promise<GitResult> {
  const target = await findGitTarget(dir);
  fs.mkdirSync(path.dirname(target.file), { recursive: true });
  if (target.kind === "husky") {
    const before = fs.existsSync(target.file) ? fs.readFileSync(target.file, "utf8") : "";
    const rest = stripHuskyBlock(before);
    const after = rest.startsWith("#!") ? rest.replace(/^(#![^\n]*\n)/, `$1${huskyBlock(command)}`) : huskyBlock(command) + rest;
    if (after === before) return { file: target.file, changed: false };
    fs.writeFileSync(target.file, after, { mode: 0o755 });
    fs.chmodSync(target.file, 0o755);
    return { file: target.file, changed: true };
  }
  const script = hookScript(command);
  const chainedFile = path.join(path.dirname(target.file), CHAINED);
  if (fs.existsSync(target.file) && !isOurs(target.file)) {
    if (fs.existsSync(chainedFile)) throw new Error(`${target.file} exists and ${chainedFile} too; move one of them away by hand, then install again`);
    fs.renameSync(target.file, chainedFile);
  } else if (fs.existsSync(target.file) && fs.readFileSync(target.file, "utf8") === script) {
    return { file: target.file, changed: false };
  }
  fs.writeFileSync(target.file, script, { mode: 0o755 });
  fs.chmodSync(target.file, 0o755);
  return fs.existsSync(chainedFile) ? { file: target.file, changed: true, chained: chainedFile } : { file: target.file, changed: true };
}

export async function uninstallGit(dir: string): Promise<GitResult> {
  const target = await findGitTarget(dir);
  if (target.kind === "husky") {
    if (!fs.existsSync(target.file)) return { file: target.file, changed: false };
    const before = fs.readFileSync(target.file, "utf8");
    const after = stripHuskyBlock(before);
    if (after === before) return { file: target.file, changed: false };
    if (after.trim() === "") fs.rmSync(target.file);
    else fs.writeFileSync(target.file, after);
    return { file: target.file, changed: true };
  }
  if (!isOurs(target.file)) return { file: target.file, changed: false };
  fs.rmSync(target.file);
  const chainedFile = path.join(path.dirname(target.file), CHAINED);
  if (fs.existsSync(chainedFile)) {
    fs.renameSync(chainedFile, target.file);
    return { file: target.file, changed: true, chained: chainedFile };
  }
  return { file: target.file, changed: true };
}
