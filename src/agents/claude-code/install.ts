/** `infragate install claude-code`: a PreToolUse handler for every tool ("*") in .claude/settings.json (or
 *  ~/.claude/settings.json with --user), with "onFailure": "block" so that a hook that cannot run (a removed
 *  installation, a crash, a timeout) blocks instead of letting every call through (Claude Code >= 2.1.295). */
import path from "node:path";
import type { AgentInstaller, HookTarget } from "../descriptor.js";
import { withOurs, withoutOurs } from "../settings/hook-groups.js";
import { homeDir } from "../settings/home.js";
import type { JsonObject } from "../settings/json.js";
import { HOOK_TIMEOUT_SECONDS } from "../timeouts.js";
import { defaultManagedSettings } from "./managed.js";

/** The handler for a target: the command hook, or an HTTP hook to the decision service (install --http). Both
 *  carry "onFailure": "block": a hook that cannot run, a service that is down or answers an error, blocks. */
export function claudeHandler(target: HookTarget): JsonObject {
  if (target.kind === "http") {
    return { type: "http", url: target.url, headers: { [HTTP_TOKEN_HEADER_NAME]: target.token }, timeout: HOOK_TIMEOUT_SECONDS, onFailure: "block" };
  }
  return { type: "command", command: target.command, timeout: HOOK_TIMEOUT_SECONDS, onFailure: "block" };
}

/** The header the HTTP hook sends the per-user secret in (src/serve/http-config.ts checks it). */
const HTTP_TOKEN_HEADER_NAME = "x-infragate-token";

/** With --http, the session-start hook that starts the decision service when it is not running. */
function withServiceStarter(settings: JsonObject, target: HookTarget): JsonObject {
  if (target.kind !== "http") return withoutOurs(settings, "SessionStart");
  return withOurs(settings, "SessionStart", { hooks: [{ type: "command", command: target.startCommand, timeout: 15 }] });
}

/** The tools whose effects session memory keeps (docs/state.md): PostToolUse runs only for them. */
export const CLAUDE_EFFECT_TOOLS = "Bash|PowerShell|Write|Edit|MultiEdit|NotebookEdit";

/** PostToolUse: session memory records what ran, from here (the launcher command in both install kinds; it
 *  blocks nothing, so it needs no onFailure). */
function withPostToolUse(settings: JsonObject, target: HookTarget): JsonObject {
  const group = { matcher: CLAUDE_EFFECT_TOOLS, hooks: [{ type: "command", command: target.command, timeout: HOOK_TIMEOUT_SECONDS }] };
  // A command that failed (PostToolUseFailure: a non-zero exit) may still have written files.
  return withOurs(withOurs(settings, "PostToolUse", group), "PostToolUseFailure", group);
}

export const claudeInstaller: AgentInstaller = {
  summary: '.claude/settings.json      PreToolUse, matcher "*", timeout 30 s, onFailure "block";\n                                          PostToolUse, PostToolUseFailure (session memory of what ran)',
  settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".claude", "settings.json") : path.join(w.dir, ".claude", "settings.json")),
  install: (s, target) => withServiceStarter(withPostToolUse(withOurs(s, "PreToolUse", { matcher: "*", hooks: [claudeHandler(target)] }), target), target),
  uninstall: (s) => ["PreToolUse", "PostToolUse", "PostToolUseFailure", "SessionStart"].reduce(withoutOurs, s),
  notes: [
    "Claude Code runs the hook before every tool call (matcher \"*\"); a deny blocks even in bypassPermissions mode.",
    'The handler has "onFailure": "block" (Claude Code 2.1.295 or later): a hook that cannot run blocks the call instead of letting it through.',
    "For a guard the agent cannot switch off, put the same hook in managed settings (see docs/agents.md).",
  ],
  managed: {
    file: (platform) => defaultManagedSettings(platform),
    only: (s) => ({ ...s, allowManagedHooksOnly: true }),
    notes: ["Managed settings: Claude Code reads them for every user and project, and neither the user nor the agent can remove the hook. With --managed-only, allowManagedHooksOnly keeps every other hook from running."],
  },
  http: {
    settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".claude", "settings.json") : path.join(w.dir, ".claude", "settings.local.json")),
    notes: [
      "PreToolUse is an HTTP hook to the decision service on 127.0.0.1 (no process per tool call), with the per-user secret in a header and \"onFailure\": \"block\": a service that is down blocks the call.",
      "A SessionStart hook starts the service ('infragate serve --detach') when it is not running.",
      "The settings hold the secret, so they go to .claude/settings.local.json (personal, not committed; mode 0600) or, with --user, ~/.claude/settings.json.",
    ],
  },
};
