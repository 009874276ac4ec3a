/** Test archives: a tar file written into a workspace, with the given members. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./temp.js";

/** A setup function for a case table: writes `<root>/<name>` holding the members (path -> content);
 *  flags chooses the compression (`-czf`). */
export function tarOf(name: string, members: Record<string, string>, flags = "-cf"): (root: string) => void {
  return (root) => {
    const src = tempDir("infragate-tar-src-");
    for (const [rel, content] of Object.entries(members)) {
      fs.mkdirSync(path.dirname(path.join(src, rel)), { recursive: true });
      fs.writeFileSync(path.join(src, rel), content);
    }
    execFileSync("tar", [flags, path.join(root, name), "-C", src, ...Object.keys(members)]);
  };
}
