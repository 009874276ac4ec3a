/** What an agent adapter does: payload -> GateActions, verdict -> the agent's own answer. */
import type { GateAction } from "../decide/action.js";
import type { AgentInfo } from "../policy/request.js";

/** An agent's registry name (src/agents/registry.ts). */
export type AgentName = string;
import type { Decision } from "../util/decision.js";

export type { Decision };

/** What the hook process writes and how it exits. */
export interface HookAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** A payload read into actions to gate. */
export interface Interpreted {
  readonly kind: "actions";
  readonly event: string;
  readonly agent: AgentInfo;
  /** The working directory the actions run in (already resolved to an absolute path). */
  readonly cwd: string;
  readonly actions: readonly GateAction[];
}

/** Nothing to decide (a read-only tool, an event that is not a gate): answer nothing, let the agent go on. */
export interface Silent {
  readonly kind: "silent";
  readonly why: string;
}

/** The payload could not be read as anything safe: block it. */
export interface Rejected {
  readonly kind: "reject";
  readonly event: string;
  readonly reason: string;
}

/** A post-tool event: these actions ran. Nothing is decided; their effects are remembered for the session. */
export interface Ran {
  readonly kind: "ran";
  readonly event: string;
  readonly agent: AgentInfo;
  readonly cwd: string;
  readonly actions: readonly GateAction[];
}

export type Reading = Interpreted | Silent | Rejected | Ran;

/** Where a hook process runs: its environment and process cwd, the fallbacks for the payload's cwd. */
export interface HookEnv {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export interface AgentAdapter {
  readonly name: AgentName;
  /** Read a parsed JSON payload. Never throws on bad input: returns a Rejected. */
  read(payload: unknown, where: HookEnv): Reading;
  /** The agent's answer for a verdict on an event; mode is the agent's permission mode ("" if unknown). */
  answer(decision: Decision, reason: string, event: string, mode: string): HookAnswer;
  /** The strongest block this agent understands, for when the event is not even known. */
  fail(reason: string): HookAnswer;
  /** The agent reports what ran in a post-tool event (read as Ran), so a decision only announces. */
  readonly reportsRan: boolean;
}
