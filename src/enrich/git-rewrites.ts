/** What a git work-tree rewrite would overwrite: the files that differ from the revision it restores
 *  (`git diff --name-only REV -- PATHSPEC`; the index when REV is ""), plus untracked files for
 *  `stash -u`, or the files a stash holds for `stash apply|pop`. Absolute paths; git's own time limit. */
import fs from "node:fs";
import path from "node:path";
import { GIT_REWRITE_VIAS } from "../clis/file-tools/vias.js";
import type { FileEffect } from "../shell/types.js";
import { runLister, type Listing } from "./archive-tree.js";

function lines(out: string): string[] {
  return out.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
}

export async function listGitRewrite(effect: FileEffect, target: string, cap: number): Promise<Listing> {
  // A single file named: its own write effect (beside this one) is classified already.
  if (fs.existsSync(target) && fs.statSync(target).isFile()) return { names: [], capped: false };
  const dir = fs.existsSync(target) && fs.statSync(target).isDirectory() ? target : path.dirname(target);
  const top = (await runLister("git", ["-C", dir, "rev-parse", "--show-toplevel"])).trim();
  if (top === "") throw new Error("not a git work tree");
  const rev = effect.revision ?? "";
  const git = (...args: string[]): Promise<string> => runLister("git", ["-C", top, ...args]);
  const names: string[] = [];
  switch (effect.via) {
    case GIT_REWRITE_VIAS.stashApply:
      // No such stash yet (`git stash && git stash pop` is decided before it runs): the stash made earlier on
      // the line is listed by its own effect, and a pop of nothing fails.
      names.push(...lines(await git("stash", "show", "--name-only", rev || "stash@{0}").catch(() => "")));
      break;
    case GIT_REWRITE_VIAS.stashUntracked:
      names.push(...lines(await git("ls-files", "--others", "--exclude-standard")));
      names.push(...lines(await git("diff", "--name-only", "HEAD")));
      break;
    case GIT_REWRITE_VIAS.reset:
    case GIT_REWRITE_VIAS.stash:
      names.push(...lines(await git("diff", "--name-only", rev || "HEAD")));
      break;
    default:
      names.push(...lines(await git("diff", "--name-only", ...(rev ? [rev] : []), "--", target)));
  }
  const abs = [...new Set(names.map((n) => path.join(top, n)))];
  return abs.length > cap ? { names: abs.slice(0, cap), capped: true } : { names: abs, capped: false };
}
