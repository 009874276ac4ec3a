/** Settings files: read a JSON object (or nothing), write it back only when it changes, with a backup. */
import fs from "node:fs";
import path from "node:path";
import { deepEqual, isObject, type JsonObject } from "../agents/settings/json.js";

export interface ReadJson {
  readonly exists: boolean;
  readonly text: string;
  readonly value: JsonObject;
}

/** A missing or empty file is {}; a file that is not a JSON object is an error (we never overwrite it). */
export function readJsonObject(file: string): ReadJson {
  if (!fs.existsSync(file)) return { exists: false, text: "", value: {} };
  const text = fs.readFileSync(file, "utf8");
  if (text.trim() === "") return { exists: true, text, value: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON (${(err as Error).message}); fix or move it, then install again`);
  }
  if (!isObject(value)) throw new Error(`${file} does not hold a JSON object; fix or move it, then install again`);
  return { exists: true, text, value };
}

export function timestamp(now: Date = new Date()): string {
  return now.toISOString().replace(/[:.]/g, "-");
}

export interface WriteResult {
  readonly changed: boolean;
  readonly backup?: string;
}

/** Write text to file if it differs from what is there; back the old content up first (when there was one). */
export function writeIfChanged(file: string, before: { exists: boolean; text: string }, text: string, now?: Date): WriteResult {
  if (before.exists && before.text === text) return { changed: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let backup: string | undefined;
  if (before.exists) {
    backup = `${file}.infragate-backup-${timestamp(now)}`;
    fs.writeFileSync(backup, before.text);
  }
  fs.writeFileSync(file, text);
  return backup !== undefined ? { changed: true, backup } : { changed: true };
}

/**
 * Update a JSON settings file with a pure function; no write (and no backup) when the value is unchanged.
 * With removeIfEmpty (uninstall), a file left as {} is removed (after its backup).
 */
export function updateJsonFile(file: string, update: (value: JsonObject) => JsonObject, opts: { now?: Date; removeIfEmpty?: boolean } = {}): WriteResult {
  const before = readJsonObject(file);
  const next = update(structuredClone(before.value));
  if (before.exists && deepEqual(before.value, next)) return { changed: false };
  if (!before.exists && Object.keys(next).length === 0) return { changed: false };
  if (opts.removeIfEmpty && before.exists && Object.keys(next).length === 0) {
    const backup = `${file}.infragate-backup-${timestamp(opts.now)}`;
    fs.writeFileSync(backup, before.text);
    fs.rmSync(file);
    return { changed: true, backup };
  }
  return writeIfChanged(file, before, `${JSON.stringify(next, null, 2)}\n`, opts.now);
}
