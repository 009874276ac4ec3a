/** decide() plus the audit record: every decision is logged before it is answered, and a state-changing
 *  action whose record cannot be written is denied (no silent gaps). */
import { appendAudit } from "../audit/append.js";
import { describeAction, type GateAction } from "../decide/action.js";
import { decide, type Decided, type DecideContext } from "../decide/index.js";
import { actionAncestry } from "../policy/schema.js";
import type { ActionGraph } from "../policy/types.js";

export interface GateResult extends Decided {
  /** Set when the audit record could not be written. */
  readonly auditError?: string | undefined;
}

/** mcp.call is not here: an MCP tool can change anything, so an unaudited call is not let through. */
const ALWAYS_READ_ONLY: ReadonlySet<string> = new Set(["shell.exec", "shell.opaque", "shell.incomplete", "file.read"]);

/** Could this action change infrastructure, state or files? shell.* requests are only carriers:
 *  what a command changes shows up as its own IaC or file operations. */
function changesSomething(actions: readonly string[], graph: ActionGraph): boolean {
  return actions.some((a) => !ALWAYS_READ_ONLY.has(a) && !actionAncestry(graph, a).includes("read-only"));
}

function factsOf(d: Decided): Record<string, unknown> {
  return {
    operations: d.findings.filter((f) => f.decision !== "allow" || !f.action.startsWith("shell.")).map((f) => ({ action: f.action, summary: f.summary, decision: f.decision })),
    problems: d.problems,
  };
}

export async function gate(action: GateAction, ctx: DecideContext): Promise<GateResult> {
  const decided = await decide(action, ctx);
  const audit = await appendAudit(ctx.home, {
    agent: ctx.agent.name,
    session: ctx.agent.session,
    cwd: action.cwd,
    tool: action.kind === "mcp" ? `mcp__${action.server}__${action.tool}` : action.tool,
    action: describeAction(action),
    facts: factsOf(decided),
    decision: decided.decision,
    policies: [...decided.policies],
    reason: decided.reason,
  });
  if (audit.ok) return decided;
  const auditError = audit.error;
  const fix = audit.busy
    ? "Other infragate checks held the audit log's lock the whole time (many hooks at once); this is not a configuration problem: retry the action"
    : "Ask the human to fix $INFRAGATE_HOME (run 'infragate doctor')";
  if (decided.decision === "deny" || !changesSomething(decided.operations.map((o) => o.action), ctx.engine.actions)) {
    return { ...decided, auditError };
  }
  return {
    ...decided,
    decision: "deny",
    policies: [...decided.policies, "infragate.audit-unavailable"],
    reason: `infragate blocked this action: the audit log could not be written (${auditError}), and actions that change infrastructure, state or files are not allowed without a record. ${fix}.\n${decided.reason}`,
    auditError,
  };
}
