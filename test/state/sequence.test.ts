/** The incident sequence and its variants through the whole gate with the real terraform: the gate
 *  sees `terraform plan`, a script really swaps the state out of the gate's sight (the gate reads project
 *  scripts and denies running one that swaps state, so here a human or a tool the agent does not drive runs
 *  it), and the next `terraform apply` is denied with what changed in the reason. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { describe, expect, it } from "vitest";
import { runState } from "../../src/cli/state.js";
import { makeGate, type TestGate } from "../support/gate.js";
import { appliedStack, hasTerraform, NO_TERRAFORM, readJson, stack, tf, TF_ENV, tmpdir } from "./tf.js";

async function shell(gate: TestGate, cmd: string): Promise<{ decision: string; reason: string; policies: readonly string[] }> {
  const r = await gate.shell(cmd, { env: TF_ENV });
  expect(r.findings.flatMap((f) => f.errors), "Cedar errors").toEqual([]);
  return r;
}

/** Write a script into the workspace and run it outside the gate (what the fingerprints are for). */
async function runScript(gate: TestGate, name: string, body: string): Promise<void> {
  const file = path.join(gate.root, name);
  fs.writeFileSync(file, `#!/bin/sh\nset -e\n${body}\n`, { mode: 0o755 });
  await execa(file, [], { cwd: gate.root, env: TF_ENV });
}

function lineageOf(file: string): { lineage: string; serial: number } {
  const j = readJson(file);
  return { lineage: String(j.lineage), serial: Number(j.serial) };
}

const short = (l: string): string => `${l.slice(0, 8)}…`;

