import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locate } from "../../src/state/locate.js";
import { readBackend, readStateHeader } from "../../src/state/read.js";
import { scanHeader } from "../../src/state/scan.js";
import { appliedStack, hasTerraform, NO_TERRAFORM, readJson, tmpdir, writeState } from "./tf.js";

describe("readStateHeader", () => {
  it("reads lineage, serial and a content hash; absent is not an error", () => {
    const dir = tmpdir();
    const file = path.join(dir, "terraform.tfstate");
    expect(readStateHeader(file)).toMatchObject({ exists: false, readable: false });
    writeState(file, "lin-1", 7);
    const h = readStateHeader(file);
    expect(h).toMatchObject({ exists: true, readable: true, lineage: "lin-1", serial: 7 });
    expect(h.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("unreadable, invalid or foreign files are known: false", () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, "a.tfstate"), "{ not json");
    fs.writeFileSync(path.join(dir, "b.tfstate"), JSON.stringify({ lineage: 3, serial: "x" }));
    fs.mkdirSync(path.join(dir, "c.tfstate"));
    for (const f of ["a", "b", "c"]) expect(readStateHeader(path.join(dir, `${f}.tfstate`))).toMatchObject({ exists: true, readable: false });
  });

  it("reuses a cached header while the stamp is unchanged, re-reads when it changes", () => {
    const file = path.join(tmpdir(), "terraform.tfstate");
    writeState(file, "lin-1", 1);
    const first = readStateHeader(file);
    const fake = { ...first, lineage: "from-cache" };
    expect(readStateHeader(file, [fake]).lineage).toBe("from-cache");
    writeState(file, "lin-2", 1);
    expect(readStateHeader(file, [fake]).lineage).toBe("lin-2");
  });

  it("files above the parse cap are scanned for their header only", () => {
    const file = path.join(tmpdir(), "big.tfstate");
    const resources = Array.from({ length: 2000 }, (_, i) => ({ type: "t", name: `r${i}`, lineage: "nested-not-top", serial: 999 }));
    fs.writeFileSync(file, JSON.stringify({ version: 4, resources, serial: 42, lineage: "late-lineage" }));
    const h = readStateHeader(file, [], 1024);
    expect(h).toMatchObject({ exists: true, readable: true, lineage: "late-lineage", serial: 42, hash: "" });
  });
});

describe("scanHeader", () => {
  it("does not trust position, nesting or strings that look like keys", () => {
    const file = path.join(tmpdir(), "s.tfstate");
    const text = `{"a":"\\"lineage\\": \\"fake\\"","resources":[{"lineage":"nested","serial":1,"x":{"serial":5}}],"serial":17,"lineage":"real"}`;
    fs.writeFileSync(file, text);
    expect(scanHeader(file, 7)).toEqual({ lineage: "real", serial: 17 });
  });

  it("reports missing keys as undefined", () => {
    const file = path.join(tmpdir(), "s.tfstate");
    fs.writeFileSync(file, `{"version":4,"resources":[]}`);
    expect(scanHeader(file)).toEqual({ lineage: undefined, serial: undefined });
  });
});

describe("readBackend and locate", () => {
  it("no backend config: implicit local, default workspace, terraform.tfstate", () => {
    const dir = tmpdir();
    const loc = locate({ dir, dataDir: "", workspaceEnv: "", stateOption: "" });
    expect(loc).toMatchObject({ workspace: "default", statePath: path.join(dir, "terraform.tfstate"), dataDirAbs: path.join(dir, ".terraform") });
    expect(loc.backend.type).toBe("");
  });

  it("honours .terraform/environment, TF_WORKSPACE, TF_DATA_DIR, -state and a local backend path", () => {
    const dir = tmpdir();
    fs.mkdirSync(path.join(dir, ".terraform"));
    fs.writeFileSync(path.join(dir, ".terraform", "environment"), "staging\n");
    expect(locate({ dir, dataDir: "", workspaceEnv: "", stateOption: "" }).statePath).toBe(path.join(dir, "terraform.tfstate.d", "staging", "terraform.tfstate"));
    expect(locate({ dir, dataDir: "", workspaceEnv: "prod", stateOption: "" })).toMatchObject({ workspace: "prod", selected: "staging" });
    expect(locate({ dir, dataDir: "other", workspaceEnv: "", stateOption: "" })).toMatchObject({ workspace: "default", dataDirAbs: path.join(dir, "other") });
    expect(locate({ dir, dataDir: "", workspaceEnv: "", stateOption: "old/x.tfstate" }).statePath).toBe(path.join(dir, "old", "x.tfstate"));
    fs.writeFileSync(path.join(dir, ".terraform", "terraform.tfstate"), JSON.stringify({ version: 3, backend: { type: "local", config: { path: "states/main.tfstate", workspace_dir: null } } }));
    fs.writeFileSync(path.join(dir, ".terraform", "environment"), "default");
    expect(locate({ dir, dataDir: "", workspaceEnv: "", stateOption: "" }).statePath).toBe(path.join(dir, "states", "main.tfstate"));
  });

  it("a remote backend has no local state path; its type and config hash are the fingerprint", () => {
    const dir = tmpdir();
    const file = path.join(dir, ".terraform", "terraform.tfstate");
    fs.mkdirSync(path.dirname(file));
    const write = (bucket: string): void => fs.writeFileSync(file, JSON.stringify({ version: 3, backend: { type: "s3", config: { bucket, key: "k" } } }));
    write("prod");
    const a = readBackend(file);
    expect(a.type).toBe("s3");
    expect(locate({ dir, dataDir: "", workspaceEnv: "", stateOption: "" }).statePath).toBe("");
    write("staging");
    expect(readBackend(file).hash).not.toBe(a.hash);
    write("prod");
    expect(readBackend(file).hash).toBe(a.hash);
  });
});

describe.skipIf(!hasTerraform)(`real terraform state files${NO_TERRAFORM}`, () => {
  it("two separate applies have different lineages; the header matches the file", () => {
    const a = appliedStack();
    const b = appliedStack();
    const ha = readStateHeader(path.join(a, "terraform.tfstate"));
    const hb = readStateHeader(path.join(b, "terraform.tfstate"));
    expect(ha.readable && hb.readable).toBe(true);
    expect(ha.lineage).not.toBe(hb.lineage);
    expect(ha.lineage).toBe(readJson(path.join(a, "terraform.tfstate")).lineage);
    expect(scanHeader(path.join(a, "terraform.tfstate"))).toEqual({ lineage: ha.lineage, serial: ha.serial });
  });
});
