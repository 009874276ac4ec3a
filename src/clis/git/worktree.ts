/** git operations that rewrite or delete work-tree files: checkout/restore of paths, clean, reset --hard,
 *  stash, apply. Paths they name become file effects (so `git checkout -- terraform.tfstate` meets the
 *  state policies); `clean -x` and `stash --all` delete ignored files, so the tree is listed. */
import type { FileEffect } from "../../shell/types.js";
import { effectOf, hasFlag, lastValue, parseArgs, resolvePath } from "../file-tools/args.js";
import { stdinPatchEffect } from "../file-tools/stdin-patch.js";
import { GIT_REWRITE_VIAS, PATCH_VIAS, TREE_VIAS } from "../file-tools/vias.js";
import type { Interpretation } from "../types.js";
import { gitOperation, type GitInvocation } from "./call.js";

const NOTHING: Interpretation = { operations: [], files: [] };

function at(inv: GitInvocation, p: string): string {
  return resolvePath({ ...inv.cmd, cwd: inv.cwd }, p);
}

function pathEffects(inv: GitInvocation, via: string, paths: readonly string[]): FileEffect[] {
  return paths.map((p) => effectOf(inv.cmd, "write", at(inv, p), via));
}

/** A rewrite of everything under `abs` that differs from `revision` ("" = the index): listed by the enrich
 *  stage with git, so a tracked state file or hook configuration among the files is seen. */
function rewrite(inv: GitInvocation, via: string, abs: string, revision: string): FileEffect {
  return { ...effectOf(inv.cmd, "write", abs, via, { archive: abs }), revision };
}

/** `git checkout [REV] -- PATHS`, `git checkout REV PATHS`, and the ambiguous `git checkout NAME`
 *  (a branch, or a file to restore: a write on a branch name is harmless, on terraform.tfstate it is not). */
export function interpretCheckout(inv: GitInvocation): Interpretation {
  const dash = inv.args.indexOf("--");
  const before = dash < 0 ? inv.args : inv.args.slice(0, dash);
  const p = parseArgs(before, { shortValued: "bBt", longValued: ["orphan", "conflict", "pathspec-from-file", "track"] });
  if (hasFlag(p, "b", "B", "orphan", "detach", "p", "patch")) return NOTHING;
  let source = "";
  let paths: string[];
  if (dash >= 0) {
    source = p.operands[0] ?? "";
    paths = inv.args.slice(dash + 1);
  } else if (p.operands.length >= 2) {
    source = p.operands[0] ?? "";
    paths = p.operands.slice(1);
  } else {
    paths = [...p.operands];
  }
  if (paths.length === 0) return NOTHING;
  const abs = paths.map((x) => at(inv, x));
  // `git checkout NAME` may be a branch; `.`, `dir/`, `-- paths` and `REV paths` are paths.
  const explicit = dash >= 0 || p.operands.length >= 2 || paths.every((x) => x === "." || x.endsWith("/") || x.startsWith(":/"));
  const trees = explicit ? abs.map((a) => rewrite(inv, GIT_REWRITE_VIAS.checkout, a, source)) : [];
  return { operations: [gitOperation(inv, "git.worktree", { paths: abs, source, flags: hasFlag(p, "f", "force") ? ["force"] : [] })], files: [...pathEffects(inv, "git checkout", paths), ...trees] };
}

export function interpretRestore(inv: GitInvocation): Interpretation {
  const p = parseArgs(inv.args, { shortValued: "s", longValued: ["source", "conflict", "pathspec-from-file"] });
  const staged = hasFlag(p, "S", "staged");
  const worktree = hasFlag(p, "W", "worktree") || !staged;
  if (!worktree || p.operands.length === 0 || hasFlag(p, "p", "patch")) return NOTHING;
  const abs = p.operands.map((x) => at(inv, x));
  const source = lastValue(p, "s", "source") ?? (staged ? "HEAD" : "");
  const trees = abs.map((a) => rewrite(inv, GIT_REWRITE_VIAS.restore, a, source));
  return { operations: [gitOperation(inv, "git.worktree", { paths: abs, source })], files: [...pathEffects(inv, "git restore", p.operands), ...trees] };
}