describe.skipIf(!hasTerraform)(`state-swap sequences with real terraform${NO_TERRAFORM}`, () => {
  it("plan → ./restore-old-state.sh → apply is denied, naming old and new lineage and serial; a human accept re-baselines", async () => {
    const gate = makeGate();
    appliedStack(gate.root);
    const old = path.join(appliedStack(), "terraform.tfstate");
    const before = lineageOf(path.join(gate.root, "terraform.tfstate"));
    const after = lineageOf(old);
    expect((await shell(gate, "terraform plan")).decision).toBe("allow");
    // The agent running the script is stopped before it runs: the gate reads it (docs/clis/scripts.md).
    fs.writeFileSync(path.join(gate.root, "restore-old-state.sh"), `#!/bin/sh\ncp "${old}" terraform.tfstate\n`, { mode: 0o755 });
    const script = await shell(gate, "./restore-old-state.sh");
    expect(script.decision).toBe("deny");
    expect(script.policies).toContain("state.write-state-file");
    await runScript(gate, "restore-old-state.sh", `cp "${old}" terraform.tfstate`);
    const denied = await shell(gate, "terraform apply");
    expect(denied.decision).toBe("deny");
    expect(denied.policies).toContain("state-swap.lineage-changed");
    expect(denied.reason).toContain(`state lineage changed: lineage ${short(before.lineage)} serial ${before.serial} → lineage ${short(after.lineage)} serial ${after.serial}`);
    expect((await shell(gate, "terraform apply")).decision, "a retry is still denied").toBe("deny");
    expect((await shell(gate, "infragate state accept")).policies).toContain("self-protection.admin-verbs");

    const out: string[] = [];
    const io = { stdout: (t: string) => void out.push(t), stderr: () => {}, readStdin: async () => "", env: { INFRAGATE_HOME: gate.home }, cwd: gate.root };
    expect(await runState(["accept"], io)).toBe(0);
    expect(out.join("")).toContain(`lineage ${after.lineage}`);
    const asked = await shell(gate, "terraform apply");
    expect(asked.decision).toBe("ask");
    expect(asked.policies).toEqual(["terraform.apply"]);
  });

  it("a swapped backend config (.terraform/terraform.tfstate) denies apply", async () => {
    const gate = makeGate();
    const backend = (p: string): string => `terraform {\n  backend "local" {\n    path = "${p}"\n  }\n}\nresource "terraform_data" "x" {\n  input = "a"\n}\n`;
    stack(gate.root, { "main.tf": backend("a.tfstate") });
    tf(gate.root, "init", "-input=false", "-no-color", "-reconfigure");
    const other = stack(undefined, { "main.tf": backend("b.tfstate") });
    tf(other, "init", "-input=false", "-no-color", "-reconfigure");
    expect((await shell(gate, "terraform plan")).decision).toBe("allow");
    await runScript(gate, "fix-backend.sh", `cp "${path.join(other, ".terraform", "terraform.tfstate")}" .terraform/terraform.tfstate`);
    const denied = await shell(gate, "terraform apply");
    expect(denied.policies).toContain("state-swap.backend-changed");
    expect(denied.decision).toBe("deny");
  });

  it("a switched workspace (.terraform/environment) denies apply; a gated workspace select does not", async () => {
    const gate = makeGate();
    appliedStack(gate.root);
    tf(gate.root, "workspace", "new", "staging");
    tf(gate.root, "workspace", "select", "default");
    expect((await shell(gate, "terraform plan")).decision).toBe("allow");
    await runScript(gate, "switch.sh", "mkdir -p .terraform && printf staging > .terraform/environment");
    const denied = await shell(gate, "terraform apply");
    expect(denied.policies).toContain("state-swap.workspace-changed");
    expect(denied.reason).toContain("selected workspace changed: default → staging");

    const ok = makeGate();
    appliedStack(ok.root);
    tf(ok.root, "workspace", "new", "staging");
    tf(ok.root, "workspace", "select", "default");
    expect((await shell(ok, "terraform plan")).decision).toBe("allow");
    expect((await shell(ok, "terraform workspace select staging")).decision).toBe("ask");
    tf(ok.root, "workspace", "select", "staging");
    expect((await shell(ok, "terraform apply")).policies).toEqual(["terraform.apply"]);
  });

  it("a state whose serial went back denies apply; terraform's own apply moving it forward does not", async () => {
    const gate = makeGate();
    appliedStack(gate.root);
    const backup = path.join(tmpdir(), "backup.tfstate");
    fs.copyFileSync(path.join(gate.root, "terraform.tfstate"), backup);
    expect((await shell(gate, "terraform plan")).decision).toBe("allow");
    expect((await shell(gate, "terraform apply")).decision).toBe("ask");
    fs.appendFileSync(path.join(gate.root, "main.tf"), `resource "terraform_data" "y" {\n  input = "b"\n}\n`);
    tf(gate.root, "apply", "-auto-approve", "-input=false", "-no-color");
    expect((await shell(gate, "terraform plan")).decision).toBe("allow");
    expect((await shell(gate, "terraform apply")).policies).toEqual(["terraform.apply"]);
    await runScript(gate, "rollback.sh", `cp "${backup}" terraform.tfstate`);
    const denied = await shell(gate, "terraform apply");
    expect(denied.policies).toContain("state-swap.serial-backwards");
  });

  it("an archive extracted over the state: by an opaque script (fingerprint) and by an unlistable tar (session memory)", async () => {
    const old = appliedStack();
    const archive = path.join(tmpdir(), "old.tgz");
    await execa("tar", ["czf", archive, "terraform.tfstate"], { cwd: old });

    const gate = makeGate();
    appliedStack(gate.root);
    expect((await shell(gate, "terraform plan")).decision).toBe("allow");
    await runScript(gate, "unpack.sh", `tar xzf "${archive}"`);
    const denied = await shell(gate, "terraform destroy -target=terraform_data.x");
    expect(denied.decision).toBe("deny");
    expect(denied.policies).toContain("state-swap.lineage-changed");

    const second = makeGate();
    appliedStack(second.root);
    expect((await shell(second, "terraform plan")).decision).toBe("allow");
    const extract = await shell(second, "tar xzf incoming.tgz");
    expect(extract.decision, "the archive cannot be listed yet: a human confirms").toBe("ask");
    fs.copyFileSync(archive, path.join(second.root, "incoming.tgz"));
    await execa("tar", ["xzf", "incoming.tgz"], { cwd: second.root });
    // The human approved it and it ran: the agent's post-tool event remembers what it wrote.
    await second.ran("tar xzf incoming.tgz");
    const after = await shell(second, "terraform apply");
    expect(after.decision).toBe("deny");
    expect(after.policies).toEqual(expect.arrayContaining(["state-swap.touched-in-session", "state-swap.lineage-changed"]));
    expect(after.reason).toMatch(/tar x (extracted an archive into|wrote) /);
  });

  it("a destroy plan applied from a saved plan file is denied; a plan that only adds is asked", async () => {
    const gate = makeGate();
    appliedStack(gate.root);
    expect((await shell(gate, "terraform plan -destroy -out=d.plan")).decision).toBe("allow");
    tf(gate.root, "plan", "-destroy", "-out=d.plan", "-input=false", "-no-color");
    const denied = await shell(gate, "terraform apply d.plan");
    expect(denied.decision).toBe("deny");
    expect(denied.policies).toContain("plan.destroy-plan");
    expect(denied.reason).toContain("saved plan: 0 to add, 0 to change, 1 to destroy, 0 to replace; made with plan -destroy");

    const fresh = makeGate();
    stack(fresh.root);
    expect((await shell(fresh, "terraform plan -out=add.plan")).decision).toBe("allow");
    tf(fresh.root, "plan", "-out=add.plan", "-input=false", "-no-color");
    const asked = await shell(fresh, "terraform apply add.plan");
    expect(asked.decision).toBe("ask");
    expect(asked.policies).toContain("plan.only-creates");
    expect(asked.reason).toContain("saved plan: 1 to add, 0 to change, 0 to destroy, 0 to replace");
  });
});
