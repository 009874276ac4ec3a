/** `infragate doctor`: every check, in a stable order. */
import { checkAgents } from "./agents.js";
import { checkEnvironment } from "./environment.js";
import { checkGit } from "./git.js";
import { checkAudit, checkPolicies } from "./pack.js";
import type { Check, DoctorOptions } from "./types.js";

export type { Check, DoctorOptions, Status } from "./types.js";

export interface DoctorReport {
  readonly ok: boolean;
  readonly checks: readonly Check[];
  /** Managed settings to make the Claude Code hook tamper-proof, when they are not. */
  readonly managedSnippet: string | undefined;
}

export async function runDoctorChecks(opts: DoctorOptions): Promise<DoctorReport> {
  const checks: Check[] = [];
  const agents = await checkAgents(opts);
  checks.push(...agents.checks);
  const gitChecks = await checkGit(opts);
  checks.push(...gitChecks);
  if (!agents.installed && gitChecks.every((c) => c.status === "info")) {
    checks.push({ area: "hooks", status: "fail", title: "no agent hook is installed: nothing is gated", detail: ["run 'infragate install <agent>'"] });
  }
  checks.push(...checkPolicies(opts));
  checks.push(...(await checkAudit(opts)));
  checks.push(...checkEnvironment(opts));
  return { ok: !checks.some((c) => c.status === "fail"), checks, managedSnippet: agents.advice };
}
