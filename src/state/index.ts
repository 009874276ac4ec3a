/** State-swap detection and plan-aware apply: the `state` and `plan` facts of terraform-family
 *  operations (enrichStateFacts), and what an action that is going to run leaves behind for later
 *  decisions (rememberEffects). See docs/state.md. */
import path from "node:path";
import type { Operation, OperationWith } from "../clis/types.js";
import type { Terraform } from "../facts/generated/10-terraform.js";
import type { Env, FileEffect } from "../shell/types.js";
import { defaultPlanFacts, defaultStateFacts, optionValue, planFileOf, planOutOf, terraformView, type PlanFacts, type StateFacts, type TerraformView } from "./facts.js";
import { takeFingerprint } from "./fingerprint.js";
import type { LocateInput } from "./locate.js";
import { inspectPlan } from "./plan.js";
import { planCopiesInLine } from "./plan-copies.js";
import { isStatefulType, targetType } from "./stateful-types.js";
import { printsOnlyNonSensitive } from "./outputs.js";
import { rememberEffectsImpl, type RememberParts } from "./remember.js";
import type { StateContext } from "./context.js";
import { describeTouches, loadMemory, touchesFor, type SessionMemory } from "./session.js";
import { sight, type Sighting } from "./sight.js";

export { enrichRemoteState } from "./remote.js";

export type { StateContext };

