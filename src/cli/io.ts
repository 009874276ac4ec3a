import type { Decision } from "../util/decision.js";
import type { CliIo } from "../util/process-io.js";

export type { CliIo };

export type Verb = (args: readonly string[], io: CliIo) => Promise<number>;

/** Stable exit codes, documented in docs/cli.md. */
export const EXIT = {
  allow: 0,
  deny: 1,
  usage: 2,
  ask: 3,
} as const;

export function exitFor(decision: Decision): number {
  return EXIT[decision];
}
