/** What a CLI verb gets from the process: output streams, stdin, environment, cwd. Plain data for tests. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads all of stdin (once). */
  readonly readStdin: () => Promise<string>;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

export type Verb = (args: readonly string[], io: CliIo) => Promise<number>;

/** Stable exit codes, documented in docs/cli.md. */
export const EXIT = {
  allow: 0,
  deny: 1,
  usage: 2,
  ask: 3,
} as const;

export function exitFor(decision: "allow" | "ask" | "deny"): number {
  return EXIT[decision];
}
