/**
 * The end-to-end suite shared by the agents driven through the fake Chat Completions API (Copilot CLI,
 * OpenCode): one run of a planned sequence of tool calls after `infragate install <agent>` (destroys and state
 * swaps blocked, the stubs never called, the reason reaching the model, allowed calls ran, writes to state and
 * guard config blocked), then a hook that fails inside and a removed installation, each of which must block.
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./build.js";
import { startFakeChat, type FakeChat, type PlannedToolCall } from "./fake-chat.js";
import { copyPackage } from "./package-copy.js";
import { infragate, makeProject, type E2eProject } from "./project.js";

export interface ChatAgentSuite {
  /** The registry name (`infragate install <agent>`). */
  readonly agent: string;
  /** Suite title; a reason to skip appended when `skip` is set. */
  readonly title: string;
  readonly skip?: string;
  /** Run the agent once in the project against the fake API. */
  run(project: E2eProject, apiUrl: string, prompt: string, extraEnv?: Record<string, string>): Promise<{ stdout: string; stderr: string }>;
  readonly shellTool: string;
  /** The agent's file-writing tool call. */
  writeFile(file: string, content: string): PlannedToolCall;
  /** A new file in the agent's guard config (project-relative). */
  readonly guardFile: string;
  /** The file install writes (project-relative), to show a copy's path in it. */
  readonly hookFile: string;
  /** How a block reads in the tool result the model gets, for a given reason pattern source. */
  blocked(reason: string): RegExp;
  /** What a removed installation's block reads like. */
  readonly removed: RegExp;
}

const STATE = '{"version":4,"serial":1,"lineage":"aaaa"}\n';

interface Step {
  readonly call: PlannedToolCall;
  readonly expect: "ran" | "blocked";
  readonly stub?: string;
  readonly reason?: string;
}

function steps(s: ChatAgentSuite, dir: string): Step[] {
  const shell = (command: string): PlannedToolCall => ({ name: s.shellTool, args: { command, description: "e2e" } });
  return [
    { call: shell("terraform plan"), expect: "ran", stub: "terraform plan" },
    { call: shell("terraform destroy -auto-approve"), expect: "blocked", reason: "terraform\\.destroy" },
    { call: shell("aws s3 rb s3://prod-bucket --force"), expect: "blocked", reason: "aws\\.s3-bucket-force-delete" },
    { call: shell("cp envs/other.tfstate terraform.tfstate"), expect: "blocked", reason: "state\\.write-state-file" },
    { call: s.writeFile(`${dir}/envs/prod/terraform.tfstate`, "{}"), expect: "blocked", reason: "state\\.write-state-file" },
    { call: s.writeFile(`${dir}/${s.guardFile}`, "{}\n"), expect: "blocked", reason: "self-protection\\.hook-config" },
    { call: shell("aws sts get-caller-identity"), expect: "ran", stub: "aws sts get-caller-identity" },
    { call: s.writeFile(`${dir}/notes.txt`, "hello\n"), expect: "ran" },
  ];
}

export function chatAgentSuite(s: ChatAgentSuite): void {
  const suite = s.skip ? describe.skip : describe;
  const title = s.skip ? `${s.title} [SKIPPED: ${s.skip}]` : s.title;

  suite(title, () => {
    let project: E2eProject;
    let api: FakeChat;
    let run: { stdout: string; stderr: string };
    let plan: Step[];
    let ids: string[];

    beforeAll(async () => {
      await ensureBuilt();
      project = await makeProject(s.agent);
      fs.mkdirSync(path.join(project.dir, "envs"), { recursive: true });
      fs.writeFileSync(path.join(project.dir, "envs", "other.tfstate"), '{"version":4,"serial":7,"lineage":"other"}\n');
      const installed = await infragate(project, ["install", s.agent]);
      expect(installed.code, installed.stderr).toBe(0);
      plan = steps(s, project.dir);
      api = await startFakeChat(plan.map((p) => p.call));
      run = await s.run(project, api.url, "Work on the infrastructure in this project.");
      ids = [...api.calls.keys()];
    }, 240_000);

    afterAll(async () => {
      await api?.close();
      if (project) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
    });

    it("ran the whole plan against the fake API", () => {
      expect(api.offeredTools()).toContain(s.shellTool);
      expect(ids).toHaveLength(plan.length);
      expect(api.results.size, run.stderr).toBe(plan.length);
    });

    it("blocked what the policies deny, with the reason reaching the model; ran the rest", () => {
      plan.forEach((step, i) => {
        const result = api.results.get(ids[i] as string) ?? "";
        const label = JSON.stringify(step.call.args).slice(0, 80);
        if (step.expect === "blocked") expect(result, label).toMatch(s.blocked(step.reason ?? ""));
        else {
          expect(result, label).not.toMatch(s.blocked(""));
          if (step.stub) expect(project.stubCalls(), label).toContain(step.stub);
        }
      });
    });

    it("blocked calls had no effect; allowed ones did", () => {
      expect(project.stubCalls().filter((c) => /^(terraform destroy|aws s3 rb)/.test(c))).toEqual([]);
      expect(project.read("terraform.tfstate")).toBe(STATE);
      expect(project.read("envs/prod/terraform.tfstate")).toBeUndefined();
      expect(project.read(s.guardFile)).toBeUndefined();
      expect(project.read("notes.txt")).toBe("hello\n");
    });
  });

  suite(`${title}: a hook that fails still blocks`, () => {
    let project: E2eProject;
    const apis: FakeChat[] = [];
    const shell = { name: s.shellTool, args: { command: "terraform plan", description: "e2e" } };

    beforeAll(async () => {
      await ensureBuilt();
      project = await makeProject(`${s.agent}-fail`);
    }, 60_000);

    afterAll(async () => {
      for (const a of apis) await a.close();
      if (project) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
    });

    it("a hook that crashes inside blocks an otherwise allowed command, with the reason", async () => {
      expect((await infragate(project, ["install", s.agent])).code).toBe(0);
      const api = await startFakeChat([shell]);
      apis.push(api);
      await s.run(project, api.url, "Plan.", { INFRAGATE_TEST_FAULT: "throw" });
      expect(api.results.get("call_1")).toMatch(/infragate hit an internal error/);
      expect(project.stubCalls()).toEqual([]);
    }, 240_000);

    it("a removed installation (the hook file is gone) blocks", async () => {
      const pkg = copyPackage();
      const r = await execa(process.execPath, [path.join(pkg, "dist", "cli", "bin.js"), "install", s.agent], { cwd: project.dir, env: project.env(), extendEnv: false, reject: false });
      expect(r.exitCode, r.stderr).toBe(0);
      expect(project.read(s.hookFile)).toContain(pkg);
      fs.rmSync(pkg, { recursive: true, force: true });
      const api = await startFakeChat([shell]);
      apis.push(api);
      await s.run(project, api.url, "Plan.");
      expect(api.results.get("call_1")).toMatch(s.removed);
      expect(project.stubCalls()).toEqual([]);
    }, 240_000);
  });
}
