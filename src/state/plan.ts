/** Plan-aware apply: what a saved plan will do, from `terraform show -json PLANFILE` (read-only) and
 *  the plan's own mode field. Anything that fails leaves the plan unknown (known: false). */
import path from "node:path";
import type { Env } from "../shell/types.js";
import { defaultPlanFacts, type PlanFacts } from "./facts.js";
import { readPlanMode, type PlanMode } from "./plan-mode.js";
import { isStatefulType } from "./stateful-types.js";

const SHOW_TIMEOUT_MS = 10_000;

interface ResourceChange {
  readonly address?: unknown;
  readonly mode?: unknown;
  readonly type?: unknown;
  readonly change?: { readonly actions?: unknown };
}

/** Count a `show -json` document's resource changes. Pure. */
export function summarizePlanJson(doc: unknown, mode: PlanMode = "unknown"): PlanFacts {
  const facts: { -readonly [K in keyof PlanFacts]: PlanFacts[K] } = defaultPlanFacts(true);
  const changes = (doc as { resource_changes?: unknown } | null)?.resource_changes;
  if (!Array.isArray(changes)) return { ...facts, detail: "the plan has no resource_changes" };
  const stateful: string[] = [];
  let managed = 0;
  for (const rc of changes as ResourceChange[]) {
    if (rc.mode !== "managed") continue;
    managed++;
    const actions = Array.isArray(rc.change?.actions) ? (rc.change.actions as unknown[]).filter((a) => typeof a === "string") : [];
    const deletes = actions.includes("delete");
    if (actions.length === 1 && actions[0] === "create") facts.create++;
    else if (actions.length === 1 && actions[0] === "update") facts.update++;
    else if (actions.length === 1 && deletes) facts.delete++;
    else if (deletes && actions.includes("create")) facts.replace++;
    if (deletes && typeof rc.type === "string" && isStatefulType(rc.type)) stateful.push(typeof rc.address === "string" ? rc.address : rc.type);
  }
  facts.known = true;
  facts.statefulDelete = stateful.length > 0;
  facts.destroyMode = mode === "destroy";
  facts.deletesAll = facts.delete > 0 && facts.delete === managed;
  const parts = [`${facts.create} to add, ${facts.update} to change, ${facts.delete} to destroy, ${facts.replace} to replace`];
  if (facts.destroyMode) parts.push("made with plan -destroy");
  else if (facts.deletesAll) parts.push("it deletes every resource");
  if (stateful.length > 0) parts.push(`stateful resources deleted or replaced: ${stateful.slice(0, 5).join(", ")}${stateful.length > 5 ? ", ..." : ""}`);
  facts.detail = `saved plan: ${parts.join("; ")}`;
  return facts;
}

interface InspectInput {
  /** terraform or tofu (terragrunt is not inspected: its plans live in its cache). */
  readonly program: string;
  readonly dir: string;
  /** Absolute plan file path. */
  readonly planFile: string;
  readonly env: Env;
  readonly timeoutMs?: number;
}

/** The environment for `show`: the operation's, without argument injection, in automation mode. */
export function showEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (!k.startsWith("TF_CLI_ARGS")) out[k] = v;
  out.TF_IN_AUTOMATION = "1";
  out.CHECKPOINT_DISABLE = "1";
  out.TF_INPUT = "0";
  return out;
}

export async function inspectPlan(input: InspectInput): Promise<PlanFacts> {
  const unknown = (why: string): PlanFacts => ({ ...defaultPlanFacts(true), detail: `saved plan ${path.basename(input.planFile)} could not be inspected: ${why}` });
  if (input.program !== "terraform" && input.program !== "tofu") return unknown(`${input.program || "this program"} plans are not inspected`);
  const mode = readPlanMode(input.planFile);
  let stdout: string;
  try {
    // Loaded on demand: the hook's hot path pays for execa only when a saved plan is applied.
    const { execa } = await import("execa");
    const result = await execa(input.program, ["show", "-json", "-no-color", input.planFile], {
      cwd: input.dir,
      env: showEnv(input.env),
      extendEnv: false,
      timeout: input.timeoutMs ?? SHOW_TIMEOUT_MS,
      stdin: "ignore",
      reject: false,
      maxBuffer: 256 * 1024 * 1024,
    });
    if (result.exitCode !== 0 || result.timedOut) {
      const first = String(result.stderr ?? "").split("\n").find((l) => l.trim().length > 0) ?? "";
      return unknown(result.timedOut ? "`show -json` timed out" : `\`show -json\` failed${first ? `: ${first.trim().slice(0, 160)}` : ""}`);
    }
    stdout = String(result.stdout);
  } catch (e) {
    return unknown((e as Error).message.split("\n")[0] ?? "cannot run");
  }
  try {
    return summarizePlanJson(JSON.parse(stdout), mode);
  } catch {
    return unknown("`show -json` printed no JSON");
  }
}
