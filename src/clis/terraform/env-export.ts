/** `export`/`declare -x`/`typeset -x` of variables that inject flags or approvals into later commands
 *  (iac-semantics 0(d), 2.2, 3.1): the injection persists past this line, where the hook may no longer see it. */
import { declareOps } from "../secrets/printers.js";
import type { Interpretation, Interpreter, Operation } from "../types.js";
import { parseGoBool, splitFlag } from "./flags.js";
import { splitShellWords } from "./tf-cli-args.js";
import { STATE_SWAP_ENV } from "./terraform.js";

/** Flags that, injected, bypass an interlock or point at another state (3.1 "Hook rule"). */
const RISKY_TF_FLAGS = new Set(["destroy", "auto-approve", "replace", "force", "force-copy", "state", "state-out", "backup"]);

const VALUED_RISKY = new Set(["replace", "state", "state-out", "backup"]);

const truthy = (v: string): boolean => v !== "" && parseGoBool(v) !== false;

/** What a TF_CLI_ARGS* value would inject that matters: risky flag names, and a `destroy` word
 *  (with no subcommand on the line terraform prepends TF_CLI_ARGS, so `destroy` becomes the command). */
export function riskyCliArgs(value: string): string[] {
  const found = new Set<string>();
  for (const w of splitShellWords(value)) {
    const f = splitFlag(w);
    if (!f) {
      if (w === "destroy") found.add("destroy");
      continue;
    }
    if (f.name === "lock") {
      if (f.value !== undefined && parseGoBool(f.value) === false) found.add("lock-false");
    } else if (RISKY_TF_FLAGS.has(f.name)) {
      const valued = VALUED_RISKY.has(f.name);
      if (valued || f.value === undefined || parseGoBool(f.value) !== false) found.add(f.name);
    }
  }
  return [...found].sort();
}

/** name -> [tool, what it injects]; undefined when the variable is of no interest. */
function classify(name: string, value: string): { tool: string; flags: string[] } | undefined {
  if (/^TF_CLI_ARGS(_\w+)?$/.test(name)) return { tool: "terraform", flags: riskyCliArgs(value) };
  if (name === "PULUMI_SKIP_CONFIRMATIONS") return { tool: "pulumi", flags: truthy(value) ? ["skip-confirmations"] : [] };
  if (name === "TG_NON_INTERACTIVE" || name === "TERRAGRUNT_NON_INTERACTIVE") {
    return { tool: "terragrunt", flags: truthy(value) ? ["non-interactive"] : [] };
  }
  if (name === "TG_ALL" || name === "TG_GRAPH") return { tool: "terragrunt", flags: truthy(value) ? ["all"] : [] };
  if (name === "TF_INPUT") return { tool: "terraform", flags: value !== "" && parseGoBool(value) === false ? ["input-false"] : [] };
  if (STATE_SWAP_ENV.includes(name)) return { tool: "terraform", flags: value !== "" ? ["state-selector"] : [] };
  return undefined;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const interpretEnvExport: Interpreter = (cmd): Interpretation => {
  const [head, ...words] = cmd.argv;
  // `declare -p`, `export` alone: they print variables, secret-holding ones included (src/clis/secrets).
  const printed = declareOps(cmd);
  // The shell stage reports every exporting declaration as program "export"; a declare/typeset that reaches
  // us directly exports only with -x.
  if ((head === "declare" || head === "typeset") && cmd.program !== "export") {
    if (!words.some((w) => /^-[A-Za-z]*x/.test(w))) return { operations: printed, files: [] };
  }
  const operations: Operation[] = [...printed];
  for (const w of words) {
    if (/^[-+][A-Za-z]+$/.test(w)) continue;
    const eq = w.indexOf("=");
    const name = (eq < 0 ? w : w.slice(0, eq)).replace(/\+$/, "");
    if (!NAME.test(name)) continue;
    const value = eq < 0 ? (cmd.env[name] ?? "") : w.slice(eq + 1);
    const c = classify(name, value);
    if (!c) continue;
    operations.push({
      action: "iac.env-inject",
      resource: { type: "Program", name: head ?? "export" },
      context: { command: cmd.text, name, tool: c.tool, flags: c.flags, cwd: cmd.cwd, depth: cmd.depth },
      summary: `export ${name}${c.flags.length > 0 ? ` (injects ${c.flags.join(", ")} into later ${c.tool} commands)` : ""}`,
    });
  }
  return { operations, files: [] };
};
