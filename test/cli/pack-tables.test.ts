/** The pack's own case tables (policies/tables/*.yaml), run as `infragate policy test --pack` runs them. */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPackageRoot } from "../../src/policy/pack.js";
import { formatFailure } from "../../src/policy-test/format.js";
import { runTable } from "../../src/policy-test/run.js";
import { findTables, readTable, TABLE_PATTERN } from "../../src/policy-test/table.js";
import { runPolicyTest } from "../../src/cli/policy-test.js";
import { runVerb } from "./run-cli.js";

const dir = path.join(getPackageRoot(), "policies", "tables");
const files = findTables(dir, TABLE_PATTERN);

describe("policies/tables", { timeout: 120_000 }, () => {
  it("has a table for the main policy files", () => {
    const names = files.map((f) => path.basename(f));
    for (const name of ["baseline.yaml", "secrets.yaml", "self-protection.yaml", "shell.yaml", "state.yaml", "terraform.yaml", "aws.yaml"]) expect(names).toContain(name);
  });

  for (const file of files) {
    it(path.basename(file), async () => {
      const table = readTable(file);
      expect(table.problems).toEqual([]);
      const result = await runTable(table, { workspace: undefined });
      const failures = result.results.filter((r) => !r.ok).map((r) => formatFailure(r, { color: false, base: dir }));
      expect(failures.join("\n\n")).toBe("");
      expect(result.results.length).toBe(table.cases.length);
    });
  }

  it("infragate policy test --pack exits 0", async () => {
    const r = await runVerb(runPolicyTest, ["--pack"], { cwd: process.cwd() });
    expect(r.stdout).toMatch(/^PASS: (\d+)\/\1 cases pass/m);
    expect(r.code).toBe(0);
  });
});
