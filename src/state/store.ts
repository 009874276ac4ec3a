/** Per-stack fingerprint records under $INFRAGATE_HOME/state/: one small JSON per stack root, named by
 *  a hash of the absolute dir, written atomically (temp file + rename). A record that cannot be read
 *  counts as absent: the next sighting records a fresh baseline. */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { sha256 } from "./read.js";

const Header = z.object({
  exists: z.boolean(),
  readable: z.boolean(),
  lineage: z.string(),
  serial: z.number().int(),
  hash: z.string(),
  size: z.number(),
  mtimeMs: z.number(),
  stamp: z.string(),
});


/** Which backend and workspace a data dir selects (`<data dir>/terraform.tfstate`, `environment`). */
const Selection = z.object({ workspace: z.string(), backendType: z.string(), backendHash: z.string() });
type Selection = z.infer<typeof Selection>;

/** One sighting: the selection of the data dir in use and the state file the operation uses. */
export const Fingerprint = z.object({
  dataDir: z.string(),
  selection: Selection,
  /** The workspace in effect (TF_WORKSPACE, else the selection). */
  workspace: z.string(),
  /** Absolute local state path, "" when the state is remote. */
  statePath: z.string(),
  header: Header,
  /** How the operation located its state (TF_WORKSPACE, -state=), so that it can be looked at again. */
  workspaceEnv: z.string(),
  stateOption: z.string(),
});
export type Fingerprint = z.infer<typeof Fingerprint>;

/** What the state is supposed to be: per data dir its selection, per state path its header. Keys
 *  first seen are recorded as they are (no swap); explicit overrides (TF_WORKSPACE, TF_DATA_DIR,
 *  -state=) therefore get their own baselines and are left to the terraform policies. */
export const Baseline = z.object({
  selections: z.record(z.string(), Selection),
  states: z.record(z.string(), Header),
});
export type Baseline = z.infer<typeof Baseline>;

export const ChangeKind = z.enum(["lineage", "serial", "edited", "backend", "workspace", "appeared", "vanished", "baseline-unreadable"]);
export type ChangeKind = z.infer<typeof ChangeKind>;

/** Changes that an allowed operation announced it would make (consumed by the next sighting). */
export const Pending = z.object({ at: z.number(), operations: z.array(z.string()), expect: z.array(ChangeKind) });
export type Pending = z.infer<typeof Pending>;

export const StackRecord = z.object({
  version: z.literal(1),
  dir: z.string(),
  /** Moves forward with each sighting that is not a swap; a swap leaves it until `state accept`. */
  baseline: Baseline,
  /** What the last sighting found (equals baseline unless a swap is outstanding). */
  lastSeen: Fingerprint,
  pending: Pending.optional(),
  updatedAt: z.number(),
  acceptedAt: z.number().optional(),
});
export type StackRecord = z.infer<typeof StackRecord>;

const MAX_KEYS = 32;

/** Set one key, most recent last, keeping at most MAX_KEYS keys. */
export function setBounded<T>(map: Readonly<Record<string, T>>, key: string, value: T): Record<string, T> {
  const out: Record<string, T> = {};
  const keys = Object.keys(map).filter((k) => k !== key).slice(-(MAX_KEYS - 1));
  for (const k of keys) out[k] = map[k] as T;
  out[key] = value;
  return out;
}

function stateDir(home: string): string {
  return path.join(home, "state");
}

export function recordPath(home: string, dir: string): string {
  return path.join(stateDir(home), `${sha256(path.resolve(dir)).slice(0, 32)}.json`);
}

/** A stack's record as read: none yet, one that could not be read (corrupt, truncated, an older or newer
 *  format, another stack's), or the record. */
type LoadedRecord =
  | { readonly kind: "absent" }
  | { readonly kind: "unreadable"; readonly error: string }
  | { readonly kind: "ok"; readonly record: StackRecord };

export function readRecord(home: string, dir: string): LoadedRecord {
  let text: string;
  try {
    text = fs.readFileSync(recordPath(home, dir), "utf8");
  } catch (e) {
    const code = e instanceof Error && "code" in e ? e.code : "";
    // No record, or no state folder at all (a broken $INFRAGATE_HOME is the audit stage's to report).
    return code === "ENOENT" || code === "ENOTDIR" ? { kind: "absent" } : { kind: "unreadable", error: (e as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "unreadable", error: "not JSON" };
  }
  const parsed = StackRecord.safeParse(json);
  if (!parsed.success) return { kind: "unreadable", error: "not a record infragate can read (corrupt, or another format version)" };
  if (parsed.data.dir !== path.resolve(dir)) return { kind: "unreadable", error: `a record of another stack (${parsed.data.dir})` };
  return { kind: "ok", record: parsed.data };
}

/** The record, or undefined when there is none or it cannot be read (for `state accept`, which replaces it). */
export function loadRecord(home: string, dir: string): StackRecord | undefined {
  const r = readRecord(home, dir);
  return r.kind === "ok" ? r.record : undefined;
}

/** Write JSON atomically: a temp file in the same directory, then rename over the target. */
export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    fs.writeFileSync(tmp, `${JSON.stringify(value)}\n`, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export function saveRecord(home: string, record: StackRecord): void {
  writeJsonAtomic(recordPath(home, record.dir), record);
}
