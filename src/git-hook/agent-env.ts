/** The environment an agent's shell shows: each agent CLI sets a variable in the shell it runs commands in.
 *  The git pre-commit check reads it, so that a commit made from an agent's shell is told from a human's
 *  (the Agent principal's `shell` attribute; policies/self-protection.cedar decides). */

import { AGENT_REGISTRY } from "../agents/index.js";
import type { ShellMarker } from "../agents/descriptor.js";

export interface AgentEnvMarker extends ShellMarker {
  readonly agent: string;
}

/** Every registered agent's shell markers (src/agents/<name>/index.ts). */
export const AGENT_ENV_MARKERS: readonly AgentEnvMarker[] = AGENT_REGISTRY.flatMap((a) => a.shellMarkers.map((m) => ({ agent: a.name, ...m })));

/** The marker this environment shows (the agent whose shell it is), or undefined when none shows. */
export function agentShellOf(env: Readonly<Record<string, string | undefined>>): AgentEnvMarker | undefined {
  return AGENT_ENV_MARKERS.find((m) => {
    const v = env[m.name];
    return v !== undefined && v !== "" && (m.value === undefined || v === m.value);
  });
}
