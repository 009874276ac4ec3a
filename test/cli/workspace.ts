/** Temporary workspaces for CLI tests. */
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "../support/temp.js";

export { tempDir };

/** A workspace root (it holds .git/) with the given files (relative path -> content). */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const root = tempDir("infragate-ws-");
  fs.mkdirSync(path.join(root, ".git"));
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return root;
}
