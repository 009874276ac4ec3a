/** What reading a client's statements found: their kinds, effects, the objects the destructive ones name,
 *  and what could not be read. */
import type { DbEffect } from "../../clis/databases/operation.js";

export interface Classified {
  readonly statements: string[];
  readonly effects: DbEffect[];
  readonly objects: string[];
  readonly unreadable: string[];
}

export function emptyClassified(): Classified {
  return { statements: [], effects: [], objects: [], unreadable: [] };
}

export function merge(into: Classified, from: Classified): void {
  into.statements.push(...from.statements);
  into.effects.push(...from.effects);
  into.objects.push(...from.objects);
  into.unreadable.push(...from.unreadable);
}

/** A walk over a parsed tree (plain JSON objects): every object node, depth first. Bounded. */
export function* nodes(tree: unknown, limit = 200_000): Generator<Record<string, unknown>> {
  const stack: unknown[] = [tree];
  let seen = 0;
  while (stack.length > 0 && seen++ < limit) {
    const n = stack.pop();
    if (Array.isArray(n)) for (const x of n) stack.push(x);
    else if (n !== null && typeof n === "object") {
      const rec = n as Record<string, unknown>;
      yield rec;
      for (const v of Object.values(rec)) if (v !== null && typeof v === "object") stack.push(v);
    }
  }
}

export function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

export function rec(v: unknown): Record<string, unknown> | undefined {
  return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}
