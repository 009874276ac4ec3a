/** kubectl: see kubectl.ts. */
import type { CliDescriptor } from "../descriptor.js";
import { interpretKubectl } from "./kubectl.js";

export { contextOverride, interpretKubectl, normaliseKind } from "./kubectl.js";

export const kubectlCli: CliDescriptor = {
  name: "kubectl",
  names: {
    programs: ["kubectl"],
    aliases: { k: "kubectl", kc: "kubectl" },
    versioned: true,
    images: { "bitnami/kubectl": "kubectl", "rancher/kubectl": "kubectl" },
  },
  guarded: true,
  interpret: interpretKubectl,
};
