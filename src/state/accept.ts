/** `infragate state accept` and `state show`: a human re-baselines a stack, or looks at its record. */
import path from "node:path";
import { changesBetween, describeChanges } from "./compare.js";
import { inputsOf, readSelection, takeFingerprint } from "./fingerprint.js";
import type { LocateInput } from "./locate.js";
import { readStateHeader } from "./read.js";
import { forgetTouchesUnder } from "./session.js";
import { loadRecord, saveRecord, type Baseline, type Fingerprint, type StackRecord } from "./store.js";

interface AcceptResult {
  readonly record: StackRecord;
  /** What the previous baseline said differently ("" when nothing was outstanding or no record). */
  readonly outstanding: string;
  readonly touchesForgotten: number;
  readonly created: boolean;
}

function defined(input: Partial<LocateInput> | undefined): Partial<LocateInput> {
  return Object.fromEntries(Object.entries(input ?? {}).filter(([, v]) => v !== undefined)) as Partial<LocateInput>;
}

/** Everything the record tracks, re-read now: every data dir's selection, every state path's header. */
function currentBaseline(dir: string, old: Baseline | undefined, fresh: Fingerprint): Baseline {
  const selections: Baseline["selections"] = {};
  const states: Baseline["states"] = {};
  for (const d of Object.keys(old?.selections ?? {})) selections[d] = readSelection(dir, d);
  for (const p of Object.keys(old?.states ?? {})) states[p] = readStateHeader(p);
  selections[fresh.dataDir] = fresh.selection;
  if (fresh.statePath) states[fresh.statePath] = fresh.header;
  return { selections, states };
}

/** Record the current state of dir as its baseline and forget this dir's session touches.
 *  input: how to locate the state (defaults: as the agent's last operation there located it). */
export function acceptState(home: string, dir: string, input?: Partial<LocateInput>, now = Date.now()): AcceptResult {
  const abs = path.resolve(dir);
  const rec = loadRecord(home, abs);
  const base: LocateInput = rec ? inputsOf(abs, rec.lastSeen) : { dir: abs, dataDir: "", workspaceEnv: "", stateOption: "" };
  const fresh = takeFingerprint({ ...base, ...defined(input), dir: abs });
  const changes = rec ? changesBetween(rec.baseline, fresh) : [];
  const outstanding = rec ? describeChanges(changes, rec.baseline, fresh) : "";
  const record: StackRecord = {
    version: 1,
    dir: abs,
    baseline: currentBaseline(abs, rec?.baseline, fresh),
    lastSeen: fresh,
    updatedAt: now,
    acceptedAt: now,
  };
  saveRecord(home, record);
  return { record, outstanding, touchesForgotten: forgetTouchesUnder(home, abs), created: !rec };
}

interface ShowResult {
  readonly record: StackRecord | undefined;
  /** A fresh look, compared with the baseline (nothing is written). */
  readonly current: Fingerprint;
  readonly outstanding: string;
}

export function showState(home: string, dir: string, input?: Partial<LocateInput>): ShowResult {
  const abs = path.resolve(dir);
  const rec = loadRecord(home, abs);
  const base: LocateInput = rec ? inputsOf(abs, rec.lastSeen) : { dir: abs, dataDir: "", workspaceEnv: "", stateOption: "" };
  const current = takeFingerprint({ ...base, ...defined(input), dir: abs }, rec ? [rec.lastSeen.header] : []);
  const outstanding = rec ? describeChanges(changesBetween(rec.baseline, current), rec.baseline, current) : "";
  return { record: rec, current, outstanding };
}
