/** The gate: action -> facts -> Cedar -> verdict. Every step is a plain function over plain data. */
import path from "node:path";
import { classifyPath } from "../clis/path-classes.js";
import { stagedSecretOperations } from "../clis/git/staged-secrets.js";
import { PROGRAM_NAMES } from "../clis/registry.js";
import type { Operation } from "../clis/types.js";
import type { Config } from "../config/schema.js";
import { listArchiveMembers } from "../enrich/archives.js";
import { enrichDatabaseFacts } from "../enrich/databases/index.js";
import { enrichGitPushFacts } from "../enrich/git-push.js";
import { listSearchRoots } from "../enrich/search-roots.js";
import { settleTemplateCopies } from "../enrich/template-copies.js";
import { settleContentClasses } from "../enrich/content-classes.js";
import { settleDestinations } from "../enrich/destinations.js";
import { addSymlinkTargets } from "../enrich/symlinks.js";
import type { Engine } from "../policy/engine.js";
import { toCedarRequest, type AgentInfo } from "../policy/request.js";
import { analyzeShell } from "../shell/analyze.js";
import { diskScriptReader } from "../enrich/script-files.js";
import type { CedarRequest } from "../policy/types.js";
import type { Env, FileEffect, SimpleCommand } from "../shell/types.js";
import { mcpOperations, toolInputFacts } from "./mcp-call.js";
import { enrichRemoteState, enrichStateFacts, rememberEffects } from "../state/index.js";
import { describeAction, type GateAction } from "./action.js";
import { pathContextOf } from "./paths.js";
import { fileOperation, shellOperations } from "./shell-ops.js";
import { combineFindings, CONFIG_ACTION, type Finding, type Verdict } from "./verdict.js";

export type { GateAction } from "./action.js";
export type { Verdict, Finding } from "./verdict.js";

export interface DecideContext {
  readonly agent: AgentInfo;
  /** The inherited environment: the agent's shell environment (TF_CLI_ARGS, AWS_PROFILE, ...). */
  readonly env: Env;
  readonly engine: Engine;
  readonly config: Config;
  /** Workspace root. */
  readonly root: string;
  /** $INFRAGATE_HOME */
  readonly home: string;
  /** Problems that make every decision deny (an invalid config, policies that failed to load). */
  readonly problems?: readonly string[];
  /** What the decision remembers for the session (docs/state.md): "allowed" (default) the effects of an
   *  allowed action; "announce" none, for agents that report what ran in a post-tool event (rememberRan);
   *  both remember the state changes an allowed or asked operation announces. "never": nothing (`explain`). */
  readonly remember?: "allowed" | "announce" | "never";
}

export interface Decided extends Verdict {
  readonly operations: readonly Operation[];
  readonly files: readonly FileEffect[];
  /** What the pipeline evaluated, for `explain`: the simple commands the shell stage found, and the Cedar
   *  request of each operation (same order as `operations` and the first findings). */
  readonly trace: { readonly commands: readonly SimpleCommand[]; readonly requests: readonly CedarRequest[] };
}

function collectOperations(action: GateAction, ctx: DecideContext): { operations: Operation[]; files: FileEffect[]; problems: string[]; commands?: readonly SimpleCommand[] } {
  switch (action.kind) {
    case "shell": {
      const analysis = analyzeShell(action.command, { cwd: action.cwd, env: ctx.env, names: PROGRAM_NAMES, scripts: diskScriptReader });
      const ops = shellOperations(action.command, analysis);
      return { operations: ops.operations, files: ops.files, problems: [...analysis.problems], commands: analysis.commands };
    }
    case "file":
      return {
        operations: [],
        files: [{ op: action.op, path: path.resolve(action.cwd, action.path), via: action.tool, text: "", ...(action.search ? { search: action.search } : {}) }],
        problems: [],
      };
    case "mcp":
      return mcpOperations(action, ctx.env);
    case "commit":
      return {
        operations: stagedSecretOperations(action.diff, action.cwd),
        files: action.files.map((f) => ({ op: "write", path: path.resolve(action.cwd, f), via: "git commit", text: "" })),
        problems: [],
      };
    case "tool": {
      const op: Operation = action.category
        ? { action: "tool.use", resource: { type: "Program", name: action.tool }, context: { category: action.category, ...toolInputFacts(action.input) }, summary: `${action.tool} (${action.category})` }
        : { action: "tool.unknown", resource: { type: "Program", name: action.tool }, context: toolInputFacts(action.input), summary: `${action.tool} (a tool infragate does not know)` };
      return { operations: [op], files: [], problems: [] };
    }
  }
}

export async function decide(action: GateAction, ctx: DecideContext): Promise<Decided> {
  const paths = pathContextOf(ctx.root, ctx.env, ctx.home);
  const stateCtx = { home: ctx.home, session: ctx.agent.session, root: ctx.root, env: ctx.env, paths };
  const collected = collectOperations(action, ctx);
  const classify = (abs: string): readonly string[] => classifyPath(abs, paths);
  const files = addSymlinkTargets(await listArchiveMembers(listSearchRoots(settleContentClasses(settleTemplateCopies(settleDestinations(collected.files))), paths)), classify);
  const tool = action.kind === "mcp" ? "mcp" : action.kind === "tool" ? "tool" : action.tool;
  const fileOps = files.map((f) => fileOperation(f, tool, classify, paths));
  const operations = enrichRemoteState(await enrichStateFacts([...(await enrichGitPushFacts(await enrichDatabaseFacts(collected.operations))), ...fileOps], stateCtx), ctx.root, ctx.home);
  const requestEnv = { agent: ctx.agent, config: ctx.config, paths };
  const requests = operations.map((op) => toCedarRequest(op, requestEnv));
  const findings: Finding[] = operations.map((op, i) => {
    const verdict = ctx.engine.authorize(requests[i] as CedarRequest);
    return { action: op.action, summary: op.summary, ...verdict };
  });
  for (const problem of ctx.problems ?? []) {
    findings.push({ action: CONFIG_ACTION, summary: "infragate configuration", decision: "deny", policies: [], reasons: [], errors: [problem] });
  }
  const verdict = combineFindings(findings, collected.problems);
  // Effects (session touches, destroy-plan marks) only of what is allowed to run; the state changes an operation
  // announces also when it asks (a human may approve it; the next sighting consumes the announcement once).
  const remember = ctx.remember ?? "allowed";
  if (verdict.decision !== "deny" && remember !== "never") {
    await rememberEffects(files, operations, stateCtx, { effects: remember === "allowed" && verdict.decision === "allow", pending: true });
  }
  return { ...verdict, operations, files, trace: { commands: collected.commands ?? [], requests } };
}

/** An agent's post-tool event: the action ran (allowed, or asked and approved), so its effects are remembered
 *  for the session. Nothing is decided and nothing is audited. */
export async function rememberRan(action: GateAction, ctx: DecideContext): Promise<void> {
  const paths = pathContextOf(ctx.root, ctx.env, ctx.home);
  const collected = collectOperations(action, ctx);
  const files = addSymlinkTargets(await listArchiveMembers(collected.files), (abs) => classifyPath(abs, paths));
  await rememberEffects(files, collected.operations, { home: ctx.home, session: ctx.agent.session, root: ctx.root, env: ctx.env, paths }, { effects: true, pending: false });
}
