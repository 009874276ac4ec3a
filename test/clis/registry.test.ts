/** src/clis/registry.ts: every CLI folder is registered, every program has one interpreter, and every list
 *  other stages need is derived from the descriptors. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CliDescriptor } from "../../src/clis/descriptor.js";
import { CLIS, GUARDED_PROGRAMS, PROGRAM_NAMES, getInterpreter, programGroups } from "../../src/clis/registry.js";

const CLIS_DIR = path.resolve(import.meta.dirname, "../../src/clis");

function isDescriptor(v: unknown): v is CliDescriptor {
  return typeof v === "object" && v !== null && "names" in v && "interpret" in v && typeof (v as CliDescriptor).interpret === "function";
}

describe("CLI registry", () => {
  const folders = fs.readdirSync(CLIS_DIR, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);

  it.each(folders)("src/clis/%s/index.ts exports a descriptor that is registered", async (folder) => {
    const mod: Record<string, unknown> = await import(path.join(CLIS_DIR, folder, "index.ts"));
    const descriptors = Object.values(mod).filter(isDescriptor);
    expect(descriptors.length, `src/clis/${folder}/index.ts exports no CliDescriptor`).toBeGreaterThan(0);
    for (const d of descriptors) expect(CLIS, `${d.name} is not in src/clis/registry.ts`).toContain(d);
  });

  it("gives every program exactly one interpreter", () => {
    for (const cli of CLIS) for (const p of cli.names.programs) expect(getInterpreter(p), p).toBe(cli.interpret);
    expect(getInterpreter("ls")).toBeUndefined();
  });

  it("names every alias, package, script and image after a registered program", () => {
    const programs = new Set(CLIS.flatMap((c) => c.names.programs));
    for (const table of [PROGRAM_NAMES.aliases, PROGRAM_NAMES.packages, PROGRAM_NAMES.scripts, PROGRAM_NAMES.images]) {
      for (const [name, program] of Object.entries(table)) expect(programs.has(program), `${name} -> ${program}`).toBe(true);
    }
    for (const v of PROGRAM_NAMES.versioned) expect(programs.has(v), v).toBe(true);
  });

  it("derives the tables the shell stage needs", () => {
    expect(PROGRAM_NAMES.aliases).toMatchObject({ tf: "terraform", k: "kubectl", tg: "terragrunt", opentofu: "tofu" });
    expect(PROGRAM_NAMES.packages).toMatchObject({ "aws-cdk": "cdk", "cdktf-cli": "cdktf", awscli: "aws", "@pulumi/pulumi": "pulumi" });
    expect(PROGRAM_NAMES.scripts).toMatchObject({ cdk: "cdk", tf: "terraform", pulumi: "pulumi" });
    expect(PROGRAM_NAMES.images).toMatchObject({ "hashicorp/terraform": "terraform", "alpine/helm": "helm" });
    expect(PROGRAM_NAMES.versioned.has("terraform")).toBe(true);
    expect(PROGRAM_NAMES.versioned.has("git")).toBe(false);
  });

  it("puts the infrastructure CLIs, and only them, in ProgramGroup guarded; the shells in shell", () => {
    expect(GUARDED_PROGRAMS).toEqual(expect.arrayContaining(["terraform", "tofu", "terragrunt", "cdk", "cdktf", "aws", "pulumi", "kubectl", "helm"]));
    for (const p of ["git", "rm", "export", "infragate", "ls"]) expect(GUARDED_PROGRAMS, p).not.toContain(p);
    expect(programGroups("terraform")).toEqual(["guarded"]);
    expect(programGroups("bash")).toEqual(["shell"]);
    expect(programGroups("dash")).toEqual(["shell"]);
    expect(programGroups("git")).toEqual([]);
  });
});
