/** `infragate install opencode`: the plugin .opencode/plugins/infragate.js (or ~/.config/opencode/plugins/ with
 *  --user), which runs infragate for every tool call and blocks on any failure. Beside it, the files that keep
 *  OpenCode from npm-installing @opencode-ai/plugin into that folder before every start (the plugin needs only
 *  node: built-ins): a package.json, a package-lock.json listing that dependency, and a node_modules folder. */
import path from "node:path";
import type { AgentInstaller, OwnedFile, Where } from "../descriptor.js";
import { homeDir } from "../settings/home.js";
import { pluginSource } from "./plugin.js";

export function opencodeDir(w: Pick<Where, "dir" | "user" | "env">): string {
  if (!w.user) return path.join(w.dir, ".opencode");
  const config = w.env.XDG_CONFIG_HOME && w.env.XDG_CONFIG_HOME.length > 0 ? w.env.XDG_CONFIG_HOME : path.join(homeDir(w.env), ".config");
  return path.join(config, "opencode");
}

export const PLUGIN_FILE = path.join("plugins", "infragate.js");

const PACKAGE = `${JSON.stringify({ dependencies: { "@opencode-ai/plugin": "*" } }, null, 2)}\n`;
const LOCK = `${JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } } }, null, 2)}\n`;

export const opencodeInstaller: AgentInstaller = {
  summary: ".opencode/plugins/infragate.js  a plugin: tool.execute.before blocks unless infragate allows; .after feeds session memory",
  settingsFile: () => undefined,
  install: (s) => s,
  uninstall: (s) => s,
  ownedFiles(w, target): OwnedFile[] {
    const dir = opencodeDir(w);
    return [
      { file: path.join(dir, PLUGIN_FILE), text: pluginSource(target.command) },
      { file: path.join(dir, "package.json"), text: PACKAGE, onlyIfAbsent: true },
      { file: path.join(dir, "package-lock.json"), text: LOCK, onlyIfAbsent: true },
      { file: path.join(dir, "node_modules", ".infragate"), text: "kept by infragate: OpenCode installs nothing here while the lock lists every dependency\n" },
    ];
  },
  notes: [
    "OpenCode runs the plugin for every tool call, subagents' included; the plugin blocks a call unless infragate allows it, also when infragate is missing, fails or is slow (its own 28 s deadline).",
    "OpenCode runs tools unguarded when plugins are off (--pure, OPENCODE_PURE) or the plugin file is removed: 'infragate doctor' checks that the plugin is there and loads.",
    "OpenCode has no 'ask' from a plugin: what infragate would ask about is blocked with a message to hand it to a human.",
  ],
};
