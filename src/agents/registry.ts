/** Every agent infragate guards: one line each. Everything that lists agents derives from this. */
import { claudeCodeAgent } from "./claude-code/index.js";
import { codexAgent } from "./codex/index.js";
import { copilotAgent } from "./copilot/index.js";
import { cursorAgent } from "./cursor/index.js";
import type { AgentDescriptor } from "./descriptor.js";
import { geminiAgent } from "./gemini/index.js";
import { opencodeAgent } from "./opencode/index.js";

export const AGENT_REGISTRY: readonly AgentDescriptor[] = [
  claudeCodeAgent,
  cursorAgent,
  geminiAgent,
  codexAgent,
  copilotAgent,
  opencodeAgent,
];
