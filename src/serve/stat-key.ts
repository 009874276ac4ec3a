/** One file's identity as a string of its stat (inode, size, mtime): equal strings, unchanged file (writes by
 *  rename change the inode). "-" when there is nothing to stat: missing, under a file (ENOTDIR), unreadable.
 *  The service compares these per request to tell whether its rules or its build changed. */
import fs from "node:fs";

export function statKey(file: string): string {
  try {
    // No exception for the common case, a missing file: throwing one costs more than the stat itself.
    const st = fs.statSync(file, { throwIfNoEntry: false });
    return st ? `${st.ino}:${st.size}:${st.mtimeMs}` : "-";
  } catch {
    return "-";
  }
}
