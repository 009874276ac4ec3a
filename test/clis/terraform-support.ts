/** Helpers for the terraform / terragrunt interpreter tables: build a SimpleCommand, check a context
 *  against the real schema (strict, as the engine does), compare facts. */
import path from "node:path";
import { expect } from "vitest";
import { cmd } from "../support/interpreter-table.js";
import type { Operation } from "../../src/clis/types.js";
import { getCedar } from "../../src/policy/cedar.js";
import { getPackageRoot } from "../../src/policy/pack.js";
import { joinSchemaFragments } from "../../src/policy/schema.js";
import type { SimpleCommand, StdinSource } from "../../src/shell/types.js";

export const CWD = "/w/infra";

export interface CmdOpts {
  /** Env names set on the line itself (default: none, i.e. inherited). */
  readonly inline?: readonly string[];
  readonly stdin?: StdinSource;
  readonly cwd?: string;
  readonly program?: string;
}

export function simple(argv: readonly string[], env: Record<string, string> = {}, o: CmdOpts = {}): SimpleCommand {
  return cmd(argv, { env, lineEnv: o.inline ?? [], cwd: o.cwd ?? CWD, stdin: o.stdin ?? "terminal", ...(o.program ? { program: o.program } : {}) });
}

/** What a row expects; Set fields must contain the listed items (`no*` fields must not). */
export interface Expect {
  readonly action?: string;
  readonly dir?: string;
  readonly operation?: string;
  readonly flags?: readonly string[];
  readonly noFlags?: readonly string[];
  readonly injected?: readonly string[];
  readonly args?: readonly string[];
  readonly targets?: readonly string[];
  readonly envNames?: readonly string[];
  readonly autoApprove?: boolean;
  readonly destroy?: boolean;
  readonly all?: boolean;
  readonly nonInteractive?: boolean;
  readonly stateSwapEnv?: boolean;
  readonly stdinPiped?: boolean;
  readonly planFile?: string;
  readonly planOut?: string;
  readonly planDestroyHint?: boolean;
  readonly planGiven?: boolean;
}

let schema: unknown;

/** The context must match the action's context type exactly (strict), as the engine requires. */
export function expectSchemaValid(op: Operation): void {
  if (schema === undefined) {
    // The JSON form parses much faster than the text, once per row.
    const json = getCedar().schemaToJson(joinSchemaFragments(path.join(getPackageRoot(), "schemas", "cedar")));
    if (json.type !== "success") throw new Error(json.errors.map((e) => e.message).join("; "));
    schema = json.json;
  }
  const r = getCedar().checkParseContext({ context: op.context as never, schema: schema as never, action: { type: "Action", id: op.action } });
  expect(r.type === "success" ? [] : r.errors.map((e) => e.message), `context of ${op.action}`).toEqual([]);
}

export function expectFacts(op: Operation | undefined, e: Expect): void {
  expect(op, "an operation").toBeDefined();
  if (!op) return;
  const c = op.context as Record<string, unknown>;
  const set = (k: string): string[] => (c[k] as string[]) ?? [];
  if (e.action !== undefined) expect(op.action).toBe(e.action);
  if (e.dir !== undefined) expect(op.resource).toEqual({ type: "Stack", dir: e.dir });
  if (e.operation !== undefined) expect(c.operation).toBe(e.operation);
  for (const f of e.flags ?? []) expect(set("flags"), `flag ${f}`).toContain(f);
  for (const f of e.noFlags ?? []) expect(set("flags"), `no flag ${f}`).not.toContain(f);
  for (const f of e.injected ?? []) expect(set("injected"), `injected ${f}`).toContain(f);
  for (const f of e.args ?? []) expect(set("args"), `arg ${f}`).toContain(f);
  for (const f of e.targets ?? []) expect(set("targets"), `target ${f}`).toContain(f);
  for (const f of e.envNames ?? []) expect(set("envNames"), `env ${f}`).toContain(f);
  for (const k of ["autoApprove", "destroy", "all", "nonInteractive", "stateSwapEnv", "stdinPiped", "planFile", "planOut", "planDestroyHint"] as const) {
    if (e[k] !== undefined) expect(c[k], k).toBe(e[k]);
  }
  if (e.planGiven !== undefined) expect((c.plan as Record<string, unknown>).given, "plan.given").toBe(e.planGiven);
}
