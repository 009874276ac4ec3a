/** Interpreters for terraform, tofu and terragrunt, and for `export` lines that inject their flags. */
import type { CliDescriptor } from "../descriptor.js";
import type { SimpleCommand } from "../../shell/types.js";
import type { Interpretation, Interpreter } from "../types.js";
import { summarize, toContext } from "./context.js";
import { interpretEnvExport } from "./env-export.js";
import { analyzeTerraform } from "./terraform.js";
import { interpretTerragrunt } from "./terragrunt.js";
import { unresolvedOperandsOnly } from "./operands.js";

export { interpretEnvExport, interpretTerragrunt };

/** The environment without values the shell stage could not resolve: an unknown TF_CLI_ARGS is not split
 *  into words (its source text `$(cat f)` is no saved-plan path); the command is unresolved instead. */
function knownEnv(cmd: SimpleCommand): SimpleCommand["env"] {
  const unknown = cmd.unresolvedEnv ?? [];
  if (unknown.length === 0) return cmd.env;
  return Object.fromEntries(Object.entries(cmd.env).filter(([k]) => !unknown.includes(k)));
}

export const interpretTerraform: Interpreter = (cmd): Interpretation => {
  const r = analyzeTerraform({
    program: cmd.program,
    args: cmd.argv.slice(1),
    env: knownEnv(cmd),
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
    operandsOnly: unresolvedOperandsOnly(cmd),
  };
};

export const terraformCli: CliDescriptor = {
  name: "terraform",
  names: {
    programs: ["terraform", "tofu"],
    aliases: { tf: "terraform", opentofu: "tofu" },
    versioned: true,
    packages: { opentofu: "tofu" },
    images: { "hashicorp/terraform": "terraform", "opentofu/opentofu": "tofu", "ghcr.io/opentofu/opentofu": "tofu" },
    scripts: { tf: "terraform", terraform: "terraform", tofu: "tofu" },
  },
  guarded: true,
  interpret: interpretTerraform,
};

export const terragruntCli: CliDescriptor = {
  name: "terragrunt",
  names: { programs: ["terragrunt"], aliases: { tg: "terragrunt" }, versioned: true, images: { "alpine/terragrunt": "terragrunt" } },
  guarded: true,
  interpret: interpretTerragrunt,
};

/** `export TF_CLI_ARGS=...` (and declare/typeset -x) injects flags into every later terraform run. */
export const tfCliArgsCli: CliDescriptor = {
  name: "tf-cli-args",
  names: { programs: ["export", "declare", "typeset"] },
  guarded: false,
  interpret: interpretEnvExport,
};
