/** The disk side of the shell stage's ScriptReader port: project files read only when a command runs them,
 *  size-limited, binary files recognised, and text and parsed results cached per process by path, size and mtime. */
import fs from "node:fs";
import type { ScriptFile, ScriptReader } from "../shell/types.js";
import { MAX_INPUT } from "../shell/walk.js";

/** Bytes kept of a file too large to parse: enough to tell whether it names a guarded CLI near its start. */
const HEAD_BYTES = 64 * 1024;
const MAX_CACHED = 512;

interface Entry {
  readonly stamp: string;
  readonly file: ScriptFile;
  readonly parsed: Map<string, unknown>;
}

const cache = new Map<string, Entry>();

function looksBinary(buf: Buffer): boolean {
  const n = Math.min(buf.length, 8000);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

function readHead(abs: string, size: number): Buffer {
  const fd = fs.openSync(abs, "r");
  try {
    const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

function load(abs: string, st: fs.Stats, stamp: string): ScriptFile {
  if (st.size > MAX_INPUT) {
    const head = readHead(abs, st.size);
    return { ok: false, path: abs, reason: looksBinary(head) ? "binary" : "too-large", text: looksBinary(head) ? "" : head.toString("utf8") };
  }
  const buf = fs.readFileSync(abs);
  if (looksBinary(buf)) return { ok: false, path: abs, reason: "binary", text: "" };
  return { ok: true, path: abs, text: buf.toString("utf8"), stamp };
}

function entry(abs: string): Entry | ScriptFile {
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, path: abs, reason: code === "ENOENT" || code === "ENOTDIR" ? "missing" : "unreadable", text: "" };
  }
  if (!st.isFile()) return { ok: false, path: abs, reason: st.isDirectory() ? "missing" : "unreadable", text: "" };
  const stamp = JSON.stringify([abs, st.size, st.mtimeMs]);
  const hit = cache.get(abs);
  if (hit && hit.stamp === stamp) return hit;
  let file: ScriptFile;
  try {
    file = load(abs, st, stamp);
  } catch {
    file = { ok: false, path: abs, reason: "unreadable", text: "" };
  }
  const e: Entry = { stamp, file, parsed: new Map() };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
  cache.set(abs, e);
  return e;
}

/** Reads project files from disk for the shell stage (one instance serves the whole process). */
export const diskScriptReader: ScriptReader = {
  read(abs) {
    const e = entry(abs);
    return "stamp" in e && "parsed" in e ? e.file : e;
  },
  exists(abs) {
    try {
      return fs.statSync(abs).isFile();
    } catch {
      return false;
    }
  },
  subdirs(absDir) {
    try {
      return fs
        .readdirSync(absDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
  },
  parsed(file, parser, parse) {
    const e = cache.get(file.path);
    if (!e || e.stamp !== file.stamp) return parse(file.text);
    if (!e.parsed.has(parser)) e.parsed.set(parser, parse(file.text));
    return e.parsed.get(parser) as ReturnType<typeof parse>;
  },
};
