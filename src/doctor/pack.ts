/** The policy pack and the user's policies validate; the audit log verifies. */
import { verifyAudit } from "../audit/index.js";
import { getInfragateHome } from "../config/home.js";
import { loadConfig } from "../config/load.js";
import { compilePackFromSource, getPackageRoot } from "../policy/pack.js";
import { validatePolicies } from "../policy/validate.js";
import { loadUserPolicies, selectPolicies } from "../runtime/policies.js";
import { check, type Check, type DoctorOptions } from "./types.js";

export function checkPolicies(opts: DoctorOptions): Check[] {
  const problems: string[] = [];
  const { pack, problems: packProblems } = compilePackFromSource(getPackageRoot());
  const user = loadUserPolicies(opts.dir);
  const { config, problems: configProblems } = loadConfig(opts.dir);
  const selected = selectPolicies(pack, user.policies, config);
  const all = [...packProblems, ...user.problems, ...(pack.schema ? validatePolicies(pack.schema, selected.policies) : [])];
  problems.push(...all.map((p) => `${p.file}:${p.line}: ${p.message}${p.help ? ` (hint: ${p.help})` : ""}`), ...configProblems, ...selected.problems);
  if (problems.length > 0) {
    return [check("policies", "fail", `${problems.length} policy or config problem(s): every decision is deny until they are fixed`, [...problems.slice(0, 20), "run 'infragate policy validate' for details"])];
  }
  return [check("policies", "pass", `${Object.keys(selected.policies.texts).length} policies valid against the schema (${config.mode})`)];
}

export async function checkAudit(opts: DoctorOptions): Promise<Check[]> {
  const home = getInfragateHome(opts.env);
  try {
    const r = await verifyAudit(home);
    if (r.ok) return [check("audit", "pass", r.entries === 0 ? `audit log is empty (${home})` : `audit log verifies: ${r.entries} entries`, [home])];
    return [
      check("audit", "fail", `audit log does not verify: ${r.problems.length}${r.moreProblems ? "+" : ""} problem(s)`, [
        ...r.problems.slice(0, 5).map((p) => `${p.file}${p.line ? `:${p.line}` : ""}: ${p.kind}: ${p.message}`),
        "run 'infragate audit verify' for details",
      ]),
    ];
  } catch (err) {
    return [check("audit", "fail", `audit log could not be read: ${(err as Error).message}`, [home])];
  }
}
