/** src/facts/generated/ is what scripts/gen-cedar-types.mjs writes from schemas/cedar/: committed and current,
 *  so the types the interpreters compile against are the schema's. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("src/facts/generated", () => {
  it("is up to date (node scripts/gen-cedar-types.mjs)", () => {
    let out = "";
    try {
      execFileSync(process.execPath, [path.join(ROOT, "scripts/gen-cedar-types.mjs"), "--check"], { cwd: ROOT, stdio: "pipe" });
    } catch (e) {
      out = String((e as { stderr?: unknown }).stderr ?? e);
    }
    expect(out).toBe("");
  });

  it("has one file per schema fragment, each adding the fragment's actions", () => {
    const fragments = fs.readdirSync(path.join(ROOT, "schemas/cedar")).filter((f) => f.endsWith(".cedarschema"));
    const generated = fs.readdirSync(path.join(ROOT, "src/facts/generated"));
    expect(generated.sort()).toEqual(fragments.map((f) => f.replace(/\.cedarschema$/, ".ts")).sort());
    const terraform = fs.readFileSync(path.join(ROOT, "src/facts/generated/10-terraform.ts"), "utf8");
    expect(terraform).toContain('"terraform.destroy": Terraform;');
    expect(terraform).toMatch(/export type StateFacts = \{[^}]*readonly edited: boolean;/);
  });
});
