/** Baseline rules: first sighting, forward serial, swaps kept until accept, announced changes. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptState } from "../../src/state/accept.js";
import { expectedChanges } from "../../src/state/compare.js";
import type { LocateInput } from "../../src/state/locate.js";
import { sight } from "../../src/state/sight.js";
import { loadRecord, readRecord, recordPath, saveRecord } from "../../src/state/store.js";
import { appliedStack, hasTerraform, NO_TERRAFORM, tf, tmpdir, writeState } from "./tf.js";

function setup(): { home: string; dir: string; state: string; input: LocateInput } {
  const home = tmpdir("infragate-home-");
  const dir = tmpdir();
  return { home, dir, state: path.join(dir, "terraform.tfstate"), input: { dir, dataDir: "", workspaceEnv: "", stateOption: "" } };
}

function announce(home: string, dir: string, operation: string, at = Date.now()): void {
  const rec = loadRecord(home, dir);
  if (!rec) throw new Error("no record");
  saveRecord(home, { ...rec, pending: { at, operations: [`terraform ${operation}`], expect: expectedChanges(operation, []) } });
}

describe("sightings and baselines", () => {
  it("the first sighting records the baseline (no swap) in one small JSON per stack", () => {
    const { home, dir, state, input } = setup();
    writeState(state, "lin-a", 3);
    const s = sight(home, input);
    expect(s).toMatchObject({ firstSighting: true, changes: [] });
    expect(fs.existsSync(recordPath(home, dir))).toBe(true);
    expect(fs.readdirSync(path.join(home, "state")).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(loadRecord(home, dir)?.baseline.states[state]).toMatchObject({ lineage: "lin-a", serial: 3 });
  });

  it("a forward serial with the same lineage is no swap and moves the baseline", () => {
    const { home, state, input, dir } = setup();
    writeState(state, "lin-a", 3);
    sight(home, input);
    writeState(state, "lin-a", 9, [{ mode: "managed", type: "terraform_data", name: "x" }]);
    expect(sight(home, input).changes).toEqual([]);
    expect(loadRecord(home, dir)?.baseline.states[state]?.serial).toBe(9);
  });

  it("a lineage change is a swap that retrying cannot launder; state accept re-baselines", () => {
    const { home, state, input, dir } = setup();
    writeState(state, "aaaaaaaa-1111", 7);
    sight(home, input);
    writeState(state, "cccccccc-3333", 3);
    const first = sight(home, input);
    expect(first.changes).toEqual(["lineage"]);
    expect(first.detail).toBe("state lineage changed: lineage aaaaaaaa… serial 7 → lineage cccccccc… serial 3");
    expect(sight(home, input).changes).toEqual(["lineage"]);
    expect(loadRecord(home, dir)?.baseline.states[state]?.lineage).toBe("aaaaaaaa-1111");
    acceptState(home, dir);
    expect(sight(home, input).changes).toEqual([]);
  });

  it("swapping the original state back ends the swap without accept", () => {
    const { home, state, input } = setup();
    writeState(state, "lin-a", 7);
    sight(home, input);
    const original = fs.readFileSync(state);
    writeState(state, "lin-b", 1);
    expect(sight(home, input).changes).toEqual(["lineage"]);
    fs.writeFileSync(state, original);
    expect(sight(home, input).changes).toEqual([]);
  });

  it("serial backwards, a hand edit, a vanished file", () => {
    const { home, state, input } = setup();
    writeState(state, "lin-a", 7, [{ n: 1 }]);
    sight(home, input);
    writeState(state, "lin-a", 5, [{ n: 1 }]);
    expect(sight(home, input).changes).toEqual(["serial"]);
    writeState(state, "lin-a", 7, [{ n: 2 }]);
    expect(sight(home, input).changes).toEqual(["edited"]);
    fs.rmSync(state);
    const gone = sight(home, input);
    expect(gone.changes).toEqual(["vanished"]);
    expect(gone.detail).toContain("is gone");
  });

  it("a state that appears unannounced is a swap; after an allowed apply it is not, unless it is older", () => {
    const { home, state, input, dir } = setup();
    sight(home, input);
    writeState(state, "lin-a", 1);
    expect(sight(home, input).changes).toEqual(["appeared"]);

    acceptState(home, dir);
    fs.rmSync(state);
    acceptState(home, dir);
    announce(home, dir, "apply");
    writeState(state, "lin-new", 1);
    expect(sight(home, input).changes).toEqual([]);

    fs.rmSync(state);
    acceptState(home, dir);
    announce(home, dir, "apply");
    writeState(state, "lin-old", 40);
    const old = new Date(Date.now() - 86_400_000);
    fs.utimesSync(state, old, old);
    expect(sight(home, input).changes).toEqual(["appeared"]);
  });

  it("an announcement is consumed by the next sighting", () => {
    const { home, state, input, dir } = setup();
    sight(home, input);
    announce(home, dir, "apply");
    sight(home, input);
    writeState(state, "lin-a", 1);
    expect(sight(home, input).changes).toEqual(["appeared"]);
  });

  it("workspace and backend changes behind the gate's back are swaps; workspace select / init announce them", () => {
    const { home, input, dir } = setup();
    fs.mkdirSync(path.join(dir, ".terraform"));
    const env = path.join(dir, ".terraform", "environment");
    const backend = path.join(dir, ".terraform", "terraform.tfstate");
    const setBackend = (bucket: string): void => fs.writeFileSync(backend, JSON.stringify({ version: 3, backend: { type: "s3", config: { bucket } } }));
    setBackend("one");
    sight(home, input);
    fs.writeFileSync(env, "prod");
    const ws = sight(home, input);
    expect(ws.changes).toEqual(["workspace"]);
    expect(ws.detail).toBe("selected workspace changed: default → prod");
    fs.writeFileSync(env, "default");
    setBackend("two");
    expect(sight(home, input).changes).toEqual(["backend"]);
    setBackend("one");
    expect(sight(home, input).changes).toEqual([]);

    announce(home, dir, "workspace select");
    fs.writeFileSync(env, "prod");
    expect(sight(home, input).changes).toEqual([]);
    announce(home, dir, "init");
    setBackend("three");
    expect(sight(home, input).changes).toEqual([]);
  });

  it("explicit overrides (TF_WORKSPACE, TF_DATA_DIR, -state=) get their own baselines", () => {
    const { home, state, input, dir } = setup();
    writeState(state, "lin-default", 4);
    writeState(path.join(dir, "terraform.tfstate.d", "prod", "terraform.tfstate"), "lin-prod", 9);
    writeState(path.join(dir, "other.tfstate"), "lin-other", 2);
    sight(home, input);
    expect(sight(home, { ...input, workspaceEnv: "prod" }).changes).toEqual([]);
    expect(sight(home, { ...input, stateOption: "other.tfstate" }).changes).toEqual([]);
    expect(sight(home, { ...input, dataDir: "elsewhere" }).changes).toEqual([]);
    expect(sight(home, input).changes).toEqual([]);
    writeState(path.join(dir, "terraform.tfstate.d", "prod", "terraform.tfstate"), "lin-swapped", 1);
    expect(sight(home, { ...input, workspaceEnv: "prod" }).changes).toEqual(["lineage"]);
  });

  it("a corrupt or old-format record is a fact, not a first sighting; it stays until state accept", () => {
    const { home, state, input, dir } = setup();
    writeState(state, "lin-a", 1);
    fs.mkdirSync(path.join(home, "state"), { recursive: true });
    for (const bad of ["garbage", JSON.stringify({ version: 0, dir, states: {} }), JSON.stringify({ version: 1, dir: "/elsewhere", baseline: {}, lastSeen: {}, updatedAt: 0 })]) {
      fs.writeFileSync(recordPath(home, dir), bad);
      const s = sight(home, input);
      expect(s).toMatchObject({ firstSighting: false, changes: ["baseline-unreadable"] });
      expect(s.detail).toMatch(/baseline could not be read/);
      // Not overwritten: the next sighting reports it again.
      expect(fs.readFileSync(recordPath(home, dir), "utf8")).toBe(bad);
      expect(sight(home, input).changes).toEqual(["baseline-unreadable"]);
    }
    acceptState(home, dir);
    expect(sight(home, input)).toMatchObject({ firstSighting: false, changes: [] });
  });
  it("a home under a regular file holds no record: absent (a first sighting), not unreadable", () => {
    const { home, dir } = setup();
    const file = path.join(home, "not-a-dir");
    fs.writeFileSync(file, "x");
    expect(readRecord(path.join(file, "home"), dir)).toEqual({ kind: "absent" });
  });
});

describe.skipIf(!hasTerraform)(`baselines with real terraform${NO_TERRAFORM}`, () => {
  it("terraform's own applies move the serial forward: no swap; another stack's state: a swap", () => {
    const home = tmpdir("infragate-home-");
    const dir = appliedStack();
    const input: LocateInput = { dir, dataDir: "", workspaceEnv: "", stateOption: "" };
    sight(home, input);
    fs.appendFileSync(path.join(dir, "main.tf"), `resource "terraform_data" "y" {\n  input = "b"\n}\n`);
    tf(dir, "apply", "-auto-approve", "-input=false", "-no-color");
    expect(sight(home, input).changes).toEqual([]);
    const other = appliedStack();
    fs.copyFileSync(path.join(other, "terraform.tfstate"), path.join(dir, "terraform.tfstate"));
    expect(sight(home, input).changes).toEqual(["lineage"]);
  });
});
