/** Lists entries for people: filtered by decision, agent and time, newest N. */
import { resolve } from "node:path";
import { auditDir, listLogFiles } from "./files.js";
import { readLogLines } from "./lines.js";
import type { AuditEntry, Decision } from "./schema.js";

export interface AuditFilter {
  readonly decision?: Decision;
  readonly agent?: string;
  /** ISO time, inclusive. */
  readonly since?: string;
  /** ISO time, exclusive. */
  readonly until?: string;
  /** Keep only the last N matching entries. */
  readonly limit?: number;
}

export interface ReadAuditResult {
  /** Matching entries in log order (oldest first). */
  readonly entries: AuditEntry[];
  /** Lines that did not parse or match the schema, skipped (run `verifyAudit` to see why). */
  readonly invalidLines: number;
}

/** Reads the log for listing. Does not verify the chain; throws only if a log file cannot be read. */
export async function readAudit(home: string, filter: AuditFilter = {}): Promise<ReadAuditResult> {
  const since = parseTime(filter.since, "since");
  const until = parseTime(filter.until, "until");
  const limit = filter.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 0)) throw new RangeError("readAudit: limit must be a non-negative integer");
  const dir = auditDir(resolve(home));
  const entries: AuditEntry[] = [];
  let invalidLines = 0;
  for await (const l of readLogLines(dir, listLogFiles(dir))) {
    if (!l.ok) {
      invalidLines++;
      continue;
    }
    const e = l.entry;
    if (filter.decision && e.decision !== filter.decision) continue;
    if (filter.agent !== undefined && e.agent !== filter.agent) continue;
    if (since !== undefined || until !== undefined) {
      const t = Date.parse(e.time);
      if (Number.isNaN(t)) continue;
      if (since !== undefined && t < since) continue;
      if (until !== undefined && t >= until) continue;
    }
    entries.push(e);
    if (limit !== undefined && entries.length > limit) entries.shift();
  }
  return { entries, invalidLines };
}

function parseTime(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RangeError(`readAudit: ${name} is not a valid time: ${value}`);
  return t;
}
