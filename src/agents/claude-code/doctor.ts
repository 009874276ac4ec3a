/** doctor for Claude Code: project, local and user settings; a Write of terraform.tfstate as the canary;
 *  onFailure "block" and a matcher that covers Bash, Write and Edit; disableAllHooks; managed settings. */
import path from "node:path";
import { check, homeOf, type Check } from "../checks.js";
import { firstJson } from "../common.js";
import type { AgentDoctor } from "../descriptor.js";
import { matcherCovers, nestedHookEntries, readSettings, type HookEntry } from "../settings/entries.js";
import { checkManaged } from "./managed.js";

const SESSION = "infragate-doctor-canary";

/** A Claude-compatible answer (Claude Code, Codex) is a deny: exit 2, or the JSON deny. */
export function isClaudeDeny(exitCode: number | undefined, stdout: string): boolean {
  if (exitCode === 2) return true;
  const json = firstJson(stdout);
  const h = json?.hookSpecificOutput;
  return (!!h && typeof h === "object" && (h as Record<string, unknown>).permissionDecision === "deny") || json?.decision === "block";
}

function entryChecks(e: HookEntry): Check[] {
  // PostToolUse (session memory) blocks nothing: it needs neither the switch nor every tool.
  if (e.event !== "PreToolUse") return [];
  const where = [`${e.event} in ${e.file}`];
  const out: Check[] = [];
  if (e.onFailure !== "block") {
    out.push(check("claude-code", "fail", `the ${e.event} handler lacks "onFailure": "block": a hook that cannot run (a removed installation, a crash) lets every call through`, [...where, "run 'infragate install claude-code' again"]));
  }
  const uncovered = ["Bash", "Write", "Edit"].filter((t) => !matcherCovers(e.matcher, t));
  if (uncovered.length > 0) out.push(check("claude-code", "warn", `the matcher ${JSON.stringify(e.matcher)} does not cover ${uncovered.join(", ")}`, where));
  return out;
}

function files(dir: string, home: string): string[] {
  return [path.join(dir, ".claude", "settings.json"), path.join(dir, ".claude", "settings.local.json"), path.join(home, ".claude", "settings.json")];
}

export const claudeDoctor: AgentDoctor = {
  files: (scope, home) => files(scope.dir, home),
  entries: (s) => nestedHookEntries("claude-code", s),
  gateEvents: ["PreToolUse"],
  memoryEvents: ["PostToolUse", "PostToolUseFailure"],
  canary(event, dir) {
    if (event !== "PreToolUse") return undefined;
    const state = path.join(dir, "terraform.tfstate");
    return {
      what: `Write ${state}`,
      policy: "state.write-state-file",
      payload: { session_id: SESSION, cwd: dir, permission_mode: "bypassPermissions", hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: state, content: "{}" }, tool_use_id: "toolu_doctor" },
    };
  },
  isDeny: isClaudeDeny,
  entryChecks,
  switches(scope, installed) {
    const checks: Check[] = [];
    for (const file of files(scope.dir, homeOf(scope))) {
      if (readSettings(file).json?.disableAllHooks === true) {
        checks.push(check("claude-code", "fail", `disableAllHooks is true in ${file}: no project or user hook runs`, ["remove it, or put the hook in managed settings (a non-managed disableAllHooks cannot switch those off)"]));
      }
    }
    const e = installed.find((x) => x.event === "PreToolUse");
    const managed = checkManaged(scope, e ? (e.args ? [e.command, ...e.args].join(" ") : e.command) : undefined);
    return managed.snippet !== undefined ? { checks: [...checks, ...managed.checks], advice: managed.snippet } : { checks: [...checks, ...managed.checks] };
  },
};
