/** Gemini CLI: BeforeTool command hooks in .gemini/settings.json (research/hook-protocols.md section 3). */
import type { AgentDescriptor } from "../descriptor.js";
import { gemini } from "./adapter.js";
import { geminiDoctor } from "./doctor.js";
import { geminiInstaller } from "./install.js";

export const geminiAgent: AgentDescriptor = {
  name: "gemini",
  title: "Gemini CLI",
  projectDirVars: ["GEMINI_PROJECT_DIR", "CLAUDE_PROJECT_DIR"],
  adapter: gemini,
  installer: geminiInstaller,
  doctor: geminiDoctor,
};
