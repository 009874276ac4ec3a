/** Case-table helper for the PaaS interpreters: command -> action, facts, through the shared
 *  interpreter-table harness; the descriptor is picked by the program name (aliases resolved). */
import { PAAS_CLIS } from "../../src/clis/paas/index.js";
import type { Interpretation } from "../../src/clis/types.js";
import type { SimpleCommand } from "../../src/shell/types.js";
import { interpreterTable, type Row } from "../support/interpreter-table.js";

const ALIAS: Record<string, string> = { fly: "flyctl", sls: "serverless", ntl: "netlify" };

function interpretPaas(c: SimpleCommand): Interpretation {
  const program = ALIAS[c.program] ?? c.program;
  const cli = PAAS_CLIS.find((d) => d.names.programs.includes(program));
  if (!cli) throw new Error(`no PaaS descriptor for ${program}`);
  return cli.interpret({ ...c, program });
}

/** One `it` per row: one operation, its exact action and each listed fact (lists in any order). */
export function rows(cases: readonly Row[]): void {
  interpreterTable("cases", interpretPaas, cases);
}
