/** The AWS CDK and CDK for Terraform CLIs. */
import type { CliDescriptor } from "../descriptor.js";
import { interpretCdk } from "./cdk.js";
import { interpretCdktf } from "./cdktf.js";

export { interpretCdk } from "./cdk.js";
export { interpretCdktf } from "./cdktf.js";

export const cdkCli: CliDescriptor = {
  name: "cdk",
  names: { programs: ["cdk"], versioned: true, packages: { "aws-cdk": "cdk" }, scripts: { cdk: "cdk" } },
  guarded: true,
  interpret: interpretCdk,
};

export const cdktfCli: CliDescriptor = {
  name: "cdktf",
  names: { programs: ["cdktf"], versioned: true, packages: { "cdktf-cli": "cdktf" }, scripts: { cdktf: "cdktf" } },
  guarded: true,
  interpret: interpretCdktf,
};
