/** Case table for policies/state-swap.cedar: each case first lets the gate see the state (a
 *  `terraform plan` through the gate), then changes it behind the gate's back the way a script the
 *  gate cannot read would, then asks about the command. Hand-made state files: no terraform needed. */
import fs from "node:fs";
import { expect } from "vitest";
import path from "node:path";
import { runState } from "../../src/cli/state.js";
import { policyTable } from "../support/policy-table.js";
import type { TestGate } from "../support/gate.js";
import { writeState } from "../state/tf.js";

type Step = (root: string, gate: TestGate) => void | Promise<void>;

const state = (root: string, sub = ""): string => path.join(root, sub, "terraform.tfstate");
const seen = (sub = "", lineage = "a1b2c3d4-aaaa", serial = 7): Step => async (root, gate) => {
  writeState(state(root, sub), lineage, serial, [{ mode: "managed", type: "terraform_data", name: "x" }]);
  await gate.shell(sub ? `terraform -chdir=${sub} plan` : "terraform plan");
};
const then = (...steps: Step[]): Step => async (root, gate) => {
  for (const s of steps) await s(root, gate);
};
/** An action asked about, approved by the human, and run: the agent's post-tool event remembers its effects
 *  (the pre-tool ask alone remembers none). */
const approvedAndRan = async (g: TestGate, command: string): Promise<void> => {
  expect((await g.shell(command)).decision).not.toBe("deny");
  await g.ran(command);
};
const swapLineage: Step = (root) => writeState(state(root), "c3d4e5f6-cccc", 3);
const backend = (bucket: string): Step => (root) => {
  fs.mkdirSync(path.join(root, ".terraform"), { recursive: true });
  fs.writeFileSync(path.join(root, ".terraform", "terraform.tfstate"), JSON.stringify({ version: 3, backend: { type: "local", config: { path: bucket, workspace_dir: null } } }));
};
const accept: Step = async (root, gate) => {
  const io = { stdout: () => {}, stderr: () => {}, readStdin: async () => "", env: { INFRAGATE_HOME: gate.home }, cwd: root };
  if ((await runState(["accept"], io)) !== 0) throw new Error("state accept failed");
};

