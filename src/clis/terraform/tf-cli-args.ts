/** TF_CLI_ARGS and TF_CLI_ARGS_<sub> injection, exactly as terraform's main.go mergeEnvArgs
 *  (iac-semantics 3.1): split with shell words (no expansion), inserted right after the first argv
 *  element equal to the last word of the subcommand (at the front when there is no subcommand), the
 *  general variable first and then the specific one at the same point: `cmd <specific> <general> <user>`. */
import { parse } from "shell-quote";
import type { Env } from "../../shell/types.js";
import type { Word } from "./flags.js";

/** go-shellwords without env or backtick expansion: `$X` stays literal. */
export function splitShellWords(value: string): string[] {
  const out: string[] = [];
  for (const e of parse(value, (key: string) => `$${key}`)) {
    if (typeof e === "string") out.push(e);
    else if ("comment" in e) break;
    else if (e.op === "glob") out.push(e.pattern);
    else out.push(e.op);
  }
  return out;
}

/** `state rm` -> `TF_CLI_ARGS_state_rm`; `force-unlock` -> `TF_CLI_ARGS_force_unlock`. */
export function specificVarName(subcommand: string): string {
  return `TF_CLI_ARGS_${subcommand.replace(/-/g, "_").replace(/ /g, "_")}`;
}

function mergeOne(args: readonly Word[], envName: string, subcommand: string, env: Env): Word[] {
  const v = env[envName];
  if (v === undefined || v === "") return [...args];
  const extra = splitShellWords(v).map((word) => ({ word, from: envName }));
  const space = subcommand.lastIndexOf(" ");
  const search = space >= 0 ? subcommand.slice(space + 1) : subcommand;
  const idx = args.findIndex((a) => a.word === search) + 1;
  return [...args.slice(0, idx), ...extra, ...args.slice(idx)];
}

/** The argv terraform really runs with (after -chdir extraction), each word tagged with its origin. */
export function mergeEnvArgs(args: readonly Word[], subcommand: string, env: Env): Word[] {
  const general = mergeOne(args, "TF_CLI_ARGS", subcommand, env);
  return mergeOne(general, specificVarName(subcommand), subcommand, env);
}
