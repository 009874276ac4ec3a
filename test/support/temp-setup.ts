/**
 * Runs before every test file (vitest setupFiles): the file's temporary folders live under a folder
 * of their own inside the run's temp root (test/support/temp-root.ts), as TMPDIR, so child processes
 * (hooks, git, terraform, agents) put their temporary files there too. After the file, the folders
 * made with test/support/temp.ts are removed; anything else left there fails the file, by name.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";
import { removeTempDirs } from "./temp.js";

const root = inject("tempRoot");
const fileDir = fs.mkdtempSync(path.join(root, "file-"));
process.env.TMPDIR = fileDir;

afterAll(() => {
  removeTempDirs();
  const left = fs.readdirSync(fileDir);
  fs.rmSync(fileDir, { recursive: true, force: true, maxRetries: 3 });
  if (left.length > 0) {
    throw new Error(`this test file left ${left.length} entries in its temp folder (make them with test/support/temp.ts): ${left.slice(0, 20).join(", ")}`);
  }
});
