/** doctor for Cursor: project and user hooks.json; a canary per gated event; failClosed on every handler. */
import path from "node:path";
import { check } from "../checks.js";
import { firstJson } from "../common.js";
import type { AgentDoctor } from "../descriptor.js";
import { flatHookEntries } from "../settings/entries.js";
import { CURSOR_EVENTS } from "./adapter.js";

export const cursorDoctor: AgentDoctor = {
  files: (scope, home) => [path.join(scope.dir, ".cursor", "hooks.json"), path.join(home, ".cursor", "hooks.json")],
  entries: (s) => flatHookEntries("cursor", s),
  gateEvents: ["preToolUse", "beforeShellExecution"],
  memoryEvents: ["afterShellExecution", "afterFileEdit"],
  canary(event, dir, home) {
    const state = path.join(dir, "terraform.tfstate");
    const common = { conversation_id: "infragate-doctor-canary", generation_id: "doctor", hook_event_name: event, workspace_roots: [dir], cwd: dir };
    if (event === "preToolUse") return { what: `Write ${state}`, policy: "state.write-state-file", payload: { ...common, tool_name: "Write", tool_input: { file_path: state, content: "{}" }, tool_use_id: "doctor" } };
    if (event === "beforeReadFile") {
      const creds = path.join(home, ".aws", "credentials");
      return { what: `read ${creds}`, policy: "secrets.credentials", payload: { ...common, file_path: creds, content: "" } };
    }
    if (event === "beforeShellExecution") return { what: "cp backup.tfstate terraform.tfstate", policy: "state.write-state-file", payload: { ...common, command: "cp backup.tfstate terraform.tfstate" } };
    return undefined;
  },
  isDeny: (exitCode, stdout) => exitCode === 2 || firstJson(stdout)?.permission === "deny",
  entryChecks: (e) =>
    e.failClosed === true || !(CURSOR_EVENTS as readonly string[]).includes(e.event) ? [] : [check("cursor", "fail", `failClosed is not true for ${e.event}: a crash or timeout of the hook lets the call through`, [`${e.event} in ${e.file}`, 'set "failClosed": true'])],
  // Cursor runs user-level hooks in ~/.cursor, project hooks in the project root.
  hookCwd: (file, dir, home) => (file.startsWith(path.join(home, ".cursor")) ? path.dirname(file) : dir),
  switches: () => ({ checks: [] }),
};
