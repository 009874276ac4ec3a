/** The decision service's warm-up: a freshly started service decides a few typical calls (an everyday command,
 *  a destroy, a file edit) in a scratch workspace with a scratch $INFRAGATE_HOME, so that Cedar's wasm, the
 *  preparsed policy sets and the hot code paths are ready before the first real call (which otherwise waits
 *  ~100 ms for them). Nothing of it reaches the user's audit log, session memory or decision count; the scratch
 *  folder is removed afterwards. A failing warm-up only costs the first call that time. */
import fs from "node:fs";
import path from "node:path";
import { runHookWith } from "../hook/run.js";
import type { RuntimeOptions } from "../runtime/context.js";
import type { DecideContext } from "../decide/index.js";

const CALLS: readonly { readonly tool: string; readonly input: (ws: string) => Record<string, unknown> }[] = [
  { tool: "Bash", input: () => ({ command: "git status" }) },
  { tool: "Bash", input: () => ({ command: "terraform destroy -auto-approve" }) },
  { tool: "Edit", input: (ws) => ({ file_path: path.join(ws, "src", "app.ts"), old_string: "a", new_string: "b" }) },
];

const PREFIX = "warm-up-";

/** Run the warm-up under `dir` (the service's private folder); resolves with the number of calls decided. Call it
 *  only while holding the service's socket: it first removes what a killed service's warm-up left there. */
export async function warmUp(dir: string, env: Readonly<Record<string, string>>, loadRuntime: (opts: RuntimeOptions) => DecideContext): Promise<number> {
  for (const name of fs.readdirSync(dir)) if (name.startsWith(PREFIX)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  const scratch = fs.mkdtempSync(path.join(dir, PREFIX));
  try {
    const ws = path.join(scratch, "ws");
    fs.mkdirSync(path.join(ws, ".git"), { recursive: true });
    const scratchEnv = { ...env, INFRAGATE_HOME: path.join(scratch, "home") };
    let decided = 0;
    for (const call of CALLS) {
      const payload = JSON.stringify({
        session_id: "infragate-warm-up",
        transcript_path: "/dev/null",
        cwd: ws,
        permission_mode: "default",
        hook_event_name: "PreToolUse",
        tool_name: call.tool,
        tool_input: call.input(ws),
        tool_use_id: "warm-up",
      });
      const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => payload, env: scratchEnv, cwd: ws };
      await runHookWith(["claude-code"], io, { loadRuntime });
      decided++;
    }
    return decided;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
