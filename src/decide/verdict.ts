/** Combine per-request verdicts: the strictest wins (deny > ask > allow). */
import type { DecisionKind } from "../policy/types.js";

export interface Finding {
  readonly action: string;
  readonly summary: string;
  readonly decision: DecisionKind;
  readonly policies: readonly string[];
  readonly reasons: readonly string[];
  readonly errors: readonly string[];
}

export interface Verdict {
  readonly decision: DecisionKind;
  /** Ids of the policies behind the decision (empty on allow). */
  readonly policies: readonly string[];
  /** One text for the human and the agent: what was decided, by which policy, why, what to do instead. */
  readonly reason: string;
  readonly findings: readonly Finding[];
  readonly problems: readonly string[];
}

/** The finding decide() adds for a broken config or user policy (DecideContext.problems). */
export const CONFIG_ACTION = "infragate.config";

const RANK: Readonly<Record<DecisionKind, number>> = { allow: 0, ask: 1, deny: 2 };

export function strictest(a: DecisionKind, b: DecisionKind): DecisionKind {
  return RANK[a] >= RANK[b] ? a : b;
}

export function combineFindings(findings: readonly Finding[], problems: readonly string[]): Verdict {
  let decision: DecisionKind = "allow";
  for (const f of findings) decision = strictest(decision, f.decision);
  if (decision === "allow") return { decision, policies: [], reason: "allowed: no policy forbids this action", findings, problems };
  const deciding = findings.filter((f) => f.decision === decision);
  const policies = [...new Set(deciding.flatMap((f) => f.policies))];
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const f of deciding) {
    const config = f.action === CONFIG_ACTION;
    const texts =
      f.errors.length === 0
        ? f.reasons
        : config
          ? [`infragate's configuration or policies could not be loaded (${f.errors.join("; ")}); every action is blocked until a human fixes it (run 'infragate doctor')`]
          : [`policy evaluation failed (${f.errors.join("; ")}); failing closed`];
    for (let i = 0; i < texts.length; i++) {
      const id = f.policies[i] ?? (f.errors.length === 0 ? "infragate" : config ? CONFIG_ACTION : "cedar-error");
      const line = `[${id}] ${texts[i]}`;
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(`${f.summary}: ${line}`);
    }
  }
  const head = decision === "deny" ? "infragate blocked this action" : "infragate asks a human to confirm this action";
  return { decision, policies, reason: `${head}:\n- ${lines.join("\n- ")}${problemLines(problems)}`, findings, problems };
}

const MAX_PROBLEMS = 5;

/** The analysis problems (a limit exceeded, a parse error), so the reason names what could not be read. */
function problemLines(problems: readonly string[]): string {
  if (problems.length === 0) return "";
  const shown = problems.slice(0, MAX_PROBLEMS).map((p) => (p.length > 300 ? `${p.slice(0, 300)}...` : p));
  const more = problems.length > MAX_PROBLEMS ? `\n  (${problems.length - MAX_PROBLEMS} more)` : "";
  return `\nproblems found while reading the command:\n  ${shown.join("\n  ")}${more}`;
}
