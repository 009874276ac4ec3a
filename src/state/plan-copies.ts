/** Saved plans copied or moved under another name earlier in the same line: `cp release.tfplan
 *  approved.tfplan && terraform apply approved.tfplan` applies release.tfplan's content, which is what
 *  infragate inspects (the copy does not exist yet when the line is decided). */
import type { Operation } from "../clis/types.js";

const COPIERS = new Set(["cp", "mv", "install"]);

/** Destination -> source for each copy or move with one source in this line. */
export function planCopiesInLine(ops: readonly Operation[]): Map<string, string> {
  const byCommand = new Map<string, { sources: Set<string>; dests: Set<string> }>();
  for (const op of ops) {
    if (op.action !== "file.read" && op.action !== "file.write" && op.action !== "file.delete") continue;
    if (op.resource.type !== "File") continue;
    const { via, command } = op.context;
    if (!COPIERS.has(via)) continue;
    const entry = byCommand.get(command) ?? { sources: new Set<string>(), dests: new Set<string>() };
    const isSource = op.action === "file.read" || (op.action === "file.delete" && via === "mv");
    if (isSource) entry.sources.add(op.resource.path);
    else if (op.action === "file.write") entry.dests.add(op.resource.path);
    byCommand.set(command, entry);
  }
  const out = new Map<string, string>();
  for (const { sources, dests } of byCommand.values()) {
    const [source] = [...sources];
    if (sources.size !== 1 || source === undefined) continue;
    for (const d of dests) if (d !== source) out.set(d, source);
  }
  return out;
}
