/** terraform / tofu argv + env + cwd -> facts (iac-semantics 3.1-3.4). Pure: no fs, no process.env. */
import path from "node:path";
import type { Env, StdinSource } from "../../shell/types.js";
import { APPROVE_CAPABLE, actionFor, canonical, detectSubcommand, hasHelp, hasVersion, type TerraformAction } from "./commands.js";
import type { TerraformFacts } from "./context.js";
import { parseGoBool, parseGoFlags, type Word } from "./flags.js";
import { mergeEnvArgs, specificVarName } from "./tf-cli-args.js";

/** Variables that make terraform use another workspace, data dir or backend (3.3): a state swap. */
export const STATE_SWAP_ENV: readonly string[] = [
  "TF_WORKSPACE", "TF_DATA_DIR", "TF_HTTP_ADDRESS", "TF_CLOUD_ORGANIZATION", "TF_CLOUD_HOSTNAME",
  "TF_CLOUD_PROJECT", "TF_FORCE_LOCAL_BACKEND", "PG_CONN_STR",
];

export interface TfInput {
  readonly program: string;
  /** Words after the program (for terragrunt: the forwarded terraform command and its arguments). */
  readonly args: readonly string[];
  readonly env: Env;
  readonly lineEnv: readonly string[];
  readonly cwd: string;
  readonly stdin: StdinSource;
  readonly wrappers: readonly string[];
  readonly depth: number;
  readonly text: string;
  /** terraform/tofu read a leading -chdir; terragrunt has its own --working-dir. */
  readonly chdir: boolean;
}

export interface TfResult {
  readonly action: TerraformAction;
  readonly dir: string;
  readonly facts: TerraformFacts;
}

/** Take out leading -chdir=DIR (terraform), also `-chdir DIR` and `--chdir[=]DIR` (tofu 1.13; terraform
 *  rejects those and runs nothing, so reading them the tofu way is the conservative choice). */
function extractChdir(args: readonly string[]): { dir: string | undefined; rest: string[] } {
  let dir: string | undefined;
  const rest: string[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith("-") || a === "--") break;
    const m = /^--?chdir(?:=(.*))?$/.exec(a);
    if (!m) {
      rest.push(a);
      continue;
    }
    if (m[1] !== undefined) dir = m[1];
    else if (i + 1 < args.length) dir = args[++i];
  }
  return { dir: dir === "" ? undefined : dir, rest: [...rest, ...args.slice(i)] };
}

function falsy(v: string | undefined): boolean {
  return v !== undefined && v !== "" && parseGoBool(v) === false;
}

export function analyzeTerraform(input: TfInput): TfResult {
  const { env } = input;
  const chdir = input.chdir ? extractChdir(input.args) : { dir: undefined, rest: [...input.args] };
  const dir = chdir.dir === undefined ? input.cwd : path.resolve(input.cwd, chdir.dir);
  const userWords: Word[] = chdir.rest.map((word) => ({ word, from: "" }));
  const first = detectSubcommand(userWords);
  const merged = mergeEnvArgs(userWords, first.subcommand, env);
  const appliedEnv = ["TF_CLI_ARGS", specificVarName(first.subcommand)].filter((n) => (env[n] ?? "") !== "");

  const help = hasHelp(merged);
  const version = !help && hasVersion(merged);
  const det = version ? { subcommand: "version", end: -1, topFlags: [] } : detectSubcommand(merged);
  const operation = canonical(det.subcommand);
  const after = version ? [] : merged.slice(det.end + 1);
  const parsed = parseGoFlags(after, operation);

  const flags = new Set([...parsed.flags, ...parsed.trailing]);
  const stdinPiped = input.stdin !== "terminal";
  let action = help ? "terraform.help" : actionFor(det.subcommand);
  if (action === "terraform.apply" && flags.has("destroy")) action = "terraform.destroy";
  const positional = parsed.positionals[0];
  const planFile = operation === "apply" && !help && positional !== undefined ? path.resolve(dir, positional) : "";
  const outs = parsed.values.get("out") ?? [];
  const planOut = operation === "plan" && outs.length > 0 ? path.resolve(dir, outs[outs.length - 1] as string) : "";
  const targets = [...(parsed.values.get("target") ?? []), ...(parsed.values.get("target-file") ?? []).map((f) => `file:${f}`)];

  const envNames = [...appliedEnv, ...STATE_SWAP_ENV.filter((n) => (env[n] ?? "") !== "")];
  if (falsy(env.TF_INPUT)) envNames.push("TF_INPUT");
  const stateSwapEnv = STATE_SWAP_ENV.some((n) => (env[n] ?? "") !== "" && input.lineEnv.includes(n));
  const autoApprove = !help && (flags.has("auto-approve") || (stdinPiped && APPROVE_CAPABLE.has(operation) && planFile === ""));

  const facts: TerraformFacts = {
    program: input.program,
    operation: help ? `help ${operation}`.trim() : operation,
    command: input.text,
    cwd: dir,
    args: [...parsed.positionals],
    flags: [...flags],
    options: [...parsed.options],
    injected: [...parsed.injected],
    envNames,
    targets,
    stdinPiped,
    autoApprove,
    destroy: action === "terraform.destroy" || (operation === "plan" && flags.has("destroy")),
    all: false,
    nonInteractive: false,
    stateSwapEnv,
    planFile,
    planOut,
    planDestroyHint: planFile !== "" && /destroy/i.test(path.basename(planFile)),
    wrappers: [...input.wrappers],
    depth: input.depth,
    workspaceEnv: env.TF_WORKSPACE ?? "",
    dataDirEnv: env.TF_DATA_DIR ?? "",
  };
  return { action, dir, facts };
}
