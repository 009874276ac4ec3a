/** Every CLI infragate interprets, registered once. Adding a CLI is one line here (docs/design.md, "Adding a
 *  CLI"); every program list other stages need is derived from this list: the interpreter for a program, the
 *  guarded programs (Cedar's `ProgramGroup::"guarded"`), and the naming tables the shell stage uses. */
import { SHELLS } from "../shell/programs.js";
import type { ProgramNames } from "../shell/types.js";
import { awsCli } from "./aws/index.js";
import { azureCli } from "./azure/index.js";
import { cdkCli, cdktfCli } from "./cdk/index.js";
import { containersCli } from "./containers/index.js";
import { databasesCli } from "./databases/index.js";
import { migrationsCli } from "./migrations/index.js";
import type { CliDescriptor } from "./descriptor.js";
import { fileToolsCli } from "./file-tools/index.js";
import { gcloudCli } from "./gcloud/index.js";
import { gitCli } from "./git/index.js";
import { helmCli } from "./helm/index.js";
import { infragateCli } from "./infragate/index.js";
import { gitHookManagersCli, packageManagersCli } from "./installers/index.js";
import { kubectlCli } from "./kubectl/index.js";
import {
  amplifyCli, ampxCli, argocdCli, doctlCli, eksctlCli, flyctlCli, ghCli, helmfileCli, herokuCli, netlifyCli, railwayCli, samCli,
  serverlessCli, sstCli, vercelCli,
} from "./paas/index.js";
import { pulumiCli } from "./pulumi/index.js";
import { secretsCli } from "./secrets/index.js";
import { terraformCli, terragruntCli, tfCliArgsCli } from "./terraform/index.js";
import type { Interpreter } from "./types.js";

export const CLIS: readonly CliDescriptor[] = [
  terraformCli,
  terragruntCli,
  tfCliArgsCli,
  cdkCli,
  cdktfCli,
  awsCli,
  gcloudCli,
  azureCli,
  pulumiCli,
  kubectlCli,
  helmCli,
  gitCli,
  infragateCli,
  fileToolsCli,
  flyctlCli,
  herokuCli,
  doctlCli,
  vercelCli,
  netlifyCli,
  railwayCli,
  ghCli,
  samCli,
  serverlessCli,
  sstCli,
  amplifyCli,
  ampxCli,
  eksctlCli,
  argocdCli,
  helmfileCli,
  databasesCli,
  migrationsCli,
  containersCli,
  secretsCli,
  packageManagersCli,
  gitHookManagersCli,
];

function byProgram(): ReadonlyMap<string, CliDescriptor> {
  const map = new Map<string, CliDescriptor>();
  for (const cli of CLIS) {
    for (const p of cli.names.programs) {
      const other = map.get(p);
      if (other) throw new Error(`program ${p} is registered by both ${other.name} and ${cli.name}`);
      map.set(p, cli);
    }
  }
  return map;
}

const BY_PROGRAM = byProgram();

/** The interpreter for a normalised program name (aliases and launchers are resolved by the shell stage). */
export function getInterpreter(program: string): Interpreter | undefined {
  return BY_PROGRAM.get(program)?.interpret;
}

/** Infrastructure CLIs: a computed argument or a mention in opaque code (python -c, an unresolved word) is a fact. */
export const GUARDED_PROGRAMS: readonly string[] = CLIS.filter((c) => c.guarded).flatMap((c) => c.names.programs);

function merged(pick: (c: CliDescriptor) => Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of CLIS) Object.assign(out, pick(c));
  return out;
}

/** The naming tables the shell stage needs (handed to it through ShellOptions.names by the pipeline). */
export const PROGRAM_NAMES: ProgramNames = {
  aliases: merged((c) => c.names.aliases),
  versioned: new Set(CLIS.filter((c) => c.names.versioned).flatMap((c) => c.names.programs)),
  packages: merged((c) => c.names.packages),
  scripts: merged((c) => c.names.scripts),
  images: merged((c) => c.names.images),
};

const GUARDED = new Set(GUARDED_PROGRAMS);

/** The ProgramGroup entities a Program is in (schemas/cedar/00-core.cedarschema): "guarded" for the
 *  infrastructure CLIs, "shell" for the shells. */
export function programGroups(program: string): string[] {
  const groups: string[] = [];
  if (GUARDED.has(program)) groups.push("guarded");
  if (SHELLS.has(program)) groups.push("shell");
  return groups;
}
