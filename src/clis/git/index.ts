/** git: only what can switch off the hooks or rewrite work-tree files yields facts; status, diff, log,
 *  add, plain commit, push, pull, fetch, branch, switch, rebase ... yield nothing beyond shell.exec. */
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation, Interpreter } from "../types.js";
import { gitCredentialOps } from "../secrets/tools.js";
import { gitOperation, readInvocation } from "./call.js";
import { interpretGitMv, interpretGitRm } from "./files.js";
import { interpretConfig, interpretHookRunner } from "./hooks.js";
import { interpretApply, interpretCheckout, interpretClean, interpretReset, interpretRestore, interpretStash } from "./worktree.js";

const NOTHING: Interpretation = { operations: [], files: [] };
const HOOK_RUNNERS = new Set(["commit", "merge", "am", "rebase", "cherry-pick", "revert", "push"]);

export const interpretGit: Interpreter = (cmd: SimpleCommand): Interpretation => {
  const inv = readInvocation(cmd);
  if (!inv) return NOTHING;
  if (HOOK_RUNNERS.has(inv.subcommand)) return { operations: interpretHookRunner(inv), files: [] };
  switch (inv.subcommand) {
    case "config":
      return { operations: interpretConfig(inv), files: [] };
    case "checkout":
      return interpretCheckout(inv);
    case "restore":
      return interpretRestore(inv);
    case "clean":
      return interpretClean(inv);
    case "reset":
      return interpretReset(inv);
    case "stash":
      return interpretStash(inv);
    case "apply":
      return interpretApply(inv);
    case "credential":
    case "credential-store":
    case "credential-cache":
      return { operations: gitCredentialOps(cmd, inv.subcommand, inv.args), files: [] };
    case "filter-repo":
    case "filter-branch":
      return { operations: [gitOperation(inv, "git.history-rewrite", { flags: inv.args.filter((a) => a.startsWith("--")).map((a) => a.slice(2).split("=")[0] ?? "") })], files: [] };
    case "rm":
      return interpretGitRm(inv);
    case "mv":
      return interpretGitMv(inv);
    default:
      return NOTHING;
  }
};

export const gitCli: CliDescriptor = {
  name: "git",
  names: { programs: ["git"] },
  guarded: false,
  interpret: interpretGit,
};
