/** The mode a saved plan was made in (normal, destroy, refresh-only). `terraform show -json` does not
 *  say; the plan file does: it is a zip whose `tfplan` member is a protobuf `Plan` message with
 *  `ui_mode` in field 17 (0 normal, 1 destroy, 2 refresh-only; proto3 omits the default). Verified
 *  against plans made by terraform 1.11 (`plan -destroy -out=...`). A tiny zip and protobuf reader,
 *  read-only, size-capped; anything unexpected answers "unknown". */
import fs from "node:fs";
import { createRequire } from "node:module";

export type PlanMode = "normal" | "destroy" | "refresh-only" | "unknown";

const MAX_PLAN_BYTES = 256 * 1024 * 1024;
const MAX_MEMBER_BYTES = 64 * 1024 * 1024;
const UI_MODE_FIELD = 17;

/** The bytes of one member of a zip file, or undefined. */
function zipMember(data: Buffer, name: string): Buffer | undefined {
  const min = Math.max(0, data.length - 65557);
  let eocd = -1;
  for (let i = data.length - 22; i >= min; i--) {
    if (data.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = data.readUInt16LE(eocd + 10);
  let p = data.readUInt32LE(eocd + 16);
  for (let n = 0; n < count && p + 46 <= data.length; n++) {
    if (data.readUInt32LE(p) !== 0x02014b50) return undefined;
    const method = data.readUInt16LE(p + 10);
    const compressed = data.readUInt32LE(p + 20);
    const size = data.readUInt32LE(p + 24);
    const nameLen = data.readUInt16LE(p + 28);
    const extraLen = data.readUInt16LE(p + 30);
    const commentLen = data.readUInt16LE(p + 32);
    const local = data.readUInt32LE(p + 42);
    const entry = data.subarray(p + 46, p + 46 + nameLen).toString("utf8");
    p += 46 + nameLen + extraLen + commentLen;
    if (entry !== name) continue;
    if (local + 30 > data.length || data.readUInt32LE(local) !== 0x04034b50 || size > MAX_MEMBER_BYTES) return undefined;
    const start = local + 30 + data.readUInt16LE(local + 26) + data.readUInt16LE(local + 28);
    const body = data.subarray(start, start + compressed);
    if (method === 0) return body;
    // zlib is loaded only here: the hook should not pay for it on every call.
    if (method === 8) return loadZlib().inflateRawSync(body, { maxOutputLength: MAX_MEMBER_BYTES });
    return undefined;
  }
  return undefined;
}

/** The varint value of a top-level protobuf field, undefined when absent. Throws on malformed input. */
export function protoVarintField(msg: Buffer, field: number): number | undefined {
  let i = 0;
  let found: number | undefined;
  const varint = (): number => {
    let result = 0;
    let mul = 1;
    for (let k = 0; k < 10; k++) {
      if (i >= msg.length) throw new Error("truncated varint");
      const b = msg[i++] as number;
      result += (b & 0x7f) * mul;
      mul *= 128;
      if (b < 0x80) return result;
    }
    throw new Error("varint too long");
  };
  while (i < msg.length) {
    const key = varint();
    const f = Math.floor(key / 8);
    const wire = key % 8;
    if (wire === 0) {
      const v = varint();
      if (f === field) found = v;
    } else if (wire === 2) {
      const len = varint(); // not `i += varint()`: that adds to i's value before the varint was read
      i += len;
    } else if (wire === 1) i += 8;
    else if (wire === 5) i += 4;
    else throw new Error(`wire type ${wire}`);
  }
  if (i > msg.length) throw new Error("truncated message");
  return found;
}

export function readPlanMode(file: string): PlanMode {
  try {
    if (fs.statSync(file).size > MAX_PLAN_BYTES) return "unknown";
    const tfplan = zipMember(fs.readFileSync(file), "tfplan");
    if (!tfplan) return "unknown";
    const mode = protoVarintField(tfplan, UI_MODE_FIELD) ?? 0;
    return mode === 0 ? "normal" : mode === 1 ? "destroy" : mode === 2 ? "refresh-only" : "unknown";
  } catch {
    return "unknown";
  }
}

function loadZlib(): typeof import("node:zlib") {
  return createRequire(import.meta.url)("node:zlib") as typeof import("node:zlib");
}
