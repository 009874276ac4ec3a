/** `.infragate/config.json`: the schema is the type. */
import { z } from "zod";

const StackLabel = z.strictObject({
  path: z.string().min(1).describe("glob relative to the workspace root, e.g. infra/prod/**"),
  env: z.string().min(1).describe("label for stacks under that path, e.g. prod"),
});

const DatabaseLabel = z.strictObject({
  match: z
    .string()
    .min(1)
    .describe('glob matched against a database\'s host, its name, and "host/name", e.g. *.prod.internal or prod_*'),
  env: z.string().min(1).describe("label for the databases it matches, e.g. prod"),
});

/** An instance or DB class, or a glob with one trailing `*` ("t3.*", "db.r6g.*", "*"): the AwsService entity
 *  carries these globs and the aws interpreter sends every `<prefix>*` that matches a requested type
 *  (schemas/cedar/30-aws.cedarschema), so other wildcards could never match. */
const InstanceTypeGlob = z
  .string()
  .regex(/^[A-Za-z0-9._-]*\*?$/, 'an instance or DB class ("t3.micro", "db.r6g.large"), or a prefix ending in one "*" ("t3.*", "db.t4g.*")')
  .refine((s) => s.length > 0, "empty instance type");

export const Budget = z.strictObject({
  maxInstances: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe("most instances (or nodes) one creating aws call may start: run-instances --count, autoscaling --max-size, eks --scaling-config; more asks a human"),
  allowedInstanceTypes: z
    .array(InstanceTypeGlob)
    .optional()
    .describe('instance and DB classes a creating or resizing aws call may use: exact names or prefixes ending in "*" ("t3.*", "db.t4g.*"); others ask a human'),
});

export const Config = z.strictObject({
  $schema: z.string().optional(),
  mode: z
    .enum(["block-list", "allow-list"])
    .default("block-list")
    .describe("block-list: the pack's baseline permits, forbids block; allow-list: only your permits allow"),
  stacks: z.array(StackLabel).default([]).describe("environment labels by path, first match wins"),
  databases: z
    .array(DatabaseLabel)
    .default([])
    .describe("environment labels for the databases that SQL clients, database tools and migration tools reach, first match wins"),
  disable: z
    .array(z.string().min(1))
    .default([])
    .describe("ids of pack policies to leave out for this workspace (a rule too strict here); a Cedar forbid cannot be overridden by a permit, so this is the way to relax one. The agent cannot edit this file"),
  budget: Budget.default({}),
});

export type Config = z.infer<typeof Config>;
export type ConfigInput = z.input<typeof Config>;
