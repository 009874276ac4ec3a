/** doctor for OpenCode: the plugin in .opencode/plugins/ or ~/.config/opencode/plugins/; that it parses (OpenCode
 *  drops a plugin with a syntax error silently, and then every tool runs unguarded); a write of terraform.tfstate
 *  through the plugin's command as the canary. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { check, type Check } from "../checks.js";
import { firstJson } from "../common.js";
import type { AgentDoctor } from "../descriptor.js";
import type { HookEntry, SettingsFile } from "../settings/entries.js";
import { namesLauncher } from "../settings/marker.js";
import { opencodeDir, PLUGIN_FILE } from "./install.js";
import { PLUGIN_DEADLINE_MS } from "./plugin.js";

const EVENT = "tool.execute.before";

/** The plugin file as a "settings" object holding the command it runs. */
function readPlugin(file: string): SettingsFile {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return { file, exists: false, json: undefined, error: undefined };
  }
  const m = /^const COMMAND = (".*");$/m.exec(text);
  let command: unknown;
  try {
    command = m ? (JSON.parse(m[1] as string) as unknown) : undefined;
  } catch {
    command = undefined;
  }
  return { file, exists: true, json: { command, ours: namesLauncher(text) }, error: undefined };
}

function entries(s: SettingsFile): HookEntry[] {
  const command = s.json?.command;
  if (s.json?.ours !== true || typeof command !== "string") return [];
  return [{ agent: "opencode", file: s.file, event: EVENT, matcher: undefined, command, args: undefined, timeoutMs: PLUGIN_DEADLINE_MS, failClosed: undefined, onFailure: undefined }];
}

/** The plugin must parse: OpenCode drops one with a syntax error without a word. */
function parses(e: HookEntry): Check[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "infragate-doctor-plugin-"));
  try {
    const copy = path.join(dir, "plugin.mjs");
    fs.copyFileSync(e.file, copy);
    const r = spawnSync(process.execPath, ["--check", copy], { encoding: "utf8", timeout: 10_000 });
    if (r.status === 0) return [];
    return [check("opencode", "fail", "the plugin does not parse: OpenCode drops it silently and every tool runs unguarded", [e.file, (r.stderr || "").trim().split("\n").slice(0, 3).join(" "), "run 'infragate install opencode' again"])];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export const opencodeDoctor: AgentDoctor = {
  files: (scope) => [path.join(opencodeDir({ ...scope, user: false }), PLUGIN_FILE), path.join(opencodeDir({ ...scope, user: true }), PLUGIN_FILE)],
  readFile: readPlugin,
  entries,
  gateEvents: [EVENT],
  canary(event, dir) {
    if (event !== EVENT) return undefined;
    const state = path.join(dir, "terraform.tfstate");
    return { what: `write ${state}`, policy: "state.write-state-file", payload: { event: "before", tool: "write", sessionID: "infragate-doctor-canary", callID: "doctor", args: { filePath: state, content: "{}" }, cwd: dir } };
  },
  // The plugin blocks on anything but an explicit allow.
  isDeny: (exitCode, stdout) => exitCode !== 0 || firstJson(stdout)?.decision !== "allow",
  entryChecks: parses,
  switches: (scope) => ({
    checks: scope.env.OPENCODE_PURE ? [check("opencode", "fail", "OPENCODE_PURE is set: OpenCode loads no plugin, so every tool runs unguarded")] : [],
  }),
};
