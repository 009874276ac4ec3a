/** `infragate install cursor`: a handler in each gated event of .cursor/hooks.json (flat lists, version 1)
 *  with failClosed, so a crash or timeout blocks; plus the rule .cursor/rules/infragate.mdc (alwaysApply),
 *  which tells the model what is guarded (enforcement is the hooks). */
import fs from "node:fs";
import path from "node:path";
import type { AgentInstaller } from "../descriptor.js";
import { homeDir } from "../settings/home.js";
import { withOursFlat, withoutOursFlat } from "../settings/flat-hooks.js";
import { HOOK_TIMEOUT_SECONDS } from "../timeouts.js";
import { CURSOR_AFTER_EVENTS, CURSOR_EVENTS } from "./adapter.js";

const ALL_EVENTS = [...CURSOR_EVENTS, ...CURSOR_AFTER_EVENTS];

export const cursorInstaller: AgentInstaller = {
  summary: `.cursor/hooks.json         ${CURSOR_EVENTS.join(", ")}\n                                          (failClosed); ${CURSOR_AFTER_EVENTS.join(", ")}; the rule .cursor/rules/infragate.mdc`,
  settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".cursor", "hooks.json") : path.join(w.dir, ".cursor", "hooks.json")),
  managed: {
    // Cursor's enterprise hooks file: its hooks run for every user and project, beside the others.
    file: (platform) =>
      platform === "darwin" ? "/Library/Application Support/Cursor/hooks.json" : platform === "win32" ? "C:\\ProgramData\\Cursor\\hooks.json" : "/etc/cursor/hooks.json",
    notes: ["Enterprise hooks (Cursor's machine-wide hooks.json): they run for every user and project, and a user's or project's file cannot remove them."],
  },
  // Gates fail closed; after-events (session memory) cannot block anything.
  install: (s, target) =>
    withOursFlat(s, ALL_EVENTS, "command", (e) =>
      (CURSOR_EVENTS as readonly string[]).includes(e) ? { command: target.command, timeout: HOOK_TIMEOUT_SECONDS, failClosed: true } : { command: target.command, timeout: HOOK_TIMEOUT_SECONDS },
    ),
  uninstall: (s) => withoutOursFlat(s, ALL_EVENTS, "command"),
  ownedFiles: (w, _target, root) => [
    {
      file: path.join(w.user ? path.join(homeDir(w.env), ".cursor") : path.join(w.dir, ".cursor"), "rules", "infragate.mdc"),
      text: fs.readFileSync(path.join(root, "install", "cursor", "infragate.mdc"), "utf8"),
    },
  ],
  notes: [
    "Cursor runs project hooks only in a trusted workspace. Every infragate handler has failClosed: true, so a crash or timeout blocks.",
    "The rule .cursor/rules/infragate.mdc (alwaysApply) tells the model what is guarded; enforcement is the hooks.",
  ],
};
