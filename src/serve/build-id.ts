/** The build id: a hash of the built bundles, written by `npm run build` to dist/build-id.txt. A client and a
 *  service answer each other only when their build ids are equal; the service restarts itself when its own
 *  build id file changes (infragate was rebuilt or upgraded under it). */
import fs from "node:fs";
import path from "node:path";

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
