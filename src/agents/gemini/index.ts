/** Gemini CLI: BeforeTool command hooks in .gemini/settings.json (research/hook-protocols.md section 3). */
import type { AgentDescriptor } from "../descriptor.js";
import { gemini } from "./adapter.js";
import { geminiDoctor } from "./doctor.js";
import { geminiInstaller } from "./install.js";

export const geminiAgent: AgentDescriptor = {
  name: "gemini",
  title: "Gemini CLI",
  projectDirVars: ["GEMINI_PROJECT_DIR", "CLAUDE_PROJECT_DIR"],
  shellMarkers: [
    // Gemini CLI's shell execution service spawns commands with GEMINI_CLI=1 (its source; not run here).
    { name: "GEMINI_CLI", value: "1", verified: "docs" },
  ],
  adapter: gemini,
  installer: geminiInstaller,
  doctor: geminiDoctor,
};
