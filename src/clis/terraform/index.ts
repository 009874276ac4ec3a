/** Interpreters for terraform, tofu and terragrunt, and for `export` lines that inject their flags. */
import type { Interpretation, Interpreter } from "../types.js";
import { summarize, toContext } from "./context.js";
import { analyzeTerraform } from "./terraform.js";

export { interpretTerragrunt } from "./terragrunt.js";
export { interpretEnvExport } from "./env-export.js";

export const interpretTerraform: Interpreter = (cmd): Interpretation => {
  const r = analyzeTerraform({
    program: cmd.program,
    args: cmd.argv.slice(1),
    env: cmd.env,
    lineEnv: cmd.lineEnv,
    cwd: cmd.cwd,
    stdin: cmd.stdin,
    wrappers: cmd.wrappers,
    depth: cmd.depth,
    text: cmd.text,
    chdir: true,
  });
  return {
    operations: [{ action: r.action, resource: { type: "Stack", dir: r.dir }, context: toContext(r.facts), summary: summarize(r.facts) }],
    files: [],
  };
};
