/** A sighting: fingerprint the state an operation will use, compare it with the stack's baseline, and
 *  move the baseline forward unless something changed that no allowed operation announced.
 *
 *  Baseline rules (docs/state.md):
 *  - the first sighting of a stack (or of a data dir / state path within it) records it: no swap;
 *  - a sighting without unexpected changes becomes the new baseline (terraform's own writes move the
 *    serial forward with the same lineage, which is no change at all);
 *  - changes that an allowed operation announced (rememberEffects sets `pending`: init may change the
 *    backend, workspace select the workspace, apply may create the first state) are excused once, by
 *    the next sighting in a later decision, which consumes the announcement;
 *  - any other change is a swap: the OLD baseline stays until a human runs `infragate state accept`,
 *    so retrying cannot launder it. */
import { advance, changesBetween, describeChanges, unexpected } from "./compare.js";
import { takeFingerprint } from "./fingerprint.js";
import type { LocateInput } from "./locate.js";
import { readRecord, saveRecord, type ChangeKind, type Fingerprint, type StackRecord } from "./store.js";

export interface Sighting {
  readonly fingerprint: Fingerprint;
  /** Unexpected changes since the baseline: non-empty means swapped. */
  readonly changes: readonly ChangeKind[];
  readonly detail: string;
  readonly firstSighting: boolean;
}

function sameRecord(a: StackRecord, b: StackRecord): boolean {
  return JSON.stringify({ ...a, updatedAt: 0 }) === JSON.stringify({ ...b, updatedAt: 0 });
}

export function sight(home: string, input: LocateInput, now = Date.now()): Sighting {
  const loaded = readRecord(home, input.dir);
  if (loaded.kind === "unreadable") {
    // Not a first sighting: re-baselining here would launder a swap. The record stays as it is until a
    // human runs `infragate state accept`, and every sighting reports it.
    const cur = takeFingerprint(input);
    const detail = `the state baseline could not be read (${loaded.error}); run 'infragate state accept' after checking the state`;
    return { fingerprint: cur, changes: ["baseline-unreadable"], detail, firstSighting: false };
  }
  const rec = loaded.kind === "ok" ? loaded.record : undefined;
  const cached = rec ? [rec.lastSeen.header, ...Object.values(rec.baseline.states)] : [];
  const cur = takeFingerprint(input, cached);
  if (!rec) {
    const baseline = advance({ selections: {}, states: {} }, cur);
    saveRecord(home, { version: 1, dir: input.dir, baseline, lastSeen: cur, updatedAt: now });
    return { fingerprint: cur, changes: [], detail: "", firstSighting: true };
  }
  const changes = unexpected(changesBetween(rec.baseline, cur), rec.pending, cur);
  const detail = describeChanges(changes, rec.baseline, cur);
  const { pending: _consumed, ...rest } = rec;
  const next: StackRecord = {
    ...rest,
    baseline: changes.length === 0 ? advance(rec.baseline, cur) : rec.baseline,
    lastSeen: cur,
    updatedAt: now,
  };
  if (!sameRecord(rec, next)) saveRecord(home, next);
  return { fingerprint: cur, changes, detail, firstSighting: false };
}
