/** `infragate audit verify|head|show`: the verbs live in src/audit/cli.ts; this passes INFRAGATE_HOME in. */
import { runAudit as runAuditVerbs } from "../audit/cli.js";
import { getInfragateHome } from "../config/home.js";
import type { CliIo } from "./io.js";

export async function runAudit(args: readonly string[], io: CliIo): Promise<number> {
  return runAuditVerbs(args, { stdout: io.stdout, stderr: io.stderr, env: { ...io.env, INFRAGATE_HOME: getInfragateHome(io.env) } });
}
