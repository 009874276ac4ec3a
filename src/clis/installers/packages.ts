/** Package managers removing an installed package: `npm uninstall [-g] infragate`, `pnpm remove`, `yarn
 *  remove`, `yarn global remove`, `bun remove`, and `npm ci`, which deletes node_modules before installing.
 *  What they delete is a file effect, so the path classes decide (an infragate installation is guard config). */
import path from "node:path";
import type { FileEffect, SimpleCommand } from "../../shell/types.js";
import type { Interpretation } from "../types.js";

const REMOVE_VERBS: Readonly<Record<string, ReadonlySet<string>>> = {
  npm: new Set(["uninstall", "un", "unlink", "remove", "rm", "r"]),
  pnpm: new Set(["remove", "rm", "uninstall", "un", "unlink"]),
  yarn: new Set(["remove"]),
};

/** Options that take a value (so the value is not a package name). */
const VALUED = new Set(["--prefix", "--workspace", "-w", "--filter", "-C", "--dir", "--cwd", "--registry", "--userconfig", "--cache"]);

function operands(args: readonly string[]): { names: string[]; global: boolean; prefix: string | undefined } {
  const names: string[] = [];
  let global = false;
  let prefix: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-g" || a === "--global" || a === "--location=global") global = true;
    else if (a.startsWith("--prefix=")) prefix = a.slice(9);
    else if (VALUED.has(a)) {
      if (a === "--prefix" || a === "-C" || a === "--dir" || a === "--cwd") prefix = args[i + 1];
      i++;
    } else if (!a.startsWith("-")) names.push(a);
  }
  return { names, global, prefix };
}

/** `infragate`, `infragate@1.2.0`, `@scope/x@^1` -> the package name. */
function packageName(spec: string): string {
  const at = spec.indexOf("@", spec.startsWith("@") ? 1 : 0);
  return at > 0 ? spec.slice(0, at) : spec;
}

function globalModules(cmd: SimpleCommand, prefix: string | undefined): string {
  const p = prefix ?? cmd.env.npm_config_prefix ?? cmd.env.NPM_CONFIG_PREFIX ?? "/usr/local";
  return path.resolve(cmd.cwd, p, "lib", "node_modules");
}

function effect(cmd: SimpleCommand, abs: string, via: string, tree: boolean): FileEffect {
  return { op: "delete", path: abs, via, text: cmd.text, ...(tree ? { archive: abs, membersKnown: false } : {}) };
}

export function interpretPackageManager(cmd: SimpleCommand): Interpretation {
  const program = cmd.program;
  let args = cmd.argv.slice(1);
  let global = false;
  if (program === "yarn" && args[0] === "global") {
    global = true;
    args = args.slice(1);
  }
  const verb = args.find((a) => !a.startsWith("-")) ?? "";
  const rest = args.slice(args.indexOf(verb) + 1);
  const files: FileEffect[] = [];
  const parsed = operands(args.filter((a) => a !== verb));
  if (program === "npm" && (verb === "ci" || verb === "clean-install" || verb === "install-clean" || verb === "cit")) {
    const dir = parsed.prefix ? path.resolve(cmd.cwd, parsed.prefix) : cmd.cwd;
    files.push(effect(cmd, path.join(dir, "node_modules"), `${program} ${verb}`, true));
  } else if (REMOVE_VERBS[program]?.has(verb)) {
    const o = operands(rest);
    const base = o.global || global || parsed.global ? globalModules(cmd, o.prefix) : path.join(o.prefix ? path.resolve(cmd.cwd, o.prefix) : cmd.cwd, "node_modules");
    for (const spec of o.names) files.push(effect(cmd, path.join(base, packageName(spec)), `${program} ${verb}`, false));
  }
  return { operations: [], files };
}
