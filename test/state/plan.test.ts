/** Plan inspection: counts from `show -json`, stateful types, the plan's own destroy mode. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectPlan, showEnv, summarizePlanJson } from "../../src/state/plan.js";
import { protoVarintField, readPlanMode } from "../../src/state/plan-mode.js";
import { isStatefulType } from "../../src/state/stateful-types.js";
import { appliedStack, hasTerraform, NO_TERRAFORM, stack, tf, TF_ENV, tmpdir } from "./tf.js";

const fixture = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8"));

describe("summarizePlanJson (fixtures recorded from terraform 1.11 show -json)", () => {
  it("a destroy plan: every resource deleted", () => {
    const f = summarizePlanJson(fixture("show-destroy.json"), "destroy");
    expect(f).toMatchObject({ given: true, known: true, create: 0, update: 0, delete: 2, replace: 0, statefulDelete: false, destroyMode: true, deletesAll: true });
    expect(f.detail).toBe("saved plan: 0 to add, 0 to change, 2 to destroy, 0 to replace; made with plan -destroy");
  });

  it("a plan that deletes everything is recognised without the mode", () => {
    expect(summarizePlanJson(fixture("show-destroy.json"), "unknown")).toMatchObject({ destroyMode: false, deletesAll: true });
  });

  it("update, replace (delete+create) and create are counted apart; terraform_data is not stateful", () => {
    expect(summarizePlanJson(fixture("show-mixed.json"), "normal")).toMatchObject({
      known: true, create: 1, update: 1, delete: 0, replace: 1, statefulDelete: false, destroyMode: false, deletesAll: false,
    });
  });

  it("replacing a stateful type (the fixture's replaced resource renamed to aws_db_instance) is a stateful delete", () => {
    const doc = JSON.parse(JSON.stringify(fixture("show-mixed.json")).replaceAll('"type":"terraform_data","name":"y"', '"type":"aws_db_instance","name":"y"')) as { resource_changes: { type: string }[] };
    expect(doc.resource_changes.some((r) => r.type === "aws_db_instance")).toBe(true);
    const f = summarizePlanJson(doc, "normal");
    expect(f.statefulDelete).toBe(true);
    expect(f.detail).toContain("stateful resources deleted or replaced: terraform_data.y");
  });

  it("data sources and no-ops do not count; a document without resource_changes is unknown", () => {
    const doc = { resource_changes: [{ mode: "data", type: "aws_s3_bucket", change: { actions: ["read"] } }, { mode: "managed", type: "x", change: { actions: ["no-op"] } }] };
    expect(summarizePlanJson(doc)).toMatchObject({ known: true, create: 0, delete: 0, statefulDelete: false, deletesAll: false });
    expect(summarizePlanJson({})).toMatchObject({ given: true, known: false });
  });
});

describe("stateful types", () => {
  it.each(["aws_db_instance", "aws_rds_cluster", "aws_s3_bucket", "aws_dynamodb_table", "aws_efs_file_system", "aws_ebs_volume", "aws_kms_key", "aws_route53_zone", "google_sql_database_instance", "google_storage_bucket", "azurerm_storage_account", "azurerm_mssql_database", "azurerm_key_vault", "azurerm_dns_zone", "azurerm_managed_disk"])("%s is stateful", (t) => {
    expect(isStatefulType(t)).toBe(true);
  });
  it.each(["terraform_data", "null_resource", "aws_instance", "aws_s3_bucket_policy", "aws_db_subnet_group", "aws_iam_role", "local_file"])("%s is not", (t) => {
    expect(isStatefulType(t)).toBe(false);
  });
});

describe("plan mode reader", () => {
  it("reads a varint field and tolerates anything else as unknown", () => {
    expect(protoVarintField(Buffer.from([0x08, 0x03, 0x1a, 0x02, 0x88, 0x01, 0x88, 0x01, 0x01]), 17)).toBe(1);
    expect(protoVarintField(Buffer.from([0x08, 0x03]), 17)).toBeUndefined();
    const junk = path.join(tmpdir(), "x.plan");
    fs.writeFileSync(junk, "not a zip");
    expect(readPlanMode(junk)).toBe("unknown");
    expect(readPlanMode(path.join(tmpdir(), "missing.plan"))).toBe("unknown");
  });

  it("show runs without TF_CLI_ARGS and in automation mode", () => {
    expect(showEnv({ TF_CLI_ARGS: "-destroy", TF_CLI_ARGS_show: "-x", PATH: "/bin" })).toEqual({ PATH: "/bin", TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", TF_INPUT: "0" });
  });
});

describe("inspectPlan without terraform", () => {
  it("a missing binary or a terragrunt plan leaves the plan unknown", async () => {
    const dir = tmpdir();
    fs.writeFileSync(path.join(dir, "p.plan"), "x");
    const missing = await inspectPlan({ program: "terraform", dir, planFile: path.join(dir, "p.plan"), env: { PATH: dir } });
    expect(missing).toMatchObject({ given: true, known: false });
    expect(missing.detail).toContain("could not be inspected");
    expect(await inspectPlan({ program: "terragrunt", dir, planFile: path.join(dir, "p.plan"), env: {} })).toMatchObject({ known: false });
  });
});

describe.skipIf(!hasTerraform)(`inspectPlan with real terraform${NO_TERRAFORM}`, () => {
  it("plan -destroy -out: show -json lists deletes and the plan file says destroy mode", async () => {
    const dir = appliedStack();
    tf(dir, "plan", "-destroy", "-out=d.plan", "-input=false", "-no-color");
    expect(readPlanMode(path.join(dir, "d.plan"))).toBe("destroy");
    const f = await inspectPlan({ program: "terraform", dir, planFile: path.join(dir, "d.plan"), env: TF_ENV });
    expect(f).toMatchObject({ known: true, delete: 1, create: 0, destroyMode: true, deletesAll: true });
  });

  it("a fresh stack's plan only adds", async () => {
    const dir = stack();
    tf(dir, "plan", "-out=add.plan", "-input=false", "-no-color");
    expect(readPlanMode(path.join(dir, "add.plan"))).toBe("normal");
    const f = await inspectPlan({ program: "terraform", dir, planFile: path.join(dir, "add.plan"), env: TF_ENV });
    expect(f).toMatchObject({ known: true, create: 1, update: 0, delete: 0, replace: 0, destroyMode: false, deletesAll: false });
  });

  it("a plan file that is not a plan: show fails, unknown", async () => {
    const dir = stack();
    fs.writeFileSync(path.join(dir, "bad.plan"), "nope");
    expect(await inspectPlan({ program: "terraform", dir, planFile: path.join(dir, "bad.plan"), env: TF_ENV })).toMatchObject({ known: false });
  });
});