policyTable("state-swap", {
  deny: [
    { name: "apply after the state's lineage changed", cmd: "terraform apply", by: "state-swap.lineage-changed", setup: then(seen(), swapLineage) },
    { name: "apply after the stack's record became unreadable (not a first sighting)", cmd: "terraform apply", by: "state-swap.baseline-unreadable", setup: then(seen(), (_root, gate) => {
      const dir = path.join(gate.home, "state");
      for (const f of fs.readdirSync(dir)) fs.writeFileSync(path.join(dir, f), "{ truncated");
    }, swapLineage) },
    { name: "retrying does not launder the swap", cmd: "terraform apply", by: "state-swap.lineage-changed", setup: then(seen(), swapLineage, async (_r, g) => void (await g.shell("terraform apply"))) },
    { name: "tofu destroy -target after a swap", cmd: "tofu destroy -target=x.y", by: "state-swap.lineage-changed", setup: then(seen(), swapLineage) },
    { name: "-chdir into a swapped stack", cmd: "terraform -chdir=infra apply", by: "state-swap.lineage-changed", setup: then(seen("infra"), (root) => writeState(state(root, "infra"), "other-lineage", 1)) },
    { name: "import after the serial went backwards", cmd: "terraform import terraform_data.x id", by: "state-swap.serial-backwards", setup: then(seen(), (root) => writeState(state(root), "a1b2c3d4-aaaa", 2, [{ mode: "managed", type: "terraform_data", name: "x" }])) },
    { name: "state rm after a hand edit", cmd: "terraform state rm terraform_data.x", by: "state-swap.state-edited", setup: then(seen(), (root) => writeState(state(root), "a1b2c3d4-aaaa", 7, [])) },
    { name: "apply after the backend config changed", cmd: "terraform apply", by: "state-swap.backend-changed", setup: then(backend("a.tfstate"), seen(), backend("b.tfstate")) },
    { name: "state mv after the selected workspace changed", cmd: "terraform state mv a b", by: "state-swap.workspace-changed", setup: then(seen(), (root) => {
      fs.mkdirSync(path.join(root, ".terraform"), { recursive: true });
      fs.writeFileSync(path.join(root, ".terraform", "environment"), "prod");
    }) },
    { name: "apply after a state file appeared", cmd: "terraform apply", by: "state-swap.state-appeared", setup: then(async (_r, g) => void (await g.shell("terraform plan")), (root) => writeState(state(root), "old-prod", 90)) },
    { name: "refresh after the state file vanished", cmd: "terraform refresh", by: "state-swap.state-vanished", setup: then(seen(), (root) => fs.rmSync(state(root))) },
    { name: "apply after rm -rf .terraform was approved in this session", cmd: "terraform apply", by: "state-swap.touched-in-session", setup: async (_r, g) => approvedAndRan(g, "rm -rf .terraform") },
    { name: "apply after an unlistable archive was extracted in this session", cmd: "terraform apply", by: "state-swap.touched-in-session", setup: async (_r, g) => approvedAndRan(g, "tar xzf backup.tgz") },
    { name: "apply after the agent wrote a plan file", cmd: "terraform apply", by: "state-swap.touched-in-session", setup: async (_r, g) => approvedAndRan(g, "echo x > tfplan") },
    { name: "the agent may not re-baseline: infragate state accept", cmd: "infragate state accept", by: "self-protection.admin-verbs" },
    { name: "the agent may not re-baseline: infragate state accept DIR", cmd: "infragate state accept infra", by: "self-protection.admin-verbs" },
  ],
  ask: [
    { name: "apply after terraform moved the serial forward", cmd: "terraform apply", by: "terraform.apply", setup: then(seen(), (root) => writeState(state(root), "a1b2c3d4-aaaa", 9, [])) },
    { name: "apply at the first sighting", cmd: "terraform apply", by: "terraform.apply", setup: (root) => writeState(state(root), "first", 1) },
    { name: "apply after a human accepted the swap", cmd: "terraform apply", by: "terraform.apply", setup: then(seen(), swapLineage, accept) },
    { name: "apply after the original state was put back", cmd: "terraform apply", by: "terraform.apply", setup: then(seen(), swapLineage, async (_r, g) => void (await g.shell("terraform plan")), (root) => writeState(state(root), "a1b2c3d4-aaaa", 7, [{ mode: "managed", type: "terraform_data", name: "x" }])) },
    { name: "apply in another stack than the swapped one", cmd: "terraform -chdir=b apply", by: "terraform.apply", setup: then(seen("a"), seen("b", "bbbb", 1), (root) => writeState(state(root, "a"), "other", 1)) },
    { name: "apply after an approved workspace select", cmd: "terraform apply", by: "terraform.apply", setup: then(seen(), async (root, g) => {
      await g.shell("terraform workspace select prod");
      fs.mkdirSync(path.join(root, ".terraform"), { recursive: true });
      fs.writeFileSync(path.join(root, ".terraform", "environment"), "prod");
    }) },
    { name: "apply after an asked rm -rf .terraform that did not run (no post-tool event): nothing remembered", cmd: "terraform apply", by: "terraform.apply", setup: async (_r, g) => void expect((await g.shell("rm -rf .terraform")).decision).toBe("ask") },
    { name: "the first apply of a fresh stack creates its state; the next apply is no swap", cmd: "terraform apply", by: "terraform.apply", setup: then(async (_r, g) => void (await g.shell("terraform apply")), (root) => writeState(state(root), "brand-new", 1)) },
  ],
  allow: [
    { name: "plan after a swap (read-only)", cmd: "terraform plan", setup: then(seen(), swapLineage) },
    { name: "state list after a swap (read-only)", cmd: "terraform state list", setup: then(seen(), swapLineage) },
    { name: "show the human: infragate state show", cmd: "infragate state show" },
    { name: "plan after the agent touched state in this session", cmd: "terraform plan", setup: async (_r, g) => void (await g.shell("rm -rf .terraform")) },
  ],
});
