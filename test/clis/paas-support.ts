/** Case-table helper for the PaaS interpreters: command -> action, facts. */
import { parse } from "shell-quote";
import { expect, it } from "vitest";
import { PAAS_CLIS } from "../../src/clis/paas/index.js";
import type { Operation } from "../../src/clis/types.js";
import type { SimpleCommand } from "../../src/shell/types.js";
import { factsOf } from "../support/facts.js";

const ALIAS: Record<string, string> = { fly: "flyctl", sls: "serverless", ntl: "netlify" };

export function paasOp(text: string): Operation {
  const argv = parse(text).map(String);
  const program = ALIAS[argv[0] as string] ?? (argv[0] as string);
  const cli = PAAS_CLIS.find((d) => d.names.programs.includes(program));
  if (!cli) throw new Error(`no PaaS descriptor for ${program}`);
  const cmd: SimpleCommand = { program, argv, env: {}, lineEnv: [], cwd: "/ws", wrappers: [], depth: 0, stdin: "terminal", unresolved: false, inlineCode: undefined, text };
  const ops = cli.interpret(cmd).operations;
  expect(ops).toHaveLength(1);
  const op = ops[0];
  if (!op) throw new Error(`no operation for ${text}`);
  return op;
}

export type Row = readonly [string, string, Record<string, unknown>?];

/** One `it` per row: the action, and each listed fact (arrays: contained). */
export function rows(cases: readonly Row[]): void {
  for (const [text, action, facts] of cases) {
    it(`${text} -> ${action}`, () => {
      const o = paasOp(text);
      const context = factsOf(o);
      expect(o.action, JSON.stringify(context)).toBe(action);
      for (const [k, v] of Object.entries(facts ?? {})) {
        if (Array.isArray(v)) expect(context[k], k).toEqual(expect.arrayContaining(v));
        else expect(context[k], k).toBe(v);
      }
    });
  }
}
