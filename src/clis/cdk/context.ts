/** The `Cdk` context (schemas/cedar/20-cdk.cedarschema) shared by cdk and cdktf. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Interpretation, Operation } from "../types.js";
import type { YargsResult } from "./yargs.js";
import type { ActionsWith } from "../../facts/index.js";
import type { Cdk } from "../../facts/generated/20-cdk.js";

export interface CdkFacts {
  readonly program: "cdk" | "cdktf";
  readonly action: ActionsWith<Cdk>;
  readonly operation: string;
  readonly stacks: readonly string[];
  readonly autoApprove: boolean;
  readonly hotswap: boolean;
  readonly trust: readonly string[];
  readonly executionPolicies: readonly string[];
  readonly adminExecution: boolean;
  readonly envNames: readonly string[];
  /** Extra flags that are on although not written as booleans (`watch` for `cdk watch`, `confirm-false`). */
  readonly extraFlags?: readonly string[];
}

/** Booleans that are on, and `name=value` for everything else (values cut at 200 chars). */
export function splitOptions(r: YargsResult): { flags: string[]; options: string[] } {
  const flags: string[] = [];
  const options: string[] = [];
  for (const [name, values] of r.options) {
    const last = values[values.length - 1] ?? "";
    if (last === "true") flags.push(name);
    else if (last === "false") flags.push(`no-${name}`);
    else for (const v of values) options.push(`${name}=${v.length > 200 ? v.slice(0, 200) : v}`);
  }
  return { flags, options };
}

export function cdkInterpretation(cmd: SimpleCommand, r: YargsResult, facts: CdkFacts): Interpretation {
  const { flags, options } = splitOptions(r);
  const op: Operation = {
    action: facts.action,
    resource: { type: "Stack", dir: cmd.cwd },
    context: {
      program: facts.program,
      operation: facts.operation,
      command: cmd.text,
      cwd: cmd.cwd,
      stacks: [...facts.stacks],
      flags: [...new Set([...flags, ...(facts.extraFlags ?? [])])],
      options,
      autoApprove: facts.autoApprove,
      hotswap: facts.hotswap,
      trust: [...facts.trust],
      executionPolicies: [...facts.executionPolicies],
      adminExecution: facts.adminExecution,
      envNames: [...facts.envNames],
      wrappers: [...cmd.wrappers],
      depth: cmd.depth,
    },
    summary: `${facts.program} ${facts.operation} in ${cmd.cwd}${facts.autoApprove ? " (auto-approve)" : ""}`,
  };
  return { operations: [op], files: [] };
}
