/** Run a CLI verb in-process with captured output. */
import type { CliIo, Verb } from "../../src/cli/io.js";

export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runVerb(verb: Verb, args: readonly string[], opts: { cwd: string; env?: Record<string, string | undefined>; stdin?: string }): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    readStdin: async () => opts.stdin ?? "",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", ...(opts.env ?? {}) },
    cwd: opts.cwd,
  };
  const code = await verb(args, io);
  return { code, stdout, stderr };
}
