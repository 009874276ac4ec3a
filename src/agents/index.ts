/** The agents by name, derived from the registry. */
import type { AgentDescriptor } from "./descriptor.js";
import { AGENT_REGISTRY } from "./registry.js";

export const AGENT_NAMES: readonly string[] = AGENT_REGISTRY.map((a) => a.name);

export function getAgent(name: string): AgentDescriptor | undefined {
  return AGENT_REGISTRY.find((a) => a.name === name);
}

export { AGENT_REGISTRY } from "./registry.js";
export type { AgentDescriptor } from "./descriptor.js";
export type { AgentAdapter, AgentName, Decision, HookAnswer, Reading } from "./types.js";
