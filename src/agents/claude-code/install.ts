/** `infragate install claude-code`: a PreToolUse handler for every tool ("*") in .claude/settings.json (or
 *  ~/.claude/settings.json with --user), with "onFailure": "block" so that a hook that cannot run (a removed
 *  installation, a crash, a timeout) blocks instead of letting every call through (Claude Code >= 2.1.295). */
import path from "node:path";
import type { AgentInstaller, HookTarget } from "../descriptor.js";
import { withOurs, withoutOurs } from "../settings/hook-groups.js";
import { homeDir } from "../settings/home.js";
import type { JsonObject } from "../settings/json.js";
import { HOOK_TIMEOUT_SECONDS } from "../timeouts.js";

/** The handler for a target. (An HTTP handler variant goes here: {type: "http", url, timeout, onFailure}.) */
export function claudeHandler(target: HookTarget): JsonObject {
  return { type: "command", command: target.command, timeout: HOOK_TIMEOUT_SECONDS, onFailure: "block" };
}

export const claudeInstaller: AgentInstaller = {
  summary: '.claude/settings.json      PreToolUse, matcher "*", timeout 30 s, onFailure "block"',
  settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".claude", "settings.json") : path.join(w.dir, ".claude", "settings.json")),
  install: (s, target) => withOurs(s, "PreToolUse", { matcher: "*", hooks: [claudeHandler(target)] }),
  uninstall: (s) => withoutOurs(s, "PreToolUse"),
  notes: [
    "Claude Code runs the hook before every tool call (matcher \"*\"); a deny blocks even in bypassPermissions mode.",
    'The handler has "onFailure": "block" (Claude Code 2.1.295 or later): a hook that cannot run blocks the call instead of letting it through.',
    "For a guard the agent cannot switch off, put the same hook in managed settings (see docs/agents.md).",
  ],
};
