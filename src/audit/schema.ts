/** zod schemas for what the audit log takes in and what it reads back from disk. The schema is the type. */
import { z } from "zod";

import { DecisionSchema } from "../util/decision.js";

export { DecisionSchema };
export type { Decision } from "../util/decision.js";

export const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, "expected 64 lowercase hex characters");

/** What a caller hands to `appendAudit`. */
export const AuditInputSchema = z.object({
  time: z.iso.datetime({ offset: true }).optional(),
  agent: z.string(),
  session: z.string(),
  cwd: z.string(),
  tool: z.string(),
  action: z.string(),
  facts: z.record(z.string(), z.unknown()),
  decision: DecisionSchema,
  policies: z.array(z.string()),
  reason: z.string(),
});
export type AuditInput = z.input<typeof AuditInputSchema>;

/** Format version of a stored entry. */
export const ENTRY_VERSION = 1;

/** One stored line of the log. Strict: an unknown member is itself a sign of tampering. */
export const AuditEntrySchema = AuditInputSchema.extend({
  v: z.literal(ENTRY_VERSION),
  seq: z.number().int().positive(),
  time: z.string(),
  prev: HashSchema,
  hash: HashSchema,
}).strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** `<home>/audit/head.json`: a hint kept under the lock; the log itself is the truth. */
export const HeadFileSchema = z
  .object({
    seq: z.number().int().nonnegative(),
    hash: HashSchema,
    file: z.string(),
  })
  .strict();
export type HeadFile = z.infer<typeof HeadFileSchema>;

/** The content of the append lock file. */
export const LockInfoSchema = z.object({
  pid: z.number().int(),
  host: z.string(),
  time: z.number(),
  nonce: z.string().optional(),
});
