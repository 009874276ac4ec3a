/** `infragate install codex`: a Claude-compatible PreToolUse handler with no matcher (every tool: Bash,
 *  apply_patch, MCP) in .codex/hooks.json. Codex has no fail-closed switch, and a hook that exits 1 lets the
 *  call run: the command ends in `|| exit 2`, Codex's blocking exit code. */
import path from "node:path";
import type { AgentInstaller } from "../descriptor.js";
import { withOurs, withoutOurs } from "../settings/hook-groups.js";
import { homeDir } from "../settings/home.js";
import { failClosedCommand } from "../settings/marker.js";
import { HOOK_TIMEOUT_SECONDS } from "../timeouts.js";

export function codexHome(env: Readonly<Record<string, string | undefined>>): string {
  return env.CODEX_HOME && env.CODEX_HOME.length > 0 ? env.CODEX_HOME : path.join(homeDir(env), ".codex");
}

export const codexInstaller: AgentInstaller = {
  summary: ".codex/hooks.json          PreToolUse, timeout 30 s, '|| exit 2'; PostToolUse (session memory)\n                                          (needs the hooks feature and a trusted project)",
  settingsFile: (w) => (w.user ? path.join(codexHome(w.env), "hooks.json") : path.join(w.dir, ".codex", "hooks.json")),
  install: (s, target) =>
    withOurs(withOurs(s, "PreToolUse", { hooks: [{ type: "command", command: failClosedCommand(target.command), timeout: HOOK_TIMEOUT_SECONDS }] }), "PostToolUse", {
      matcher: "Bash|apply_patch",
      hooks: [{ type: "command", command: target.command, timeout: HOOK_TIMEOUT_SECONDS }],
    }),
  uninstall: (s) => withoutOurs(withoutOurs(s, "PreToolUse"), "PostToolUse"),
  notes: [
    "Codex runs hooks only with the `hooks` feature on ([features] hooks = true; formerly codex_hooks) and, for a project file, only in a trusted project ([projects.\"<dir>\"] trust_level = \"trusted\").",
    "Codex also skips a new or edited hook until it is trusted: review and trust it in Codex (its hooks list), or Codex will silently not run it.",
    "Codex has no 'ask': what infragate would ask about is blocked with a message to hand it to a human.",
  ],
};
