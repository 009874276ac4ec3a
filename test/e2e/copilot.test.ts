/**
 * End to end with the REAL GitHub Copilot CLI (@github/copilot), offline against a scripted Chat Completions
 * API on loopback (bring-your-own-key, COPILOT_OFFLINE), after `infragate install copilot`, with
 * --allow-all-tools (nothing asks): destroys and state swaps blocked, the stubs never called, the reason
 * reaching the model ("Denied by preToolUse hook: ..."), allowed commands ran, writes to state and to the hook
 * file blocked; a hook that fails inside and a removed installation block. Skipped, with the reason in its
 * name, where the CLI is not installed.
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { copilotInstalled, runCopilot, type CopilotRun } from "./support/copilot.js";
import { startFakeChat, type FakeChat, type PlannedToolCall } from "./support/fake-chat.js";
import { copyPackage } from "./support/package-copy.js";
import { infragate, makeProject, type E2eProject } from "./support/project.js";

const suite = copilotInstalled() ? describe : describe.skip;
const SKIP = copilotInstalled() ? "" : " [SKIPPED: @github/copilot is not installed]";

const STATE = '{"version":4,"serial":1,"lineage":"aaaa"}\n';
const bash = (command: string): PlannedToolCall => ({ name: "bash", args: { command, description: "e2e" } });

interface Step {
  readonly call: (dir: string) => PlannedToolCall;
  readonly expect: "ran" | "blocked";
  readonly stub?: string;
  readonly reason?: RegExp;
}

const STEPS: readonly Step[] = [
  { call: () => bash("terraform plan"), expect: "ran", stub: "terraform plan" },
  { call: () => bash("terraform destroy -auto-approve"), expect: "blocked", reason: /terraform\.destroy/ },
  { call: () => bash("aws s3 rb s3://prod-bucket --force"), expect: "blocked", reason: /aws\.s3-bucket-force-delete/ },
  { call: () => bash("cp envs/other.tfstate terraform.tfstate"), expect: "blocked", reason: /state\.write-state-file/ },
  { call: (dir) => ({ name: "create", args: { path: `${dir}/envs/prod/terraform.tfstate`, file_text: "{}" } }), expect: "blocked", reason: /state\.write-state-file/ },
  { call: (dir) => ({ name: "create", args: { path: `${dir}/.github/hooks/other.json`, file_text: "{}" } }), expect: "blocked", reason: /self-protection\.hook-config/ },
  { call: () => bash("aws sts get-caller-identity"), expect: "ran", stub: "aws sts get-caller-identity" },
  { call: (dir) => ({ name: "create", args: { path: `${dir}/notes.txt`, file_text: "hello\n" } }), expect: "ran" },
];

suite(`Copilot CLI (real CLI), --allow-all-tools${SKIP}`, () => {
  let project: E2eProject;
  let api: FakeChat;
  let run: CopilotRun;
  let ids: string[];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("copilot");
    fs.mkdirSync(path.join(project.dir, "envs"), { recursive: true });
    fs.writeFileSync(path.join(project.dir, "envs", "other.tfstate"), '{"version":4,"serial":7,"lineage":"other"}\n');
    const installed = await infragate(project, ["install", "copilot"]);
    expect(installed.code, installed.stderr).toBe(0);
    api = await startFakeChat(STEPS.map((s) => s.call(project.dir)));
    run = await runCopilot(project, api.url, "Work on the infrastructure in this project.");
    ids = [...api.calls.keys()];
    fs.writeFileSync(path.join(project.dir, "..", "e2e-transcript.json"), JSON.stringify({ results: Object.fromEntries(api.results), stderr: run.stderr, stdout: run.stdout }, null, 2));
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    if (project && !process.env.KEEP_E2E) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("ran the whole plan against the fake API", () => {
    for (const name of ["bash", "create"]) expect(api.offeredTools()).toContain(name);
    expect(ids).toHaveLength(STEPS.length);
    expect(api.results.size, run.stderr).toBe(STEPS.length);
  });

  STEPS.forEach((step, i) => {
    it(`${step.expect}: ${JSON.stringify(step.call("DIR").args).slice(0, 70)}`, () => {
      const result = api.results.get(ids[i] as string) ?? "";
      if (step.expect === "blocked") {
        expect(result).toMatch(/Denied by preToolUse hook: infragate/);
        if (step.reason) expect(result).toMatch(step.reason);
      } else {
        expect(result).not.toMatch(/Denied by preToolUse hook/);
        if (step.stub) expect(project.stubCalls()).toContain(step.stub);
      }
    });
  });

  it("blocked calls had no effect; allowed ones did", () => {
    expect(project.stubCalls().filter((c) => /^(terraform destroy|aws s3 rb)/.test(c))).toEqual([]);
    expect(project.read("terraform.tfstate")).toBe(STATE);
    expect(project.read("envs/prod/terraform.tfstate")).toBeUndefined();
    expect(project.read(".github/hooks/other.json")).toBeUndefined();
    expect(project.read("notes.txt")).toBe("hello\n");
  });
});

suite(`Copilot CLI (real CLI): a hook that fails still blocks${SKIP}`, () => {
  let project: E2eProject;
  const apis: FakeChat[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("copilot-fail");
  }, 60_000);

  afterAll(async () => {
    for (const a of apis) await a.close();
    if (project) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("a hook that crashes inside blocks an otherwise allowed command, with the reason", async () => {
    expect((await infragate(project, ["install", "copilot"])).code).toBe(0);
    const api = await startFakeChat([bash("terraform plan")]);
    apis.push(api);
    await runCopilot(project, api.url, "Plan.", { INFRAGATE_TEST_FAULT: "throw" });
    expect(api.results.get("call_1")).toMatch(/Denied by preToolUse hook: infragate hit an internal error/);
    expect(project.stubCalls()).toEqual([]);
  }, 240_000);

  it("a removed installation (the hook file is gone) blocks", async () => {
    const pkg = copyPackage();
    const r = await execa(process.execPath, [path.join(pkg, "dist", "cli", "bin.js"), "install", "copilot"], { cwd: project.dir, env: project.env(), extendEnv: false, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(project.read(".github/hooks/infragate.json")).toContain(pkg);
    fs.rmSync(pkg, { recursive: true, force: true });
    const api = await startFakeChat([bash("terraform plan")]);
    apis.push(api);
    await runCopilot(project, api.url, "Plan.");
    expect(api.results.get("call_1")).toMatch(/Denied|denied|blocked|failed/);
    expect(project.stubCalls()).toEqual([]);
  }, 240_000);
});
