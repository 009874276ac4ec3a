/** `.infragate/config.json`: the schema is the type. */
import { z } from "zod";

export const StackLabel = z.strictObject({
  path: z.string().min(1).describe("glob relative to the workspace root, e.g. infra/prod/**"),
  env: z.string().min(1).describe("label for stacks under that path, e.g. prod"),
});

export const Budget = z.strictObject({
  maxInstances: z.number().int().nonnegative().optional().describe("most instances one creating call may start"),
  allowedInstanceTypes: z.array(z.string().min(1)).optional().describe("instance and DB classes a creating call may use (globs)"),
});

export const Config = z.strictObject({
  $schema: z.string().optional(),
  mode: z
    .enum(["block-list", "allow-list"])
    .default("block-list")
    .describe("block-list: the pack's baseline permits, forbids block; allow-list: only your permits allow"),
  stacks: z.array(StackLabel).default([]).describe("environment labels by path, first match wins"),
  budget: Budget.default({}),
});

export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
