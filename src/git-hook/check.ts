/**
 * `infragate hook git`: the pre-commit check. Staged files that matter to infrastructure become file.write
 * actions (tool "git") decided by the file policies; secret-looking values in added lines become
 * git.staged-secret requests (policies/commit.cedar). A commit cannot answer a question, so ask blocks too.
 */
import path from "node:path";
import { appendAudit } from "../audit/append.js";
import { classifyPath } from "../clis/path-classes.js";
import type { GateAction } from "../decide/action.js";
import { strictest } from "../decide/verdict.js";
import { toCedarRequest } from "../policy/request.js";
import type { DecisionKind } from "../policy/types.js";
import { loadRuntime } from "../runtime/context.js";
import { gate } from "../runtime/gate.js";
import type { CliIo } from "../util/process-io.js";
import { scanDiff, type SecretHit } from "./secrets.js";
import { readStaged } from "./staged.js";
import type { Operation } from "../clis/types.js";

/** Path classes a commit check looks at. Lock files and IaC sources are ordinary commits. */
export const COMMIT_CLASSES: ReadonlySet<string> = new Set([
  "tfstate", "tfstate-backup", "terraform-dir", "backend-config", "workspace-selector", "plan", "tfvars", "env",
  "secret", "credentials", "hook-config", "guard-config", "pulumi-state",
]);

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

async function secretFinding(hit: SecretHit, ctx: ReturnType<typeof loadRuntime>, root: string): Promise<GitFinding> {
  const abs = path.join(root, hit.file);
  const op: Operation = {
    action: "git.staged-secret",
    resource: { type: "File", path: abs },
    context: { kind: hit.kind, file: hit.file, line: hit.line, placeholder: hit.placeholder },
    summary: `${hit.file}:${hit.line}: ${hit.kind}`,
  };
  const paths = { root: ctx.root, home: ctx.env.HOME ?? "", infragateHome: ctx.home };
  const v = ctx.engine.authorize(toCedarRequest(op, { agent: ctx.agent, config: ctx.config, paths }));
  const reason = v.errors.length > 0 ? `policy evaluation failed (${v.errors.join("; ")}); failing closed` : v.reasons.map((r, i) => `[${v.policies[i] ?? "infragate"}] ${r}`).join(" ");
  await appendAudit(ctx.home, {
    agent: "git", session: "", cwd: root, tool: "git", action: `${op.summary} (${hit.preview})`,
    facts: { operations: [{ action: op.action, summary: op.summary, decision: v.decision }], problems: [] },
    decision: v.decision, policies: [...v.policies], reason,
  });
  return { what: `${op.summary}  ${hit.preview}`, decision: v.decision, reason };
}

/** Decide a staged change set. Exported for tests: (root, files, diff) -> findings. */
export async function checkStaged(root: string, files: readonly string[], diff: string, env: CliIo["env"]): Promise<GitFinding[]> {
  const ctx = loadRuntime({ cwd: root, env, agent: AGENT });
  const paths = { root: ctx.root, home: ctx.env.HOME ?? "", infragateHome: ctx.home };
  const findings: GitFinding[] = [];
  for (const file of files) {
    const abs = path.join(root, file);
    if (!classifyPath(abs, paths).some((c) => COMMIT_CLASSES.has(c))) continue;
    const action: GateAction = { kind: "file", op: "write", path: abs, cwd: root, tool: "git" };
    const r = await gate(action, ctx);
    if (r.decision !== "allow") findings.push({ what: file, decision: r.decision, reason: r.reason });
  }
  for (const hit of scanDiff(diff)) {
    const f = await secretFinding(hit, ctx, root);
    if (f.decision !== "allow") findings.push(f);
  }
  return findings;
}

export function formatFindings(findings: readonly GitFinding[]): GitAnswer {
  if (findings.length === 0) return { stdout: "", stderr: "", exitCode: 0 };
  let worst: DecisionKind = "allow";
  for (const f of findings) worst = strictest(worst, f.decision);
  const lines = findings.map((f) => `  ${f.decision === "deny" ? "DENY" : "ASK "} ${f.what}\n       ${f.reason.replace(/\n/g, "\n       ")}`);
  const text =
    `infragate: this commit is blocked (${findings.length} finding${findings.length === 1 ? "" : "s"}):\n${lines.join("\n")}\n\n` +
    `Unstage what should not be committed (git restore --staged <file>), remove secret values, or, if a human has\n` +
    `checked every finding above, commit with --no-verify.\n`;
  return { stdout: "", stderr: text, exitCode: worst === "allow" ? 0 : 1 };
}

export async function runGitCheck(io: CliIo): Promise<GitAnswer> {
  const staged = await readStaged(io.cwd);
  return formatFindings(await checkStaged(staged.root, staged.files, staged.diff, io.env));
}
