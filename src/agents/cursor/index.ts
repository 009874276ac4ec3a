/** Cursor: hooks.json command hooks (research/hook-protocols.md section 2). */
import type { AgentDescriptor } from "../descriptor.js";
import { cursor } from "./adapter.js";
import { cursorDoctor } from "./doctor.js";
import { cursorInstaller } from "./install.js";

export const cursorAgent: AgentDescriptor = {
  name: "cursor",
  title: "Cursor",
  projectDirVars: ["CURSOR_PROJECT_DIR", "CLAUDE_PROJECT_DIR"],
  shellMarkers: [
    // Cursor's agent shells: CURSOR_AGENT=1 (reported by Cursor users; no Cursor binary here to check).
    { name: "CURSOR_AGENT", value: "1", verified: "docs" },
  ],
  adapter: cursor,
  installer: cursorInstaller,
  doctor: cursorDoctor,
};
