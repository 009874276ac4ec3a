/** A deny / ask / allow case table per policy file, in the manner of ESLint's RuleTester: every deny and
 *  ask case names the policies that decide it (exactly; an allow has none), every case asserts that Cedar
 *  reported no errors. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Decided } from "../../src/decide/index.js";
import { makeGate, type GateOptions, type TestGate } from "./gate.js";

export type Case =
  | string
  | {
      /** A shell command, as the agent's Bash tool would send it. */
      readonly cmd?: string;
      /** Or a file tool call. */
      readonly file?: { readonly tool: "Write" | "Edit" | "Read" | "Delete"; readonly path: string };
      /** Or an MCP tool call (mcp__<server>__<tool> with its input). */
      readonly mcp?: { readonly server: string; readonly tool: string; readonly input: unknown };
      /** The deciding policies, exactly (one id, or every id when several decide; required for deny and ask). */
      readonly by?: string | readonly string[];
      readonly cwd?: string;
      readonly env?: Record<string, string>;
      /** Files to create in the workspace first (relative path -> content). */
      readonly files?: Record<string, string>;
      /** Anything else to prepare, with the workspace root. */
      readonly setup?: (root: string, gate: TestGate) => void | Promise<void>;
      readonly name?: string;
    };

export interface Table {
  readonly deny?: readonly Case[];
  readonly ask?: readonly Case[];
  readonly allow?: readonly Case[];
}

function label(c: Case): string {
  if (typeof c === "string") return c;
  return c.name ?? c.cmd ?? (c.mcp ? `mcp__${c.mcp.server}__${c.mcp.tool} ${JSON.stringify(c.mcp.input)}` : `${c.file?.tool} ${c.file?.path}`);
}

async function runCase(gate: TestGate, c: Case): Promise<Decided> {
  if (typeof c === "string") return gate.shell(c);
  for (const [rel, content] of Object.entries(c.files ?? {})) {
    const abs = path.join(gate.root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  await c.setup?.(gate.root, gate);
  if (c.file) return gate.file(c.file.tool, c.file.path);
  if (c.mcp) return gate.run({ kind: "mcp", server: c.mcp.server, tool: c.mcp.tool, input: c.mcp.input, cwd: gate.root });
  if (c.cmd === undefined) throw new Error("a case needs cmd or file");
  return gate.shell(c.cmd, { ...(c.cwd ? { cwd: c.cwd } : {}), ...(c.env ? { env: c.env } : {}) });
}

/** Run a case table. A fresh workspace per case keeps cases independent (state, session memory). */
export function policyTable(name: string, table: Table, opts: GateOptions = {}): void {
  const all = [...(table.deny ?? []), ...(table.ask ?? []), ...(table.allow ?? [])].map(label);
  const dup = all.find((l, i) => all.indexOf(l) !== i);
  if (dup) throw new Error(`${name}: duplicate case ${dup}`);
  if ((table.deny ?? []).length + (table.ask ?? []).length === 0) throw new Error(`${name}: a table needs deny or ask cases`);

  describe(name, () => {
    for (const expected of ["deny", "ask", "allow"] as const) {
      for (const c of table[expected] ?? []) {
        it(`${expected}: ${label(c)}`, async () => {
          if (expected !== "allow" && (typeof c === "string" || !c.by)) {
            throw new Error(`${expected} case "${label(c)}" must name the deciding policy with by:`);
          }
          const gate = makeGate(opts);
          const result = await runCase(gate, c);
          const errors = result.findings.flatMap((f) => f.errors);
          expect(errors, "Cedar errors").toEqual([]);
          expect(result.decision, result.reason).toBe(expected);
          const by = typeof c === "string" || c.by === undefined ? [] : typeof c.by === "string" ? [c.by] : c.by;
          expect([...result.policies].sort(), result.reason).toEqual([...by].sort());
          // The hook's scope shortcut must give exactly full Cedar's answer on every request of every case.
          for (const request of gate.requestsOf(result)) {
            const quick = gate.fast.authorize(request);
            const full = gate.fast.authorizeFull(request);
            expect({ decision: quick.decision, policies: quick.policies }, `shortcut vs Cedar on ${request.action.id}`).toEqual({
              decision: full.decision,
              policies: full.policies,
            });
          }
        });
      }
    }
  });
}
