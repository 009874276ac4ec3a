/** The hash chain: each entry's hash covers its canonical encoding without `hash`, including `prev`. */
import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical.js";

/** `prev` of the very first entry. */
export const GENESIS_HASH = "0".repeat(64);

/** SHA-256 hex over the canonical encoding of `entry` with any `hash` member left out. */
export function entryHash(entry: Readonly<Record<string, unknown>>): string {
  const { hash: _ignored, ...rest } = entry;
  return createHash("sha256").update(canonicalJson(rest), "utf8").digest("hex");
}
