/** Per agent: which settings file, and the pure install/uninstall transforms of its JSON. */
import os from "node:os";
import path from "node:path";
import { HOOK_TIMEOUT_SECONDS } from "../cli/hook.js";
import { isOurCommand } from "./command.js";
import { withOurs, withoutOurs } from "./hook-groups.js";
import { deepEqual, isObject, type JsonObject } from "./json-file.js";

export type InstallAgent = "claude-code" | "cursor" | "gemini" | "codex";

export interface Where {
  /** Project directory (absolute). */
  readonly dir: string;
  /** The user-level file instead of the project's. */
  readonly user: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export interface AgentInstaller {
  readonly name: InstallAgent;
  settingsFile(where: Where): string;
  install(settings: JsonObject, command: string): JsonObject;
  uninstall(settings: JsonObject): JsonObject;
  /** What the human must know after installing. */
  readonly notes: readonly string[];
}

function home(env: Where["env"]): string {
  return env.HOME && env.HOME.length > 0 ? env.HOME : os.homedir();
}

/** Claude Code: every tool ("*"), so an unknown tool that writes is seen too; read-only tools get silence. */
export const claudeInstaller: AgentInstaller = {
  name: "claude-code",
  settingsFile: (w) => (w.user ? path.join(home(w.env), ".claude", "settings.json") : path.join(w.dir, ".claude", "settings.json")),
  install: (s, command) => withOurs(s, "PreToolUse", { matcher: "*", hooks: [{ type: "command", command, timeout: HOOK_TIMEOUT_SECONDS }] }),
  uninstall: (s) => withoutOurs(s, "PreToolUse"),
  notes: [
    "Claude Code runs the hook before every tool call (matcher \"*\"); a deny blocks even in bypassPermissions mode.",
    "For a guard the agent cannot switch off, put the same hook in managed settings (see docs/agents.md).",
  ],
};

/** Gemini CLI: BeforeTool for every tool; timeout in milliseconds. */
export const geminiInstaller: AgentInstaller = {
  name: "gemini",
  settingsFile: (w) => (w.user ? path.join(home(w.env), ".gemini", "settings.json") : path.join(w.dir, ".gemini", "settings.json")),
  install: (s, command) =>
    withOurs(s, "BeforeTool", {
      matcher: ".*",
      hooks: [{ type: "command", command, name: "infragate", timeout: HOOK_TIMEOUT_SECONDS * 1000, description: "infragate: deterministic gate for shell and file actions" }],
    }),
  uninstall: (s) => withoutOurs(s, "BeforeTool"),
  notes: [
    "Gemini CLI loads project hooks only in a trusted folder, and hooks must not be disabled (hooksConfig.enabled).",
    "Gemini CLI has no 'ask': what infragate would ask about is blocked with a message to hand it to a human.",
  ],
};

/** Codex: Claude-compatible PreToolUse; no matcher = every tool (Bash, apply_patch, MCP). */
export const codexInstaller: AgentInstaller = {
  name: "codex",
  settingsFile: (w) =>
    w.user ? path.join(w.env.CODEX_HOME && w.env.CODEX_HOME.length > 0 ? w.env.CODEX_HOME : path.join(home(w.env), ".codex"), "hooks.json") : path.join(w.dir, ".codex", "hooks.json"),
  install: (s, command) => withOurs(s, "PreToolUse", { hooks: [{ type: "command", command, timeout: HOOK_TIMEOUT_SECONDS }] }),
  uninstall: (s) => withoutOurs(s, "PreToolUse"),
  notes: [
    "Codex runs hooks only with the `hooks` feature on ([features] hooks = true; formerly codex_hooks) and, for a project file, only in a trusted project ([projects.\"<dir>\"] trust_level = \"trusted\").",
    "Codex also skips a new or edited hook until it is trusted: review and trust it in Codex (its hooks list), or Codex will silently not run it.",
    "Codex has no 'ask': what infragate would ask about is blocked with a message to hand it to a human.",
  ],
};

export const CURSOR_EVENTS = ["beforeShellExecution", "beforeReadFile", "beforeMCPExecution", "preToolUse"] as const;

function cursorWithout(s: JsonObject): JsonObject {
  if (!isObject(s.hooks)) return s;
  const hooks: JsonObject = { ...s.hooks };
  for (const event of CURSOR_EVENTS) {
    const list = hooks[event];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((h) => !(isObject(h) && isOurCommand(h.command)));
    if (kept.length > 0) hooks[event] = kept;
    else delete hooks[event];
  }
  const out: JsonObject = { ...s, hooks };
  if (Object.keys(hooks).length === 0) {
    delete out.hooks;
    if (out.version === 1 && Object.keys(out).length === 1) delete out.version;
  }
  return out;
}

/** Cursor: flat handler lists per event, version 1, failClosed so a crash or timeout blocks. */
export const cursorInstaller: AgentInstaller = {
  name: "cursor",
  settingsFile: (w) => (w.user ? path.join(home(w.env), ".cursor", "hooks.json") : path.join(w.dir, ".cursor", "hooks.json")),
  install(s, command) {
    if (s.hooks !== undefined && !isObject(s.hooks)) throw new Error(`"hooks" is not an object; fix it by hand, then install again`);
    const handler = { command, timeout: HOOK_TIMEOUT_SECONDS, failClosed: true };
    const current = isObject(s.hooks) ? s.hooks : {};
    const already = CURSOR_EVENTS.every((e) => {
      const list = current[e];
      return Array.isArray(list) && list.filter((h) => isObject(h) && isOurCommand(h.command)).length === 1 && list.some((h) => deepEqual(h, handler));
    });
    if (already && s.version === 1) return s;
    const base = cursorWithout(s);
    const hooks: JsonObject = isObject(base.hooks) ? { ...base.hooks } : {};
    for (const e of CURSOR_EVENTS) hooks[e] = [...(Array.isArray(hooks[e]) ? (hooks[e] as unknown[]) : []), handler];
    return { ...base, version: 1, hooks };
  },
  uninstall: cursorWithout,
  notes: [
    "Cursor runs project hooks only in a trusted workspace. Every infragate handler has failClosed: true, so a crash or timeout blocks.",
    "The rule .cursor/rules/infragate.mdc (alwaysApply) tells the model what is guarded; enforcement is the hooks.",
  ],
};

export const INSTALLERS: Readonly<Record<InstallAgent, AgentInstaller>> = {
  "claude-code": claudeInstaller,
  cursor: cursorInstaller,
  gemini: geminiInstaller,
  codex: codexInstaller,
};
