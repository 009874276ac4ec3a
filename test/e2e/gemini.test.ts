/**
 * End to end with the REAL Gemini CLI (pure JS devDependency), offline against a fake Gemini API on loopback,
 * in --yolo mode, after `infragate install gemini`. Gemini's exit code never reflects a block: the assertions
 * are on side effects (stub calls, files) and on the functionResponse the model got back.
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "./support/build.js";
import { startFakeGemini, type FakeGemini, type GeminiCall } from "./support/fake-gemini.js";
import { copyPackage } from "./support/package-copy.js";
import { infragate, makeProject, type E2eProject } from "./support/project.js";

const GEMINI = path.join(ROOT, "node_modules", "@google", "gemini-cli", "bundle", "gemini.js");

interface Step {
  readonly call: GeminiCall;
  readonly expect: "ran" | "blocked";
  readonly stub?: string;
  readonly reason?: RegExp;
}

const STEPS = (dir: string): Step[] => [
  { call: { name: "run_shell_command", args: { command: "terraform plan", description: "e2e" } }, expect: "ran", stub: "terraform plan" },
  { call: { name: "run_shell_command", args: { command: "terraform destroy -auto-approve", description: "e2e" } }, expect: "blocked", reason: /terraform\.destroy/ },
  { call: { name: "run_shell_command", args: { command: "sed -i s/aaaa/bbbb/ terraform.tfstate", description: "e2e" } }, expect: "blocked", reason: /state\.write-state-file/ },
  { call: { name: "write_file", args: { file_path: `${dir}/terraform.tfstate`, content: "{}" } }, expect: "blocked", reason: /state\.write-state-file/ },
  { call: { name: "write_file", args: { file_path: `${dir}/.gemini/settings.json`, content: "{}" } }, expect: "blocked", reason: /self-protection\.hook-config/ },
  // (Gemini itself refuses read_file on .env as "not in workspace" before any hook runs; a state file is ours to stop.)
  { call: { name: "read_file", args: { file_path: `${dir}/terraform.tfstate` } }, expect: "blocked", reason: /state\.read-state-file[\s\S]*needs a human/ },
  { call: { name: "write_file", args: { file_path: `${dir}/notes.txt`, content: "hello\n" } }, expect: "ran" },
];

/** Gemini in -p --yolo with a private home (no telemetry, no update check, API-key auth) against the fake API. */
async function runGemini(project: E2eProject, apiUrl: string, extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  fs.mkdirSync(path.join(project.home, ".gemini"), { recursive: true });
  fs.writeFileSync(
    path.join(project.home, ".gemini", "settings.json"),
    JSON.stringify({ privacy: { usageStatisticsEnabled: false }, telemetry: { enabled: false }, general: { enableAutoUpdate: false, enableAutoUpdateNotification: false }, security: { auth: { selectedType: "gemini-api-key" } } }),
  );
  const r = await execa(process.execPath, [GEMINI, "-p", "Work on the infrastructure.", "--yolo", "-m", "gemini-2.5-flash", "-o", "json"], {
    cwd: project.dir,
    extendEnv: false,
    env: project.env({ GEMINI_CLI_HOME: project.home, GEMINI_API_KEY: "fake-key", GOOGLE_GEMINI_BASE_URL: apiUrl, GEMINI_CLI_TRUST_WORKSPACE: "true", NO_COLOR: "1", ...extraEnv }),
    reject: false,
    timeout: 120_000,
    stdin: "ignore",
  });
  return { code: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("Gemini CLI (real CLI) in --yolo mode", () => {
  let project: E2eProject;
  let api: FakeGemini;
  let steps: Step[];
  let run: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("gemini");
    expect((await infragate(project, ["install", "gemini"])).code).toBe(0);
    steps = STEPS(project.dir);
    api = await startFakeGemini(steps.map((s) => s.call));
    run = await runGemini(project, api.url);
    fs.writeFileSync(path.join(project.dir, "..", "e2e-transcript.json"), JSON.stringify({ responses: api.responses, requests: api.requests, stderr: run.stderr, stdout: run.stdout }, null, 2));
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it("ran the whole plan", () => {
    expect(run.code, run.stderr).toBe(0);
    for (const s of steps) expect(api.offeredTools()).toContain(s.call.name);
    expect(api.responses).toHaveLength(steps.length);
  });

  STEPS("DIR").forEach((step, i) => {
    it(`${step.expect}: ${step.call.name} ${JSON.stringify(step.call.args).slice(0, 60)}`, () => {
      const response = api.responses[i] ?? {};
      if (step.expect === "blocked") {
        expect(String(response.error)).toMatch(/infragate/);
        if (step.reason) expect(String(response.error)).toMatch(step.reason);
      } else {
        expect(response.error, JSON.stringify(response)).toBeUndefined();
        if (step.stub) expect(project.stubCalls()).toContain(step.stub);
      }
    });
  });

  it("blocked calls had no effect", () => {
    expect(project.stubCalls().filter((c) => c.startsWith("terraform destroy"))).toEqual([]);
    expect(project.read("terraform.tfstate")).toBe('{"version":4,"serial":1,"lineage":"aaaa"}\n');
    expect(project.read(".gemini/settings.json")).toMatch(/infragate-hook\.cjs/);
    expect(project.read("notes.txt")).toBe("hello\n");
  });
});

describe("Gemini CLI (real CLI): a hook that fails still blocks", () => {
  let project: E2eProject;
  const apis: FakeGemini[] = [];
  const plan = { name: "run_shell_command", args: { command: "terraform plan", description: "e2e" } };

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("gemini-fail");
  }, 60_000);

  afterAll(async () => {
    for (const a of apis) await a.close();
    if (project) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("a hook that crashes inside blocks an otherwise allowed command, with the reason", async () => {
    expect((await infragate(project, ["install", "gemini"])).code).toBe(0);
    const api = await startFakeGemini([plan]);
    apis.push(api);
    await runGemini(project, api.url, { INFRAGATE_TEST_FAULT: "throw" });
    expect(String(api.responses[0]?.error)).toMatch(/infragate hit an internal error/);
    expect(project.stubCalls()).toEqual([]);
  }, 180_000);

  it("a removed installation (the hook file is gone) blocks, through the installed '|| exit 2'", async () => {
    const pkg = copyPackage();
    const r = await execa(process.execPath, [path.join(pkg, "dist", "cli", "bin.js"), "install", "gemini"], { cwd: project.dir, env: project.env(), extendEnv: false, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(project.read(".gemini/settings.json")).toContain(pkg);
    fs.rmSync(pkg, { recursive: true, force: true });
    const api = await startFakeGemini([plan]);
    apis.push(api);
    await runGemini(project, api.url);
    expect(String(api.responses[0]?.error)).toMatch(/blocked/i);
    expect(project.stubCalls()).toEqual([]);
  }, 180_000);
});
