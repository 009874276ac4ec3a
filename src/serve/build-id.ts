/** The build id: a hash of the built bundles, written by `npm run build` to dist/build-id.txt. A client and a
 *  service answer each other only when their build ids are equal; the service restarts itself when its own
 *  build id file changes (infragate was rebuilt or upgraded under it). */
import fs from "node:fs";
import path from "node:path";
import { statKey } from "./stat-key.js";

export function buildIdFile(packageRoot: string): string {
  return path.join(packageRoot, "dist", "build-id.txt");
}

/** "" when the package is not built (then no client and no service match). */
export function readBuildId(packageRoot: string): string {
  try {
    return fs.readFileSync(buildIdFile(packageRoot), "utf8").trim();
  } catch {
    return "";
  }
}

/** Has the build id changed since `build` was read? A stat per call; the file is read again only when its
 *  stat changed (a rebuild that produced the same id is no change). For a request that arrived
 *  (`arrivedAt`, performance.now()) before the last check that found no change began, that check stands. */
export function buildWatcher(packageRoot: string, build: string): (arrivedAt?: number) => boolean {
  const file = buildIdFile(packageRoot);
  let seen = statKey(file);
  let unchangedAt = -Infinity;
  return (arrivedAt) => {
    if (arrivedAt !== undefined && arrivedAt <= unchangedAt) return false;
    const at = performance.now();
    const now = statKey(file);
    if (now !== seen) {
      if (readBuildId(packageRoot) !== build) return true;
      seen = now;
    }
    unchangedAt = at;
    return false;
  };
}
