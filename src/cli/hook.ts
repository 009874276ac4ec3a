/** `infragate hook <agent>`: the entry point agents run before a tool call (the run itself: src/hook/run.ts). */
import { AGENT_NAMES } from "../agents/index.js";
import { DEFAULT_DEADLINE_MS } from "../agents/timeouts.js";
import { runHookWith } from "../hook/run.js";
import type { Verb } from "./io.js";

export { DEFAULT_DEADLINE_MS } from "../agents/timeouts.js";
// The hook bundle (dist/hook.cjs) is built from this file: scripts/warm-hook-cache.cjs and load-hook.cjs call runHookWith.
export { runHookWith } from "../hook/run.js";

export const HOOK_HELP = `usage: infragate hook <agent> [--deadline-ms N]

The hook entry point. Reads the agent's hook payload on stdin, decides every action it names, and answers
in that agent's protocol (see docs/agents.md). Agents: ${AGENT_NAMES.join(", ")}; and git (the
pre-commit check: reads the staged changes of the repository in the current directory).

Any internal error, unreadable payload or decision slower than the deadline (default ${DEFAULT_DEADLINE_MS} ms, 80% of
the installed 30 s timeout) is answered with a block.`;

/** The verb: as runHookWith; when the deadline answered, the process ends right after the answer instead of
 *  waiting for the pending decision (the agent would otherwise time out, and a timeout lets the call through). */
export const runHook: Verb = async (args, io) => {
  if (args[0] === "--help" || args[0] === "-h") {
    io.stdout(`${HOOK_HELP}\n`);
    return 0;
  }
  return runHookWith(args, io, {
    onLate: (code) => {
      setTimeout(() => process.exit(code), 50).unref();
    },
  });
};
