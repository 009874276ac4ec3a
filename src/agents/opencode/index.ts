/** OpenCode: no command hooks; its guard is a plugin (research/agent-e2e.md). */
import type { AgentDescriptor } from "../descriptor.js";
import { opencode } from "./adapter.js";
import { opencodeDoctor } from "./doctor.js";
import { opencodeInstaller } from "./install.js";

export const opencodeAgent: AgentDescriptor = {
  name: "opencode",
  title: "OpenCode",
  projectDirVars: [],
  shellMarkers: [],
  adapter: opencode,
  installer: opencodeInstaller,
  doctor: opencodeDoctor,
};
