/** Cheap reads of the files that decide which state terraform uses. A stat first; the state file is
 *  read only when its size, times or inode changed since the cached header; files above the cap are
 *  scanned for their header only. Unreadable is a fact (readable: false), never an exception. */
import crypto from "node:crypto";
import fs from "node:fs";
import { scanHeader } from "./scan.js";

/** State files up to this size are parsed in full (content hash); larger ones are only scanned. */
const FULL_PARSE_CAP = 64 * 1024 * 1024;
const SMALL_CAP = 1024 * 1024;

export function sha256(text: string | Buffer): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}

/** JSON with sorted keys, for hashes that do not depend on key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .filter((k) => obj[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A small text file, or undefined when absent, unreadable or too large. */
export function readSmallText(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > SMALL_CAP) return undefined;
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export interface BackendInfo {
  /** "" when there is no backend config file (the implicit local backend). */
  readonly type: string;
  /** sha256 of the backend type and config, "" when there is no file. */
  readonly hash: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** `<data dir>/terraform.tfstate`: the backend configuration terraform init saved. */
export function readBackend(file: string): BackendInfo {
  let raw: string | undefined;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) return { type: "(not a file)", hash: sha256("not a file"), config: {} };
    if (st.size > SMALL_CAP) return { type: "(too large)", hash: sha256(`size ${st.size} ${st.mtimeMs}`), config: {} };
    raw = fs.readFileSync(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { type: "", hash: "", config: {} };
    return { type: "(unreadable)", hash: sha256("unreadable"), config: {} };
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    const backend = isRecord(parsed) && isRecord(parsed.backend) ? parsed.backend : {};
    const type = typeof backend.type === "string" ? backend.type : "(none)";
    const config = isRecord(backend.config) ? backend.config : {};
    return { type, hash: sha256(canonicalJson({ type, config })), config };
  } catch {
    return { type: "(invalid)", hash: sha256(raw), config: {} };
  }
}

/** What one look at a state file found. The stat fields make it its own cache key. */
export interface StateHeader {
  readonly exists: boolean;
  readonly readable: boolean;
  readonly lineage: string;
  readonly serial: number;
  /** sha256 of the resources and outputs ("" when not parsed in full). */
  readonly hash: string;
  readonly size: number;
  readonly mtimeMs: number;
  /** size:mtimeNs:ctimeNs:ino, "" when absent. ctime catches `cp -p` / `tar x` that keep mtime. */
  readonly stamp: string;
}

export const ABSENT: StateHeader = { exists: false, readable: false, lineage: "", serial: 0, hash: "", size: 0, mtimeMs: 0, stamp: "" };

function unreadable(size: number, mtimeMs: number, stamp: string): StateHeader {
  return { exists: true, readable: false, lineage: "", serial: 0, hash: "", size, mtimeMs, stamp };
}

/** Read a state file's header; reuse a cached header whose stamp still matches. */
export function readStateHeader(file: string, cached: readonly StateHeader[] = [], cap = FULL_PARSE_CAP): StateHeader {
  let st: fs.BigIntStats;
  try {
    st = fs.statSync(file, { bigint: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR" ? ABSENT : unreadable(0, 0, `error:${code ?? "?"}`);
  }
  const size = Number(st.size);
  const mtimeMs = Number(st.mtimeMs);
  const stamp = `${st.size}:${st.mtimeNs}:${st.ctimeNs}:${st.ino}`;
  if (!st.isFile()) return unreadable(size, mtimeMs, stamp);
  const hit = cached.find((c) => c.exists && c.stamp === stamp);
  if (hit) return hit;
  try {
    if (size > cap) {
      const { lineage, serial } = scanHeader(file);
      if (lineage === undefined || serial === undefined) return unreadable(size, mtimeMs, stamp);
      return { exists: true, readable: true, lineage, serial, hash: "", size, mtimeMs, stamp };
    }
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!isRecord(parsed)) return unreadable(size, mtimeMs, stamp);
    const { lineage, serial } = parsed;
    if (typeof lineage !== "string" || typeof serial !== "number" || !Number.isInteger(serial)) return unreadable(size, mtimeMs, stamp);
    const hash = sha256(canonicalJson([parsed.resources ?? null, parsed.outputs ?? null]));
    return { exists: true, readable: true, lineage, serial, hash, size, mtimeMs, stamp };
  } catch {
    return unreadable(size, mtimeMs, stamp);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
