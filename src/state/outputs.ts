/** Which outputs a local state marks sensitive: `terraform output -raw vpc_id` prints nothing secret when the
 *  state says vpc_id is not sensitive. Reads the state file (up to 64 MiB); undefined when it cannot. */
import fs from "node:fs";

const MAX_BYTES = 64 * 1024 * 1024;

/** Output name -> sensitive, from the state's `outputs` (terraform writes `"sensitive": true` on those). */
export function outputSensitivity(statePath: string): ReadonlyMap<string, boolean> | undefined {
  try {
    if (fs.statSync(statePath).size > MAX_BYTES) return undefined;
    const json: unknown = JSON.parse(fs.readFileSync(statePath, "utf8"));
    if (!json || typeof json !== "object" || !("outputs" in json)) return undefined;
    const outputs = json.outputs;
    if (!outputs || typeof outputs !== "object") return undefined;
    const out = new Map<string, boolean>();
    for (const [name, o] of Object.entries(outputs)) out.set(name, !!o && typeof o === "object" && "sensitive" in o && o.sensitive === true);
    return out;
  } catch {
    return undefined;
  }
}

/** Does `terraform output [NAME]` print only outputs the state marks non-sensitive? (All of them without NAME.) */
export function printsOnlyNonSensitive(statePath: string, name: string | undefined): boolean {
  const map = outputSensitivity(statePath);
  if (!map) return false;
  if (name !== undefined) return map.get(name) === false;
  return [...map.values()].every((s) => !s);
}
