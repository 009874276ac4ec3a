/** `git rm` and `git mv` delete and move work-tree files like rm and mv: the same file effects, so the file
 *  policies decide (`git rm terraform.tfstate` deletes the live state; `git rm --cached` only untracks). */
import type { SimpleCommand } from "../../shell/types.js";
import { hasFlag, parseArgs } from "../file-tools/args.js";
import { interpretMv } from "../file-tools/copy.js";
import { interpretRm } from "../file-tools/remove.js";
import type { Interpretation } from "../types.js";
import type { GitInvocation } from "./call.js";

const NOTHING: Interpretation = { operations: [], files: [] };

function asTool(inv: GitInvocation, argv: readonly string[]): SimpleCommand {
  return { ...inv.cmd, program: argv[0] ?? "", argv, cwd: inv.cwd };
}

export function interpretGitRm(inv: GitInvocation): Interpretation {
  const p = parseArgs(inv.args, { longValued: ["pathspec-from-file"] });
  if (hasFlag(p, "cached", "n", "dry-run")) return NOTHING;
  const argv = ["rm", ...(hasFlag(p, "r") ? ["-r"] : []), "--", ...p.operands];
  return { operations: [], files: interpretRm(asTool(inv, argv)) };
}

export function interpretGitMv(inv: GitInvocation): Interpretation {
  const p = parseArgs(inv.args);
  if (hasFlag(p, "n", "dry-run")) return NOTHING;
  return { operations: [], files: interpretMv(asTool(inv, ["mv", "--", ...p.operands])) };
}
