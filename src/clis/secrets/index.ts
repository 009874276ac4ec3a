/** The secrets family: programs whose purpose is to print a secret or a credential (docs/clis/secrets.md).
 *  Printers inside other CLIs are operations of their own interpreters (kubectl, aws, git, curl/wget,
 *  declare/export) and use the same `secret.print` action or their own action in `Action::"secret-read"`. */
import type { SimpleCommand } from "../../shell/types.js";
import type { CliDescriptor } from "../descriptor.js";
import type { Interpretation, Interpreter, Operation } from "../types.js";
import { echoOps, envOps, printenvOps, declareOps } from "./printers.js";
import { CREDENTIAL_HELPERS, credentialHelperOps, vaultOps } from "./tools.js";

const OPS: Readonly<Record<string, (cmd: SimpleCommand) => Operation[]>> = {
  printenv: printenvOps,
  env: envOps,
  echo: echoOps,
  printf: echoOps,
  set: declareOps,
  vault: vaultOps,
  ...Object.fromEntries(CREDENTIAL_HELPERS.map((h) => [h, credentialHelperOps])),
};

export const interpretSecrets: Interpreter = (cmd: SimpleCommand): Interpretation => ({
  operations: OPS[cmd.program]?.(cmd) ?? [],
  files: [],
});

export const secretsCli: CliDescriptor = {
  name: "secrets",
  names: { programs: Object.keys(OPS) },
  guarded: false,
  interpret: interpretSecrets,
};

export { declareOps } from "./printers.js";
export { metadataOps } from "./metadata.js";
export { gitCredentialOps } from "./tools.js";
export { feedsSecretSink } from "./sinks.js";
