/**
 * End to end with the REAL Codex CLI (@openai/codex 0.169, native binary), offline against a scripted
 * Responses API on loopback, after `infragate install codex`. Codex's exit code never reflects a block: the
 * assertions are on the stub calls, the files, and the function_call_output the model got back.
 * Skipped, with the reason in its name, where npm did not install the native binary (another platform).
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { codexBinary, runCodex, type CodexRun } from "./support/codex.js";
import { startFakeResponses, type FakeResponses, type PlannedFunctionCall } from "./support/fake-responses.js";
import { copyPackage } from "./support/package-copy.js";
import { infragate, makeProject, type E2eProject } from "./support/project.js";

const BIN = codexBinary();
const suite = BIN ? describe : describe.skip;
const SKIP = BIN ? "" : " [SKIPPED: the Codex native binary is not installed for this platform]";

const STATE = '{"version":4,"serial":1,"lineage":"aaaa"}\n';
// login: false, so that no login profile resets PATH (the stub CLIs are first on it).
const exec = (cmd: string): PlannedFunctionCall => ({ name: "exec_command", args: { cmd, login: false } });

interface Step {
  readonly call: PlannedFunctionCall;
  readonly expect: "ran" | "blocked";
  readonly stub?: string;
  readonly reason?: RegExp;
}

const STEPS: readonly Step[] = [
  { call: exec("terraform plan"), expect: "ran", stub: "terraform plan" },
  { call: exec("terraform destroy -auto-approve"), expect: "blocked", reason: /terraform\.destroy/ },
  { call: exec("aws s3 rb s3://prod-bucket --force"), expect: "blocked", reason: /aws\.s3-bucket-force-delete/ },
  { call: exec("cp envs/other.tfstate terraform.tfstate"), expect: "blocked", reason: /state\.write-state-file/ },
  { call: exec("cat > terraform.tfstate <<'EOF'\n{\"version\":4,\"serial\":99,\"lineage\":\"other\"}\nEOF"), expect: "blocked", reason: /state\.write-state-file/ },
  { call: exec("echo '{}' > .codex/hooks.json"), expect: "blocked", reason: /self-protection\.hook-config/ },
  { call: exec("apply_patch <<'EOF'\n*** Begin Patch\n*** Add File: envs/prod/terraform.tfstate\n+{}\n*** End Patch\nEOF"), expect: "blocked", reason: /state\.write-state-file/ },
  { call: exec("aws sts get-caller-identity"), expect: "ran", stub: "aws sts get-caller-identity" },
  { call: exec("echo hello > notes.txt"), expect: "ran" },
];

suite(`Codex (real CLI), danger-full-access, approval never${SKIP}`, () => {
  let project: E2eProject;
  let api: FakeResponses;
  let run: CodexRun;
  let ids: string[];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("codex");
    fs.mkdirSync(path.join(project.dir, "envs"), { recursive: true });
    fs.writeFileSync(path.join(project.dir, "envs", "other.tfstate"), '{"version":4,"serial":7,"lineage":"other"}\n');
    const installed = await infragate(project, ["install", "codex"]);
    expect(installed.code, installed.stderr).toBe(0);
    api = await startFakeResponses(STEPS.map((s) => s.call));
    run = await runCodex(BIN as string, project, api.url, "Work on the infrastructure in this project.");
    ids = [...api.calls.keys()];
    fs.writeFileSync(path.join(project.dir, "..", "e2e-transcript.json"), JSON.stringify({ outputs: Object.fromEntries(api.outputs), stderr: run.stderr, stdout: run.stdout }, null, 2));
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    if (project && !process.env.KEEP_E2E) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("ran the whole plan against the fake API", () => {
    expect(api.offeredTools()).toContain("exec_command");
    expect(ids).toHaveLength(STEPS.length);
    expect(api.outputs.size, run.stderr).toBe(STEPS.length);
  });

  STEPS.forEach((step, i) => {
    it(`${step.expect}: ${JSON.stringify(step.call.args).slice(0, 70)}`, () => {
      const output = api.outputs.get(ids[i] as string) ?? "";
      if (step.expect === "blocked") {
        expect(output).toMatch(/^Command blocked by PreToolUse hook: infragate/);
        if (step.reason) expect(output).toMatch(step.reason);
      } else {
        expect(output).not.toMatch(/blocked by PreToolUse hook/);
        if (step.stub) expect(project.stubCalls()).toContain(step.stub);
      }
    });
  });

  it("blocked commands had no effect; allowed ones did", () => {
    expect(project.stubCalls().filter((c) => /^(terraform destroy|aws s3 rb)/.test(c))).toEqual([]);
    expect(project.read("terraform.tfstate")).toBe(STATE);
    expect(project.read("envs/prod/terraform.tfstate")).toBeUndefined();
    expect(project.read(".codex/hooks.json")).toMatch(/infragate-hook\.cjs/);
    expect(project.read("notes.txt")).toBe("hello\n");
  });
});

suite(`Codex (real CLI): a hook that fails still blocks${SKIP}`, () => {
  let project: E2eProject;
  const apis: FakeResponses[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("codex-fail");
  }, 60_000);

  afterAll(async () => {
    for (const a of apis) await a.close();
    if (project) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("a hook that crashes inside blocks an otherwise allowed command", async () => {
    expect((await infragate(project, ["install", "codex"])).code).toBe(0);
    const api = await startFakeResponses([exec("terraform plan")]);
    apis.push(api);
    await runCodex(BIN as string, project, api.url, "Plan.", { INFRAGATE_TEST_FAULT: "throw" });
    expect(api.outputs.get("call_1")).toMatch(/blocked by PreToolUse hook: infragate hit an internal error/);
    expect(project.stubCalls()).toEqual([]);
  }, 180_000);

  it("a removed installation (the hook file is gone) blocks, through the installed '|| exit 2'", async () => {
    const pkg = copyPackage();
    const r = await execa(process.execPath, [path.join(pkg, "dist", "cli", "bin.js"), "install", "codex"], { cwd: project.dir, env: project.env(), extendEnv: false, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(project.read(".codex/hooks.json")).toContain(pkg);
    fs.rmSync(pkg, { recursive: true, force: true });
    const api = await startFakeResponses([exec("terraform plan")]);
    apis.push(api);
    await runCodex(BIN as string, project, api.url, "Plan.");
    expect(api.outputs.get("call_1")).toMatch(/blocked by PreToolUse hook/);
    expect(project.stubCalls()).toEqual([]);
  }, 180_000);
});
