/** `infragate state accept|show|--help` (src/cli/state.ts). */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runState } from "../../src/cli/state.js";
import { sight } from "../../src/state/sight.js";
import { tmpdir, writeState } from "./tf.js";

function io(cwd: string, home: string): { out: string[]; err: string[]; io: Parameters<typeof runState>[1] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (t) => void out.push(t), stderr: (t) => void err.push(t), readStdin: async () => "", env: { INFRAGATE_HOME: home }, cwd } };
}

describe("infragate state", () => {
  it("--help and bad usage", async () => {
    const h = io(tmpdir(), tmpdir());
    expect(await runState(["--help"], h.io)).toBe(0);
    expect(h.out.join("")).toContain("infragate state accept [DIR]");
    expect(await runState(["frobnicate"], h.io)).toBe(2);
    expect(await runState(["accept", "a", "b"], h.io)).toBe(2);
    expect(await runState(["show", "--bogus"], h.io)).toBe(2);
  });

  it("accept of a folder that does not exist fails; an unwritable home is a clear error, not a stack trace", async () => {
    const ws = tmpdir();
    const home = tmpdir();
    const other = tmpdir();
    const missing = io(ws, home);
    expect(await runState(["accept", path.join(ws, "nope")], missing.io)).toBe(2);
    expect(missing.err.join("")).toContain("is not a directory");
    // A home below a regular file cannot be created, whoever runs the test (root included).
    const blocker = path.join(other, "file");
    fs.writeFileSync(blocker, "");
    writeState(path.join(ws, "terraform.tfstate"), "aaaa", 1);
    const bad = io(ws, path.join(blocker, "home"));
    expect(await runState(["accept", ws], bad.io)).toBe(1);
    const err = bad.err.join("");
    expect(err).toContain("infragate state accept: cannot record the baseline");
    expect(err).toContain("INFRAGATE_HOME");
    expect(err).not.toMatch(/\n\s+at /);
    for (const d of [ws, home, other]) fs.rmSync(d, { recursive: true, force: true });
  });

  it("show reports an outstanding swap without changing anything; accept re-baselines DIR", async () => {
    const home = tmpdir("infragate-home-");
    const root = tmpdir();
    const dir = path.join(root, "infra");
    const state = path.join(dir, "terraform.tfstate");
    writeState(state, "aaaaaaaa-1", 7);
    sight(home, { dir, dataDir: "", workspaceEnv: "", stateOption: "" });
    writeState(state, "bbbbbbbb-2", 2);

    const s = io(root, home);
    expect(await runState(["show", "infra"], s.io)).toBe(0);
    expect(s.out.join("")).toContain("CHANGED since the baseline: state lineage changed: lineage aaaaaaaa… serial 7 → lineage bbbbbbbb… serial 2");
    const j = io(root, home);
    expect(await runState(["show", "infra", "--json"], j.io)).toBe(0);
    expect(JSON.parse(j.out.join("")).outstanding).toContain("lineage changed");

    const a = io(root, home);
    expect(await runState(["accept", "infra"], a.io)).toBe(0);
    expect(a.out.join("")).toContain(`accepted the state of ${dir}`);
    expect(a.out.join("")).toContain("lineage bbbbbbbb-2 serial 2");
    expect(a.out.join("")).toContain("this replaces a baseline that differed");
    expect(sight(home, { dir, dataDir: "", workspaceEnv: "", stateOption: "" }).changes).toEqual([]);

    const after = io(root, home);
    await runState(["show", "infra"], after.io);
    expect(after.out.join("")).toContain("no change since the baseline");
  });

  it("accept without a record creates one; --workspace picks the workspace", async () => {
    const home = tmpdir("infragate-home-");
    const dir = tmpdir();
    writeState(path.join(dir, "terraform.tfstate.d", "prod", "terraform.tfstate"), "prod-lineage", 3);
    const a = io(dir, home);
    expect(await runState(["accept", "--workspace", "prod"], a.io)).toBe(0);
    expect(a.out.join("")).toContain("lineage prod-lineage serial 3");
    expect(fs.readdirSync(path.join(home, "state"))).toHaveLength(1);
  });
});