/** `NAME=value` assignments at the start of a simple command's text (also after `env`). */
export function inlineAssignments(command: string): Record<string, string> {
  const out: Record<string, string> = {};
  const words = command.trim().split(/\s+/);
  for (const w of words) {
    if (w === "env") continue;
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(w);
    if (!m) break;
    out[m[1] as string] = (m[2] as string).replace(/^(['"])(.*)\1$/, "$2");
  }
  return out;
}

/** TF_WORKSPACE / TF_DATA_DIR for an operation: the values the interpreter put in state.workspace /
 *  state.dataDir, else the inherited environment, else an inline assignment in the command text.
 *  undefined when the operation uses one of them (envNames) but its value cannot be found. */
function locateInputFor(view: TerraformView, env: Env): LocateInput | undefined {
  const inline = inlineAssignments(view.command);
  const value = (field: unknown, name: string): string | undefined => {
    const v = (typeof field === "string" && field) || env[name] || inline[name] || "";
    return v === "" && view.envNames.includes(name) ? undefined : v;
  };
  const workspaceEnv = value(view.state.workspace, "TF_WORKSPACE");
  const dataDir = value(view.state.dataDir, "TF_DATA_DIR");
  if (workspaceEnv === undefined || dataDir === undefined) return undefined;
  return { dir: path.resolve(view.dir), workspaceEnv, dataDir, stateOption: optionValue(view, "state") ?? "" };
}

/** TF_WORKSPACE or TF_DATA_DIR is in effect but its value is unknown: the state cannot be located. */
function unlocatedFacts(view: TerraformView, memory: SessionMemory, dir: string): StateFacts {
  const touches = touchesFor(memory, dir);
  const detail = ["the state cannot be located (TF_WORKSPACE or TF_DATA_DIR value unknown)", describeTouches(touches, dir)];
  return { ...defaultStateFacts(), touchedInSession: touches.length > 0, detail: detail.filter((d) => d).join("; ") };
}

function stateFactsOf(s: Sighting, memory: SessionMemory, dir: string): StateFacts {
  const k = new Set(s.changes);
  const touches = touchesFor(memory, dir);
  const details = [s.detail, describeTouches(touches, dir)].filter((d) => d.length > 0);
  return {
    ...defaultStateFacts(s.fingerprint.workspace, s.fingerprint.dataDir),
    known: s.fingerprint.header.readable,
    swapped: k.size > 0,
    lineageChanged: k.has("lineage"),
    serialBackwards: k.has("serial"),
    edited: k.has("edited"),
    backendChanged: k.has("backend"),
    workspaceChanged: k.has("workspace"),
    appeared: k.has("appeared"),
    vanished: k.has("vanished"),
    baselineUnreadable: k.has("baseline-unreadable"),
    touchedInSession: touches.length > 0,
    detail: details.join("; "),
  };
}

/** Plan files made with `plan -destroy -out=X` earlier in the same line. */
function destroyPlansInLine(views: readonly (TerraformView | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const v of views) {
    const file = v ? planOutOf(v) : undefined;
    if (v && file && (v.destroy || v.flags.includes("destroy"))) out.add(file);
  }
  return out;
}

/** The plan's facts. destroyMode also when this line or this session made the file with plan -destroy
 *  (the name-based guess for plans that cannot be inspected is terraform.apply-destroy-plan's). */
async function planFactsOf(view: TerraformView, file: string, env: Env, destroyPlans: ReadonlySet<string>): Promise<PlanFacts> {
  const facts = await inspectPlan({ program: view.program, dir: view.dir, planFile: file, env });
  if (!destroyPlans.has(file) || facts.destroyMode) return facts;
  return { ...facts, destroyMode: true, detail: `${facts.detail}; it was made with plan -destroy in this session` };
}

function withFacts(op: OperationWith<Terraform>, state: StateFacts, plan: PlanFacts, outputNonSensitive = false): Operation {
  const notes = [state.swapped || state.touchedInSession ? state.detail : "", plan.given ? plan.detail : ""].filter((n) => n.length > 0);
  return {
    ...op,
    context: { ...op.context, state: { ...state }, plan: { ...plan }, statefulTargets: op.context.targets.filter((t) => isStatefulType(targetType(t) ?? "")), outputNonSensitive },
    summary: notes.length > 0 ? `${op.summary} (${notes.join("; ")})` : op.summary,
  };
}

/** Fill the `state` and `plan` facts of terraform-family operations (reads the disk). */
export async function enrichStateFacts(ops: readonly Operation[], ctx: StateContext): Promise<readonly Operation[]> {
  const views = ops.map(terraformView);
  if (views.every((v) => v === undefined)) return ops;
  const memory = loadMemory(ctx.home, ctx.session);
  const destroyPlans = new Set([...memory.destroyPlans.map((p) => p.path), ...destroyPlansInLine(views)]);
  const sightings = new Map<string, Sighting>();
  const copies = planCopiesInLine(ops);
  const out: Operation[] = [];
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as Operation;
    const view = views[i];
    if (!view) {
      out.push(op);
      continue;
    }
    const input = locateInputFor(view, ctx.env);
    const key = input ? JSON.stringify(input) : "";
    let s = sightings.get(key);
    if (!s && input) {
      try {
        s = sight(ctx.home, input);
      } catch (e) {
        // The record could not be written (a read-only home): the facts still stand, unremembered.
        s = { fingerprint: takeFingerprint(input), changes: [], detail: `state record not saved: ${(e as Error).message}`, firstSighting: true };
      }
      sightings.set(key, s);
    }
    const applied = planFileOf(view);
    // A plan copied under this name earlier in the line: its content is the source's.
    const planFile = applied ? (copies.get(applied) ?? applied) : applied;
    const plan = planFile ? await planFactsOf(view, planFile, ctx.env, destroyPlans) : defaultPlanFacts(false);
    const dir = path.resolve(view.dir);
    const state = s ? stateFactsOf(s, memory, dir) : unlocatedFacts(view, memory, dir);
    const statePath = s?.fingerprint.statePath;
    const nonSensitive = view.operation === "output" && !!statePath && state.known && !state.swapped && printsOnlyNonSensitive(statePath, view.args[0]);
    out.push(withFacts(view.op, state, plan, nonSensitive));
  }
  return out;
}

/** Remember, for this session, the file effects and operations of an action that was allowed or that ran. */
export async function rememberEffects(files: readonly FileEffect[], ops: readonly Operation[], ctx: StateContext, parts: RememberParts = { effects: true, pending: true }): Promise<void> {
  try {
    rememberEffectsImpl(files, ops, ctx, parts);
  } catch {
    // Memory is best effort: an unwritable $INFRAGATE_HOME must not turn an allowed action into a crash.
  }
}
