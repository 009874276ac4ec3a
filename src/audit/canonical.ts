/**
 * Canonical JSON: the byte-exact encoding that audit hashes are computed over.
 *
 * - object keys sorted by UTF-16 code unit order, no whitespace;
 * - strings and finite numbers encoded as `JSON.stringify` encodes them (so a value survives
 *   a JSON.parse round trip unchanged and re-encodes to the same text);
 * - object members whose value is `undefined` are omitted, as in JSON;
 * - anything JSON cannot represent (undefined in an array, NaN, Infinity, bigint, functions,
 *   symbols, non-plain objects) throws: callers sanitise their data first.
 */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  encode(value, out, 0);
  return out.join("");
}

const MAX_DEPTH = 64;

function encode(value: unknown, out: string[], depth: number): void {
  if (depth > MAX_DEPTH) throw new TypeError("canonicalJson: value nested too deeply");
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${value}`);
      out.push(JSON.stringify(value));
      return;
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: cannot encode a ${typeof value}`);
  }
  if (Array.isArray(value)) {
    out.push("[");
    value.forEach((item, i) => {
      if (item === undefined) throw new TypeError("canonicalJson: undefined array element");
      if (i > 0) out.push(",");
      encode(item, out, depth + 1);
    });
    out.push("]");
    return;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError("canonicalJson: only plain objects can be encoded");
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  out.push("{");
  let first = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!first) out.push(",");
    first = false;
    out.push(JSON.stringify(key), ":");
    encode(item, out, depth + 1);
  }
  out.push("}");
}
