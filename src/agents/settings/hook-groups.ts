/**
 * The `{"hooks": {"<Event>": [{"matcher", "hooks": [handler]}]}}` shape shared by Claude Code, Gemini CLI and
 * Codex. Our handlers are found by their command (namesLauncher); everything else is left exactly as it was.
 */
import { deepEqual, isObject, type JsonObject } from "./json.js";
import { isOurHandler } from "./marker.js";

export interface Group {
  readonly matcher?: string;
  readonly hooks: readonly JsonObject[];
}

function groupsOf(settings: JsonObject, event: string): unknown[] {
  const hooks = settings.hooks;
  if (hooks === undefined) return [];
  if (!isObject(hooks)) throw new Error(`"hooks" is not an object; fix it by hand, then install again`);
  const list = hooks[event];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`"hooks.${event}" is not an array; fix it by hand, then install again`);
  return list;
}

/** Remove our handlers from every group of an event; groups left empty go, and so do empty containers. */
export function withoutOurs(settings: JsonObject, event: string): JsonObject {
  const groups = groupsOf(settings, event);
  const kept: unknown[] = [];
  for (const g of groups) {
    if (!isObject(g) || !Array.isArray(g.hooks)) {
      kept.push(g);
      continue;
    }
    const handlers = g.hooks.filter((h) => !(isObject(h) && isOurHandler(h)));
    if (handlers.length === g.hooks.length) kept.push(g);
    else if (handlers.length > 0) kept.push({ ...g, hooks: handlers });
  }
  if (settings.hooks === undefined) return settings;
  const hooks = { ...(settings.hooks as JsonObject) };
  if (kept.length > 0) hooks[event] = kept;
  else delete hooks[event];
  const out: JsonObject = { ...settings, hooks };
  if (Object.keys(hooks).length === 0) delete out.hooks;
  return out;
}

/** Our group present exactly once: if it already is, the settings are returned unchanged (idempotent). */
export function withOurs(settings: JsonObject, event: string, group: Group): JsonObject {
  const groups = groupsOf(settings, event);
  const ours = groups.filter((g) => isObject(g) && Array.isArray(g.hooks) && g.hooks.some((h) => isObject(h) && isOurHandler(h)));
  if (ours.length === 1 && deepEqual(ours[0], group)) return settings;
  const base = withoutOurs(settings, event);
  const hooks = isObject(base.hooks) ? { ...base.hooks } : {};
  hooks[event] = [...groupsOf(base, event), group];
  return { ...base, hooks };
}
