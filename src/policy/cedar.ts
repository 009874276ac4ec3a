/** Lazy access to cedar-wasm: the wasm is compiled only when a request really needs Cedar. */
import { createRequire } from "node:module";
import v8 from "node:v8";

export type CedarWasm = typeof import("@cedar-policy/cedar-wasm/nodejs");

let loaded: CedarWasm | undefined;
let longRunning = false;

/** A long-running process (the decision service) keeps Cedar warm: its wasm tiers up to optimised code (a
 *  slower start once, faster decisions after) and engines remember Cedar's answers to repeated requests.
 *  Call before the first decision. Hook processes decide a handful of times and do neither. */
export function keepCedarWarm(): void {
  longRunning = true;
}

export function cedarKeptWarm(): boolean {
  return longRunning;
}

// Liftoff-only compilation halves Cedar's cold start (research/cedar.md 1.6); it must be set before the
// module is compiled. Hook processes make a handful of decisions, so they never tier up anyway.
export function getCedar(): CedarWasm {
  if (loaded) return loaded;
  v8.setFlagsFromString(longRunning ? "--no-liftoff-only" : "--liftoff-only");
  const require = createRequire(import.meta.url);
  loaded = require("@cedar-policy/cedar-wasm/nodejs") as CedarWasm;
  return loaded;
}
