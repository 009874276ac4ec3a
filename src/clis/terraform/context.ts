/** The `Terraform` context (schemas/cedar/10-terraform.cedarschema): one shape, every field present. */
import type { PlanFacts, StateFacts, Terraform } from "../../facts/generated/10-terraform.js";

/** What the terraform and terragrunt interpreters collect before it becomes the Terraform context. */

export interface TerraformFacts {
  program: string;
  operation: string;
  command: string;
  cwd: string;
  args: string[];
  flags: string[];
  options: string[];
  injected: string[];
  envNames: string[];
  targets: string[];
  stdinPiped: boolean;
  autoApprove: boolean;
  destroy: boolean;
  all: boolean;
  nonInteractive: boolean;
  stateSwapEnv: boolean;
  planFile: string;
  planOut: string;
  planDestroyHint: boolean;
  wrappers: string[];
  depth: number;
  /** TF_WORKSPACE / TF_DATA_DIR values in effect ("" unset), for src/state to locate the state. */
  workspaceEnv: string;
  dataDirEnv: string;
}

/** StateFacts defaults: nothing known yet (src/state fills the real values). workspace / dataDir carry the
 *  TF_WORKSPACE / TF_DATA_DIR values the command runs with ("" unset). */
export function defaultStateFacts(workspace = "", dataDir = ""): StateFacts {
  return {
    known: false,
    swapped: false,
    lineageChanged: false,
    serialBackwards: false,
    edited: false,
    backendChanged: false,
    workspaceChanged: false,
    appeared: false,
    vanished: false,
    touchedInSession: false,
    baselineUnreadable: false,
    detail: "",
    workspace,
    dataDir,
  };
}

/** PlanFacts defaults: given when a plan file is applied; src/state reads the plan. */
export function defaultPlanFacts(given = false): PlanFacts {
  return { given, known: false, create: 0, update: 0, delete: 0, replace: 0, statefulDelete: false, destroyMode: false, deletesAll: false, detail: "" };
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

export function toContext(f: TerraformFacts): Terraform {
  return {
    program: f.program,
    operation: f.operation,
    command: f.command,
    cwd: f.cwd,
    args: uniq(f.args),
    flags: uniq(f.flags),
    options: uniq(f.options),
    injected: uniq(f.injected),
    envNames: uniq(f.envNames),
    targets: uniq(f.targets),
    statefulTargets: [],
    outputNonSensitive: false,
    stdinPiped: f.stdinPiped,
    autoApprove: f.autoApprove,
    destroy: f.destroy,
    all: f.all,
    nonInteractive: f.nonInteractive,
    stateSwapEnv: f.stateSwapEnv,
    planFile: f.planFile,
    planOut: f.planOut,
    planDestroyHint: f.planDestroyHint,
    wrappers: [...f.wrappers],
    depth: f.depth,
    state: defaultStateFacts(f.workspaceEnv, f.dataDirEnv),
    plan: defaultPlanFacts(f.planFile !== ""),
  };
}

/** `terraform apply in /w/infra/prod (-auto-approve, injected by TF_CLI_ARGS)` */
export function summarize(f: TerraformFacts): string {
  const notes: string[] = [];
  const shown = f.flags.filter((x) => !["no-color", "input-false", "compact-warnings", "json"].includes(x));
  if (shown.length > 0) notes.push(uniq(shown).map((x) => `-${x}`).join(" "));
  if (f.injected.length > 0) notes.push(`injected by TF_CLI_ARGS: ${uniq(f.injected).join(", ")}`);
  if (f.stdinPiped) notes.push("stdin piped");
  if (f.all) notes.push("all units");
  const op = f.destroy && f.operation === "apply" ? "apply -destroy" : f.operation || "(no subcommand)";
  return `${f.program} ${op} in ${f.cwd}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`;
}
