/** GitHub Copilot CLI and the Copilot coding agent: command hooks in .github/hooks/*.json (research/agent-e2e.md). */
import type { AgentDescriptor } from "../descriptor.js";
import { copilot, COPILOT_PROJECT_VARS } from "./adapter.js";
import { copilotDoctor } from "./doctor.js";
import { copilotInstaller } from "./install.js";

export const copilotAgent: AgentDescriptor = {
  name: "copilot",
  title: "GitHub Copilot CLI",
  projectDirVars: COPILOT_PROJECT_VARS,
  shellMarkers: [{ name: "COPILOT_CLI", value: "1", verified: "e2e" }],
  adapter: copilot,
  installer: copilotInstaller,
  doctor: copilotDoctor,
};
