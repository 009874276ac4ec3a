/** The contract every CLI interpreter fulfils: one descriptor per CLI family, registered once in
 *  src/clis/registry.ts. Everything other stages need about a CLI (the names it answers to, whether it is
 *  guarded, the launchers and images that run it) is derived from these descriptors, never copied. */
import type { Interpreter } from "./types.js";

export interface CliNames {
  /** Canonical program names this family interprets, after normalisation: `["terraform", "tofu"]`. */
  readonly programs: readonly string[];
  /** Other names of the same programs: shell aliases and alternative binaries (`tf` -> `terraform`). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Versioned binaries (`terraform1.9`, `tofu-1.8`, `kubectl_v1.30`) mean the program itself. */
  readonly versioned?: boolean;
  /** Package names (npm, pip) whose bin is one of the programs, for `npx`, `pnpm dlx`, `uvx`, ...:
   *  `{ "aws-cdk": "cdk" }`. */
  readonly packages?: Readonly<Record<string, string>>;
  /** Container images whose entrypoint is one of the programs (`docker run hashicorp/terraform ...`).
   *  A name ending in `*` is a prefix (`pulumi/pulumi*` covers `pulumi/pulumi-nodejs`). */
  readonly images?: Readonly<Record<string, string>>;
  /** package.json script names that by convention are the CLI itself (`npm run cdk -- deploy`): `{ cdk: "cdk" }`. */
  readonly scripts?: Readonly<Record<string, string>>;
}

export interface CliDescriptor {
  /** Family name, for messages and docs (docs/clis/<name>.md). Its folder src/clis/<folder>/ exports the
   *  descriptor from its index.ts (a folder may hold related descriptors: terraform holds terragrunt). */
  readonly name: string;
  readonly names: CliNames;
  /** An infrastructure CLI: a computed argument or a mention in opaque code is a fact the shell policies
   *  decide on (its programs are in `ProgramGroup::"guarded"`). File tools and git are not guarded. */
  readonly guarded: boolean;
  /** Pure: SimpleCommand (argv, env, cwd, stdin, wrappers) -> operations and file effects. No fs, no process.env. */
  readonly interpret: Interpreter;
}
