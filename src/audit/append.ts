/** Appends one decision to the audit log, under the cross-process lock, extending the hash chain. */
import { closeSync, fdatasync, fstatSync, fsyncSync, ftruncateSync, mkdirSync, openSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { canonicalJson } from "./canonical.js";
import { auditDir, chooseLogFile, DEFAULT_MAX_BYTES, listLogFiles, LOCK_FILE } from "./files.js";
import { entryHash } from "./hash.js";
import { readHeadFile, readTail, reconcileHead, writeHeadFile } from "./head.js";
import { acquireLock, DEFAULT_LOCK_TIMEOUT_MS, LockTimeoutError } from "./lock.js";
import { DEFAULT_LIMITS, redactFacts, redactString } from "./redact.js";
import { AuditInputSchema, ENTRY_VERSION, type AuditEntry, type AuditInput } from "./schema.js";

export type AppendResult =
  | { readonly ok: true; readonly seq: number; readonly hash: string; readonly file: string }
  /** busy: the lock was held by other appends for the whole timeout (concurrency, not a broken home). */
  | { readonly ok: false; readonly error: string; readonly busy?: boolean };

export interface AppendOptions {
  /** Rotate to a new file when the current one would exceed this many bytes (default 10 MiB). */
  readonly maxBytes?: number;
  /** Give up on the lock after this long (default DEFAULT_LOCK_TIMEOUT_MS, 12 s). */
  readonly lockTimeoutMs?: number;
  /** Break a lock older than this (default 10 000 ms). */
  readonly staleLockMs?: number;
  /** Clock, for tests of daily rotation. */
  readonly now?: () => Date;
}

/**
 * Appends one entry to `<home>/audit/` and returns its seq and hash.
 *
 * Contract: this function never throws and never rejects. When the entry cannot be recorded
 * (invalid input, unwritable home, disk error, lock not obtained within the timeout: `busy`), it resolves to
 * `{ ok: false, error }` and nothing was added to the chain. The caller decides what that means;
 * infragate's hooks deny state-changing actions when the audit write failed and let read-only
 * ones through with a warning.
 *
 * The action text, facts and reason are redacted before storing (see redact.ts); file contents
 * are dropped. Safe to call from many processes at once: appends are serialised by an O_EXCL lock
 * file, each line is written with a single write and fdatasync'ed before the lock is released.
 */
export async function appendAudit(home: string, entry: AuditInput, options: AppendOptions = {}): Promise<AppendResult> {
  try {
    const dir = auditDir(resolve(home));
    const body = prepareBody(entry, options);
    if ("error" in body) return { ok: false, error: body.error };
    return await enqueue(dir, body, options);
  } catch (err) {
    return { ok: false, error: describe(err), ...(err instanceof LockTimeoutError ? { busy: true } : {}) };
  }
}

type Body = Omit<AuditEntry, "seq" | "prev" | "hash">;

/** Validation and redaction happen before the lock is taken, to keep it short. */
function prepareBody(input: AuditInput, options: AppendOptions): Body | { readonly error: string } {
  const parsed = AuditInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `invalid audit entry: ${issue?.path.join(".") || "entry"}: ${issue?.message ?? "invalid"}` };
  }
  const now = options.now?.() ?? new Date();
  return {
    v: ENTRY_VERSION,
    time: parsed.data.time ?? now.toISOString(),
    agent: parsed.data.agent,
    session: parsed.data.session,
    cwd: parsed.data.cwd,
    tool: parsed.data.tool,
    action: redactString(parsed.data.action, DEFAULT_LIMITS.maxString),
    facts: redactFacts(parsed.data.facts),
    decision: parsed.data.decision,
    policies: parsed.data.policies,
    reason: redactString(parsed.data.reason, DEFAULT_LIMITS.maxString),
  };
}

/** Appends of one process to one log are committed in groups: whatever queued while the previous group was
 *  being made durable goes under one lock, one write and one fdatasync (the decision service answers many
 *  calls at once; a hook process appends one entry, a group of one). The file operations under the lock are
 *  synchronous (see lock.ts), a few microseconds each where an asynchronous one is a thread-pool round trip,
 *  except the fdatasync: it takes a millisecond or more, and it is while it runs that the next group queues. */
interface Pending {
  readonly body: Body;
  readonly options: AppendOptions;
  readonly resolve: (r: AppendResult) => void;
}
const MAX_GROUP = 256;
const groups = new Map<string, Pending[]>();
/** Appends queued or being written and not yet answered, in every log of this process. */
let unanswered = 0;

/** A process that makes many decisions at once (the decision service) says how many appends it expects soon
 *  (its decisions in flight, each of which ends in one). A group then waits, up to maxDelayMs, in 1 ms sleeps
 *  that leave the event loop to its requests (not a busy loop), until they have all queued; and under load
 *  (decisions overlap, and the last group was committed less than 2 x maxDelayMs ago) for the next requests
 *  to arrive: one lock and one fdatasync for all of them, where otherwise each would take its own (as
 *  PostgreSQL's commit_delay). Decisions made one at a time, however quickly they follow each other, never
 *  wait. */
export interface GroupCommit {
  readonly expected: () => number;
  readonly maxDelayMs: number;
}
let groupCommit: GroupCommit | undefined;
/** When the last group was committed (performance.now()), and its size. */
let lastCommit = -Infinity;
let lastGroupSize = 0;

