/** Canary payloads: an action the pack denies for sure (a write to terraform.tfstate, a read of
 *  ~/.aws/credentials), in each agent's own payload shape, and how to tell that the answer was a deny. */
import path from "node:path";
import type { HookAgent } from "./settings.js";

export interface Canary {
  readonly payload: Record<string, unknown>;
  /** What the canary asks, for messages. */
  readonly what: string;
  /** The pack policy that must be named in the deny (a deny without it is a hook that blocks everything). */
  readonly policy: string;
}

const SESSION = "infragate-doctor-canary";

/** The canary for an agent's hook event, or undefined when doctor has none for that event. */
export function canaryFor(agent: HookAgent, event: string, dir: string, home: string): Canary | undefined {
  const state = path.join(dir, "terraform.tfstate");
  switch (agent) {
    case "claude-code":
      if (event !== "PreToolUse") return undefined;
      return {
        what: `Write ${state}`,
        policy: "state.write-state-file",
        payload: {
          session_id: SESSION,
          cwd: dir,
          permission_mode: "bypassPermissions",
          hook_event_name: "PreToolUse",
          tool_name: "Write",
          tool_input: { file_path: state, content: "{}" },
          tool_use_id: "toolu_doctor",
        },
      };
    case "codex":
      if (event !== "PreToolUse") return undefined;
      return {
        what: `apply_patch adding ${state}`,
        policy: "state.write-state-file",
        payload: {
          session_id: SESSION,
          turn_id: "doctor",
          cwd: dir,
          hook_event_name: "PreToolUse",
          tool_name: "apply_patch",
          tool_input: { command: "*** Begin Patch\n*** Add File: terraform.tfstate\n+{}\n*** End Patch\n" },
        },
      };
    case "gemini":
      if (event !== "BeforeTool") return undefined;
      return {
        what: `write_file ${state}`,
        policy: "state.write-state-file",
        payload: { session_id: SESSION, cwd: dir, hook_event_name: "BeforeTool", timestamp: new Date(0).toISOString(), tool_name: "write_file", tool_input: { file_path: state, content: "{}" } },
      };
    case "cursor": {
      const common = { conversation_id: SESSION, generation_id: "doctor", hook_event_name: event, workspace_roots: [dir], cwd: dir };
      if (event === "preToolUse") return { what: `Write ${state}`, policy: "state.write-state-file", payload: { ...common, tool_name: "Write", tool_input: { file_path: state, content: "{}" }, tool_use_id: "doctor" } };
      if (event === "beforeReadFile") {
        const creds = path.join(home, ".aws", "credentials");
        return { what: `read ${creds}`, policy: "secrets.credentials", payload: { ...common, file_path: creds, content: "" } };
      }
      if (event === "beforeShellExecution") return { what: "cp backup.tfstate terraform.tfstate", policy: "state.write-state-file", payload: { ...common, command: "cp backup.tfstate terraform.tfstate" } };
      return undefined;
    }
  }
}

function firstJson(stdout: string): Record<string, unknown> | undefined {
  const text = stdout.trim();
  if (!text.startsWith("{")) return undefined;
  try {
    const v: unknown = JSON.parse(text.split("\n")[0] ?? "");
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Did the hook answer deny in this agent's protocol? Exit 2 blocks in every agent; else its JSON. */
export function isDeny(agent: HookAgent, exitCode: number | undefined, stdout: string): boolean {
  if (exitCode === 2) return true;
  const json = firstJson(stdout);
  if (!json) return false;
  switch (agent) {
    case "claude-code":
    case "codex": {
      const h = json.hookSpecificOutput as Record<string, unknown> | undefined;
      return h?.permissionDecision === "deny" || json.decision === "block";
    }
    case "cursor":
      return json.permission === "deny";
    case "gemini":
      return json.decision === "deny" || json.decision === "block";
  }
}
