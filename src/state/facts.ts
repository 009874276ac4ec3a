/** The state and plan facts of a terraform-family operation (schemas/cedar/10-terraform.cedarschema,
 *  StateFacts and PlanFacts). Pure: interpreters use the defaults, src/state fills the real values. */
import path from "node:path";
import type { CedarRecord, Operation } from "../clis/types.js";

export interface StateFacts {
  known: boolean;
  swapped: boolean;
  lineageChanged: boolean;
  serialBackwards: boolean;
  edited: boolean;
  backendChanged: boolean;
  workspaceChanged: boolean;
  appeared: boolean;
  vanished: boolean;
  touchedInSession: boolean;
  workspace: string;
  dataDir: string;
  detail: string;
}

export interface PlanFacts {
  given: boolean;
  known: boolean;
  create: number;
  update: number;
  delete: number;
  replace: number;
  statefulDelete: boolean;
  destroyMode: boolean;
  deletesAll: boolean;
  detail: string;
}

/** Defaults for an interpreter: nothing known yet. workspace / dataDir carry the operation's
 *  TF_WORKSPACE / TF_DATA_DIR values ("" when unset); enrichment replaces them with resolved values. */
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
    workspace,
    dataDir,
    detail: "",
  };
}

export function defaultPlanFacts(given = false): PlanFacts {
  return { given, known: false, create: 0, update: 0, delete: 0, replace: 0, statefulDelete: false, destroyMode: false, deletesAll: false, detail: "" };
}

export const TERRAFORM_PROGRAMS: ReadonlySet<string> = new Set(["terraform", "tofu", "terragrunt"]);

/** The fields of a terraform-family operation that state enrichment reads. */
export interface TerraformView {
  readonly program: string;
  readonly operation: string;
  /** Effective directory (after -chdir). */
  readonly dir: string;
  readonly args: readonly string[];
  readonly flags: readonly string[];
  readonly options: readonly string[];
  readonly envNames: readonly string[];
  /** Source text of the simple command. */
  readonly command: string;
  /** apply PLANFILE: absolute plan path ("" otherwise). */
  readonly planFile: string;
  /** plan -out=F: absolute path ("" otherwise). */
  readonly planOut: string;
  /** Destroy mode (destroy, apply -destroy, plan -destroy). */
  readonly destroy: boolean;
  readonly state: Partial<StateFacts>;
  readonly plan: Partial<PlanFacts>;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

function record(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** A terraform / tofu / terragrunt operation as the interpreter produced it, or undefined. */
export function terraformView(op: Operation): TerraformView | undefined {
  if (!op.action.startsWith("terraform.") && !op.action.startsWith("terragrunt.")) return undefined;
  const c = op.context as CedarRecord & Record<string, unknown>;
  const program = typeof c.program === "string" ? c.program : "";
  const cwd = typeof c.cwd === "string" ? c.cwd : "";
  const dir = cwd || (op.resource.type === "Stack" ? op.resource.dir : "");
  if (!dir) return undefined;
  return {
    program,
    operation: typeof c.operation === "string" ? c.operation : "",
    dir,
    args: strings(c.args),
    flags: strings(c.flags),
    options: strings(c.options),
    envNames: strings(c.envNames),
    command: typeof c.command === "string" ? c.command : "",
    planFile: typeof c.planFile === "string" ? c.planFile : "",
    planOut: typeof c.planOut === "string" ? c.planOut : "",
    destroy: c.destroy === true,
    state: record(c.state) as Partial<StateFacts>,
    plan: record(c.plan) as Partial<PlanFacts>,
  };
}

/** The value of a valued flag from options ("name=value"), last one wins; undefined when absent. */
export function optionValue(view: TerraformView, name: string): string | undefined {
  let found: string | undefined;
  for (const o of view.options) if (o.startsWith(`${name}=`)) found = o.slice(name.length + 1);
  return found;
}

/** The plan file of `apply PLANFILE` (absolute), or undefined. */
export function planFileOf(view: TerraformView): string | undefined {
  if (view.operation !== "apply") return undefined;
  if (view.planFile) return view.planFile;
  const arg = view.args[0];
  return arg ? path.resolve(view.dir, arg) : undefined;
}

/** The plan file a `plan -out=F` writes (absolute), or undefined. */
export function planOutOf(view: TerraformView): string | undefined {
  if (view.operation !== "plan") return undefined;
  if (view.planOut) return view.planOut;
  const out = optionValue(view, "out");
  return out ? path.resolve(view.dir, out) : undefined;
}

