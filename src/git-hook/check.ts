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
import { readStaged } from "./staged.js";

export interface GitFinding {
  readonly what: string;
  readonly decision: DecisionKind;
  readonly reason: string;
}

export interface GitAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const AGENT = { name: "git", mode: "", session: "" };

/** Decide a staged change set through the pipeline: (root, files, diff) -> what blocks it. */
export async function checkStaged(root: string, files: readonly string[], diff: string, env: CliIo["env"]): Promise<GitFinding[]> {
  const ctx = loadRuntime({ cwd: root, env, agent: AGENT });
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

export function formatFindings(findings: readonly GitFinding[]): GitAnswer {
  if (findings.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
  const lines = findings.map((f) => `  ${f.decision === "deny" ? "DENY" : "ASK "} ${f.what}\n       ${f.reason.replace(/\n/g, "\n       ")}`);
  const text =
    `infragate: this commit is blocked (${findings.length} finding${findings.length === 1 ? "" : "s"}):\n${lines.join("\n")}\n\n` +
    `Unstage what should not be committed (git restore --staged <file>), remove secret values, or, if a human has\n` +
    `checked every finding above, commit with --no-verify.\n`;
  return { stdout: "", stderr: text, exitCode: 1 };
}

export async function runGitCheck(io: Pick<CliIo, "cwd" | "env">): Promise<GitAnswer> {
  const staged = await readStaged(io.cwd);
  return formatFindings(await checkStaged(staged.root, staged.files, staged.diff, io.env));
}
