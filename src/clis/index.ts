/** Program name -> interpreter. Aliases and launchers are resolved by the shell stage before this. */
import { interpretAws } from "./aws/index.js";
import { interpretCdk, interpretCdktf } from "./cdk/index.js";
import { FILE_TOOL_PROGRAMS, interpretFileTool } from "./file-tools/programs.js";
import { interpretGit } from "./git.js";
import { interpretHelm } from "./helm.js";
import { interpretInfragate } from "./infragate.js";
import { interpretKubectl } from "./kubectl.js";
import { interpretPulumi } from "./pulumi/index.js";
import { interpretEnvExport, interpretTerraform, interpretTerragrunt } from "./terraform/index.js";
import type { Interpreter } from "./types.js";

const REGISTRY: ReadonlyMap<string, Interpreter> = new Map<string, Interpreter>([
  ["terraform", interpretTerraform],
  ["tofu", interpretTerraform],
  ["terragrunt", interpretTerragrunt],
  ["export", interpretEnvExport],
  ["declare", interpretEnvExport],
  ["typeset", interpretEnvExport],
  ["cdk", interpretCdk],
  ["cdktf", interpretCdktf],
  ["aws", interpretAws],
  ["pulumi", interpretPulumi],
  ["kubectl", interpretKubectl],
  ["helm", interpretHelm],
  ["git", interpretGit],
  ["infragate", interpretInfragate],
  ...FILE_TOOL_PROGRAMS.map((p): [string, Interpreter] => [p, interpretFileTool]),
]);

export function getInterpreter(program: string): Interpreter | undefined {
  return REGISTRY.get(program);
}

/** CLIs whose mere mention in opaque code (python -c, an unresolved word) is a fact. */
export const GUARDED_PROGRAMS: readonly string[] = ["terraform", "tofu", "terragrunt", "cdk", "cdktf", "aws", "pulumi", "kubectl", "helm"];
