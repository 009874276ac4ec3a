/** rm, rmdir, unlink, shred, truncate, touch, chmod, chown, chgrp, find -delete. */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import { effectOf, hasFlag, hasGlob, parseArgs, resolvePath } from "./args.js";
import { TREE_VIAS } from "./vias.js";

/** rm: each operand is deleted. A recursive delete or a glob is a tree the enrich stage lists, so that
 *  `rm -rf infra` or `rm *` is seen to delete the state files inside. */
export function interpretRm(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { longValued: ["interactive", "preserve-root"] });
  const recursive = hasFlag(p, "r", "R", "recursive");
  const out: FileEffect[] = [];
  for (const o of p.operands) {
    const abs = resolvePath(cmd, o);
    if (hasGlob(path.basename(abs)) || recursive) {
      out.push(effectOf(cmd, "delete", abs, recursive ? TREE_VIAS.remove : TREE_VIAS.removeGlob, { archive: abs }));
    } else {
      out.push(effectOf(cmd, "delete", abs, "rm"));
    }
  }
  return out;
}

export function interpretRmdir(cmd: SimpleCommand): FileEffect[] {
  return parseArgs(cmd.argv.slice(1)).operands.map((o) => effectOf(cmd, "delete", resolvePath(cmd, o), "rmdir"));
}

export function interpretUnlink(cmd: SimpleCommand): FileEffect[] {
  return parseArgs(cmd.argv.slice(1)).operands.map((o) => effectOf(cmd, "delete", resolvePath(cmd, o), "unlink"));
}

/** shred overwrites the content (a write); -u / --remove also deletes the file. */
export function interpretShred(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "ns", longValued: ["iterations", "size", "random-source"] });
  const remove = hasFlag(p, "u") || [...p.flags].some((f) => f.startsWith("remove"));
  return p.operands.flatMap((o) => {
    const abs = resolvePath(cmd, o);
    return remove ? [effectOf(cmd, "write", abs, "shred"), effectOf(cmd, "delete", abs, "shred -u")] : [effectOf(cmd, "write", abs, "shred")];
  });
}

/** truncate replaces content (`-s 0` empties a state file): a write. */
export function interpretTruncate(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "sro", longValued: ["size", "reference", "io-blocks"] });
  return p.operands.map((o) => effectOf(cmd, "write", resolvePath(cmd, o), "truncate"));
}

/** touch creates an empty file where none is (`touch terraform.tfstate` makes an empty state): a write. */
export function interpretTouch(cmd: SimpleCommand): FileEffect[] {
  const p = parseArgs(cmd.argv.slice(1), { shortValued: "rdtB", longValued: ["reference", "date", "time"] });
  return p.operands.map((o) => effectOf(cmd, "write", resolvePath(cmd, o), "touch"));
}

/** chmod / chown / chgrp change metadata (a write); the first operand is the mode or owner unless
 *  --reference. A mode such as `-w` looks like an option, so only the known flags count as options. */
export function interpretChmod(cmd: SimpleCommand): FileEffect[] {
  const operands: string[] = [];
  let reference = false;
  let ended = false;
  for (const a of cmd.argv.slice(1)) {
    if (!ended && a === "--") ended = true;
    else if (!ended && a.startsWith("--")) reference ||= a.startsWith("--reference");
    else if (!ended && /^-[RvcfhHLP]+$/.test(a)) continue;
    else operands.push(a);
  }
  const files = reference ? operands : operands.slice(1);
  const via = cmd.program || "chmod";
  return files.map((o) => effectOf(cmd, "write", resolvePath(cmd, o), via));
}

const FIND_VALUED = new Set(["-name", "-iname", "-path", "-ipath", "-wholename", "-regex", "-iregex", "-type", "-newer", "-user", "-group", "-perm", "-mtime", "-mmin", "-atime", "-amin", "-ctime", "-cmin", "-size", "-maxdepth", "-mindepth", "-printf", "-fprint", "-samefile", "-inum", "-links"]);

const EXEC_ACTIONS = new Set(["-exec", "-execdir", "-ok", "-okdir"]);
/** Programs that delete what find hands them (`-exec rm {} +`, `-exec rm -rf {} \;`, `-exec shred -u {} \;`). */
const DELETERS = new Set(["rm", "unlink", "rmdir", "shred"]);

/** Does the expression delete what it matches: `-delete`, or an exec clause running a deleter? */
function findDeletes(args: readonly string[]): boolean {
  return args.some((a, i) => a === "-delete" || (EXEC_ACTIONS.has(a) && DELETERS.has(path.basename(args[i + 1] ?? ""))));
}

/** find ... -delete (or -exec rm {}): deletes what the expression matches. A -name pattern is kept as a
 *  glob path (`*.tfstate` classifies as state); without one, the whole tree under each start point counts. */
export function interpretFind(cmd: SimpleCommand): FileEffect[] {
  const args = cmd.argv.slice(1);
  if (!findDeletes(args)) return [];
  const roots: string[] = [];
  let i = 0;
  while (i < args.length && !/^[-(!]/.test(args[i] ?? "")) roots.push(args[i++] ?? "");
  if (roots.length === 0) roots.push(".");
  const names: string[] = [];
  for (; i < args.length; i++) {
    const a = args[i] ?? "";
    if (FIND_VALUED.has(a)) {
      if (a === "-name" || a === "-iname") names.push(args[i + 1] ?? "");
      i++;
    }
  }
  return roots.flatMap((r) => {
    const abs = resolvePath(cmd, r);
    if (names.length > 0) {
      // What the names match anywhere below the root: listed by the search enrichment, so that a guard file
      // deep in the tree (`find . -name settings.json -delete` takes .claude/settings.json) is seen.
      const search = { hidden: true, gitignore: false, include: names, exclude: [], excludeDir: [], globs: [] };
      const below: FileEffect = { op: "delete", path: abs, via: "find -name -delete", text: cmd.text, search };
      return [...names.map((n) => effectOf(cmd, "delete", path.join(abs, n), TREE_VIAS.findDelete)), below];
    }
    return [effectOf(cmd, "delete", abs, TREE_VIAS.findDelete, { archive: abs })];
  });
}
