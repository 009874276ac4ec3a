/** `infragate install gemini`: a BeforeTool handler for every tool in .gemini/settings.json; timeout in ms.
 *  Gemini has no fail-closed switch and lets a call run when its hook exits 1: the command ends in `|| exit 2`. */
import path from "node:path";
import type { AgentInstaller } from "../descriptor.js";
import { withOurs, withoutOurs } from "../settings/hook-groups.js";
import { homeDir } from "../settings/home.js";
import { failClosedCommand } from "../settings/marker.js";
import { HOOK_TIMEOUT_SECONDS } from "../timeouts.js";

export const geminiInstaller: AgentInstaller = {
  summary: ".gemini/settings.json      BeforeTool, timeout 30000 ms, '|| exit 2'; AfterTool (session memory)",
  settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".gemini", "settings.json") : path.join(w.dir, ".gemini", "settings.json")),
  install: (s, target) =>
    withOurs(
      withOurs(s, "BeforeTool", {
        matcher: ".*",
        hooks: [{ type: "command", command: failClosedCommand(target.command), name: "infragate", timeout: HOOK_TIMEOUT_SECONDS * 1000, description: "infragate: deterministic gate for shell and file actions" }],
      }),
      "AfterTool",
      {
        matcher: "run_shell_command|write_file|replace|edit",
        hooks: [{ type: "command", command: target.command, name: "infragate-after", timeout: HOOK_TIMEOUT_SECONDS * 1000, description: "infragate: session memory of what ran" }],
      },
    ),
  uninstall: (s) => withoutOurs(withoutOurs(s, "BeforeTool"), "AfterTool"),
  managed: {
    // Gemini CLI's system settings file: it overrides user and project settings.
    file: (platform) =>
      platform === "darwin" ? "/Library/Application Support/GeminiCli/settings.json" : platform === "win32" ? "C:\\ProgramData\\gemini-cli\\settings.json" : "/etc/gemini-cli/settings.json",
    notes: ["System settings (Gemini CLI's settings override layer): every user and project on this machine gets the hook."],
  },
  notes: [
    "Gemini CLI loads project hooks only in a trusted folder, and hooks must not be disabled (hooksConfig.enabled).",
    "Gemini CLI has no 'ask': what infragate would ask about is blocked with a message to hand it to a human.",
  ],
};
