/** A file action through a symbolic link acts on the link's target: `notes.txt -> terraform.tfstate` is a
 *  state write. For every file effect whose path (or a folder on it) is a link, the effect on the real path
 *  is added, so policies see both. Costs one realpath per effect. */
import fs from "node:fs";
import path from "node:path";
import type { FileEffect } from "../shell/types.js";

/** The real path of p, or of its folder plus its name when p does not exist yet; undefined when unknown. */
function realPathOf(p: string): string | undefined {
  try {
    return fs.realpathSync(p);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(p)), path.basename(p));
    } catch {
      return undefined;
    }
  }
}

/** classes: the path classes of a path; the target is added only when its classes differ from the link's
 *  (a link that leads nowhere special, like macOS's /tmp -> /private/tmp, adds nothing). */
export function addSymlinkTargets(files: readonly FileEffect[], classes: (abs: string) => readonly string[]): FileEffect[] {
  const out: FileEffect[] = [...files];
  const key = (p: string): string => classes(p).filter((c) => c !== "outside-workspace").join(",");
  for (const f of files) {
    const real = realPathOf(f.path);
    if (real === undefined || real === f.path || key(real) === key(f.path)) continue;
    out.push({ ...f, path: real, via: `${f.via} (through a symbolic link)` });
  }
  return out;
}
