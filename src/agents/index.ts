/** The agent adapters by name. */
import { claudeCode } from "./claude-code.js";
import { codex } from "./codex.js";
import { cursor } from "./cursor.js";
import { gemini } from "./gemini.js";
import type { AgentAdapter, AgentName } from "./types.js";

export const AGENTS: Readonly<Record<AgentName, AgentAdapter>> = {
  "claude-code": claudeCode,
  cursor,
  gemini,
  codex,
};

export const AGENT_NAMES = Object.keys(AGENTS) as AgentName[];

export function isAgentName(name: string): name is AgentName {
  return Object.hasOwn(AGENTS, name);
}

export type { AgentAdapter, AgentName, Decision, HookAnswer, Reading } from "./types.js";
