/** Gate every action a payload maps to; the strictest verdict wins. */
import type { DecideContext } from "../decide/index.js";
import { strictest } from "../decide/verdict.js";
import type { Decision, Interpreted } from "./types.js";

export interface HookVerdict {
  readonly decision: Decision;
  readonly reason: string;
  readonly policies: readonly string[];
}

type GateFn = (action: Interpreted["actions"][number], ctx: DecideContext) => Promise<{ decision: Decision; reason: string; policies: readonly string[] }>;

/** All actions are gated (each is audited); the answer carries the reasons of the strictest ones. */
export async function decideAll(reading: Interpreted, ctx: DecideContext, gate: GateFn): Promise<HookVerdict> {
  let decision: Decision = "allow";
  const results: { decision: Decision; reason: string; policies: readonly string[] }[] = [];
  for (const action of reading.actions) {
    const r = await gate(action, ctx);
    results.push(r);
    decision = strictest(decision, r.decision);
  }
  if (decision === "allow") return { decision, reason: "allowed: no policy forbids this action", policies: [] };
  const deciding = results.filter((r) => r.decision === decision);
  return {
    decision,
    reason: [...new Set(deciding.map((r) => r.reason))].join("\n"),
    policies: [...new Set(deciding.flatMap((r) => r.policies))],
  };
}
