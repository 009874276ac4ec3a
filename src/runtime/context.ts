/** Everything a decision needs, loaded once per process: workspace root, config, policies, engine. */
import { findWorkspaceRoot, loadConfig } from "../config/load.js";
import { getInfragateHome } from "../config/home.js";
import type { DecideContext } from "../decide/index.js";
import type { EngineOptions } from "../policy/engine.js";
import { loadPack } from "../policy/pack.js";
import type { AgentInfo } from "../policy/request.js";
import type { Env } from "../shell/types.js";
import { assembleEngine, loadUserPolicies } from "./policies.js";
import { validateUserPolicies } from "./validate-user.js";

export interface RuntimeOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly agent: AgentInfo;
  readonly engine?: EngineOptions;
}

function cleanEnv(env: Readonly<Record<string, string | undefined>>): Env {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (typeof v === "string") out[k] = v;
  return out;
}

/** Load the runtime context. Problems (bad config, broken user policies) are kept in ctx.problems:
 *  every decision made with them is deny (fail closed) until a human fixes them. */
export function loadRuntime(opts: RuntimeOptions): DecideContext {
  const root = findWorkspaceRoot(opts.cwd);
  const { config, problems: configProblems } = loadConfig(root);
  const problems: string[] = [...configProblems];
  const pack = loadPack();
  const user = loadUserPolicies(root);
  const assembled = assembleEngine(pack, user, config, opts.engine);
  problems.push(...assembled.problems);
  const home = getInfragateHome(opts.env);
  if (user.problems.length === 0) {
    problems.push(...validateUserPolicies(home, assembled.policies, user.policies.flatMap((p) => Object.keys(p.texts))));
  }
  return {
    agent: opts.agent,
    env: cleanEnv(opts.env),
    engine: assembled.engine,
    config,
    root,
    home,
    problems,
  };
}
