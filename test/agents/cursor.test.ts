/** Cursor: each event's payload -> {"permission"...} answer and exit code. */
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, runHook, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});

function base(event: string): Record<string, unknown> {
  return { conversation_id: "c-1", generation_id: "g-1", hook_event_name: event, cursor_version: "1.7", workspace_roots: [ws.root], user_email: null };
}

type Expect = "allow" | "ask" | "deny" | "deny-human" | "silent";
const CASES: readonly [string, () => Record<string, unknown>, Expect][] = [
  ["shell: everyday", () => ({ ...base("beforeShellExecution"), command: "git status", cwd: ws.root }), "allow"],
  ["shell: sed -i on state", () => ({ ...base("beforeShellExecution"), command: "sed -i s/a/b/ terraform.tfstate", cwd: ws.root }), "deny"],
  ["shell: reading .env asks (ask is enforced here)", () => ({ ...base("beforeShellExecution"), command: "cat .env", cwd: ws.root }), "ask"],
  ["read file: source", () => ({ ...base("beforeReadFile"), file_path: `${ws.root}/main.tf`, content: "" }), "allow"],
  ["read file: .env (no ask here: blocked)", () => ({ ...base("beforeReadFile"), file_path: `${ws.root}/.env`, content: "" }), "deny-human"],
  ["mcp: a tool call", () => ({ ...base("beforeMCPExecution"), tool_name: "get_issue", tool_input: '{"number":1}', url: "https://mcp.example.com/sse" }), "allow"],
  ["preToolUse Shell: state write", () => ({ ...base("preToolUse"), tool_name: "Shell", tool_input: { command: "cp /tmp/x terraform.tfstate", working_directory: ws.root }, cwd: ws.root }), "deny"],
  ["preToolUse Shell: everyday", () => ({ ...base("preToolUse"), tool_name: "Shell", tool_input: { command: "npm test" }, cwd: ws.root }), "allow"],
  ["preToolUse Write state", () => ({ ...base("preToolUse"), tool_name: "Write", tool_input: { file_path: "terraform.tfstate" }, cwd: ws.root }), "deny"],
  ["preToolUse Write hook config", () => ({ ...base("preToolUse"), tool_name: "Write", tool_input: { file_path: ".cursor/hooks.json" }, cwd: ws.root }), "deny"],
  ["preToolUse Delete state", () => ({ ...base("preToolUse"), tool_name: "Delete", tool_input: { path: "terraform.tfstate" }, cwd: ws.root }), "deny"],
  ["preToolUse Read .env (ask not enforced: blocked)", () => ({ ...base("preToolUse"), tool_name: "Read", tool_input: { file_path: ".env" }, cwd: ws.root }), "deny-human"],
  ["preToolUse Write without a path", () => ({ ...base("preToolUse"), tool_name: "Write", tool_input: { content: "x" }, cwd: ws.root }), "deny"],
  ["preToolUse MCP", () => ({ ...base("preToolUse"), tool_name: "MCP:get_issue", tool_input: { number: 1 }, cwd: ws.root }), "allow"],
  ["preToolUse Grep of the workspace", () => ({ ...base("preToolUse"), tool_name: "Grep", tool_input: { pattern: "x", type: "ts" }, cwd: ws.root }), "allow"],
  ["preToolUse Grep of .env (as a Read of it: blocked)", () => ({ ...base("preToolUse"), tool_name: "Grep", tool_input: { pattern: "x", path: ".env" }, cwd: ws.root }), "deny-human"],
  ["preToolUse Glob without a path: a known tool", () => ({ ...base("preToolUse"), tool_name: "Glob", tool_input: { pattern: "**/*" }, cwd: ws.root }), "allow"],
  ["preToolUse Task: a known tool", () => ({ ...base("preToolUse"), tool_name: "Task", tool_input: { prompt: "x" }, cwd: ws.root }), "allow"],
  ["preToolUse unknown writer", () => ({ ...base("preToolUse"), tool_name: "ApplyEdits", tool_input: { target_file: "terraform.tfstate" }, cwd: ws.root }), "deny"],
  ["afterFileEdit is not a gate", () => ({ ...base("afterFileEdit"), file_path: "x", edits: [] }), "silent"],
  ["no hook_event_name", () => ({ command: "ls" }), "deny"],
  ["shell without command", () => ({ ...base("beforeShellExecution"), cwd: ws.root }), "deny"],
];

describe("cursor hook answers", () => {
  for (const [name, payload, expected] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const run = await runHook("cursor", payload(), ws);
      if (expected === "silent") {
        expect(run).toMatchObject({ code: 0, stdout: "" });
        return;
      }
      const permission = expected === "deny-human" ? "deny" : expected;
      expect(run.json?.permission).toBe(permission);
      expect(run.code).toBe(permission === "deny" ? 2 : 0);
      if (permission !== "allow") {
        expect(String(run.json?.user_message)).toMatch(/infragate/);
        expect(run.json?.agent_message).toBe(run.json?.user_message);
      }
      if (expected === "deny-human") expect(String(run.json?.agent_message)).toMatch(/needs a human/);
    });
  }

  it("falls back to CURSOR_PROJECT_DIR without cwd or workspace_roots", async () => {
    const run = await runHook("cursor", { hook_event_name: "beforeShellExecution", command: "rm terraform.tfstate" }, ws, { env: { CURSOR_PROJECT_DIR: ws.root }, cwd: "/" });
    expect(run.json?.permission).toBe("deny");
    expect(String(run.json?.user_message)).toContain(`${ws.root}/terraform.tfstate`);
  });
});
