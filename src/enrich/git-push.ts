/** Force pushes: which remote branch they rewrite (the current branch when the push names none) and what
 *  the remote's default branch is (refs/remotes/<remote>/HEAD), read from the repository on disk. Only
 *  force pushes pay for it; what cannot be read stays empty (the policy then matches main / master). */
import type { Operation, OperationWith } from "../clis/types.js";
import type { GitCall } from "../facts/generated/60-git.js";
import { runLister } from "./archive-tree.js";

function isForcePush(op: Operation): op is OperationWith<GitCall> {
  if (op.action !== "git.push") return false;
  const c: GitCall = op.context;
  return (c.flags.includes("force") || c.flags.includes("force-with-lease")) && !c.flags.includes("dry-run");
}

async function git(cwd: string, ...args: string[]): Promise<string> {
  try {
    return (await runLister("git", ["-C", cwd, ...args])).trim();
  } catch {
    return "";
  }
}

async function enrichPush(op: OperationWith<GitCall>): Promise<OperationWith<GitCall>> {
  const c = op.context;
  const refs = c.refs.length > 0 ? c.refs : [await git(c.cwd, "rev-parse", "--abbrev-ref", "HEAD")].filter((r) => r !== "" && r !== "HEAD");
  const head = await git(c.cwd, "symbolic-ref", "--short", `refs/remotes/${/^[\w.-]+$/.test(c.source) ? c.source : "origin"}/HEAD`);
  const defaultBranch = head.includes("/") ? head.slice(head.indexOf("/") + 1) : head;
  return { ...op, context: { ...c, refs, defaultBranch }, summary: `${op.summary}${refs.length ? ` to ${refs.join(", ")}` : ""}` };
}

export async function enrichGitPushFacts(operations: readonly Operation[]): Promise<Operation[]> {
  if (!operations.some(isForcePush)) return [...operations];
  return Promise.all(operations.map((op) => (isForcePush(op) ? enrichPush(op) : op)));
}
