/** Git hook managers switching their hooks off: `pre-commit uninstall` (removes .git/hooks/<type>),
 *  `pre-commit install` (replaces them), `husky uninstall` (husky 4-8), `lefthook uninstall|install`.
 *  Each is a file effect on the hook files, so the hook-config path class decides. */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import type { Interpretation } from "../types.js";

/** pre-commit's hook types (`-t`/`--hook-type`); pre-commit alone when none is given. */
function preCommitTypes(args: readonly string[]): string[] {
  const types: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-t" || a === "--hook-type") types.push(args[++i] ?? "");
    else if (a.startsWith("--hook-type=")) types.push(a.slice(12));
  }
  return types.length > 0 ? types.filter((t) => t !== "") : ["pre-commit"];
}

function hooksDir(cmd: SimpleCommand): string {
  return path.join(cmd.cwd, ".git", "hooks");
}

export function interpretHookManager(cmd: SimpleCommand): Interpretation {
  const args = cmd.argv.slice(1);
  const verb = args.find((a) => !a.startsWith("-")) ?? "";
  const via = `${cmd.program} ${verb}`;
  const files: FileEffect[] = [];
  const on = (op: "write" | "delete", abs: string, tree = false): void => {
    files.push({ op, path: abs, via, text: cmd.text, ...(tree ? { archive: abs, membersKnown: false } : {}) });
  };
  if (cmd.program === "pre-commit" && (verb === "uninstall" || verb === "install")) {
    for (const t of preCommitTypes(args)) on(verb === "uninstall" ? "delete" : "write", path.join(hooksDir(cmd), t));
  } else if (cmd.program === "husky" && verb === "uninstall") {
    on("delete", path.join(cmd.cwd, ".husky", "_"), true);
    on("write", path.join(cmd.cwd, ".git", "config"));
  } else if (cmd.program === "lefthook" && (verb === "uninstall" || verb === "install")) {
    on(verb === "uninstall" ? "delete" : "write", path.join(hooksDir(cmd), "pre-commit"));
  }
  return { operations: [], files };
}
