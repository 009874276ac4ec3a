/** `cdk` (aws-cdk v2 CLI, packages/aws-cdk/lib/cli/cli-config.ts): research/iac-semantics.md section 5. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Interpretation, Interpreter } from "../types.js";
import { cdkInterpretation } from "./context.js";
import { allOpt, boolOpt, lastOpt, scanYargs, type YargsSpec } from "./yargs.js";
import type { ActionsWith } from "../../facts/index.js";
import type { Cdk } from "../../facts/generated/20-cdk.js";

const SPEC: YargsSpec = {
  valued: new Set([
    "app", "build", "output", "profile", "proxy", "ca-bundle-path", "role-arn", "toolkit-stack-name", "require-approval",
    "method", "change-set-name", "concurrency", "outputs-file", "progress", "bootstrap-bucket-name", "bootstrap-kms-key-id",
    "qualifier", "template", "custom-permissions-boundary", "example-permissions-boundary", "action", "type",
    "rollback-buffer-days", "created-buffer-days", "bootstrap-stack-name", "record-resource-mapping", "resource-mapping",
    "resource-mapping-inline", "value", "stack-name", "language", "from-path", "from-stack", "output-path", "account",
    "region", "override-file", "telemetry-file", "context-lines", "change-set", "exclude-file", "asset-parallelism-limit",
  ]),
  arrays: new Set([
    "context", "plugin", "parameters", "notification-arns", "tags", "build-exclude", "trust", "trust-for-lookup",
    "untrust", "cloudformation-execution-policies", "filter", "unstable", "from-scan",
  ]),
  short: {
    y: "yes", f: "force", R: "!rollback", a: "app", c: "context", p: "plugin", o: "output", r: "role-arn", v: "verbose",
    j: "json", h: "help", e: "exclusively", m: "method", O: "outputs-file", t: "tags", E: "build-exclude",
    b: "bootstrap-bucket-name", n: "stack-name", l: "language", q: "quiet",
  },
};

/** Subcommands that do not change deployed infrastructure. */
const READ = new Set([
  "list", "ls", "synth", "synthesize", "diff", "drift", "metadata", "acknowledge", "ack", "notices", "init", "context",
  "docs", "doc", "doctor", "version", "validate", "cli-telemetry", "help", "completion",
]);

const ACTION: Readonly<Record<string, ActionsWith<Cdk>>> = {
  deploy: "cdk.deploy",
  watch: "cdk.deploy",
  destroy: "cdk.destroy",
  bootstrap: "cdk.bootstrap",
  import: "cdk.import",
  rollback: "cdk.rollback",
  gc: "cdk.gc",
};

/** `arn:aws:iam::aws:policy/AdministratorAccess` -> `AdministratorAccess`. */
export function policyName(arn: string): string {
  return arn.slice(arn.lastIndexOf("/") + 1).replace(/^.*:policy\//, "");
}

export function interpretCdkArgv(cmd: SimpleCommand): Interpretation {
  const r = scanYargs(cmd.argv.slice(1), SPEC);
  const sub = r.positionals[0] ?? "";
  const stacks = r.positionals.slice(1);
  const yes = boolOpt(r, "yes") === true;
  const help = boolOpt(r, "help") === true || boolOpt(r, "version") === true;
  const base = { program: "cdk" as const, stacks, trust: [], executionPolicies: [], adminExecution: false, envNames: [] };

  if (help || sub === "" || READ.has(sub)) {
    return cdkInterpretation(cmd, r, { ...base, action: "cdk.read", operation: help ? `${sub || "cdk"} --help` : sub || "cdk", autoApprove: false, hotswap: false });
  }
  if (sub === "flags") {
    const set = boolOpt(r, "set") === true;
    return cdkInterpretation(cmd, r, { ...base, action: set ? "cdk.other" : "cdk.read", operation: set ? "flags --set" : "flags", autoApprove: yes, hotswap: false });
  }
  if (sub === "refactor") {
    const dry = boolOpt(r, "dry-run") === true;
    return cdkInterpretation(cmd, r, { ...base, action: dry ? "cdk.read" : "cdk.other", operation: dry ? "refactor --dry-run" : "refactor", autoApprove: yes || boolOpt(r, "force") === true, hotswap: false });
  }
  const action = ACTION[sub] ?? "cdk.other";
  const requireApproval = lastOpt(r, "require-approval");
  const watching = sub === "watch" || boolOpt(r, "watch") === true;
  const hotswapFlag = boolOpt(r, "hotswap");
  const hotswap = hotswapFlag === true || boolOpt(r, "hotswap-fallback") === true || (watching && hotswapFlag !== false);
  const force = boolOpt(r, "force") === true;
  let autoApprove = yes;
  if (sub === "deploy" || sub === "watch") autoApprove ||= requireApproval === "never";
  if (sub === "destroy" || sub === "import" || sub === "rollback") autoApprove ||= force;
  const extraFlags: string[] = [];
  if (sub === "watch") extraFlags.push("watch");
  if (sub === "gc" && boolOpt(r, "confirm") === false) {
    extraFlags.push("confirm-false");
    autoApprove = true;
  }
  let trust: string[] = [];
  let executionPolicies: string[] = [];
  let adminExecution = false;
  if (sub === "bootstrap") {
    trust = allOpt(r, "trust").flatMap((t) => t.split(",")).filter((t) => t !== "");
    executionPolicies = allOpt(r, "cloudformation-execution-policies").flatMap((p) => p.split(",")).filter((p) => p !== "");
    // No explicit policies: the CloudFormation execution role gets AdministratorAccess (bootstrap-environment.ts).
    adminExecution = executionPolicies.length === 0 || executionPolicies.some((p) => policyName(p) === "AdministratorAccess");
    executionPolicies = executionPolicies.map(policyName);
  }
  return cdkInterpretation(cmd, r, { ...base, action, operation: sub, autoApprove, hotswap, trust, executionPolicies, adminExecution, extraFlags });
}

export const interpretCdk: Interpreter = interpretCdkArgv;
