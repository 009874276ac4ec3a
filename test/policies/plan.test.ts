/** Case table for policies/plan.cedar: `apply PLANFILE` decided on what the saved plan does. Plans
 *  are made by the real terraform (offline, terraform_data) in the case's workspace; a stand-in
 *  `terraform` that prints a recorded show-json (with a resource renamed to aws_db_instance) covers
 *  the stateful case, which cannot be planned offline. */
import fs from "node:fs";
import path from "node:path";
import { describe, it } from "vitest";
import { policyTable, type Table } from "../support/policy-table.js";
import type { TestGate } from "../support/gate.js";
import { hasTerraform, MAIN_TF, NO_TERRAFORM, stack, tf, TF_ENV } from "../state/tf.js";
import { tempDir } from "../support/temp.js";

type Step = (root: string, gate: TestGate) => void | Promise<void>;

const TWO = `${MAIN_TF}resource "terraform_data" "y" {\n  input = "b"\n}\n`;
const applied = (main = MAIN_TF): Step => (root) => {
  stack(root, { "main.tf": main });
  tf(root, "apply", "-auto-approve", "-input=false", "-no-color");
};
const then = (...steps: Step[]): Step => async (root, gate) => {
  for (const s of steps) await s(root, gate);
};
const edit = (main: string): Step => (root) => fs.writeFileSync(path.join(root, "main.tf"), main);
const plan = (...args: string[]): Step => (root) => void tf(root, "plan", "-input=false", "-no-color", ...args);
const viaGate = (cmd: string): Step => async (_root, gate) => void (await gate.shell(cmd, { env: TF_ENV }));

const realTerraform: Table = {
  deny: [
    { name: "a destroy plan (the plan file's mode says destroy)", cmd: "terraform apply d.plan", by: ["plan.deletes-everything", "plan.destroy-plan"], setup: then(applied(), plan("-destroy", "-out=d.plan")) },
    { name: "a plan made with plan -destroy in this session that can no longer be inspected", cmd: "terraform apply x.plan", by: "plan.destroy-plan",
      setup: then(applied(), viaGate("terraform plan -destroy -out=x.plan"), (root) => fs.writeFileSync(path.join(root, "x.plan"), "overwritten")) },
    { name: "plan -destroy -out and apply on one line", cmd: "terraform plan -destroy -out=d.plan && terraform apply d.plan", by: "plan.destroy-plan", setup: applied() },
    { name: "a destroy plan copied under another name and applied on one line", cmd: "cp release.tfplan approved.tfplan && terraform apply approved.tfplan", by: ["plan.deletes-everything", "plan.destroy-plan"], setup: then(applied(), plan("-destroy", "-out=release.tfplan")) },
    { name: "a destroy plan moved under another name and applied on one line", cmd: "mv release.tfplan approved.tfplan && terraform apply approved.tfplan", by: ["plan.deletes-everything", "plan.destroy-plan"], setup: then(applied(), plan("-destroy", "-out=release.tfplan")) },
    { name: "a plan that deletes every resource (config emptied)", cmd: "terraform apply gone.plan", by: "plan.deletes-everything", setup: then(applied(), edit("terraform {}\n"), plan("-out=gone.plan")) },
  ],
  ask: [
    { name: "a plan that only adds resources is asked, not denied", cmd: "terraform apply add.plan", by: ["plan.only-creates", "terraform.apply-saved-plan"], setup: then((root) => void stack(root), plan("-out=add.plan")) },
    { name: "a plan that deletes one of two resources", cmd: "terraform apply one.plan", by: ["plan.deletes", "terraform.apply-saved-plan"], setup: then(applied(TWO), edit(MAIN_TF), plan("-out=one.plan")) },
    { name: "a plan that replaces a resource", cmd: "terraform apply r.plan", by: ["plan.deletes", "terraform.apply-saved-plan"], setup: then(applied(), plan("-replace=terraform_data.x", "-out=r.plan")) },
    { name: "an update-only plan", cmd: "terraform apply u.plan", by: "terraform.apply-saved-plan", setup: then(applied(), edit(MAIN_TF.replace('"a"', '"changed"')), plan("-out=u.plan")) },
    { name: "a plan -destroy that was remade without -destroy", cmd: "terraform apply x.plan", by: ["plan.only-creates", "terraform.apply-saved-plan"],
      setup: then((root) => void stack(root), viaGate("terraform plan -destroy -out=x.plan"), viaGate("terraform plan -out=x.plan"), plan("-out=x.plan")) },
  ],
  allow: [
    { name: "terraform plan -destroy -out=d.plan", cmd: "terraform plan -destroy -out=d.plan", setup: applied() },
    { name: "terraform plan -out=add.plan", cmd: "terraform plan -out=add.plan", setup: (root) => void stack(root) },
  ],
};

if (hasTerraform) policyTable("plan (real terraform)", realTerraform, { env: TF_ENV });
else describe.skip(`plan (real terraform)${NO_TERRAFORM}`, () => it("skipped", () => {}));

/** A stand-in terraform on PATH: `show -json` prints the recorded fixture with one resource renamed. */
function fakeTerraform(rename: string): string {
  const bin = tempDir("infragate-faketf-");
  const fixture = fs
    .readFileSync(path.join(import.meta.dirname, "..", "state", "fixtures", "show-mixed.json"), "utf8")
    .replaceAll('"type": "terraform_data",\n   "name": "y"', `"type": "${rename}",\n   "name": "y"`);
  fs.writeFileSync(path.join(bin, "show.json"), fixture);
  fs.writeFileSync(path.join(bin, "terraform"), `#!/bin/sh\ncat "${path.join(bin, "show.json")}"\n`, { mode: 0o755 });
  return `${bin}:${process.env.PATH ?? ""}`;
}

const DB = fakeTerraform("aws_db_instance");
const DATA = fakeTerraform("terraform_data");

policyTable("plan (stand-in terraform, no terraform needed)", {
  deny: [{ name: "a plan that replaces an aws_db_instance", cmd: "terraform apply db.plan", by: "plan.stateful-delete", files: { "db.plan": "x" }, env: { PATH: DB } }],
  ask: [
    { name: "the same plan replacing terraform_data", cmd: "terraform apply db.plan", by: ["plan.deletes", "terraform.apply-saved-plan"], files: { "db.plan": "x" }, env: { PATH: DATA } },
    { name: "a plan terraform cannot show", cmd: "terraform apply junk.plan", by: ["plan.not-inspected", "terraform.apply-saved-plan"], files: { "junk.plan": "junk" }, env: { PATH: "/nonexistent" } },
    { name: "a terragrunt saved plan is not inspected", cmd: "terragrunt apply tg.plan", by: ["plan.not-inspected", "terraform.apply-saved-plan"], files: { "tg.plan": "x", "terragrunt.hcl": "" } },
  ],
});