export function setGroupCommit(g: GroupCommit | undefined): void {
  groupCommit = g;
  lastCommit = -Infinity;
  lastGroupSize = 0;
}

let commits = 0;

/** How many groups this process has committed (each one lock, one write, one fdatasync): `serve --status`. */
export function auditCommits(): number {
  return commits;
}

async function gatherSiblings(): Promise<void> {
  const g = groupCommit;
  if (!g) return;
  const start = performance.now();
  const until = start + g.maxDelayMs;
  const busy = start - lastCommit < 2 * g.maxDelayMs && (lastGroupSize > 1 || g.expected() > 1);
  while ((busy || unanswered < g.expected()) && performance.now() < until) await new Promise((r) => setTimeout(r, 1));
}

function enqueue(dir: string, body: Body, options: AppendOptions): Promise<AppendResult> {
  unanswered++;
  return new Promise((resolvePending) => {
    const queued = groups.get(dir);
    if (queued) {
      queued.push({ body, options, resolve: resolvePending });
      return;
    }
    const queue: Pending[] = [{ body, options, resolve: resolvePending }];
    groups.set(dir, queue);
    void drain(dir, queue);
  });
}

async function drain(dir: string, queue: Pending[]): Promise<void> {
  while (queue.length > 0) {
    await gatherSiblings();
    const group = queue.splice(0, MAX_GROUP);
    const first = group[0] as Pending;
    let results: readonly AppendResult[];
    try {
      results = await appendLocked(dir, group.map((p) => p.body), first.options);
    } catch (err) {
      const failed: AppendResult = { ok: false, error: describe(err), ...(err instanceof LockTimeoutError ? { busy: true } : {}) };
      results = group.map(() => failed);
    }
    unanswered -= group.length;
    lastCommit = performance.now();
    lastGroupSize = group.length;
    commits++;
    group.forEach((p, i) => p.resolve(results[i] ?? { ok: false, error: "internal: no result" }));
  }
  groups.delete(dir);
}

async function appendLocked(dir: string, bodies: readonly Body[], options: AppendOptions): Promise<AppendResult[]> {
  const now = options.now?.() ?? new Date();
  mkdirSync(dir, { recursive: true });
  const release = await acquireLock(join(dir, LOCK_FILE), {
    timeoutMs: options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS,
    staleMs: options.staleLockMs ?? 10_000,
  });
  try {
    const files = listLogFiles(dir);
    const tail = readTail(dir, files);
    let head = reconcileHead(tail.head, readHeadFile(dir));

    const stored: AuditEntry[] = [];
    for (const body of bodies) {
      const unhashed = { ...body, seq: head.seq + 1, prev: head.hash };
      const entry: AuditEntry = { ...unhashed, hash: entryHash(unhashed) };
      stored.push(entry);
      head = { ...head, seq: entry.seq, hash: entry.hash };
    }
    const text = stored.map((e) => `${canonicalJson(e)}\n`).join("");
    const bytes = Buffer.byteLength(text);

    const newest = files[files.length - 1];
    const target = chooseLogFile(newest, tail.newestSize, bytes, now, options.maxBytes ?? DEFAULT_MAX_BYTES);
    const continuing = newest !== undefined && target.name === newest.name;
    // A torn last line (crash mid-write) must not swallow this entry.
    const prefix = continuing && !tail.newestEndsWithNewline ? "\n" : "";
    await writeLine(join(dir, target.name), prefix + text, !continuing ? dir : undefined);

    const results = stored.map((e) => ({ ok: true as const, seq: e.seq, hash: e.hash, file: target.name }));
    const last = results[results.length - 1];
    // head.json is a hint; the log lines above are already durable, so a failure here is not an append failure.
    if (last) {
      try {
        writeHeadFile(dir, { seq: last.seq, hash: last.hash, file: last.file });
      } catch {
        // the next append reconciles head.json from the log's tail
      }
    }
    return results;
  } finally {
    release();
  }
}

/** One write, then fdatasync. On failure the file is cut back so no partial line remains. */
async function writeLine(path: string, text: string, syncDir: string | undefined): Promise<void> {
  const fd = openSync(path, "a");
  let size = -1;
  try {
    size = fstatSync(fd).size;
    const buf = Buffer.from(text, "utf8");
    const bytesWritten = writeSync(fd, buf, 0, buf.length);
    if (bytesWritten !== buf.length) throw new Error(`short write (${bytesWritten} of ${buf.length} bytes)`);
    await new Promise<void>((done, fail) => fdatasync(fd, (err) => (err ? fail(err) : done())));
  } catch (err) {
    if (size >= 0) {
      try {
        ftruncateSync(fd, size);
      } catch {
        // the torn line is healed by the next append (see prefix above)
      }
    }
    throw err;
  } finally {
    closeSync(fd);
  }
  if (syncDir) syncDirectory(syncDir);
}

/** Makes a newly created file's directory entry durable (best effort: not every platform allows it). */
function syncDirectory(dir: string): void {
  try {
    const dfd = openSync(dir, "r");
    try {
      fsyncSync(dfd);
    } finally {
      closeSync(dfd);
    }
  } catch {
    // not supported here
  }
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
