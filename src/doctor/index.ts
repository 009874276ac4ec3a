/** `infragate doctor`: every check, in a stable order. */
import { checkAgents } from "./agents.js";
import { checkEnvironment } from "./environment.js";
import { checkClaudeSwitches, checkCodexSwitches, checkGeminiSwitches } from "./extras.js";
import { checkGit } from "./git.js";
import { checkManaged } from "./managed.js";
import { checkAudit, checkPolicies } from "./pack.js";
import { nestedHookEntries, readSettings } from "./settings.js";
import path from "node:path";
import type { Check, DoctorOptions } from "./types.js";

export type { Check, DoctorOptions, Status } from "./types.js";

export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly Check[];
  /** Managed settings to make the Claude Code hook tamper-proof, when they are not. */
  readonly managedSnippet: string | undefined;
}

function claudeCommand(opts: DoctorOptions): string | undefined {
  const home = opts.env.HOME ?? "";
  for (const f of [path.join(opts.dir, ".claude", "settings.json"), path.join(opts.dir, ".claude", "settings.local.json"), path.join(home, ".claude", "settings.json")]) {
    const e = nestedHookEntries("claude-code", readSettings(f)).find((x) => x.event === "PreToolUse");
    if (e) return e.args ? [e.command, ...e.args].join(" ") : e.command;
  }
  return undefined;
}

export async function runDoctorChecks(opts: DoctorOptions): Promise<DoctorReport> {
  const checks: Check[] = [];
  const agents = await checkAgents(opts);
  checks.push(...agents);
  const managed = checkManaged(opts, claudeCommand(opts));
  checks.push(...managed.checks);
  checks.push(...checkClaudeSwitches(opts));
  checks.push(...checkGeminiSwitches(opts));
  const codexProject = nestedHookEntries("codex", readSettings(path.join(opts.dir, ".codex", "hooks.json"))).length > 0;
  checks.push(...checkCodexSwitches(opts, codexProject));
  const gitChecks = await checkGit(opts);
  checks.push(...gitChecks);
  if ([...agents, ...gitChecks].every((c) => c.status === "info")) {
    checks.push({ area: "hooks", status: "warn", title: "no agent hook is installed: nothing is gated", detail: ["run 'infragate install <agent>'"] });
  }
  checks.push(...checkPolicies(opts));
  checks.push(...(await checkAudit(opts)));
  checks.push(...checkEnvironment(opts));
  return { ok: !checks.some((c) => c.status === "fail"), checks, managedSnippet: managed.snippet };
}
