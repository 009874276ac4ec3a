/** Where a printer's output goes: into a command substitution (`$(gcloud auth print-access-token)`,
 *  consumed by the command around it) rather than to the agent. */
import type { SimpleCommand } from "../shell/types.js";

export function isCaptured(cmd: SimpleCommand): boolean {
  return cmd.wrappers.some((w) => w === "$(...)" || w === "`...`");
}
