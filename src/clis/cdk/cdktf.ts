/** `cdktf` (hashicorp/terraform-cdk cdktf-cli/src/bin/cmds/*.ts): research/iac-semantics.md section 5. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Interpretation, Interpreter } from "../types.js";
import { cdkInterpretation } from "./context.js";
import { boolOpt, scanYargs, type YargsSpec } from "./yargs.js";

const SPEC: YargsSpec = {
  valued: new Set(["app", "output", "outputs-file", "parallelism", "terraform-parallelism", "language", "template", "project-name", "project-description", "from-terraform-project", "provider", "log-level"]),
  arrays: new Set(["var", "var-file", "vars", "providers"]),
  short: { a: "app", o: "output", h: "help" },
};

const READ = new Set(["synth", "synthesize", "diff", "plan", "list", "get", "init", "convert", "login", "output", "outputs", "debug", "provider", "completion", "help", "version"]);
const DEPLOY = new Set(["deploy", "apply", "watch"]);

/** TF_CLI_ARGS and TF_CLI_ARGS_<cmd> reach the terraform that cdktf spawns. */
function injectedAutoApprove(cmd: SimpleCommand): { names: string[]; autoApprove: boolean } {
  const names = Object.keys(cmd.env).filter((n) => n === "TF_CLI_ARGS" || n.startsWith("TF_CLI_ARGS_"));
  return { names, autoApprove: names.some((n) => /-auto-approve\b/.test(cmd.env[n] ?? "")) };
}

export function interpretCdktfArgv(cmd: SimpleCommand): Interpretation {
  const r = scanYargs(cmd.argv.slice(1), SPEC);
  const sub = r.positionals[0] ?? "";
  const stacks = r.positionals.slice(1);
  const injected = injectedAutoApprove(cmd);
  const base = { program: "cdktf" as const, stacks, hotswap: false, trust: [], executionPolicies: [], adminExecution: false, envNames: injected.names };
  const help = boolOpt(r, "help") === true || boolOpt(r, "version") === true;
  const sensitive = boolOpt(r, "outputs-file-include-sensitive-outputs") === true;
  if (help || sub === "" || (READ.has(sub) && !sensitive)) {
    return cdkInterpretation(cmd, r, { ...base, action: "cdk.read", operation: help ? `${sub || "cdktf"} --help` : sub || "cdktf", autoApprove: false });
  }
  const autoApprove = boolOpt(r, "auto-approve") === true || injected.autoApprove;
  if (DEPLOY.has(sub)) {
    // `cdktf watch` deploys on every change and requires --auto-approve.
    const extraFlags = sub === "watch" ? ["watch", "auto-approve"] : [];
    return cdkInterpretation(cmd, r, { ...base, action: "cdk.deploy", operation: sub, autoApprove: autoApprove || sub === "watch", extraFlags });
  }
  if (sub === "destroy") return cdkInterpretation(cmd, r, { ...base, action: "cdk.destroy", operation: sub, autoApprove });
  // `cdktf output --outputs-file-include-sensitive-outputs` and unknown subcommands.
  return cdkInterpretation(cmd, r, { ...base, action: READ.has(sub) ? "cdk.secret-read" : "cdk.other", operation: sub, autoApprove });
}

export const interpretCdktf: Interpreter = interpretCdktfArgv;
