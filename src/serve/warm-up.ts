/** The decision service's warm-up: a freshly started service decides every registered agent's doctor canary (a
 *  state-file write the pack denies, in that agent's own payload shape) in a scratch workspace with a scratch
 *  $INFRAGATE_HOME, so that Cedar's wasm, the preparsed policy sets, each agent's adapter and the hot code paths
 *  are ready before the first real call (which otherwise waits ~150 ms for them). Nothing of it reaches the
 *  user's audit log, session memory or decision count; the scratch folder is removed afterwards. A failing
 *  warm-up only costs the first call that time. */
import fs from "node:fs";
import path from "node:path";
import { AGENT_REGISTRY } from "../agents/index.js";
import type { DecideContext } from "../decide/index.js";
import { runHookWith } from "../hook/run.js";
import type { RuntimeOptions } from "../runtime/context.js";

const PREFIX = "warm-up-";

/** Run the warm-up under `dir` (the service's private folder); resolves with the number of calls decided. Call it
 *  only while holding the service's socket: it first removes what a killed service's warm-up left there. */
export async function warmUp(dir: string, env: Readonly<Record<string, string>>, loadRuntime: (opts: RuntimeOptions) => DecideContext): Promise<number> {
  for (const name of fs.readdirSync(dir)) if (name.startsWith(PREFIX)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  const scratch = fs.mkdtempSync(path.join(dir, PREFIX));
  try {
    const ws = path.join(scratch, "ws");
    const home = path.join(scratch, "home");
    fs.mkdirSync(path.join(ws, ".git"), { recursive: true });
    const scratchEnv = { ...env, INFRAGATE_HOME: home };
    let decided = 0;
    for (const agent of AGENT_REGISTRY) {
      for (const event of agent.doctor.gateEvents) {
        const canary = agent.doctor.canary(event, ws, home);
        if (!canary) continue;
        const payload = JSON.stringify(canary.payload);
        const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => payload, env: scratchEnv, cwd: ws };
        await runHookWith([agent.name], io, { loadRuntime });
        decided++;
      }
    }
    return decided;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
