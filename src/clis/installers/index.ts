/** Installers and hook managers that can remove a guard: package managers uninstalling infragate, git hook
 *  managers uninstalling their hooks. Their effects are file effects; self-protection.cedar decides. */
import type { CliDescriptor } from "../descriptor.js";
import { interpretHookManager } from "./git-hook-managers.js";
import { interpretPackageManager } from "./packages.js";

export { interpretHookManager } from "./git-hook-managers.js";
export { interpretPackageManager } from "./packages.js";

export const packageManagersCli: CliDescriptor = {
  name: "package-managers",
  names: { programs: ["npm", "pnpm", "yarn"] },
  guarded: false,
  interpret: interpretPackageManager,
};

export const gitHookManagersCli: CliDescriptor = {
  name: "git-hook-managers",
  names: { programs: ["pre-commit", "husky", "lefthook"], packages: { husky: "husky", lefthook: "lefthook", "@evilmartians/lefthook": "lefthook" } },
  guarded: false,
  interpret: interpretHookManager,
};
