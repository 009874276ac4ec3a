/** Where the running infragate is installed, and how the platform compares file names: what the path
 *  classes need to treat the installation the hooks run as guard config. */
import { getPackageRoot } from "../policy/pack.js";
import type { Env } from "../shell/types.js";

let cached: readonly string[] | undefined;

/** The package root of this infragate (the hooks run it: a global prefix, a project's node_modules, a checkout). */
export function runningInstalls(): readonly string[] {
  if (cached) return cached;
  try {
    cached = [getPackageRoot()];
  } catch {
    cached = [];
  }
  return cached;
}

/** macOS and Windows file systems ignore case by default. INFRAGATE_CASE_INSENSITIVE=1 turns it on elsewhere
 *  (a case-insensitive volume on Linux, tests); it can only add classes, never remove one. */
export function caseInsensitiveFs(env: Env, platform: string = process.platform): boolean {
  return platform === "darwin" || platform === "win32" || env.INFRAGATE_CASE_INSENSITIVE === "1";
}
