/** Policy scopes (principal, action, resource constraints), read from Cedar's own JSON form, and a matcher.
 *  A policy whose scope cannot match a request is never satisfied and never errors (Cedar evaluates the
 *  scope before the conditions), so leaving it out cannot change Cedar's answer. The equivalence test
 *  (test/policy/shortcut-equivalence.test.ts) checks that claim against full Cedar evaluation. */
import type { ScopeConstraint, Uid } from "./types.js";

function isUid(v: unknown): v is Uid {
  return typeof v === "object" && v !== null && typeof (v as Uid).type === "string" && typeof (v as Uid).id === "string";
}

/** Read one scope constraint from policyToJson output; unknown shapes become "unknown" (may match). */
export function readConstraint(raw: unknown): ScopeConstraint {
  if (typeof raw !== "object" || raw === null) return { op: "unknown" };
  const c = raw as Record<string, unknown>;
  if (c.op === "All") return { op: "All" };
  if (c.op === "==" && isUid(c.entity)) return { op: "==", entity: c.entity };
  if (c.op === "in" && isUid(c.entity)) return { op: "in", entity: c.entity };
  if (c.op === "in" && Array.isArray(c.entities) && c.entities.every(isUid)) return { op: "in", entities: c.entities };
  if (c.op === "is" && typeof c.entity_type === "string") {
    const inner = c.in as { entity?: unknown } | undefined;
    if (inner === undefined) return { op: "is", entity_type: c.entity_type };
    if (isUid(inner.entity)) return { op: "is", entity_type: c.entity_type, in: { entity: inner.entity } };
  }
  return { op: "unknown" };
}

const same = (a: Uid, b: Uid): boolean => a.type === b.type && a.id === b.id;

/** Can this constraint match an entity whose ancestry (itself first, then all ancestors) is given? */
export function constraintMatches(c: ScopeConstraint, ancestry: readonly Uid[]): boolean {
  const self = ancestry[0];
  if (!self) return true;
  switch (c.op) {
    case "All":
    case "unknown":
      return true;
    case "==":
      return same(c.entity, self);
    case "in":
      if ("entities" in c) return c.entities.some((e) => ancestry.some((a) => same(a, e)));
      return ancestry.some((a) => same(a, c.entity));
    case "is":
      return self.type === c.entity_type && (c.in === undefined || ancestry.some((a) => same(a, (c.in as { entity: Uid }).entity)));
  }
}
