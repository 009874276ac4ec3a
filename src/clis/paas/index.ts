/** PaaS, serverless and delivery CLIs: one descriptor each, all interpreted by the same command-tree walker
 *  into `paas.*` requests (schemas/cedar/34-paas.cedarschema, policies/paas.cedar, docs/clis/paas.md). */
import type { CliDescriptor, CliNames } from "../descriptor.js";
import { DOCTL } from "./doctl.js";
import { FLYCTL } from "./flyctl.js";
import { GH } from "./gh.js";
import { HEROKU } from "./heroku.js";
import { ARGOCD, EKSCTL, HELMFILE } from "./kube-delivery.js";
import { NETLIFY } from "./netlify.js";
import { paasInterpreter, type PaasSpec } from "./operation.js";
import { RAILWAY } from "./railway.js";
import { AMPLIFY, AMPX, SAM, SERVERLESS, SST } from "./serverless.js";
import { VERCEL } from "./vercel.js";

function descriptor(spec: PaasSpec, names: Omit<CliNames, "programs"> = {}, guarded = true): CliDescriptor {
  return { name: "paas", names: { programs: [spec.program], ...names }, guarded, interpret: paasInterpreter(spec) };
}

export const flyctlCli = descriptor(FLYCTL, { aliases: { fly: "flyctl" }, images: { "flyio/flyctl": "flyctl" } });
export const herokuCli = descriptor(HEROKU, { packages: { heroku: "heroku" } });
export const doctlCli = descriptor(DOCTL, { images: { "digitalocean/doctl": "doctl" } });
export const vercelCli = descriptor(VERCEL, { packages: { vercel: "vercel" } });
export const netlifyCli = descriptor(NETLIFY, { packages: { "netlify-cli": "netlify" }, aliases: { ntl: "netlify" } });
export const railwayCli = descriptor(RAILWAY, { packages: { "@railway/cli": "railway" } });
/** Not guarded: `gh pr create --body "$(cat body.md)"` is everyday work, and a computed word cannot turn a gh
 *  read into a change except in `gh api`, which the interpreter then reports as unknown (src/clis/paas/gh.ts). */
export const ghCli = descriptor(GH, { images: { "ghcr.io/cli/cli": "gh" } }, false);
export const samCli = descriptor(SAM, { packages: { "aws-sam-cli": "sam" } });
export const serverlessCli = descriptor(SERVERLESS, { aliases: { sls: "serverless" }, packages: { serverless: "serverless", osls: "serverless" } });
export const sstCli = descriptor(SST, { packages: { sst: "sst" } });
export const amplifyCli = descriptor(AMPLIFY, { packages: { "@aws-amplify/cli": "amplify" } });
export const ampxCli = descriptor(AMPX, { packages: { "@aws-amplify/backend-cli": "ampx" } });
export const eksctlCli = descriptor(EKSCTL, { images: { "public.ecr.aws/eksctl/eksctl": "eksctl" } });
export const argocdCli = descriptor(ARGOCD, { images: { "quay.io/argoproj/argocd": "argocd" } });
export const helmfileCli = descriptor(HELMFILE, { images: { "ghcr.io/helmfile/helmfile": "helmfile" } });

/** Every descriptor of this folder (each is also a line in src/clis/registry.ts). */
export const PAAS_CLIS: readonly CliDescriptor[] = [
  flyctlCli, herokuCli, doctlCli, vercelCli, netlifyCli, railwayCli, ghCli, samCli, serverlessCli, sstCli, amplifyCli,
  ampxCli, eksctlCli, argocdCli, helmfileCli,
];
