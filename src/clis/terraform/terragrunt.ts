/** terragrunt -> the same terraform.* actions (program "terragrunt") plus terragrunt.* ones (iac-semantics 4). */
import path from "node:path";
import type { Interpretation, Interpreter } from "../types.js";
import type { SimpleCommand } from "../../shell/types.js";
import { COMMAND_ACTIONS } from "./commands.js";
import { summarize, toContext, type TerraformFacts } from "./context.js";
import { parseGoBool, splitFlag } from "./flags.js";
import { analyzeTerraform } from "./terraform.js";
import type { TerraformAction } from "./commands.js";

const BACKEND_ACTIONS: Readonly<Record<string, TerraformAction>> = {
  delete: "terragrunt.backend.delete",
  migrate: "terragrunt.backend.migrate",
  bootstrap: "terragrunt.backend.bootstrap",
};

/** Terragrunt's own flags that decide risk or take a value; the rest are forwarded to tofu/terraform. */
const TG_BOOL: Readonly<Record<string, string>> = {
  all: "all", a: "all", graph: "all", "run-all": "all",
  "non-interactive": "non-interactive", "terragrunt-non-interactive": "non-interactive",
  "no-auto-approve": "no-auto-approve", "terragrunt-no-auto-approve": "no-auto-approve",
};
/** Valued terragrunt flags (skip their value). Names tofu also knows count only as `--name`. */
const TG_VALUED = new Set([
  "working-dir", "terragrunt-working-dir", "terragrunt-config", "log-level", "terragrunt-log-level", "log-format",
  "log-custom-format", "tf-path", "terragrunt-tfpath", "download-dir", "terragrunt-download-dir", "source",
  "terragrunt-source", "source-map", "terragrunt-source-map", "iam-assume-role", "terragrunt-iam-role",
  "iam-assume-role-session-name", "iam-assume-role-duration", "queue-include-dir", "queue-exclude-dir",
  "terragrunt-include-dir", "terragrunt-exclude-dir", "units-that-include", "queue-include-units-reading",
  "feature", "experiment", "strict-control", "out-dir", "json-out-dir", "provider-cache-dir",
  "provider-cache-hostname", "provider-cache-port", "provider-cache-token", "auth-provider-cmd",
]);
const TG_VALUED_DOUBLE_ONLY = new Set(["config", "parallelism", "terragrunt-parallelism", "filter"]);

const LEGACY: Readonly<Record<string, string>> = {
  "plan-all": "plan", "apply-all": "apply", "destroy-all": "destroy", "output-all": "output",
  "validate-all": "validate", "refresh-all": "refresh", "init-all": "init", "spin-up": "apply", "tear-down": "destroy",
};
const READ_ONLY = new Set([
  "hcl", "hclfmt", "hclvalidate", "render", "render-json", "find", "list", "info", "terragrunt-info", "dag",
  "graph-dependencies", "catalog", "scaffold", "validate-inputs", "output-module-groups",
]);
const TG_COMMANDS = new Set(["run", "run-all", "stack", "backend", "exec", ...Object.keys(LEGACY), ...READ_ONLY]);
const TF_FIRST_WORDS = new Set([...Object.keys(COMMAND_ACTIONS).map((k) => k.split(" ")[0] as string), "env"]);

const truthy = (v: string | undefined): boolean => v !== undefined && v !== "" && parseGoBool(v) !== false;
const TG_ENV = ["TG_ALL", "TG_NON_INTERACTIVE", "TERRAGRUNT_NON_INTERACTIVE", "TG_NO_AUTO_APPROVE", "TERRAGRUNT_NO_AUTO_APPROVE", "TG_GRAPH"];

interface Split {
  readonly words: string[];
  readonly tg: Set<string>;
  readonly workingDir: string | undefined;
}

/** Take terragrunt's own flags out (anywhere before `--`); everything after `--` is forwarded as is. */
function splitTerragrunt(args: readonly string[]): Split {
  const words: string[] = [];
  const tg = new Set<string>();
  let workingDir: string | undefined;
  let passthrough = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (passthrough) {
      words.push(a);
      continue;
    }
    if (a === "--") {
      passthrough = true;
      continue;
    }
    const f = splitFlag(a);
    const double = a.startsWith("--");
    if (f && TG_BOOL[f.name] && (f.name !== "a" || !double)) {
      if (f.value === undefined || parseGoBool(f.value) !== false) tg.add(TG_BOOL[f.name] as string);
      continue;
    }
    if (f && (TG_VALUED.has(f.name) || (double && TG_VALUED_DOUBLE_ONLY.has(f.name)))) {
      const v = f.value ?? args[++i];
      if ((f.name === "working-dir" || f.name === "terragrunt-working-dir") && v !== undefined) workingDir = v;
      continue;
    }
    words.push(a);
  }
  return { words, tg, workingDir };
}

