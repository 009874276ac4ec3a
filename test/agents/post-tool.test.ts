/** Session memory keeps only what ran: from the agents' post-tool events (Claude Code and Codex PostToolUse,
 *  Gemini AfterTool, Cursor afterShellExecution/afterFileEdit); a pre-tool decision only announces, and a
 *  denied or asked action is never remembered. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadMemory } from "../../src/state/session.js";
import { claudePayload, makeWorkspace, removeWorkspace, runHook, type Workspace } from "./support.js";

let ws: Workspace;
afterEach(() => removeWorkspace(ws));

const DESTROY_PLAN = "terraform plan -destroy -out=d.plan";
const destroyPlans = (w: Workspace): string[] => loadMemory(w.home, "s-1").destroyPlans.map((p) => path.basename(p.path));
const post = (payload: object, event: string): object => ({ ...payload, hook_event_name: event, tool_response: { stdout: "", stderr: "" } });

describe("post-tool events and session memory", () => {
  it("Claude Code: PreToolUse allows and remembers nothing; PostToolUse of the same call remembers the destroy plan", async () => {
    ws = makeWorkspace();
    const pre = claudePayload(ws, "Bash", { command: DESTROY_PLAN });
    expect((await runHook("claude-code", pre, ws)).code).toBe(0);
    expect(destroyPlans(ws)).toEqual([]);
    const after = await runHook("claude-code", post(pre, "PostToolUse"), ws);
    expect(after).toMatchObject({ code: 0, stdout: "" });
    expect(destroyPlans(ws)).toEqual(["d.plan"]);
  });

  it("Codex: the same through PostToolUse", async () => {
    ws = makeWorkspace();
    const pre = { session_id: "s-1", turn_id: "t", cwd: ws.root, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: DESTROY_PLAN } };
    await runHook("codex", pre, ws);
    expect(destroyPlans(ws)).toEqual([]);
    await runHook("codex", post(pre, "PostToolUse"), ws);
    expect(destroyPlans(ws)).toEqual(["d.plan"]);
  });

  it("Gemini: AfterTool", async () => {
    ws = makeWorkspace();
    const pre = { session_id: "s-1", cwd: ws.root, hook_event_name: "BeforeTool", tool_name: "run_shell_command", tool_input: { command: DESTROY_PLAN } };
    await runHook("gemini", pre, ws);
    expect(destroyPlans(ws)).toEqual([]);
    expect(await runHook("gemini", { ...pre, hook_event_name: "AfterTool", tool_response: {} }, ws)).toMatchObject({ code: 0, stdout: "" });
    expect(destroyPlans(ws)).toEqual(["d.plan"]);
  });

  it("Cursor: afterShellExecution", async () => {
    ws = makeWorkspace();
    const base = { conversation_id: "s-1", generation_id: "g", workspace_roots: [ws.root], cwd: ws.root };
    await runHook("cursor", { ...base, hook_event_name: "beforeShellExecution", command: DESTROY_PLAN }, ws);
    expect(destroyPlans(ws)).toEqual([]);
    expect(await runHook("cursor", { ...base, hook_event_name: "afterShellExecution", command: DESTROY_PLAN, output: "" }, ws)).toMatchObject({ code: 0, stdout: "" });
    expect(destroyPlans(ws)).toEqual(["d.plan"]);
  });

  it("a post-tool payload that cannot be read answers nothing (it blocks nothing)", async () => {
    ws = makeWorkspace();
    expect(await runHook("claude-code", { hook_event_name: "PostToolUse", tool_name: 3 }, ws)).toMatchObject({ code: 0, stdout: "" });
    expect(await runHook("gemini", { hook_event_name: "AfterTool" }, ws)).toMatchObject({ code: 0, stdout: "" });
    expect(await runHook("cursor", { hook_event_name: "afterFileEdit" }, ws)).toMatchObject({ code: 0, stdout: "" });
  });
});
