/**
 * The head of the chain: the last entry's seq and hash. `head.json` is a hint written under the
 * lock after each append; the log's own tail is read every time and the two are reconciled.
 */
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { GENESIS_HASH } from "./hash.js";
import { HEAD_FILE, type LogFileName } from "./files.js";
import { parseLine } from "./lines.js";
import { HeadFileSchema, type HeadFile } from "./schema.js";

export interface Head {
  readonly seq: number;
  readonly hash: string;
  /** File holding the entry ("" for the empty log). */
  readonly file: string;
}

const EMPTY_HEAD: Head = { seq: 0, hash: GENESIS_HASH, file: "" };

/** `head.json`, or undefined when it is missing or does not match its schema. */
export function readHeadFile(dir: string): HeadFile | undefined {
  try {
    const parsed = HeadFileSchema.safeParse(JSON.parse(readFileSync(join(dir, HEAD_FILE), "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** head.json's fixed size: every write covers the whole of the previous one. */
const HEAD_BYTES = 256;

/** Rewrites `head.json` in place, padded to a fixed size, without truncating it. Not atomic, and it need not
 *  be: it is a hint, and a torn one reads as missing, so the next append repairs it from the log's tail. A
 *  temp file renamed over it, or a truncating write, would make the file system flush it at once (ext4's
 *  auto_da_alloc), which cost more than the rest of the append. */
export function writeHeadFile(dir: string, head: Head): void {
  const json = JSON.stringify({ seq: head.seq, hash: head.hash, file: head.file });
  const file = join(dir, HEAD_FILE);
  if (json.length >= HEAD_BYTES) {
    writeFileSync(file, `${json}\n`);
    return;
  }
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT, 0o644);
  try {
    writeSync(fd, `${json.padEnd(HEAD_BYTES - 1)}\n`, 0);
  } finally {
    closeSync(fd);
  }
}

interface Tail {
  readonly head: Head;
  /** Size of the newest file, and whether it ends with a newline (false after a torn write). */
  readonly newestSize: number;
  readonly newestEndsWithNewline: boolean;
}

/** The first read from a file's end: most entries are well under this, and a longer last line is read by
 *  growing the read (each append reads it, so it is kept small). */
const CHUNK = 4 * 1024;
const MAX_TAIL_READ = 4 * 1024 * 1024;

/** The last valid entry, scanning files newest first and each file from its end. */
export function readTail(dir: string, files: readonly LogFileName[]): Tail {
  let newestSize = 0;
  let newestEndsWithNewline = true;
  for (let i = files.length - 1; i >= 0; i--) {
    const f = files[i] as LogFileName;
    const { size, text, complete } = readEnd(join(dir, f.name));
    if (i === files.length - 1) {
      newestSize = size;
      newestEndsWithNewline = size === 0 || text.endsWith("\n");
    }
    const lines = text.split("\n");
    // The first piece of a partial read may be a cut line: only trust it when the whole file was read.
    const first = complete ? 0 : 1;
    for (let k = lines.length - 1; k >= first; k--) {
      const line = lines[k] as string;
      if (line === "") continue;
      const parsed = parseLine(line);
      if (parsed.ok) {
        return { head: { seq: parsed.entry.seq, hash: parsed.entry.hash, file: f.name }, newestSize, newestEndsWithNewline };
      }
    }
  }
  return { head: EMPTY_HEAD, newestSize, newestEndsWithNewline };
}

function readEnd(path: string): { size: number; text: string; complete: boolean } {
  const fd = openSync(path, "r");
  try {
    const { size } = fstatSync(fd);
    let want = Math.min(size, CHUNK);
    for (;;) {
      const buf = Buffer.alloc(want);
      const bytesRead = readSync(fd, buf, 0, want, size - want);
      const text = buf.subarray(0, bytesRead).toString("utf8");
      const complete = want === size;
      // Need at least one full line (a newline before the last one) unless the whole file is in hand.
      if (complete || text.slice(0, -1).includes("\n") || want >= MAX_TAIL_READ) return { size, text, complete };
      want = Math.min(size, want * 4);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Which head the next entry chains from. The higher seq wins; on a tie `head.json` wins. So a
 * log whose tail was truncated or whose last entry was rewritten keeps chaining from the head we
 * wrote, and the next entry exposes the gap to `verifyAudit`; a missing or stale `head.json`
 * (a crash between the append and the head update) is repaired from the tail.
 */
export function reconcileHead(tail: Head, hint: HeadFile | undefined): Head {
  if (!hint) return tail;
  if (tail.seq > hint.seq) return tail;
  return { seq: hint.seq, hash: hint.hash, file: hint.file };
}
