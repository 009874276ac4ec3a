// Placeholder until state-swap detection lands: operations pass through unchanged, nothing is remembered.
import type { Operation } from "../clis/types.js";
import type { Env, FileEffect } from "../shell/types.js";

export interface StateContext {
  /** $INFRAGATE_HOME */
  readonly home: string;
  /** The agent session id ("" when the agent gives none). */
  readonly session: string;
  readonly root: string;
  readonly env: Env;
}

/** Fill the `state` and `plan` facts of terraform-family operations (reads the disk). */
export async function enrichStateFacts(ops: readonly Operation[], _ctx: StateContext): Promise<readonly Operation[]> {
  return ops;
}

/** Remember, for this session, the file effects and operations of an action that is going to run. */
export async function rememberEffects(_files: readonly FileEffect[], _ops: readonly Operation[], _ctx: StateContext): Promise<void> {}
