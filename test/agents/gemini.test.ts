/** Gemini CLI BeforeTool: payload -> {"decision": ...} and exit code. Gemini has no ask. */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, runHook, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});

function payload(tool: string, input: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  // The shape Gemini CLI 0.61 sends (research/agent-e2e.md).
  return { session_id: "g-1", transcript_path: path.join(ws.home, "t.jsonl"), cwd: ws.root, hook_event_name: "BeforeTool", timestamp: "2026-11-21T20:29:53.254Z", tool_name: tool, tool_input: input, ...extra };
}

type Expect = "allow" | "deny" | "deny-human" | "silent";
const CASES: readonly [string, () => Record<string, unknown>, Expect][] = [
  ["shell everyday", () => payload("run_shell_command", { command: "ls", description: "list" }), "allow"],
  ["shell state write in a directory", () => payload("run_shell_command", { command: "sed -i s/a/b/ terraform.tfstate", directory: "infra" }), "deny"],
  ["shell reads .env", () => payload("run_shell_command", { command: "cat .env" }), "deny-human"],
  ["write_file state", () => payload("write_file", { file_path: `${ws.root}/terraform.tfstate`, content: "{}" }), "deny"],
  ["write_file ordinary", () => payload("write_file", { file_path: `${ws.root}/a.txt`, content: "x" }), "allow"],
  ["replace hook config", () => payload("replace", { file_path: ".gemini/settings.json", old_string: "a", new_string: "b" }), "deny"],
  ["read_file path .env", () => payload("read_file", { path: ".env" }), "deny-human"],
  ["read_file file_path source", () => payload("read_file", { file_path: "main.tf" }), "allow"],
  ["read_many_files with a secret", () => payload("read_many_files", { paths: ["a.txt", ".env"] }), "deny-human"],
  ["mcp tool", () => payload("mcp__srv__do", { x: 1 }), "allow"],
  ["mcp via mcp_context", () => payload("do_thing", { x: 1 }, { mcp_context: { server_name: "srv", tool_name: "do_thing" } }), "allow"],
  ["list_directory: a read of the folder", () => payload("list_directory", { dir_path: "." }), "allow"],
  ["glob without a folder: a known tool", () => payload("glob", { pattern: "**/*.tf" }), "allow"],
  ["web_fetch: a known tool", () => payload("web_fetch", { prompt: "https://example.com" }), "allow"],
  ["search_file_content of .env (as a Read of it)", () => payload("search_file_content", { pattern: "x", dir_path: ".env" }), "deny-human"],
  ["unknown writer", () => payload("fancy_write", { file_path: "terraform.tfstate" }), "deny"],
  ["shell without command", () => payload("run_shell_command", {}), "deny"],
  ["no tool_input", () => ({ hook_event_name: "BeforeTool", tool_name: "write_file" }), "deny"],
  ["AfterTool is not a gate", () => ({ ...payload("run_shell_command", { command: "ls" }), hook_event_name: "AfterTool" }), "silent"],
];

describe("gemini hook answers", () => {
  for (const [name, make, expected] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const run = await runHook("gemini", make(), ws);
      if (expected === "allow" || expected === "silent") {
        expect(run).toMatchObject({ code: 0, stdout: "" });
        return;
      }
      expect(run.json?.decision).toBe("deny");
      expect(run.code).toBe(2);
      expect(run.stderr.trim()).toBe(String(run.json?.reason).trim());
      if (expected === "deny-human") expect(String(run.json?.reason)).toMatch(/needs a human/);
    });
  }

  it("resolves the shell directory against the payload cwd", async () => {
    const run = await runHook("gemini", payload("run_shell_command", { command: "rm terraform.tfstate", directory: "infra/prod" }), ws);
    expect(String(run.json?.reason)).toContain(`${ws.root}/infra/prod/terraform.tfstate`);
  });
});
