/** The OpenCode plugin infragate installs: for every tool call (subagents' included) it runs the installed hook
 *  command with the call on stdin and blocks (throws) unless the answer is an explicit allow: a hook that is
 *  missing, crashes, prints something else or outlasts the plugin's own deadline blocks, because OpenCode itself
 *  has no hook timeout and runs a tool whose plugin failed to load. Only node: built-ins (OpenCode runs plugins
 *  in Bun and would otherwise npm-install @opencode-ai/plugin first). */
import { MARKER } from "../settings/marker.js";

/** The plugin's deadline, ms: infragate's own (24 s) answers first. */
export const PLUGIN_DEADLINE_MS = 28_000;

export function pluginSource(command: string): string {
  return `// infragate guard for OpenCode (${MARKER}): written by 'infragate install opencode', removed by 'infragate uninstall opencode'.
// Every tool call is decided by infragate before it runs; anything but an explicit allow blocks it.
import { spawn } from "node:child_process";

const COMMAND = ${JSON.stringify(command)};
const DEADLINE_MS = ${PLUGIN_DEADLINE_MS};

function runHook(payload) {
  return new Promise((resolve) => {
    let out = "";
    let err = "";
    let done = false;
    const finish = (r) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(r);
      }
    };
    const child = spawn("/bin/sh", ["-c", COMMAND], { stdio: ["pipe", "pipe", "pipe"], env: process.env });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      finish({ code: null, out, err: "infragate did not answer within " + DEADLINE_MS + " ms" });
    }, DEADLINE_MS);
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (err += c));
    child.on("error", (e) => finish({ code: null, out, err: String(e && e.message ? e.message : e) }));
    child.on("close", (code) => finish({ code, out, err }));
    child.stdin.on("error", () => {});
    child.stdin.end(JSON.stringify(payload));
  });
}

function answerOf(out) {
  try {
    const json = JSON.parse(out.trim().split("\\n")[0] || "");
    return json && typeof json === "object" ? json : undefined;
  } catch {
    return undefined;
  }
}

export const InfragateGuard = async (ctx) => {
  const cwd = (ctx && (ctx.directory || ctx.worktree)) || process.env.PWD || process.cwd();
  const call = (event, input, args) => ({ event, tool: input && input.tool, sessionID: input && input.sessionID, callID: input && input.callID, args, cwd });
  // tool.execute.after gets no arguments: the ones that were allowed, by call id.
  const allowed = new Map();
  return {
    "tool.execute.before": async (input, output) => {
      let r;
      try {
        r = await runHook(call("before", input, output && output.args));
      } catch (e) {
        throw new Error("infragate could not run its hook, so it blocks this call: " + String(e));
      }
      const json = answerOf(r.out);
      if (r.code === 0 && json && json.decision === "allow") {
        if (input && input.callID) allowed.set(input.callID, output && output.args);
        return;
      }
      const h = json && json.hookSpecificOutput;
      const detail = r.err.trim().split("\\n").slice(0, 3).join(" ").slice(0, 500);
      const reason = (json && (json.reason || (h && h.permissionDecisionReason))) || "infragate's hook failed (exit " + r.code + "), so infragate blocks this call" + (detail ? ": " + detail : "");
      throw new Error(reason);
    },
    "tool.execute.after": async (input) => {
      const id = input && input.callID;
      if (!allowed.has(id)) return;
      const args = allowed.get(id);
      allowed.delete(id);
      try {
        await runHook(call("after", input, args));
      } catch {
        // session memory is best effort
      }
    },
  };
};
`;
}
