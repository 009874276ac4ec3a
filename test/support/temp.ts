/**
 * Temporary folders for tests. Every folder made here is removed when its test file ends (the
 * afterAll in test/support/temp-setup.ts), and lies under the run's own temp root (TMPDIR, set per
 * test file by that setup), so `npm test` leaves nothing in /tmp. A folder made some other way and
 * left behind fails its test file.
 */
import fs from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const MADE = Symbol.for("infragate.test.tempDirs");
type Registry = { [MADE]?: Set<string> };

function made(): Set<string> {
  const g = globalThis as Registry;
  g[MADE] ??= new Set<string>();
  return g[MADE];
}

/** A new empty folder (its real path), removed when the test file ends. */
export function tempDir(prefix = "infragate-test-"): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  made().add(dir);
  return dir;
}

export async function tempDirAsync(prefix = "infragate-test-"): Promise<string> {
  const dir = await fs.promises.realpath(await mkdtemp(path.join(os.tmpdir(), prefix)));
  made().add(dir);
  return dir;
}

/** Remove one folder now (made by tempDir or not). */
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  made().delete(dir);
}

/** Remove every folder tempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of made()) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  made().clear();
}
