/** Lazy access to cedar-wasm: the wasm is compiled only when a request really needs Cedar. */
import { createRequire } from "node:module";
import v8 from "node:v8";

export type CedarWasm = typeof import("@cedar-policy/cedar-wasm/nodejs");

let loaded: CedarWasm | undefined;
let optimizing = false;

/** A long-running process (the decision service) wants Cedar's wasm tiered up to optimised code: a slower
 *  start once, faster decisions after. Call before the first decision. */
export function preferOptimizedCedar(): void {
  optimizing = true;
}

// Liftoff-only compilation halves Cedar's cold start (research/cedar.md 1.6); it must be set before the
// module is compiled. Hook processes make a handful of decisions, so they never tier up anyway.
export function getCedar(): CedarWasm {
  if (loaded) return loaded;
  v8.setFlagsFromString(optimizing ? "--no-liftoff-only" : "--liftoff-only");
  const require = createRequire(import.meta.url);
  loaded = require("@cedar-policy/cedar-wasm/nodejs") as CedarWasm;
  return loaded;
}
