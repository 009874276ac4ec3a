/** What the file system says about where effects land, at decision time: a destination that may be a
 *  directory (`cp x DEST`) is settled (DEST/x only when DEST is a directory), and each effect learns
 *  whether something exists at its path (a write that creates a new file is not one that replaces). */
import fs from "node:fs";
import type { FileEffect } from "../shell/types.js";

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    fs.lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Drop effects whose condition does not hold; mark `exists` on the rest. Never throws. */
export function settleDestinations(files: readonly FileEffect[]): FileEffect[] {
  const out: FileEffect[] = [];
  for (const f of files) {
    if (f.ifDirectory !== undefined && !isDirectory(f.ifDirectory)) continue;
    out.push({ ...f, exists: exists(f.path) });
  }
  return out;
}
