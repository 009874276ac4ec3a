/**
 * A cross-process lock file: created with O_EXCL (`fs.open(path, "wx")`), retried with jittered
 * exponential backoff until a deadline, and broken when stale (older than `staleMs`, or held by a
 * process on this host that no longer exists, or left empty for over a second by a holder that
 * died between creating and writing it). Breaking is itself guarded by a second O_EXCL file so
 * two waiters cannot both break a lock and then delete each other's fresh one.
 *
 * Every file operation is synchronous: each is a few microseconds on a local disk, while an asynchronous one
 * is a round trip through libuv's thread pool, and an append made of twenty of those was most of the decision
 * service's answer time. Only the wait between two tries yields to the event loop.
 */
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { LockInfoSchema } from "./schema.js";

interface LockOptions {
  /** Give up after this long (default 12 000 ms: many hooks at once on a small machine queue for it). */
  readonly timeoutMs?: number;
  /** A lock older than this is broken (default 10 000 ms). */
  readonly staleMs?: number;
}

export class LockTimeoutError extends Error {
  constructor(path: string, ms: number) {
    super(`could not take the audit lock ${path} within ${ms} ms`);
    this.name = "LockTimeoutError";
  }
}

type Release = () => void;

const HOST = hostname();
/** A holder writes its identity right after creating the file; empty for longer than this means it died. */
const EMPTY_GRACE_MS = 1000;
/** Well inside the hook's 24 s deadline, and long enough for dozens of queued appends (each takes an fdatasync). */
export const DEFAULT_LOCK_TIMEOUT_MS = 12_000;

export async function acquireLock(path: string, options: LockOptions = {}): Promise<Release> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const staleMs = options.staleMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  let delay = 1;
  for (;;) {
    const release = tryCreate(path);
    if (release) return release;
    if (breakIfStale(path, staleMs)) continue;
    if (Date.now() >= deadline) throw new LockTimeoutError(path, timeoutMs);
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 32);
  }
}

function tryCreate(path: string): Release | undefined {
  let fd;
  try {
    fd = openSync(path, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return undefined;
    throw err;
  }
  const identity = JSON.stringify({ pid: process.pid, host: HOST, time: Date.now(), nonce: randomUUID() });
  try {
    writeSync(fd, identity);
  } finally {
    closeSync(fd);
  }
  return () => {
    try {
      // Only remove the lock if it is still ours: it may have been broken as stale and retaken
      // meanwhile (inode numbers are reused at once, so the content is what identifies it).
      if (readFileSync(path, "utf8") === identity) unlinkSync(path);
    } catch {
      // already gone
    }
  };
}

function breakIfStale(path: string, staleMs: number): boolean {
  const first = staleStat(path, staleMs);
  if (!first) return false;
  const guard = `${path}.break`;
  let gd;
  try {
    gd = openSync(guard, "wx");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") return false;
    // Someone else is breaking it; a guard left by a crashed breaker is itself stale after staleMs.
    try {
      if (Date.now() - statSync(guard).mtimeMs > staleMs) unlinkSync(guard);
    } catch {
      // gone meanwhile
    }
    return false;
  }
  try {
    closeSync(gd);
    const again = staleStat(path, staleMs);
    if (!again || again.key !== first.key) return false;
    unlinkSync(path);
    return true;
  } catch {
    return false;
  } finally {
    try {
      unlinkSync(guard);
    } catch {
      // gone already
    }
  }
}

/** The lock's stat if it is stale, otherwise undefined (also when it vanished). */
function staleStat(path: string, staleMs: number): { key: string } | undefined {
  let st;
  let text: string;
  try {
    st = statSync(path);
    text = readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
  const age = Date.now() - st.mtimeMs;
  // Identity of this lock instance: inode numbers alone are reused right after an unlink.
  const stale = { key: `${st.ino}:${st.mtimeMs}:${text}` };
  if (age > staleMs) return stale;
  let info;
  try {
    info = LockInfoSchema.safeParse(JSON.parse(text));
  } catch {
    info = undefined;
  }
  if (!info?.success) return age > EMPTY_GRACE_MS ? stale : undefined;
  const holder = info.data;
  if (holder.host === HOST && holder.pid !== process.pid && !isAlive(holder.pid)) return stale;
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
