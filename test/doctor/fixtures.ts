/** Temporary installs for doctor tests: settings files written by hand in the documented shapes. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { getPackageRoot } from "../../src/policy/pack.js";
import { tempDir } from "../support/temp.js";

export const ROOT = getPackageRoot();
const q = (s: string): string => `'${s}'`;

/** A private copy of the package (its own dist/ built from src/ now, hooks/, policies/, schemas/), so the
 *  canaries run the code under test and not a dist/ that someone else may be rebuilding. */
let pkg: string | undefined;

export function packageRoot(): string {
  if (!pkg) throw new Error("call buildPackage() in beforeAll");
  return pkg;
}

export async function buildPackage(): Promise<string> {
  if (pkg) return pkg;
  const dir = tmp("infragate-doctor-pkg-");
  await execa("npx", ["tsc", "-p", "tsconfig.build.json", "--outDir", path.join(dir, "dist")], { cwd: ROOT, reject: false });
  if (!fs.existsSync(path.join(dir, "dist", "cli", "hook.js"))) throw new Error("could not build dist/ for the doctor tests");
  for (const sub of ["hooks", "policies", "schemas", "install"].filter((d) => fs.existsSync(path.join(ROOT, d)))) fs.cpSync(path.join(ROOT, sub), path.join(dir, sub), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  pkg = dir;
  return dir;
}

/** The command the installers write: absolute node + the absolute launcher + the agent. */
export const launcherCommand = (agent: string): string => `${q(process.execPath)} ${q(path.join(packageRoot(), "hooks", "infragate-hook.cjs"))} ${agent}`;
/** The hook verb straight from dist. */
export const binCommand = (agent: string): string => `${q(process.execPath)} ${q(path.join(packageRoot(), "dist", "cli", "bin.js"))} hook ${agent}`;

export function tmp(prefix: string): string {
  return tempDir(prefix);
}

export interface Sandbox {
  readonly dir: string;
  readonly home: string;
  readonly state: string;
  readonly managed: string;
  readonly env: Record<string, string>;
  write(rel: string, content: unknown, base?: string): string;
}

/** A git repository as the workspace, an empty HOME, an empty $INFRAGATE_HOME, a managed-settings path. */
export async function sandbox(): Promise<Sandbox> {
  const dir = tmp("infragate-doctor-ws-");
  const home = tmp("infragate-doctor-home-");
  const state = tmp("infragate-doctor-state-");
  await execa("git", ["init", "-q"], { cwd: dir });
  const managed = path.join(tmp("infragate-doctor-etc-"), "managed-settings.json");
  const env = { HOME: home, INFRAGATE_HOME: state, PATH: process.env.PATH ?? "" };
  return {
    dir,
    home,
    state,
    managed,
    env,
    write(rel, content, base = dir) {
      const abs = path.isAbsolute(rel) ? rel : path.join(base, rel);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, typeof content === "string" ? content : JSON.stringify(content, null, 2));
      return abs;
    },
  };
}

export const claudeSettings = (command: string, timeout: number | null = 30, onFailure: string | null = "block"): unknown => ({
  hooks: { PreToolUse: [{ matcher: "*", hooks: [{ type: "command", command, ...(timeout !== null ? { timeout } : {}), ...(onFailure !== null ? { onFailure } : {}) }] }] },
});

export const cursorHooks = (command: string, extra: Record<string, unknown> = { timeout: 30, failClosed: true }): unknown => ({
  version: 1,
  hooks: Object.fromEntries(["beforeShellExecution", "beforeReadFile", "beforeMCPExecution", "preToolUse"].map((e) => [e, [{ command, ...extra }]])),
});

export const goodManaged = (command: string): unknown => ({
  allowManagedHooksOnly: true,
  hooks: { PreToolUse: [{ matcher: "*", hooks: [{ type: "command", command, timeout: 30, onFailure: "block" }] }] },
  permissions: { disableBypassPermissionsMode: "disable" },
});
