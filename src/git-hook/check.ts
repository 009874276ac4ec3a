/**
 * `infragate hook git`: the pre-commit check. The staged change is one action through the pipeline (the same
 * gate as every agent's hook: config problems, Cedar, the audit record): every staged file is a file.write by
 * the tool "git" and every secret-looking value in the added lines a git.staged-secret request; the policies
 * decide which matter (policies/commit.cedar and the file policies). A commit cannot answer a question, so an
 * ask blocks it too.
 */
import type { GateAction } from "../decide/action.js";
import type { DecisionKind } from "../policy/types.js";
import { loadRuntime } from "../runtime/context.js";
import { gate } from "../runtime/gate.js";
import type { CliIo } from "../util/process-io.js";
import { agentShellOf, type AgentEnvMarker } from "./agent-env.js";
import { readStaged } from "./staged.js";

interface GitFinding {
  readonly what: string;
  readonly decision: DecisionKind;
  readonly reason: string;
}

interface GitAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Decide a staged change set through the pipeline: (root, files, diff) -> what blocks it. The principal is
 *  Agent::"git"; its agentEnv says whether the committing shell shows an agent's marker (a human commits
 *  guard configuration, an agent does not: policies/self-protection.cedar). */
export async function checkStaged(root: string, files: readonly string[], diff: string, env: CliIo["env"]): Promise<GitFinding[]> {
  const agent = { name: "git", mode: "", session: "", agentEnv: agentShellOf(env) !== undefined };
  const ctx = loadRuntime({ cwd: root, env, agent });
  const action: GateAction = { kind: "commit", files, diff, cwd: ctx.root, tool: "git" };
  const r = await gate(action, ctx);
  if (r.decision === "allow") return [];
  const findings = r.findings
    .filter((f) => f.decision !== "allow")
    .map((f): GitFinding => ({
      what: f.summary.split(ctx.root + "/").join(""),
      decision: f.decision,
      reason: f.errors.length > 0 ? `[${f.action}] ${f.errors.join("; ")}` : f.policies.map((id, i) => `[${id}] ${f.reasons[i] ?? ""}`).join(" "),
    }));
  // The gate's own rule (no audit record, no change) has no finding of its own.
  return findings.length > 0 ? findings : [{ what: "the commit", decision: r.decision, reason: r.reason }];
}

/** The answer for the person committing: what blocks the commit and what to do. `agent` is the agent whose
 *  shell the commit came from, when its marker shows. */
export function formatFindings(findings: readonly GitFinding[], agent?: AgentEnvMarker): GitAnswer {
  if (findings.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
  const lines = findings.map((f) => `  ${f.decision === "deny" ? "DENY" : "ASK "} ${f.what}\n       ${f.reason.replace(/\n/g, "\n       ")}`);
  const next = agent
    ? `This commit comes from ${agent.agent}'s shell (${agent.name} is set). Guard configuration (.infragate/, agent\n` +
      `hook files) is committed by a human from their own terminal, where it is let through; state files and\n` +
      `secrets are stopped for everyone. Unstage what should not be committed (git restore --staged <file>).\n`
    : `Unstage what should not be committed (git restore --staged <file>) and remove secret values. State files\n` +
      `and secrets are stopped for every committer; if you have checked every finding above yourself, commit\n` +
      `with --no-verify.\n`;
  const text = `infragate: this commit is blocked (${findings.length} finding${findings.length === 1 ? "" : "s"}):\n${lines.join("\n")}\n\n${next}`;
  return { stdout: "", stderr: text, exitCode: 1 };
}

export async function runGitCheck(io: Pick<CliIo, "cwd" | "env">): Promise<GitAnswer> {
  const staged = await readStaged(io.cwd);
  return formatFindings(await checkStaged(staged.root, staged.files, staged.diff, io.env), agentShellOf(io.env));
}
