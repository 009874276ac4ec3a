/** enrichStateFacts and rememberEffects over operations from the real terraform interpreter. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { interpretTerraform } from "../../src/clis/terraform/index.js";
import type { Operation } from "../../src/clis/types.js";
import type { FileEffect } from "../../src/shell/types.js";
import { enrichStateFacts, inlineAssignments, rememberEffects, type StateContext } from "../../src/state/index.js";
import { loadMemory, MAX_ENTRIES, sessionPath } from "../../src/state/session.js";
import { expectSchemaValid, simple } from "../clis/terraform-support.js";
import { tmpdir, writeState } from "./tf.js";
import { terraformFacts } from "../support/facts.js";
import { pathContextOf } from "../../src/decide/paths.js";
import type { PlanFacts, StateFacts } from "../../src/facts/generated/10-terraform.js";

function world(session = "s-1"): { ctx: StateContext; dir: string; state: string } {
  const root = tmpdir("infragate-ws-");
  const dir = path.join(root, "infra");
  fs.mkdirSync(dir);
  const home = tmpdir("infragate-home-");
  return { ctx: { home, session, root, env: { HOME: root }, paths: pathContextOf(root, { HOME: root }, home) }, dir, state: path.join(dir, "terraform.tfstate") };
}

function tfOp(line: string, cwd: string, env: Record<string, string> = {}, inline: string[] = []): Operation {
  const op = interpretTerraform(simple(line.split(" "), env, { cwd, inline })).operations[0];
  if (!op) throw new Error(`no operation for ${line}`);
  return op;
}

async function enrichOne(op: Operation, ctx: StateContext): Promise<{ op: Operation; state: StateFacts; plan: PlanFacts }> {
  const [out] = await enrichStateFacts([op], ctx);
  if (!out) throw new Error("no op");
  expectSchemaValid(out);
  return { op: out, state: terraformFacts(out).state, plan: terraformFacts(out).plan };
}

const write = (p: string, via = "cp"): FileEffect => ({ op: "write", path: p, via, text: `${via} x ${p}` });

describe("enrichStateFacts", () => {
  it("leaves other operations alone and fills schema-valid facts on terraform ones", async () => {
    const { ctx, dir, state } = world();
    writeState(state, "lin-a", 2);
    const other: Operation = { action: "shell.exec", resource: { type: "Program", name: "ls" }, context: { command: "ls", program: "ls", args: [], wrappers: [], depth: 0, stdin: "terminal", unresolved: false, inlineCode: false, mentionsGuarded: false, cwd: "/", cwdUnresolved: false, operations: [], operandsOnly: false }, summary: "ls" };
    const out = await enrichStateFacts([other, tfOp("terraform plan", dir)], ctx);
    expect(out[0]).toBe(other);
    expectSchemaValid(out[1] as Operation);
    expect(terraformFacts(out[1]).state).toMatchObject({ known: true, swapped: false, workspace: "default", dataDir: path.join(dir, ".terraform") });
  });

  it("a swap shows in the facts and in the summary, with old and new lineage and serial", async () => {
    const { ctx, dir, state } = world();
    writeState(state, "a1b2c3d4-0000", 7);
    await enrichOne(tfOp("terraform plan", dir), ctx);
    writeState(state, "c3d4e5f6-1111", 3);
    const { op, state: s } = await enrichOne(tfOp("terraform apply", dir), ctx);
    expect(s).toMatchObject({ swapped: true, lineageChanged: true, serialBackwards: false, known: true });
    expect(op.summary).toBe(`terraform apply in ${dir} (state lineage changed: lineage a1b2c3d4… serial 7 → lineage c3d4e5f6… serial 3)`);
  });

  it("-chdir picks the stack; TF_WORKSPACE from the line or the environment picks the workspace", async () => {
    const { ctx, dir } = world();
    writeState(path.join(dir, "terraform.tfstate.d", "prod", "terraform.tfstate"), "lin-prod", 1);
    const root = path.dirname(dir);
    const viaChdir = await enrichOne(tfOp("terraform -chdir=infra plan", root), ctx);
    expect(viaChdir.op.resource).toEqual({ type: "Stack", dir });
    const inline = await enrichOne(tfOp("terraform plan", dir, { TF_WORKSPACE: "prod" }, ["TF_WORKSPACE"]), ctx);
    expect(inline.state).toMatchObject({ workspace: "prod", known: true });
    const inherited = await enrichOne(tfOp("terraform plan", dir, { TF_WORKSPACE: "prod" }), { ...ctx, env: { TF_WORKSPACE: "prod" } });
    expect(inherited.state).toMatchObject({ workspace: "prod", known: true });
  });

  it("reads inline assignments from the command text when the interpreter gives no value", () => {
    expect(inlineAssignments("TF_WORKSPACE=prod TF_DATA_DIR='x y' terraform apply")).toEqual({ TF_WORKSPACE: "prod", TF_DATA_DIR: "'x" });
    expect(inlineAssignments("env TF_WORKSPACE=prod terraform apply")).toEqual({ TF_WORKSPACE: "prod" });
    expect(inlineAssignments("terraform apply X=1")).toEqual({});
  });

  it("apply PLANFILE gets plan facts (unknown when the plan cannot be inspected)", async () => {
    const { ctx, dir } = world();
    fs.writeFileSync(path.join(dir, "x.plan"), "junk");
    const { plan, op } = await enrichOne(tfOp("terraform apply x.plan", dir), { ...ctx, env: { PATH: "/nonexistent" } });
    expect(plan).toMatchObject({ given: true, known: false, destroyMode: false });
    expect(op.summary).toContain("could not be inspected");
    const named = await enrichOne(tfOp("terraform apply destroy.plan", dir), { ...ctx, env: { PATH: "/nonexistent" } });
    expect(named.plan).toMatchObject({ known: false, destroyMode: false });
    expect(terraformFacts(named.op).planDestroyHint).toBe(true);
  });
});

describe("rememberEffects and session memory", () => {
  it("a state write earlier in the session marks later operations in that stack, not in others", async () => {
    const { ctx, dir, state } = world();
    const other = path.join(ctx.root, "other");
    fs.mkdirSync(other);
    await rememberEffects([write(state)], [], ctx);
    const here = await enrichOne(tfOp("terraform apply", dir), ctx);
    expect(here.state).toMatchObject({ touchedInSession: true, swapped: false });
    expect(here.op.summary).toContain("earlier in this session: cp wrote terraform.tfstate");
    expect((await enrichOne(tfOp("terraform apply", other), ctx)).state.touchedInSession).toBe(false);
    expect((await enrichOne(tfOp("terraform apply", dir), { ...ctx, session: "s-2" })).state.touchedInSession).toBe(false);
  });

  it("remembers .terraform/, backend, workspace selector, plan and pulumi paths; not reads, not terraform's own writes, not plain files", async () => {
    const { ctx, dir } = world();
    await rememberEffects(
      [
        { ...write(path.join(dir, "terraform.tfstate")), op: "read" },
        write(path.join(dir, "tfplan"), "terraform plan"),
        write(path.join(dir, "main.tf")),
        write(path.join(dir, "notes.txt"), "redirect >"),
      ],
      [],
      ctx,
    );
    expect(loadMemory(ctx.home, ctx.session).touches).toEqual([]);
    await rememberEffects([{ op: "delete", path: path.join(dir, ".terraform"), via: "rm", text: "rm -rf .terraform" }, write(path.join(dir, ".terraform", "environment"), "redirect >")], [], ctx);
    expect(loadMemory(ctx.home, ctx.session).touches.map((t) => t.classes)).toEqual([["terraform-dir"], ["terraform-dir", "workspace-selector"]]);
  });

  it("archives: unknown members mark everything below the destination; listed members only when state-like", async () => {
    const { ctx, dir } = world();
    const tarx = (members: string[] | undefined): FileEffect => ({ op: "write", path: ctx.root, via: "tar x", archive: path.join(ctx.root, "a.tgz"), members, membersKnown: members !== undefined, text: "tar xzf a.tgz" });
    await rememberEffects([tarx(["src/index.js", "README.md"])], [], ctx);
    expect((await enrichOne(tfOp("terraform apply", dir), ctx)).state.touchedInSession).toBe(false);
    await rememberEffects([tarx(["infra/terraform.tfstate"])], [], ctx);
    expect((await enrichOne(tfOp("terraform apply", dir), ctx)).state.touchedInSession).toBe(true);
    const fresh = world();
    await rememberEffects([{ ...tarx(undefined), path: fresh.ctx.root }], [], fresh.ctx);
    const e = await enrichOne(tfOp("terraform apply", fresh.dir), fresh.ctx);
    expect(e.state.touchedInSession).toBe(true);
    expect(e.op.summary).toContain("tar x extracted an archive into");
  });

  it("without a session id nothing is remembered", async () => {
    const { ctx, state, dir } = world("");
    await rememberEffects([write(state)], [], ctx);
    expect(fs.existsSync(path.join(ctx.home, "sessions"))).toBe(false);
    expect((await enrichOne(tfOp("terraform apply", dir), ctx)).state.touchedInSession).toBe(false);
  });

  it("plan -destroy -out=X marks X for a later apply X; a plain plan -out=X clears it", async () => {
    const { ctx, dir } = world();
    fs.writeFileSync(path.join(dir, "x.plan"), "junk");
    const env = { ...ctx, env: { PATH: "/nonexistent" } };
    await rememberEffects([], [tfOp("terraform plan -destroy -out=x.plan", dir)], env);
    const marked = await enrichOne(tfOp("terraform apply x.plan", dir), env);
    expect(marked.plan).toMatchObject({ destroyMode: true });
    expect(marked.op.summary).toContain("made with plan -destroy in this session");
    await rememberEffects([], [tfOp("terraform plan -out=x.plan", dir)], env);
    expect((await enrichOne(tfOp("terraform apply x.plan", dir), env)).plan.destroyMode).toBe(false);
  });

  it("plan -destroy -out=X && apply X on one line is a destroy plan", async () => {
    const { ctx, dir } = world();
    const env = { ...ctx, env: { PATH: "/nonexistent" } };
    const out = await enrichStateFacts([tfOp("terraform plan -destroy -out=x.plan", dir), tfOp("terraform apply x.plan", dir)], env);
    expect(terraformFacts(out[1]).plan).toMatchObject({ destroyMode: true });
  });

  it("session memory stays bounded", async () => {
    const { ctx, dir } = world();
    for (let i = 0; i < 3; i++) await rememberEffects(Array.from({ length: 100 }, (_, k) => write(path.join(dir, `s${i}-${k}.tfstate`))), [], ctx);
    expect(loadMemory(ctx.home, ctx.session).touches.length).toBe(MAX_ENTRIES);
    expect(fs.statSync(sessionPath(ctx.home, ctx.session)).size).toBeLessThan(100_000);
  });
});
