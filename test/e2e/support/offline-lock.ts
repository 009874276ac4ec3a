/** A lock file for a project whose only devDependency is a packed infragate tarball, built from this
 *  checkout's package-lock.json: `npm ci --offline` then installs it and its dependencies from npm's
 *  content-addressed cache (by integrity), with no registry call. */
import crypto from "node:crypto";
import fs from "node:fs";
import { z } from "zod";

const LockEntry = z.object({ version: z.string().optional(), dev: z.boolean().optional() }).passthrough();
const Lock = z.object({ packages: z.record(z.string(), LockEntry) });
const Root = z.object({ version: z.string(), dependencies: z.record(z.string(), z.string()).optional(), bin: z.unknown(), engines: z.unknown() }).passthrough();

export function offlineLock(ownLock: string, name: string, tarballSpec: string, tarball: string): string {
  const lock = Lock.parse(JSON.parse(fs.readFileSync(ownLock, "utf8")));
  const root = Root.parse(lock.packages[""]);
  const integrity = `sha512-${crypto.createHash("sha512").update(fs.readFileSync(tarball)).digest("base64")}`;
  const packages: Record<string, unknown> = {
    "": { name, version: "1.0.0", devDependencies: { infragate: tarballSpec } },
    "node_modules/infragate": { version: root.version, resolved: tarballSpec, integrity, dev: true, license: "MIT", dependencies: root.dependencies ?? {}, bin: root.bin, engines: root.engines },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key === "" || entry.dev === true || !key.startsWith("node_modules/")) continue;
    packages[key] = { ...entry, dev: true };
  }
  return `${JSON.stringify({ name, version: "1.0.0", lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
