/** Link `apply PLANFILE` to a `plan -destroy -out=PLANFILE` earlier in the same line (iac-semantics 3.1:
 *  a saved plan is applied without any prompt, so a destroy plan applied this way is an unprompted destroy).
 *  Interpreters see one simple command at a time; the shell-ops stage calls this over a line's operations. */
import type { Operation } from "../types.js";

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export function linkSavedPlans(ops: readonly Operation[]): Operation[] {
  const destroyPlans = new Set<string>();
  return ops.map((op) => {
    if (!op.action.startsWith("terraform.")) return op;
    const ctx = op.context;
    const out = str(ctx.planOut);
    if (op.action === "terraform.plan" && out !== "") {
      if (ctx.destroy === true) destroyPlans.add(out);
      else destroyPlans.delete(out);
      return op;
    }
    const file = str(ctx.planFile);
    if (file !== "" && destroyPlans.has(file) && ctx.planDestroyHint !== true) {
      return { ...op, context: { ...ctx, planDestroyHint: true }, summary: `${op.summary} (plan made by plan -destroy)` };
    }
    return op;
  });
}
