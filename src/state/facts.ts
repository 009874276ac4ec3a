/** The state and plan facts of a terraform-family operation (schemas/cedar/10-terraform.cedarschema,
 *  StateFacts and PlanFacts): the interpreter sets the defaults, src/state fills the real values. */
import path from "node:path";
import type { PlanFacts, StateFacts, Terraform } from "../facts/generated/10-terraform.js";
import type { Operation, OperationWith } from "../clis/types.js";

export type { PlanFacts, StateFacts };
export { defaultPlanFacts, defaultStateFacts } from "../clis/terraform/context.js";

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
  readonly state: StateFacts;
  readonly plan: PlanFacts;
  /** The operation itself, typed: its context is the Terraform record. */
  readonly op: OperationWith<Terraform>;
}

/** Every terraform.* and terragrunt.* action has the Terraform context (schemas/cedar/10-terraform.cedarschema). */
function isTerraformOp(op: Operation): op is OperationWith<Terraform> {
  return op.action.startsWith("terraform.") || op.action.startsWith("terragrunt.");
}

/** A terraform / tofu / terragrunt operation as the interpreter produced it, or undefined. */
export function terraformView(op: Operation): TerraformView | undefined {
  if (!isTerraformOp(op)) return undefined;
  const c = op.context;
  const dir = c.cwd || (op.resource.type === "Stack" ? op.resource.dir : "");
  if (!dir) return undefined;
  return {
    program: c.program,
    operation: c.operation,
    dir,
    args: c.args,
    flags: c.flags,
    options: c.options,
    envNames: c.envNames,
    command: c.command,
    planFile: c.planFile,
    planOut: c.planOut,
    destroy: c.destroy,
    state: c.state,
    plan: c.plan,
    op,
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

