/**
 * vitest globalSetup: one temp root per run (under the system temp folder), handed to every test file
 * (test/support/temp-setup.ts makes the file's TMPDIR inside it). The teardown removes it, and fails
 * the run if a test file left something there (a file that could not run its own afterAll).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    tempRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "infragate-test-run-")));
  project.provide("tempRoot", root);
  return () => {
    // A file that could not load never ran its afterAll: its folder is left, empty (that file failed already).
    const left = fs.readdirSync(root).filter((name) => {
      const full = path.join(root, name);
      return !(fs.statSync(full).isDirectory() && fs.readdirSync(full).length === 0);
    });
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
    if (left.length > 0) throw new Error(`the test run left ${left.length} temp entries under ${root}: ${left.slice(0, 20).join(", ")}`);
  };
}
