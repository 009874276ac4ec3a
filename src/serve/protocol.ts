/** The decision service's wire format on its Unix socket: one JSON request per connection, one JSON answer.
 *  The thin client (hooks/serve-client.cjs) writes the same shapes by hand; this is their checked form. */
import { z } from "zod";

export const ServeRequestSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("hook"),
    /** The build id of the client's infragate: a service of another build refuses (the client decides in process). */
    build: z.string(),
    /** `infragate hook` arguments: the agent name first. */
    args: z.array(z.string()).min(1),
    /** The agent's payload, as it came on the hook's stdin. */
    payload: z.string(),
    /** The hook process's environment (TF_CLI_ARGS, AWS_PROFILE, HOME, ... as the agent's shell has them). */
    env: z.record(z.string(), z.string()),
    cwd: z.string(),
  }),
  z.object({ kind: z.literal("ping"), build: z.string() }),
  z.object({ kind: z.literal("stop"), build: z.string() }),
]);
export type ServeRequest = z.infer<typeof ServeRequestSchema>;

/** A hook answer exactly as the in-process hook would give it. */
export interface HookAnswer {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export type ServeResponse =
  | ({ readonly ok: true; readonly build: string } & HookAnswer)
  | { readonly ok: true; readonly build: string; readonly status: ServeStatus }
  | { readonly ok: false; readonly build: string; readonly error: string };

export const ServeStatusSchema = z.object({
  pid: z.number(),
  build: z.string(),
  startedAt: z.string(),
  decisions: z.number(),
  /** Audit groups committed (one lock, one write, one fdatasync each): fewer than decisions under load. */
  auditCommits: z.number(),
  httpPort: z.number().nullable(),
  root: z.string(),
});
export type ServeStatus = z.infer<typeof ServeStatusSchema>;

/** Largest request the service reads (a hook payload is capped by the agents long before this). */
export const MAX_REQUEST_BYTES = 8 * 1024 * 1024;
