/**
 * The real Claude Code CLI, offline: what an "ask" does in `-p` mode (nobody can answer it), and that a hook
 * that crashes still blocks (INFRAGATE_TEST_FAULT makes the decision throw; the answer must be a deny).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { runClaude, type ClaudeRun } from "./support/claude.js";
import { startFakeAnthropic, type FakeAnthropic } from "./support/fake-anthropic.js";
import { infragate, makeProject, type E2eProject } from "./support/project.js";

describe("Claude Code (real CLI) in acceptEdits mode: an ask in -p", () => {
  let project: E2eProject;
  let api: FakeAnthropic;
  let run: ClaudeRun;

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("claude-ask");
    expect((await infragate(project, ["install", "claude-code"])).code).toBe(0);
    api = await startFakeAnthropic([
      { name: "Write", input: { file_path: `${project.dir}/.env.production`, content: "TOKEN=x\n" } },
      { name: "Write", input: { file_path: `${project.dir}/README.md`, content: "hi\n" } },
    ]);
    run = await runClaude(project, api.url, "Set up the env file.", "acceptEdits");
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it("the hook answers ask; with nobody to answer, Claude Code does not run the call and reports it", () => {
    const [askId, okId] = [...api.calls.keys()];
    const asked = api.results.get(askId as string);
    expect(asked?.is_error).toBe(true);
    expect(asked?.content).toMatch(/infragate asks a human to confirm[\s\S]*secrets\.project-secret-write/);
    expect(asked?.content).not.toMatch(/needs a human/);
    expect(run.denials.map((d) => d.tool_use_id)).toEqual([askId]);
    expect(project.read(".env.production")).toBeUndefined();
    expect(api.results.get(okId as string)?.is_error).toBe(false);
    expect(project.read("README.md")).toBe("hi\n");
  });
});

describe("Claude Code (real CLI): a hook that fails internally still blocks", () => {
  let project: E2eProject;
  let api: FakeAnthropic;
  let run: ClaudeRun;

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("claude-fault");
    expect((await infragate(project, ["install", "claude-code"])).code).toBe(0);
    api = await startFakeAnthropic([{ name: "Bash", input: { command: "terraform plan", description: "e2e" } }]);
    // The fault is read from the hook's environment, which Claude Code passes through.
    run = await runClaude(project, api.url, "Plan.", "bypassPermissions", { INFRAGATE_TEST_FAULT: "throw" });
  }, 180_000);

  afterAll(async () => {
    await api?.close();
  });

  it("blocks an otherwise allowed command and says why", () => {
    const [id] = [...api.calls.keys()];
    expect(api.results.get(id as string)?.content).toMatch(/internal error[\s\S]*INFRAGATE_TEST_FAULT/);
    expect(run.denials.map((d) => d.tool_use_id)).toEqual([id]);
    expect(project.stubCalls()).toEqual([]);
  });
});
