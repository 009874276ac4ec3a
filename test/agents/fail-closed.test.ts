/** Whatever goes wrong, every agent gets a block, never an exit code it treats as "go ahead". */
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, runHook, type HookRun, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});

function isBlock(agent: string, run: HookRun): void {
  expect(run.code).toBe(2);
  expect(run.stderr.length).toBeGreaterThan(10);
  if (agent === "gemini") expect(run.json?.decision).toBe("deny");
  else if (agent === "cursor") expect(run.json?.permission).toBe("deny");
  else expect((run.json?.hookSpecificOutput as Record<string, string>).permissionDecision).toBe("deny");
}

const AGENTS = ["claude-code", "cursor", "gemini", "codex"] as const;

function shellPayload(agent: string): Record<string, unknown> {
  if (agent === "cursor") return { hook_event_name: "beforeShellExecution", command: "ls", cwd: ws.root };
  if (agent === "gemini") return { hook_event_name: "BeforeTool", cwd: ws.root, tool_name: "run_shell_command", tool_input: { command: "ls" } };
  return { hook_event_name: "PreToolUse", cwd: ws.root, tool_name: "Bash", tool_input: { command: "ls" } };
}

describe.each(AGENTS)("%s fails closed", (agent) => {
  it("on invalid JSON", async () => isBlock(agent, await runHook(agent, "{not json", ws)));
  it("on a truncated payload", async () => isBlock(agent, await runHook(agent, JSON.stringify(shellPayload(agent)).slice(0, 40), ws)));
  it("on empty stdin", async () => isBlock(agent, await runHook(agent, "", ws)));
  it("on a JSON array", async () => isBlock(agent, await runHook(agent, "[1,2]", ws)));
  it("on an internal exception", async () => isBlock(agent, await runHook(agent, shellPayload(agent), ws, { env: { INFRAGATE_TEST_FAULT: "throw" } })));
  it("on a decision slower than the deadline", async () => {
    const started = Date.now();
    const run = await runHook(agent, shellPayload(agent), ws, { env: { INFRAGATE_TEST_FAULT: "hang" }, deadlineMs: 200 });
    isBlock(agent, run);
    expect(run.stderr).toMatch(/did not decide within 200 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it("allows the same payload without a fault (control)", async () => {
    const run = await runHook(agent, shellPayload(agent), ws);
    expect(run.code).toBe(0);
  });
});

describe("unknown agent", () => {
  it("blocks with exit 2", async () => {
    const run = await runHook("windsurf", shellPayload("claude-code"), ws);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown agent 'windsurf'/);
  });
});
