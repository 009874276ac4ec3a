/**
 * The `{"version": 1, "hooks": {"<event>": [handler, ...]}}` shape shared by Cursor and Copilot (flat handler
 * lists, no matcher groups). Our handlers are found by their command (namesLauncher) under commandKey; everything else
 * is left exactly as it was.
 */
import { deepEqual, isObject, type JsonObject } from "./json.js";
import { isOurCommand } from "./marker.js";

/** Remove our handlers from these events; lists left empty go, and so does a file left with only version 1. */
export function withoutOursFlat(s: JsonObject, events: readonly string[], commandKey: string): JsonObject {
  if (!isObject(s.hooks)) return s;
  const hooks: JsonObject = { ...s.hooks };
  for (const event of events) {
    const list = hooks[event];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((h) => !(isObject(h) && isOurCommand(h[commandKey])));
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

/** Our handler exactly once in each event (unchanged settings when it already is), version 1. */
export function withOursFlat(s: JsonObject, events: readonly string[], commandKey: string, handlerOf: (event: string) => JsonObject): JsonObject {
  if (s.hooks !== undefined && !isObject(s.hooks)) throw new Error(`"hooks" is not an object; fix it by hand, then install again`);
  const current = isObject(s.hooks) ? s.hooks : {};
  const already = events.every((e) => {
    const list = current[e];
    return Array.isArray(list) && list.filter((h) => isObject(h) && isOurCommand(h[commandKey])).length === 1 && list.some((h) => deepEqual(h, handlerOf(e)));
  });
  if (already && s.version === 1) return s;
  const base = withoutOursFlat(s, events, commandKey);
  const hooks: JsonObject = isObject(base.hooks) ? { ...base.hooks } : {};
  for (const e of events) hooks[e] = [...(Array.isArray(hooks[e]) ? (hooks[e] as unknown[]) : []), handlerOf(e)];
  return { ...base, version: 1, hooks };
}
