/** helm: see helm.ts. */
import type { CliDescriptor } from "../descriptor.js";
import { interpretHelm } from "./helm.js";

export { interpretHelm } from "./helm.js";

export const helmCli: CliDescriptor = {
  name: "helm",
  names: { programs: ["helm"], versioned: true, images: { "alpine/helm": "helm" } },
  guarded: true,
  interpret: interpretHelm,
};
