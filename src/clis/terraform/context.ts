/** The `Terraform` context type of schemas/cedar/10-terraform.cedarschema, with every field present. */
import type { CedarRecord } from "../types.js";

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

/** StateFacts and PlanFacts defaults: src/state fills them later. workspace / dataDir carry the
 *  TF_WORKSPACE / TF_DATA_DIR values the command runs with ("" unset). */
export function defaultState(workspace: string, dataDir: string): CedarRecord {
  return {
    known: false,
    swapped: false,
    lineageChanged: false,
    serialBackwards: false,
    backendChanged: false,
    workspaceChanged: false,
    appeared: false,
    vanished: false,
    touchedInSession: false,
    detail: "",
    workspace,
    dataDir,
  };
}

export function defaultPlan(given: boolean): CedarRecord {
  return { given, known: false, create: 0, update: 0, delete: 0, replace: 0, statefulDelete: false, detail: "" };
}

const uniq = (xs: readonly string[]): string[] => [...new Set(xs)].sort();

export function toContext(f: TerraformFacts): CedarRecord {
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
    state: defaultState(f.workspaceEnv, f.dataDirEnv),
    plan: defaultPlan(f.planFile !== ""),
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
