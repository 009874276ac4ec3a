/** A throwaway copy of the built package (dist/, hooks/, policies/, schemas/, install/, package.json, and a
 *  link to node_modules), to install hooks from and then remove, the way `npm uninstall -g` would. */
import fs from "node:fs";
import path from "node:path";
import { ROOT } from "./build.js";
import { tempDir } from "../../support/temp.js";

export function copyPackage(): string {
  const dir = tempDir("infragate-e2e-pkg-");
  for (const sub of ["dist", "hooks", "policies", "schemas", "install"]) fs.cpSync(path.join(ROOT, sub), path.join(dir, sub), { recursive: true });
  fs.copyFileSync(path.join(ROOT, "package.json"), path.join(dir, "package.json"));
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}
