/** The `via` values of effects that carry an `archive` (a source the enrich stage lists). They are
 *  facts as well (`context.via`), so they are spelled once, here. */

/** Extraction: `archive` is an archive file, `path` the destination directory. */
export const EXTRACT_VIAS = {
  tar: "tar x",
  unzip: "unzip",
  sevenZip: "7z x",
  sevenZipFlat: "7z e",
} as const;

/** A patch: `archive` is the diff file, members are the files it changes. */
export const PATCH_VIAS = ["patch", "git apply"] as const;

/** Tree copies and recursive deletes: `archive` is a source directory (or a glob), listed as a tree. */
export const TREE_VIAS = {
  copy: "cp -r",
  copyGlob: "cp glob",
  move: "mv",
  rsync: "rsync",
  rsyncDelete: "rsync --delete",
  scp: "scp -r",
  remove: "rm -r",
  removeGlob: "rm",
  gitClean: "git clean -x",
  gitStashAll: "git stash --all",
  findDelete: "find -delete",
} as const;

/** Work-tree rewrites by git: `archive` is the pathspec (or the cwd), `revision` what it restores; the enrich
 *  stage lists the files that differ (git diff --name-only), which the command would overwrite. */
export const GIT_REWRITE_VIAS = {
  reset: "git reset --hard",
  checkout: "git checkout (tree)",
  restore: "git restore (tree)",
  stash: "git stash",
  stashUntracked: "git stash -u",
  stashApply: "git stash apply",
} as const;

export function isGitRewriteVia(via: string): boolean {
  return (Object.values(GIT_REWRITE_VIAS) as string[]).includes(via);
}

/** Vias whose directory members are walked below a glob match (recursive operations). */
export function isRecursiveVia(via: string): boolean {
  return via !== TREE_VIAS.removeGlob && via !== TREE_VIAS.copyGlob;
}
