/** Settings files: read a JSON object (comments allowed, as the agents read them), write changes back as
 *  minimal edits (jsonc-parser) that keep the user's comments, indentation and key order, with a backup of
 *  what was there under $INFRAGATE_HOME/backups (nothing is left beside the settings). */
import fs from "node:fs";
import path from "node:path";
import { applyEdits, modify, parse, printParseErrorCode, type FormattingOptions, type ParseError } from "jsonc-parser";
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
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0] as ParseError;
    throw new Error(`${file} is not valid JSON (${printParseErrorCode(e.error)} at offset ${e.offset}); fix or move it, then install again`);
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

export interface WriteOptions {
  readonly now?: Date;
  /** Where backups go (default: beside the file). */
  readonly backupDir?: string;
  /** uninstall: a file left as {} is removed, and so is its folder when that is left empty. */
  readonly removeIfEmpty?: boolean;
}

/** Keep what a file held before it changes: `<backupDir>/<path with / as _>.<time>`. */
export function backupOf(file: string, text: string, opts: WriteOptions): string {
  const target = opts.backupDir
    ? path.join(opts.backupDir, `${path.resolve(file).replace(/[\\/:]+/g, "_")}.${timestamp(opts.now)}`)
    : `${file}.infragate-backup-${timestamp(opts.now)}`;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  return target;
}

/** Write text to file if it differs from what is there; back the old content up first (when there was one). */
export function writeIfChanged(file: string, before: { exists: boolean; text: string }, text: string, opts: WriteOptions = {}): WriteResult {
  if (before.exists && before.text === text) return { changed: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const backup = before.exists ? backupOf(file, before.text, opts) : undefined;
  fs.writeFileSync(file, text);
  return backup !== undefined ? { changed: true, backup } : { changed: true };
}

/** The file's own indentation (tabs, or the width of its first indented line) and line ends. */
function formattingOf(text: string): FormattingOptions {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const indented = /^([ \t]+)\S/m.exec(text)?.[1] ?? "  ";
  return indented.startsWith("\t") ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: indented.length, eol };
}

/** `before` edited into `next` key by key, so that what did not change keeps its text (and comments). */
function editedText(before: ReadJson, next: JsonObject): string {
  if (before.text.trim() === "") return `${JSON.stringify(next, null, 2)}\n`;
  const formattingOptions = formattingOf(before.text);
  let text = before.text;
  for (const key of new Set([...Object.keys(before.value), ...Object.keys(next)])) {
    if (deepEqual(before.value[key], next[key])) continue;
    text = applyEdits(text, modify(text, [key], next[key], { formattingOptions }));
  }
  return text;
}

/** Remove a folder the removal left empty (`.claude/` after its last settings file), never more than that. */
function removeEmptyParent(file: string): void {
  const dir = path.dirname(file);
  try {
    if (fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  } catch {
    // left in place: not empty, or not ours to remove
  }
}

/**
 * Update a JSON settings file with a pure function; no write (and no backup) when the value is unchanged.
 * With removeIfEmpty (uninstall), a file left as {} is removed (after its backup).
 */
export function updateJsonFile(file: string, update: (value: JsonObject) => JsonObject, opts: WriteOptions = {}): WriteResult {
  const before = readJsonObject(file);
  const next = update(structuredClone(before.value));
  if (before.exists && deepEqual(before.value, next)) return { changed: false };
  if (!before.exists && Object.keys(next).length === 0) return { changed: false };
  if (opts.removeIfEmpty && before.exists && Object.keys(next).length === 0) {
    const backup = backupOf(file, before.text, opts);
    fs.rmSync(file);
    removeEmptyParent(file);
    return { changed: true, backup };
  }
  return writeIfChanged(file, before, before.exists ? editedText(before, next) : `${JSON.stringify(next, null, 2)}\n`, opts);
}
