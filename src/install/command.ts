/** The command an agent runs: absolute node + the absolute launcher path, so no PATH lookup can fail open. */
import fs from "node:fs";
import path from "node:path";
import { LAUNCHER } from "../agents/settings/marker.js";
import { getPackageRoot } from "../policy/pack.js";

export function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:@%+=-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface CommandOptions {
  /** Absolute node binary (default: the one running now). */
  readonly node?: string;
  /** Package root holding hooks/ and dist/ (default: this package). */
  readonly root?: string;
}

export function launcherPath(opts: CommandOptions = {}): string {
  return path.join(opts.root ?? getPackageRoot(), LAUNCHER);
}

/** `'<abs node>' '<abs root>/hooks/infragate-hook.cjs' <agent>` */
export function hookCommand(agent: string, opts: CommandOptions = {}): string {
  const node = opts.node ?? process.execPath;
  return [node, launcherPath(opts), agent].map(shellQuote).join(" ");
}

/** Problems that would make the installed hook fail (it then blocks everything, but better to say so now). */
export function commandProblems(opts: CommandOptions = {}): string[] {
  const root = opts.root ?? getPackageRoot();
  const problems: string[] = [];
  if (!fs.existsSync(launcherPath(opts))) problems.push(`the launcher ${launcherPath(opts)} is missing`);
  if (!fs.existsSync(path.join(root, "dist", "cli", "hook.js"))) problems.push(`infragate is not built (${path.join(root, "dist")} is missing): run 'npm run build'; until then the hook blocks every call`);
  return problems;
}
