/** doctor for GitHub Copilot CLI: .github/hooks/*.json and ~/.copilot/hooks/*.json; a create of terraform.tfstate
 *  as the canary; a trusted folder (repository hooks are skipped silently in an untrusted one). */
import fs from "node:fs";
import path from "node:path";
import { check, homeOf, type Check, type DoctorScope } from "../checks.js";
import { firstJson } from "../common.js";
import type { AgentDoctor } from "../descriptor.js";
import { flatHookEntries, readSettings, type HookEntry } from "../settings/entries.js";

function jsonFiles(dir: string): string[] {
  try {
    return fs.readdirSync(dir).filter((n) => n.endsWith(".json")).sort().map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

function within(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/** Folders the user trusted in Copilot (~/.copilot/config.json trustedFolders). */
function trustedFolders(home: string): string[] {
  const json = readSettings(path.join(home, ".copilot", "config.json")).json;
  const list = json?.trustedFolders ?? json?.trusted_folders;
  return Array.isArray(list) ? list.filter((f): f is string => typeof f === "string") : [];
}

function switches(scope: DoctorScope, installed: readonly HookEntry[]): Check[] {
  const repoDir = path.join(scope.dir, ".github", "hooks");
  if (!installed.some((e) => path.dirname(e.file) === repoDir)) return [];
  const home = homeOf(scope);
  if (trustedFolders(home).some((f) => within(scope.dir, f))) return [check("copilot", "pass", "the folder is trusted in Copilot: it loads the repository hooks", [path.join(home, ".copilot", "config.json")])];
  return [
    check("copilot", "warn", "Copilot CLI skips repository hooks silently in a folder it does not trust (the tool then runs unguarded)", [
      `${scope.dir} is not in trustedFolders of ${path.join(home, ".copilot", "config.json")}`,
      "trust the folder when Copilot asks (or run it with --trust-folder), or install the user-level hook: infragate install copilot --user",
    ]),
  ];
}

export const copilotDoctor: AgentDoctor = {
  files: (scope, home) => [...jsonFiles(path.join(scope.dir, ".github", "hooks")), ...jsonFiles(path.join(home, ".copilot", "hooks"))],
  entries: (s) => flatHookEntries("copilot", s, "bash"),
  gateEvents: ["preToolUse"],
  memoryEvents: ["postToolUse"],
  canary(event, dir) {
    if (event !== "preToolUse") return undefined;
    const state = path.join(dir, "terraform.tfstate");
    return { what: `create ${state}`, policy: "state.write-state-file", payload: { sessionId: "infragate-doctor-canary", timestamp: 0, cwd: dir, toolName: "create", toolArgs: { path: state, file_text: "{}" } } };
  },
  isDeny: (exitCode, stdout) => (exitCode !== undefined && exitCode !== 0) || firstJson(stdout)?.permissionDecision === "deny",
  // Copilot blocks on a failing or missing hook: no switch to check.
  entryChecks: () => [],
  switches: (scope, installed) => ({ checks: switches(scope, installed) }),
};
