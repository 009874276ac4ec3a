/** `infragate install cursor`: a handler in each gated event of .cursor/hooks.json (flat lists, version 1)
 *  with failClosed, so a crash or timeout blocks; plus the rule .cursor/rules/infragate.mdc (alwaysApply),
 *  which tells the model what is guarded (enforcement is the hooks). */
import fs from "node:fs";
import path from "node:path";
import type { AgentInstaller } from "../descriptor.js";
import { homeDir } from "../settings/home.js";
import { deepEqual, isObject, type JsonObject } from "../settings/json.js";
import { isOurCommand } from "../settings/marker.js";
import { HOOK_TIMEOUT_SECONDS } from "../timeouts.js";
import { CURSOR_AFTER_EVENTS, CURSOR_EVENTS } from "./adapter.js";

const ALL_EVENTS = [...CURSOR_EVENTS, ...CURSOR_AFTER_EVENTS];

function cursorWithout(s: JsonObject): JsonObject {
  if (!isObject(s.hooks)) return s;
  const hooks: JsonObject = { ...s.hooks };
  for (const event of ALL_EVENTS) {
    const list = hooks[event];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((h) => !(isObject(h) && isOurCommand(h.command)));
    if (kept.length > 0) hooks[event] = kept;
    else delete hooks[event];
  }
  const out: JsonObject = { ...s, hooks };
  if (Object.keys(hooks).length === 0) {
    delete out.hooks;
    if (out.version === 1 && Object.keys(out).length === 1) delete out.version;
  }
  return out;
}

export const cursorInstaller: AgentInstaller = {
  summary: `.cursor/hooks.json         ${CURSOR_EVENTS.join(", ")}\n                                          (failClosed); ${CURSOR_AFTER_EVENTS.join(", ")}; the rule .cursor/rules/infragate.mdc`,
  settingsFile: (w) => (w.user ? path.join(homeDir(w.env), ".cursor", "hooks.json") : path.join(w.dir, ".cursor", "hooks.json")),
  install(s, target) {
    if (s.hooks !== undefined && !isObject(s.hooks)) throw new Error(`"hooks" is not an object; fix it by hand, then install again`);
    // Gates fail closed; after-events (session memory) cannot block anything.
    const handlerOf = (e: string): JsonObject =>
      (CURSOR_EVENTS as readonly string[]).includes(e) ? { command: target.command, timeout: HOOK_TIMEOUT_SECONDS, failClosed: true } : { command: target.command, timeout: HOOK_TIMEOUT_SECONDS };
    const current = isObject(s.hooks) ? s.hooks : {};
    const already = ALL_EVENTS.every((e) => {
      const list = current[e];
      return Array.isArray(list) && list.filter((h) => isObject(h) && isOurCommand(h.command)).length === 1 && list.some((h) => deepEqual(h, handlerOf(e)));
    });
    if (already && s.version === 1) return s;
    const base = cursorWithout(s);
    const hooks: JsonObject = isObject(base.hooks) ? { ...base.hooks } : {};
    for (const e of ALL_EVENTS) hooks[e] = [...(Array.isArray(hooks[e]) ? (hooks[e] as unknown[]) : []), handlerOf(e)];
    return { ...base, version: 1, hooks };
  },
  uninstall: cursorWithout,
  ownedFiles: (w, _target, root) => [
    {
      file: path.join(w.user ? path.join(homeDir(w.env), ".cursor") : path.join(w.dir, ".cursor"), "rules", "infragate.mdc"),
      text: fs.readFileSync(path.join(root, "install", "cursor", "infragate.mdc"), "utf8"),
    },
  ],
  notes: [
    "Cursor runs project hooks only in a trusted workspace. Every infragate handler has failClosed: true, so a crash or timeout blocks.",
    "The rule .cursor/rules/infragate.mdc (alwaysApply) tells the model what is guarded; enforcement is the hooks.",
  ],
};
