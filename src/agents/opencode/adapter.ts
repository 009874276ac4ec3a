/** OpenCode, through infragate's plugin (plugin.ts): the plugin sends {event: "before"|"after", tool, sessionID,
 *  callID, args, cwd} and blocks unless the answer is {"decision":"allow"}; a deny is {"decision":"deny",
 *  "reason"} (the plugin throws the reason, which is what the model sees). OpenCode cannot ask from a plugin. */
import { z } from "zod";
import { answerWithoutAsk, resolveCwd } from "../common.js";
import type { AgentAdapter, HookAnswer, HookEnv, Reading } from "../types.js";
import { readOpencodeTool } from "./tools.js";

export const OpencodeCall = z.looseObject({
  event: z.enum(["before", "after"]),
  tool: z.string().min(1),
  sessionID: z.string().optional(),
  callID: z.string().optional(),
  args: z.unknown(),
  cwd: z.string().optional(),
});

function read(payload: unknown, where: HookEnv): Reading {
  const p = OpencodeCall.safeParse(payload);
  const after = !!payload && typeof payload === "object" && (payload as Record<string, unknown>).event === "after";
  if (!p.success) {
    if (after) return { kind: "silent", why: "an unreadable after-call payload: nothing to remember" };
    return { kind: "reject", event: "tool.execute.before", reason: `infragate could not read the plugin's payload (${z.prettifyError(p.error)}); blocking to be safe` };
  }
  const cwd = resolveCwd(p.data.cwd, where, []);
  const agent = { name: "opencode", mode: "", session: p.data.sessionID ?? "" };
  const tool = readOpencodeTool(p.data.tool, p.data.args, cwd);
  if (after) return tool.error === undefined ? { kind: "ran", event: "tool.execute.after", agent, cwd, actions: tool.actions } : { kind: "silent", why: tool.error };
  if (tool.error !== undefined) return { kind: "reject", event: "tool.execute.before", reason: `infragate blocked this call: ${tool.error}` };
  return { kind: "actions", event: "tool.execute.before", agent, cwd, actions: tool.actions };
}

function deny(reason: string): HookAnswer {
  return { stdout: `${JSON.stringify({ decision: "deny", reason })}\n`, stderr: "", exitCode: 0 };
}

const noAsk = answerWithoutAsk(deny);

export const opencode: AgentAdapter = {
  name: "opencode",
  read,
  // The plugin lets a call run only on an explicit allow (an empty answer is a broken hook).
  answer: (decision, reason) => (decision === "allow" ? { stdout: `${JSON.stringify({ decision: "allow" })}\n`, stderr: "", exitCode: 0 } : noAsk(decision, reason)),
  fail: deny,
  reportsRan: true,
};
