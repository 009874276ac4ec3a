/** OpenAI Codex CLI: Claude-compatible PreToolUse hooks in .codex/hooks.json (research/hook-protocols.md section 3). */
import type { AgentDescriptor } from "../descriptor.js";
import { codex } from "./adapter.js";
import { codexDoctor } from "./doctor.js";
import { codexInstaller } from "./install.js";

export const codexAgent: AgentDescriptor = {
  name: "codex",
  title: "OpenAI Codex CLI",
  // Codex sets no *_PROJECT_DIR variable; the payload's cwd, else the process cwd (PWD).
  projectDirVars: ["PWD"],
  shellMarkers: [
    // Codex 0.169 sets CODEX_THREAD_ID, CODEX_SESSION_ID, CODEX_TOOL_CALL_ID and CODEX_CI=1 for each command.
    { name: "CODEX_THREAD_ID", verified: "e2e" },
    { name: "CODEX_CI", value: "1", verified: "e2e" },
  ],
  adapter: codex,
  installer: codexInstaller,
  doctor: codexDoctor,
};
