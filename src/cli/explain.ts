/** `infragate explain`: what infragate sees in a command and why it decides as it does. Facts, the exact
 *  Cedar requests, every policy that matched, the decision. decide(), not gate(): nothing is audited. */
import os from "node:os";
import { quote } from "shell-quote";
import { isSecretName } from "../audit/secret-name.js";
import { describeAction, type GateAction } from "../decide/action.js";
import { decide, type Decided, type DecideContext } from "../decide/index.js";
import { getCedar } from "../policy/cedar.js";
import { toCedarRequest } from "../policy/request.js";
import { actionAncestry } from "../policy/schema.js";
import type { CedarRequest, EntityData, PolicyMeta } from "../policy/types.js";
import { loadRuntime } from "../runtime/context.js";
import { PROGRAM_NAMES } from "../clis/registry.js";
import { analyzeShell } from "../shell/analyze.js";
import { diskScriptReader } from "../enrich/script-files.js";
import type { FileEffect } from "../shell/types.js";
import { parseArgs } from "./args.js";
import { CheckRequest, requestToAction } from "./check-request.js";
import { formatExplain } from "./explain-format.js";
import { EXIT, exitFor, type CliIo } from "./io.js";

export const EXPLAIN_HELP = `usage: infragate explain [options] -- <command words>
       infragate explain [options] --tool Write|Edit|Read --file-path PATH

Show how infragate decides one action: every simple command found in the line (program, argv, the
environment that matters such as TF_CLI_ARGS, cwd, wrappers removed, nesting depth, stdin), the file
effects, each Cedar request built (principal, action, resource with its attributes, context), every policy
that matched with its reason, and the final decision. Secret-looking environment values are not shown.

explain evaluates with the same policies, config and state as the hook, but writes no audit entry.
Exit codes as for check: 0 allow, 3 ask, 1 deny, 2 bad usage.

options:
  --json             the whole explanation as one JSON object (for tools)
  --cwd DIR          working directory of the command (default: the current one)
  --agent NAME       agent name for policies (default: cli)
  --mode MODE        agent permission mode (default: default)
  --tool T           Write, Edit or Read instead of a shell command (with --file-path)
  --file-path PATH   the file for --tool

A single word after -- is taken as a whole command line ('echo yes | terraform destroy').`;

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

export interface MatchedPolicy extends Pick<PolicyMeta, "id" | "effect" | "source" | "reason"> {
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

function explainCommands(command: string, cwd: string, ctx: DecideContext): ExplainedCommand[] {
  const analysis = analyzeShell(command, { cwd, env: ctx.env, names: PROGRAM_NAMES, scripts: diskScriptReader });
  return analysis.commands.map((c) => {
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

/** Every policy that matches a request: forbids and permits evaluated apart, so neither hides the other. */
function matchedPolicies(ctx: DecideContext, request: CedarRequest, deciding: readonly string[]): MatchedPolicy[] {
  const { texts, meta } = ctx.engine.policies;
  const actionEntities = actionAncestry(ctx.engine.actions, request.action.id).map((a) => ({
    uid: { type: "Action", id: a },
    attrs: {},
    parents: (ctx.engine.actions[a] ?? []).map((p) => ({ type: "Action", id: p })),
  }));
  const entities = [...request.entities, ...actionEntities].map((e) => ({ uid: e.uid, attrs: e.attrs, parents: [...e.parents] }));
  const ids: string[] = [];
  for (const effect of ["forbid", "permit"] as const) {
    const subset = Object.fromEntries(Object.entries(texts).filter(([id]) => meta[id]?.effect === effect));
    if (Object.keys(subset).length === 0) continue;
    const answer = getCedar().isAuthorized({
      principal: request.principal,
      action: request.action,
      resource: request.resource,
      context: request.context as Record<string, never>,
      entities: entities as never,
      policies: { staticPolicies: subset },
    });
    if (answer.type === "success") ids.push(...answer.response.diagnostics.reason);
  }
  return [...new Set(ids)].sort().map((id) => {
    const m = meta[id];
    const says = m?.effect === "permit" ? "permit" : m?.decision === "ask" ? "ask" : "deny";
    return { id, effect: m?.effect ?? "forbid", source: m?.source ?? "", reason: m?.reason ?? "", says, deciding: deciding.includes(id) };
  });
}

export async function explainAction(action: GateAction, ctx: DecideContext): Promise<Explanation> {
  const decided = await decide(action, { ...ctx, remember: "never" });
  const paths = { root: ctx.root, home: ctx.env.HOME || os.homedir(), infragateHome: ctx.home };
  const requests = decided.operations.map((op, i): ExplainedRequest => {
    const { entities, ...request } = toCedarRequest(op, { agent: ctx.agent, config: ctx.config, paths });
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
    commands: action.kind === "shell" ? explainCommands(action.command, action.cwd, ctx) : [],
    files: decided.files,
    requests,
    problems: [...decided.problems, ...configProblems],
    decision: decided.decision,
    policies: decided.policies,
    reason: decided.reason,
  };
}

export async function runExplain(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(args, { flags: ["json", "help", "h"], values: ["cwd", "agent", "mode", "tool", "file-path"] });
  if (parsed.flags.has("help") || parsed.flags.has("h")) {
    io.stdout(`${EXPLAIN_HELP}\n`);
    return EXIT.allow;
  }
  if (parsed.unknown.length > 0 || parsed.positionals.length > 0) {
    io.stderr(`infragate explain: unexpected ${[...parsed.unknown, ...parsed.positionals].join(" ")} (put the command after --)\n\n${EXPLAIN_HELP}\n`);
    return EXIT.usage;
  }
  const cwd = parsed.values.get("cwd") ?? io.cwd;
  let action: GateAction;
  const tool = parsed.values.get("tool");
  if (tool !== undefined) {
    const req = CheckRequest.safeParse({ tool, file_path: parsed.values.get("file-path"), cwd });
    if (!req.success || req.data.tool === "Bash") {
      io.stderr("infragate explain: --tool must be Write, Edit or Read, with --file-path\n");
      return EXIT.usage;
    }
    action = requestToAction(req.data, io.cwd);
  } else {
    const words = parsed.rest ?? [];
    if (words.length === 0) {
      io.stderr(`infragate explain: no command given\n\n${EXPLAIN_HELP}\n`);
      return EXIT.usage;
    }
    action = { kind: "shell", command: words.length === 1 ? (words[0] as string) : quote([...words]), cwd: requestToAction({ tool: "Bash", command: "", cwd }, io.cwd).cwd, tool: "Bash" };
  }
  const agent = { name: parsed.values.get("agent") ?? "cli", mode: parsed.values.get("mode") ?? "default", session: io.env.INFRAGATE_SESSION ?? "explain" };
  const ctx = loadRuntime({ cwd: action.cwd, env: io.env, agent });
  const explanation = await explainAction(action, ctx);
  io.stdout(parsed.flags.has("json") ? `${JSON.stringify(explanation)}\n` : formatExplain(explanation, io.env));
  return exitFor(explanation.decision);
}
