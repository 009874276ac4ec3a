/** doctor for Gemini CLI: project and user settings; a write_file of terraform.tfstate as the canary; the
 *  `|| exit 2` command; hooksConfig.enabled: false switches every hook off. */
import path from "node:path";
import { check, homeOf, type Check } from "../checks.js";
import { firstJson } from "../common.js";
import type { AgentDoctor } from "../descriptor.js";
import { nestedHookEntries, readSettings } from "../settings/entries.js";
import { failClosedCommandCheck } from "../settings/fail-closed.js";

function files(dir: string, home: string): string[] {
  return [path.join(dir, ".gemini", "settings.json"), path.join(home, ".gemini", "settings.json")];
}

export const geminiDoctor: AgentDoctor = {
  files: (scope, home) => files(scope.dir, home),
  // Gemini's timeouts are in ms.
  entries: (s) => nestedHookEntries("gemini", s, 1),
  gateEvents: ["BeforeTool"],
  memoryEvents: ["AfterTool"],
  canary(event, dir) {
    if (event !== "BeforeTool") return undefined;
    const state = path.join(dir, "terraform.tfstate");
    return {
      what: `write_file ${state}`,
      policy: "state.write-state-file",
      payload: { session_id: "infragate-doctor-canary", cwd: dir, hook_event_name: "BeforeTool", timestamp: new Date(0).toISOString(), tool_name: "write_file", tool_input: { file_path: state, content: "{}" } },
    };
  },
  // Gemini CLI reads its settings as JSON with comments.
  readFile: (file) => readSettings(file, true),
  isDeny(exitCode, stdout) {
    if (exitCode === 2) return true;
    const json = firstJson(stdout);
    return json?.decision === "deny" || json?.decision === "block";
  },
  entryChecks: failClosedCommandCheck("BeforeTool"),
  switches(scope) {
    const checks: Check[] = [];
    for (const file of files(scope.dir, homeOf(scope))) {
      const cfg = readSettings(file, true).json?.hooksConfig;
      if (cfg && typeof cfg === "object" && (cfg as Record<string, unknown>).enabled === false) checks.push(check("gemini", "fail", `hooks are switched off (hooksConfig.enabled: false) in ${file}`));
    }
    return { checks };
  },
};
