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
  adapter: codex,
  installer: codexInstaller,
  doctor: codexDoctor,
};
