/** `infragate install copilot`: .github/hooks/infragate.json (the file the Copilot coding agent on GitHub reads
 *  too), or ~/.copilot/hooks/infragate.json with --user: preToolUse and postToolUse command hooks. Copilot
 *  blocks when a hook exits non-zero or is missing, but lets the call run when the hook outlasts timeoutSec:
 *  infragate's own deadline (24 s) stays well below the installed 40 s. */
import path from "node:path";
import type { AgentInstaller } from "../descriptor.js";
import { homeDir } from "../settings/home.js";
import { withOursFlat, withoutOursFlat } from "../settings/flat-hooks.js";

export const COPILOT_EVENTS = ["preToolUse", "postToolUse"] as const;
export const COPILOT_TIMEOUT_SECONDS = 40;

export const copilotInstaller: AgentInstaller = {
  summary: ".github/hooks/infragate.json  preToolUse, postToolUse (session memory), timeoutSec 40",
  settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".copilot", "hooks", "infragate.json") : path.join(w.dir, ".github", "hooks", "infragate.json")),
  install: (s, target) => withOursFlat(s, COPILOT_EVENTS, "bash", () => ({ type: "command", bash: target.command, timeoutSec: COPILOT_TIMEOUT_SECONDS })),
  uninstall: (s) => withoutOursFlat(s, COPILOT_EVENTS, "bash"),
  notes: [
    "Copilot CLI loads repository hooks (.github/hooks/*.json) only in a trusted folder (it asks once; or --trust-folder); in an untrusted folder they are skipped silently. 'infragate install copilot --user' puts the hook in ~/.copilot/hooks, which always loads.",
    "The same .github/hooks/infragate.json guards the Copilot coding agent on GitHub once it is on the default branch, where the absolute command of this machine does not exist: the hook then fails, which Copilot treats as a block.",
    "Copilot has no 'ask' from a hook in -p mode: what infragate would ask about is blocked with a message to hand it to a human.",
  ],
};
