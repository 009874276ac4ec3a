/** infragate run by the agent: see infragate.ts. */
import type { CliDescriptor } from "../descriptor.js";
import { interpretInfragate } from "./infragate.js";

export { interpretInfragate } from "./infragate.js";

export const infragateCli: CliDescriptor = {
  name: "infragate",
  names: { programs: ["infragate"], aliases: { "infragate.cjs": "infragate" } },
  guarded: false,
  interpret: interpretInfragate,
};