/** git clean: -x / -X also delete ignored files (terraform.tfstate, .terraform/, .env are usually ignored). */
export function interpretClean(inv: GitInvocation): Interpretation {
  const p = parseArgs(inv.args, { shortValued: "e", longValued: ["exclude"] });
  const flags: string[] = [];
  if (hasFlag(p, "f", "force")) flags.push("force");
  if (hasFlag(p, "d")) flags.push("dirs");
  if (hasFlag(p, "x")) flags.push("ignored");
  if (hasFlag(p, "X")) flags.push("only-ignored");
  if (hasFlag(p, "n", "dry-run")) flags.push("dry-run");
  if (hasFlag(p, "i", "interactive")) flags.push("interactive");
  if (hasFlag(p, "e", "exclude")) flags.push("exclude");
  const targets = p.operands.length > 0 ? p.operands.map((x) => at(inv, x)) : [inv.cwd];
  const op = gitOperation(inv, "git.clean", { flags, paths: targets });
  const deletesIgnored = (flags.includes("ignored") || flags.includes("only-ignored")) && !flags.includes("dry-run");
  const files = deletesIgnored ? targets.map((t) => effectOf(inv.cmd, "delete", t, TREE_VIAS.gitClean, { archive: t })) : [];
  return { operations: [op], files };
}

export function interpretReset(inv: GitInvocation): Interpretation {
  const p = parseArgs(inv.args, { longValued: ["pathspec-from-file"] });
  const flags = ["hard", "merge", "keep", "soft", "mixed"].filter((f) => p.flags.has(f));
  if (!flags.includes("hard") && !flags.includes("merge") && !flags.includes("keep")) return NOTHING;
  const source = p.operands[0] ?? "HEAD";
  const files = flags.includes("hard") ? [rewrite(inv, GIT_REWRITE_VIAS.reset, inv.cwd, source)] : [];
  return { operations: [gitOperation(inv, "git.worktree", { flags, source, subcommand: "reset" })], files };
}

/** stash push/save/pop/apply rewrite the work tree; `stash --all` also removes ignored files. */
export function interpretStash(inv: GitInvocation): Interpretation {
  const [verb = "push", ...rest] = inv.args[0]?.startsWith("-") ? ["push", ...inv.args] : inv.args;
  if (!["push", "save", "pop", "apply"].includes(verb)) return NOTHING;
  const p = parseArgs(rest, { shortValued: "m", longValued: ["message", "pathspec-from-file"] });
  const flags: string[] = [];
  if (hasFlag(p, "a", "all")) flags.push("all");
  if (hasFlag(p, "u", "include-untracked")) flags.push("include-untracked");
  const op = gitOperation(inv, "git.worktree", { flags, subcommand: `stash ${verb}` });
  const pushes = verb === "push" || verb === "save";
  const files: FileEffect[] = [];
  if (flags.includes("all") && pushes) files.push(effectOf(inv.cmd, "delete", inv.cwd, TREE_VIAS.gitStashAll, { archive: inv.cwd }));
  else if (pushes) files.push(rewrite(inv, flags.includes("include-untracked") ? GIT_REWRITE_VIAS.stashUntracked : GIT_REWRITE_VIAS.stash, inv.cwd, "HEAD"));
  else files.push(rewrite(inv, GIT_REWRITE_VIAS.stashApply, inv.cwd, p.operands[0] ?? "stash@{0}"));
  return { operations: [op], files };
}

/** git apply PATCH...: the files come from the diff (listed by the enrich stage); --check/--stat/--cached leave the tree alone. */
export function interpretApply(inv: GitInvocation): Interpretation {
  const p = parseArgs(inv.args, { shortValued: "pC", longValued: ["directory", "exclude", "include", "whitespace", "build-fake-ancestor"] });
  if (hasFlag(p, "check", "stat", "numstat", "summary", "cached")) return NOTHING;
  const via = PATCH_VIAS[1];
  const files = p.operands.length > 0
    ? p.operands.map((x) => (x === "-" ? stdinPatchEffect(inv.cmd, inv.cwd, via) : effectOf(inv.cmd, "write", inv.cwd, via, { archive: at(inv, x) })))
    : [stdinPatchEffect(inv.cmd, inv.cwd, via)];
  return { operations: [], files };
}
