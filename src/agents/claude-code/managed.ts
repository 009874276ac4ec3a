/** Claude Code managed settings: the only place a hook cannot be switched off by the user or the agent. */
import fs from "node:fs";
import path from "node:path";
import { check, homeOf, type Check, type DoctorScope } from "../checks.js";
import { nestedHookEntries, readSettings } from "../settings/entries.js";

export function defaultManagedSettings(platform: NodeJS.Platform = process.platform): string {
  if (platform === "darwin") return "/Library/Application Support/ClaudeCode/managed-settings.json";
  if (platform === "win32") return "C:\\Program Files\\ClaudeCode\\managed-settings.json";
  return "/etc/claude-code/managed-settings.json";
}

/** The managed-settings JSON that makes the hook tamper-proof. */
export function managedSnippet(command: string): string {
  const snippet = {
    allowManagedHooksOnly: true,
    hooks: { PreToolUse: [{ matcher: "*", hooks: [{ type: "command", command, timeout: 30, onFailure: "block" }] }] },
    permissions: { disableBypassPermissionsMode: "disable" },
  };
  return JSON.stringify(snippet, null, 2);
}

function managedFiles(main: string): string[] {
  const dropIn = path.join(path.dirname(main), "managed-settings.d");
  let extra: string[] = [];
  try {
    extra = fs.readdirSync(dropIn).filter((n) => n.endsWith(".json")).sort().map((n) => path.join(dropIn, n));
  } catch {
    extra = [];
  }
  return [main, ...extra];
}

/** Checks on managed settings, and the snippet to print when they are not tamper-proof. */
export function checkManaged(opts: DoctorScope, installedCommand: string | undefined): { checks: Check[]; snippet: string | undefined } {
  const home = homeOf(opts);
  const claudeUsed = installedCommand !== undefined || fs.existsSync(path.join(home, ".claude")) || fs.existsSync(path.join(opts.dir, ".claude"));
  if (!claudeUsed) return { checks: [], snippet: undefined };
  const main = opts.managedSettings ?? defaultManagedSettings();
  const settings = managedFiles(main).map((f) => readSettings(f)).filter((s) => s.exists);
  const hooked = settings.some((s) => nestedHookEntries("claude-code", s).some((e) => e.event === "PreToolUse"));
  const only = settings.some((s) => s.json?.allowManagedHooksOnly === true);
  const noBypass = settings.some((s) => (s.json?.permissions as Record<string, unknown> | undefined)?.disableBypassPermissionsMode === "disable");
  const checks: Check[] = [];
  for (const s of settings) if (s.error) checks.push(check("claude-code", "fail", `${s.file} is unreadable: ${s.error}`));
  if (hooked && only) {
    checks.push(check("claude-code", "pass", "managed settings hold the infragate hook, and only managed hooks run", [main]));
  } else if (hooked) {
    checks.push(check("claude-code", "warn", "managed settings hold the infragate hook, but allowManagedHooksOnly is not set", [main]));
  } else {
    checks.push(
      check("claude-code", "warn", "the hook is not in managed settings: the agent can bypass permissions and a user or the agent can remove a project or user hook", [
        `${main} ${settings.length > 0 ? "has no infragate PreToolUse hook" : "does not exist"}`,
      ]),
    );
  }
  if (!noBypass) checks.push(check("claude-code", "warn", 'bypassPermissions mode is allowed (managed permissions.disableBypassPermissionsMode is not "disable")', ["infragate's denies still hold in that mode; asks become the agent's own call in some versions"]));
  const tamperProof = hooked && only && noBypass;
  return { checks, snippet: tamperProof ? undefined : managedSnippet(installedCommand ?? "infragate hook claude-code") };
}