function baseFacts(cmd: SimpleCommand, dir: string, operation: string, rest: readonly string[]): TerraformFacts {
  const flags: string[] = [];
  const args: string[] = [];
  for (const w of rest) {
    const f = splitFlag(w);
    if (f) {
      if (f.value === undefined || parseGoBool(f.value) !== false) flags.push(f.name);
    } else args.push(w);
  }
  return {
    program: "terragrunt", operation, command: cmd.text, cwd: dir, args, flags, options: [], injected: [],
    envNames: [], targets: [], stdinPiped: cmd.stdin !== "terminal", autoApprove: false, destroy: false, all: false,
    nonInteractive: false, stateSwapEnv: false, planFile: "", planOut: "", planDestroyHint: false,
    wrappers: [...cmd.wrappers], depth: cmd.depth, workspaceEnv: cmd.env.TF_WORKSPACE ?? "", dataDirEnv: cmd.env.TF_DATA_DIR ?? "",
  };
}

export const interpretTerragrunt: Interpreter = (cmd): Interpretation => {
  const { env } = cmd;
  const split = splitTerragrunt(cmd.argv.slice(1));
  const wd = split.workingDir ?? (env.TG_WORKING_DIR || env.TERRAGRUNT_WORKING_DIR || undefined);
  const dir = wd === undefined ? cmd.cwd : path.resolve(cmd.cwd, wd);
  const ci = split.words.findIndex((w) => !w.startsWith("-") && (TG_COMMANDS.has(w) || TF_FIRST_WORDS.has(w)));
  const at = ci >= 0 ? ci : split.words.findIndex((w) => !w.startsWith("-"));
  const name = at >= 0 ? (split.words[at] as string) : "";
  const after = at >= 0 ? split.words.slice(at + 1) : [];

  let all = split.tg.has("all") || truthy(env.TG_ALL) || truthy(env.TG_GRAPH);
  let tf: string[] | undefined;
  let other: { action: TerraformAction; operation: string; rest: string[] } | undefined;
  if (name === "run") tf = after;
  else if (name === "run-all") [tf, all] = [after, true];
  else if (LEGACY[name]) [tf, all] = [[LEGACY[name] as string, ...after], true];
  else if (name === "stack" && after[0] === "run") [tf, all] = [after.slice(1), true];
  else if (name === "stack" && after[0] === "output") tf = ["output", ...after.slice(1)];
  else if (name === "backend" && BACKEND_ACTIONS[after[0] ?? ""] !== undefined) {
    other = { action: BACKEND_ACTIONS[after[0] ?? ""] ?? "terragrunt.read", operation: `backend ${after[0]}`, rest: after.slice(1) };
  } else if (name === "exec") other = { action: "terragrunt.exec", operation: "exec", rest: after };
  else if (READ_ONLY.has(name) || name === "stack" || name === "backend") {
    other = { action: "terragrunt.read", operation: [name, after[0] ?? ""].join(" ").trim(), rest: after.slice(1) };
  } else tf = at >= 0 ? [name, ...after] : [];

  const nonInteractive = split.tg.has("non-interactive") || truthy(env.TG_NON_INTERACTIVE) || truthy(env.TERRAGRUNT_NON_INTERACTIVE) ||
    (env.TF_INPUT !== undefined && env.TF_INPUT !== "" && parseGoBool(env.TF_INPUT) === false);
  const noAutoApprove = split.tg.has("no-auto-approve") || truthy(env.TG_NO_AUTO_APPROVE) || truthy(env.TERRAGRUNT_NO_AUTO_APPROVE);

  let action: TerraformAction;
  let facts: TerraformFacts;
  if (other) {
    action = other.action;
    facts = baseFacts(cmd, dir, other.operation, other.rest);
    if (facts.flags.includes("all")) all = true;
    facts.destroy = action === "terragrunt.backend.delete";
  } else {
    const r = analyzeTerraform({
      program: "terragrunt", args: tf ?? [], env, lineEnv: cmd.lineEnv, cwd: dir, stdin: cmd.stdin,
      wrappers: cmd.wrappers, depth: cmd.depth, text: cmd.text, chdir: false,
    });
    action = r.action;
    facts = r.facts;
    // run --all apply|destroy inserts -auto-approve into every unit unless --no-auto-approve (runnerpool/runner.go).
    if (all && (facts.operation === "apply" || action === "terraform.destroy") && !noAutoApprove) facts.autoApprove = true;
  }
  facts.all = all;
  facts.nonInteractive = nonInteractive;
  for (const [on, flag] of [[all, "all"], [nonInteractive, "non-interactive"], [noAutoApprove, "no-auto-approve"]] as const) {
    if (on && !facts.flags.includes(flag)) facts.flags.push(flag);
  }
  facts.envNames.push(...TG_ENV.filter((n) => (env[n] ?? "") !== ""));
  return {
    operations: [{ action, resource: { type: "Stack", dir }, context: toContext(facts), summary: summarize(facts) }],
    files: [],
  };
};
