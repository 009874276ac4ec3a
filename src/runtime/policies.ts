/** The policy set in force for a workspace: the pack, the user's .infragate/policies/*.cedar, the mode. */
import fs from "node:fs";
import path from "node:path";
import { compilePolicyText, mergePolicies, type PolicyProblem } from "../policy/compile.js";
import type { Config } from "../config/schema.js";
import { createEngine, type Engine, type EngineOptions } from "../policy/engine.js";
import type { CompiledPolicies, PolicyPack } from "../policy/types.js";

const BASELINE_PERMIT = "baseline.permit-all";

export function userPolicyDir(root: string): string {
  return path.join(root, ".infragate", "policies");
}

/** Read and compile the user's policy files. Missing folder: none. */
export function loadUserPolicies(root: string): { policies: CompiledPolicies[]; problems: PolicyProblem[] } {
  const dir = userPolicyDir(root);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith(".cedar")).sort();
  } catch {
    return { policies: [], problems: [] };
  }
  const policies: CompiledPolicies[] = [];
  const problems: PolicyProblem[] = [];
  for (const name of names) {
    const rel = `.infragate/policies/${name}`;
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), "utf8");
    } catch (err) {
      problems.push({ file: rel, line: 1, message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const compiled = compilePolicyText(text, rel, { strictAnnotations: false });
    problems.push(...compiled.problems);
    policies.push(compiled.policies);
  }
  return { policies, problems };
}

/** Pack + user policies, less the pack policies the config disables; allow-list mode leaves the baseline
 *  permit out. A disabled id the pack does not have is a problem (a typo must not pass silently). */
export function selectPolicies(
  pack: PolicyPack,
  user: readonly CompiledPolicies[],
  config: Pick<Config, "mode" | "disable">,
): { policies: CompiledPolicies; problems: string[] } {
  const merged = mergePolicies([pack.policies, ...user]);
  const problems = merged.duplicates.map((id) => `duplicate policy id ${id} in .infragate/policies (the pack already has it)`);
  const drop = new Set<string>(config.disable);
  for (const id of drop) {
    if (pack.policies.texts[id] === undefined) problems.push(`.infragate/config.json disables "${id}", which is not a policy of the pack`);
  }
  if (config.mode === "allow-list") drop.add(BASELINE_PERMIT);
  if (drop.size === 0) return { policies: merged.policies, problems };
  const texts = { ...merged.policies.texts };
  const meta = { ...merged.policies.meta };
  const scopes = { ...merged.policies.scopes };
  for (const id of drop) {
    if (pack.policies.texts[id] === undefined) continue;
    delete texts[id];
    delete meta[id];
    delete scopes[id];
  }
  return { policies: { texts, meta, scopes }, problems };
}

interface UserPolicies {
  readonly policies: readonly CompiledPolicies[];
  readonly problems: readonly PolicyProblem[];
}

interface Assembled {
  readonly engine: Engine;
  /** The policies in force (pack + user, less the disabled ones). */
  readonly policies: CompiledPolicies;
  /** User policy files that failed to compile and selection problems: each makes every decision deny. */
  readonly problems: string[];
}

/** The one place an engine is put together: the pack, the user's policies, the config's mode and disables.
 *  Used by the runtime (hooks, check, explain, git), `policy test` and the test gate alike. */
export function assembleEngine(pack: PolicyPack, user: UserPolicies, config: Pick<Config, "mode" | "disable">, opts: EngineOptions = {}): Assembled {
  const problems = user.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
  const selected = selectPolicies(pack, user.policies, config);
  problems.push(...selected.problems);
  return { engine: createEngine(pack, selected.policies, opts), policies: selected.policies, problems };
}
