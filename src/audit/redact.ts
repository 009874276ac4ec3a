/**
 * Redaction before anything reaches the log: secret values never do, file contents never do.
 */
import { redactArgv, redactCommand, REDACTED } from "./redact-command.js";
import { redactPatterns } from "./redact-patterns.js";
import { isSecretName } from "../util/secret-name.js";

export { REDACTED };

/** Fields that carry file contents or edits: dropped from facts wherever they occur. */
export const CONTENT_FIELDS: ReadonlySet<string> = new Set([
  "content", "contents", "new_string", "old_string", "new_source", "edits",
  "file_text", "new_str", "old_str", "patch", "diff",
]);

interface RedactLimits {
  /** Longest string kept (after redaction); longer ones are cut and marked. */
  readonly maxString: number;
  readonly maxDepth: number;
  readonly maxArray: number;
  readonly maxKeys: number;
}

export const DEFAULT_LIMITS: RedactLimits = { maxString: 4096, maxDepth: 8, maxArray: 100, maxKeys: 100 };

/** Redacts a command line or any free text: named secrets first, then secret shapes. */
export function redactText(text: string): string {
  return redactPatterns(redactCommand(text));
}

/** Text beyond this is cut before redaction (it could never be stored anyway). */
const MAX_REDACT_INPUT = 64 * 1024;

/**
 * Redacts and then caps a string. Redaction runs before the cap, so the cap cannot expose the
 * prefix of a secret. Input longer than `MAX_REDACT_INPUT` is first cut at a blank (so no token
 * is split), which bounds the work for huge values; the cut part is never stored.
 */
export function redactString(text: string, maxLength = DEFAULT_LIMITS.maxString): string {
  // Redaction is a pure function of the text: a process that records many decisions (the decision service)
  // sees the same reasons, summaries and commands again and again, and reuses their redacted form.
  const memo = maxLength === DEFAULT_LIMITS.maxString && text.length <= MAX_REMEMBERED_LENGTH;
  if (memo) {
    const known = remembered.get(text);
    if (known !== undefined) return known;
  }
  const redacted = redactAndCap(text, maxLength);
  if (memo) {
    const oldest = remembered.size >= MAX_REMEMBERED ? remembered.keys().next() : undefined;
    if (oldest && !oldest.done) remembered.delete(oldest.value);
    remembered.set(text, redacted);
  }
  return redacted;
}

/** Redacted strings a process remembers (oldest forgotten first), and the longest text remembered. */
const MAX_REMEMBERED = 2048;
const MAX_REMEMBERED_LENGTH = 1024;
const remembered = new Map<string, string>();

function redactAndCap(text: string, maxLength: number): string {
  let input = text;
  let cut = 0;
  if (input.length > MAX_REDACT_INPUT) {
    const blank = lastBlank(input, MAX_REDACT_INPUT);
    input = input.slice(0, blank > MAX_REDACT_INPUT / 2 ? blank : MAX_REDACT_INPUT);
    cut = text.length - input.length;
  }
  const redacted = truncate(redactText(input), maxLength);
  return cut > 0 && redacted.length <= maxLength ? `${redacted}...[TRUNCATED ${cut} chars]` : redacted;
}

function lastBlank(text: string, before: number): number {
  for (let i = before; i > 0; i--) if (/\s/.test(text[i] as string)) return i;
  return -1;
}

export function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  return `${text.slice(0, maxLength)}...[TRUNCATED ${text.length - maxLength} chars]`;
}

/**
 * Facts as they will be stored: plain JSON, content fields dropped, values under secret-looking
 * keys redacted, every string redacted, size bounded. Never throws.
 */
export function redactFacts(
  facts: Readonly<Record<string, unknown>>,
  limits: RedactLimits = DEFAULT_LIMITS,
): Record<string, unknown> {
  const value = sanitise(facts, false, 0, limits, new WeakSet());
  return isRecord(value) ? value : {};
}

function sanitise(value: unknown, secret: boolean, depth: number, limits: RedactLimits, seen: WeakSet<object>): unknown {
  switch (typeof value) {
    case "string":
      return secret ? REDACTED : redactString(value, limits.maxString);
    case "number":
      if (secret) return REDACTED;
      return Number.isFinite(value) ? value : String(value);
    case "bigint":
      return secret ? REDACTED : value.toString();
    case "boolean":
      return value;
    case "undefined":
    case "function":
    case "symbol":
      return undefined;
    default:
      break;
  }
  if (value === null) return null;
  const obj = value as object;
  if (depth >= limits.maxDepth) return "[TRUNCATED: too deep]";
  if (seen.has(obj)) return "[CIRCULAR]";
  seen.add(obj);
  try {
    if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
    if (Array.isArray(obj) || obj instanceof Set) {
      let items = Array.from(obj as Iterable<unknown>);
      const total = items.length;
      // An array of strings may be an argv: `--token`, then the secret as the next element.
      if (!secret && items.length > 1 && items.every((i) => typeof i === "string")) {
        items = redactArgv((items as string[]).slice(0, limits.maxArray + 1).map((i) => i.slice(0, MAX_REDACT_INPUT)));
      }
      const out = items
        .slice(0, limits.maxArray)
        .map((item) => sanitise(item, secret, depth + 1, limits, seen))
        .map((item) => (item === undefined ? null : item));
      if (total > limits.maxArray) out.push(`[TRUNCATED ${total - limits.maxArray} items]`);
      return out;
    }
    const entries = obj instanceof Map ? Array.from(obj.entries()) : Object.entries(obj);
    const kept: [string, unknown][] = [];
    for (const [rawKey, item] of entries) {
      const key = String(rawKey);
      if (CONTENT_FIELDS.has(key.toLowerCase())) continue;
      if (kept.length >= limits.maxKeys) {
        kept.push(["[TRUNCATED]", `${entries.length - limits.maxKeys} more keys`]);
        break;
      }
      const clean = sanitise(item, secret || isSecretName(key), depth + 1, limits, seen);
      if (clean !== undefined) kept.push([truncate(key, 256), clean]);
    }
    // Object.fromEntries defines own properties, so a "__proto__" key stays data.
    return Object.fromEntries(kept);
  } finally {
    seen.delete(obj);
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
