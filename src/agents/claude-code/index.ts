/** Claude Code: PreToolUse command hooks in .claude/settings.json (research/hook-protocols.md section 1). */
import type { AgentDescriptor } from "../descriptor.js";
import { claudeCode } from "./adapter.js";
import { claudeDoctor } from "./doctor.js";
import { claudeInstaller } from "./install.js";

export const claudeCodeAgent: AgentDescriptor = {
  name: "claude-code",
  title: "Claude Code",
  projectDirVars: ["CLAUDE_PROJECT_DIR"],
  shellMarkers: [{ name: "CLAUDECODE", value: "1", verified: "e2e" }],
  adapter: claudeCode,
  installer: claudeInstaller,
  doctor: claudeDoctor,
};
