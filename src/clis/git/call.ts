/** git's global options (`-C dir`, `-c key=value`, ...) and the GitCall facts every git operation carries. */
import type { SimpleCommand } from "../../shell/types.js";
import type { Operation } from "../types.js";
import { resolvePath } from "../file-tools/args.js";
import type { ActionsWith } from "../../facts/index.js";
import type { GitCall } from "../../facts/generated/60-git.js";

export interface GitInvocation {
  readonly cmd: SimpleCommand;
  /** Effective directory: cwd after `-C DIR` / `--work-tree=DIR`. */
  readonly cwd: string;
  readonly subcommand: string;
  readonly args: readonly string[];
  /** Config keys set for this run (`-c`, `--config-env`, GIT_CONFIG_COUNT/KEY_n, GIT_CONFIG_PARAMETERS), lower case. */
  readonly configKeys: readonly string[];
  /** Environment set on the line that can switch hooks off or repoint git's config or directory. */
  readonly hookEnv: readonly string[];
}

const GLOBAL_VALUED = new Set(["-C", "-c", "--git-dir", "--work-tree", "--namespace", "--exec-path", "--super-prefix", "--config-env", "--list-cmds", "--attr-source"]);
const HOOK_ENV_OFF: Readonly<Record<string, (v: string) => boolean>> = {
  HUSKY: (v) => v === "0" || v.toLowerCase() === "false",
  HUSKY_SKIP_HOOKS: () => true,
  LEFTHOOK: (v) => v === "0" || v.toLowerCase() === "false",
  LEFTHOOK_EXCLUDE: () => true,
  SKIP: () => true,
  PRE_COMMIT_ALLOW_NO_CONFIG: () => true,
  GIT_DIR: () => true,
  GIT_CONFIG_GLOBAL: () => true,
  GIT_CONFIG_SYSTEM: () => true,
  GIT_CONFIG_PARAMETERS: () => true,
  GIT_CONFIG_COUNT: () => true,
};

/** Normalise a config key for matching: lower case, and `includeIf.<cond>.path` -> `includeif.path`. */
export function normalizeConfigKey(key: string): string {
  const k = key.trim().toLowerCase();
  if (k.startsWith("includeif.") && k.endsWith(".path")) return "includeif.path";
  return k;
}

function envConfigKeys(cmd: SimpleCommand): string[] {
  const keys: string[] = [];
  if (cmd.lineEnv.includes("GIT_CONFIG_COUNT")) {
    for (const [name, value] of Object.entries(cmd.env)) if (/^GIT_CONFIG_KEY_\d+$/.test(name)) keys.push(value);
  }
  const params = cmd.lineEnv.includes("GIT_CONFIG_PARAMETERS") ? cmd.env.GIT_CONFIG_PARAMETERS : undefined;
  if (params) for (const m of params.matchAll(/'([^'=]+)(?:'=|=|'(?:\s|$))/g)) if (m[1]) keys.push(m[1]);
  return keys;
}

/** Split `git [global options] SUBCOMMAND args`. Undefined when there is no subcommand. */
export function readInvocation(cmd: SimpleCommand): GitInvocation | undefined {
  const argv = cmd.argv;
  let cwd = cmd.cwd;
  const configKeys = envConfigKeys(cmd);
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const name = a.startsWith("--") && eq > 0 ? a.slice(0, eq) : a;
    const attached = a.startsWith("--") && eq > 0 ? a.slice(eq + 1) : undefined;
    if (!GLOBAL_VALUED.has(name)) continue;
    const value = attached ?? argv[++i] ?? "";
    if (name === "-C") cwd = resolvePath({ ...cmd, cwd }, value);
    if (name === "--work-tree") cwd = resolvePath({ ...cmd, cwd }, value);
    if (name === "-c" || name === "--config-env") configKeys.push(value.split("=")[0] ?? "");
  }
  const subcommand = argv[i];
  if (subcommand === undefined) return undefined;
  const hookEnv = cmd.lineEnv.filter((n) => {
    const off = HOOK_ENV_OFF[n];
    return off !== undefined && off(cmd.env[n] ?? "");
  });
  return { cmd, cwd, subcommand, args: argv.slice(i + 1), configKeys: [...new Set(configKeys.map(normalizeConfigKey))], hookEnv: [...new Set(hookEnv)] };
}

export interface GitFacts {
  readonly flags?: readonly string[];
  readonly configKeys?: readonly string[];
  readonly paths?: readonly string[];
  readonly source?: string;
  readonly subcommand?: string;
  readonly refs?: readonly string[];
}

/** A git operation: resource Program::"git", context GitCall (schemas/cedar/60-git.cedarschema). */
export function gitOperation(inv: GitInvocation, action: ActionsWith<GitCall>, facts: GitFacts): Operation {
  const flags = [...new Set(facts.flags ?? [])].sort();
  const subcommand = facts.subcommand ?? inv.subcommand;
  return {
    action,
    resource: { type: "Program", name: "git" },
    context: {
      subcommand,
      command: inv.cmd.text,
      cwd: inv.cwd,
      flags,
      configKeys: [...new Set([...inv.configKeys, ...(facts.configKeys ?? [])])].sort(),
      hookEnv: [...inv.hookEnv].sort(),
      paths: [...new Set(facts.paths ?? [])],
      source: facts.source ?? "",
      refs: [...new Set(facts.refs ?? [])],
      defaultBranch: "",
    },
    summary: `git ${subcommand}${flags.length ? ` (${flags.join(", ")})` : ""}`,
  };
}
