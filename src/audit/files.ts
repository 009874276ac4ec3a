/** Where the log lives and how its files are named, ordered and chosen for the next append. */
import { readdirSync } from "node:fs";
import { join } from "node:path";

const AUDIT_DIR = "audit";
export const HEAD_FILE = "head.json";
export const LOCK_FILE = "append.lock";
/** Default size at which a file is rotated. */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export function auditDir(home: string): string {
  return join(home, AUDIT_DIR);
}

export interface LogFileName {
  readonly name: string;
  /** UTC day, YYYY-MM-DD. */
  readonly day: string;
  /** 0 for `audit-DAY.jsonl`, N for `audit-DAY.N.jsonl`. */
  readonly index: number;
}

const LOG_NAME = /^audit-(\d{4}-\d{2}-\d{2})(?:\.([1-9]\d{0,8}))?\.jsonl$/;

export function parseLogFileName(name: string): LogFileName | undefined {
  const m = LOG_NAME.exec(name);
  if (!m) return undefined;
  return { name, day: m[1] as string, index: m[2] ? Number(m[2]) : 0 };
}

function logFileName(day: string, index: number): string {
  return index === 0 ? `audit-${day}.jsonl` : `audit-${day}.${index}.jsonl`;
}

export function compareLogFiles(a: LogFileName, b: LogFileName): number {
  return a.day < b.day ? -1 : a.day > b.day ? 1 : a.index - b.index;
}

/** The log files in chain order, oldest first. A missing directory is an empty log. (Synchronous, as every
 *  file operation of an append: see append.ts.) */
export function listLogFiles(dir: string): LogFileName[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  const files: LogFileName[] = [];
  for (const n of names) {
    const f = parseLogFileName(n);
    if (f) files.push(f);
  }
  return files.sort(compareLogFiles);
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The file the next line goes to. Stays in the newest file while it is today's (or the clock went
 * back) and the line fits; a line never goes to a file that sorts before the newest one.
 */
export function chooseLogFile(
  newest: LogFileName | undefined,
  newestSize: number,
  lineBytes: number,
  now: Date,
  maxBytes: number,
): LogFileName {
  const today = utcDay(now);
  if (!newest || today > newest.day) return { name: logFileName(today, 0), day: today, index: 0 };
  if (newestSize === 0 || newestSize + lineBytes <= maxBytes) return newest;
  const index = newest.index + 1;
  return { name: logFileName(newest.day, index), day: newest.day, index };
}
