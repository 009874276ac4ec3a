/** What `infragate explain` shows: the pipeline's own trace of one action (commands, file effects, the Cedar
 *  requests it evaluated and the policies that matched), as data for the text and JSON formats. */
import { isSecretName } from "../util/secret-name.js";
import { describeAction, type GateAction } from "../decide/action.js";
import { decide, type Decided, type DecideContext } from "../decide/index.js";
import type { CedarRequest, EntityData, PolicyMeta } from "../policy/types.js";
import type { FileEffect, SimpleCommand } from "../shell/types.js";

/** Environment names whose values change what infrastructure CLIs do. */
const RELEVANT_ENV = /^(?:TF_|TG_|TERRAGRUNT_|AWS_|PULUMI_|CDK_|KUBE|HELM_|ARM_|GOOGLE_|CLOUDSDK_|INFRAGATE_)/;

export interface ExplainedCommand {
  readonly text: string;
  readonly program: string;
  readonly argv: readonly string[];
  /** Name -> value (secret-looking values replaced), and where it came from. */
  readonly env: readonly { readonly name: string; readonly value: string; readonly from: "line" | "inherited" }[];
  readonly cwd: string;
  readonly wrappers: readonly string[];
  /** Project scripts it was reached through, outermost first (`npm run destroy`, `make nuke`). */
  readonly via: readonly string[];
  readonly depth: number;
  readonly stdin: string;
  readonly unresolved: boolean;
  readonly inlineCode: boolean;
}

interface MatchedPolicy extends Pick<PolicyMeta, "id" | "effect" | "source" | "reason"> {
  /** permit, deny or ask: what this policy says on its own. */
  readonly says: "permit" | "deny" | "ask";
  /** Among the policies behind this request's decision. */
  readonly deciding: boolean;
}

export interface ExplainedRequest {
  readonly summary: string;
  readonly request: Omit<CedarRequest, "entities">;
  readonly entities: readonly EntityData[];
  readonly decision: Decided["decision"];
  readonly matched: readonly MatchedPolicy[];
  readonly errors: readonly string[];
}

export interface Explanation {
  readonly action: string;
  readonly workspace: string;
  readonly agent: { readonly name: string; readonly mode: string };
  readonly commands: readonly ExplainedCommand[];
  readonly files: readonly FileEffect[];
  readonly requests: readonly ExplainedRequest[];
  readonly problems: readonly string[];
  readonly decision: Decided["decision"];
  readonly policies: readonly string[];
  readonly reason: string;
}

function shownValue(name: string, value: string): string {
  return isSecretName(name) ? "(secret: not shown)" : value;
}

function explainCommands(commands: readonly SimpleCommand[]): ExplainedCommand[] {
  return commands.map((c) => {
    const line = new Set(c.lineEnv);
    const names = Object.keys(c.env).filter((n) => line.has(n) || RELEVANT_ENV.test(n)).sort();
    return {
      text: c.text,
      program: c.program,
      argv: [...c.argv],
      env: names.map((name) => ({ name, value: shownValue(name, c.env[name] ?? ""), from: line.has(name) ? ("line" as const) : ("inherited" as const) })),
      cwd: c.cwd,
      wrappers: [...c.wrappers],
      via: [...(c.via ?? [])],
      depth: c.depth,
      stdin: c.stdin,
      unresolved: c.unresolved,
      inlineCode: c.inlineCode !== undefined,
    };
  });
}

/** Every policy that matches a request (the engine evaluates forbids and permits apart). */
function matchedPolicies(ctx: DecideContext, request: CedarRequest, deciding: readonly string[]): MatchedPolicy[] {
  const { meta } = ctx.engine.policies;
  return ctx.engine.matching(request).map((id) => {
    const m = meta[id];
    const says = m?.effect === "permit" ? "permit" : m?.decision === "ask" ? "ask" : "deny";
    return { id, effect: m?.effect ?? "forbid", source: m?.source ?? "", reason: m?.reason ?? "", says, deciding: deciding.includes(id) };
  });
}

/** Explain one action from what the pipeline evaluated (its trace): no second analysis, no second request. */
export async function explainAction(action: GateAction, ctx: DecideContext): Promise<Explanation> {
  const decided = await decide(action, { ...ctx, remember: "never" });
  const requests = decided.operations.map((op, i): ExplainedRequest => {
    const { entities, ...request } = decided.trace.requests[i] as CedarRequest;
    const finding = decided.findings[i];
    return {
      summary: op.summary,
      request,
      entities,
      decision: finding?.decision ?? "deny",
      matched: matchedPolicies(ctx, { ...request, entities }, finding?.policies ?? []),
      errors: finding?.errors ?? [],
    };
  });
  const configProblems = decided.findings.slice(decided.operations.length).flatMap((f) => f.errors);
  return {
    action: describeAction(action),
    workspace: ctx.root,
    agent: { name: ctx.agent.name, mode: ctx.agent.mode },
    commands: explainCommands(decided.trace.commands),
    files: decided.files,
    requests,
    problems: [...decided.problems, ...configProblems],
    decision: decided.decision,
    policies: decided.policies,
    reason: decided.reason,
  };
}

