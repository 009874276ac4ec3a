/** GitHub Copilot CLI preToolUse: payload -> the flat permissionDecision answer (exit 0), nothing on allow. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeWorkspace, removeWorkspace, runHook, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => removeWorkspace(ws));

// The camelCase preToolUse input Copilot CLI 1.0.102 sends (research/agent-e2e.md).
const pre = (toolName: string, toolArgs: unknown): Record<string, unknown> => ({ sessionId: "c-1", timestamp: 1764672000000, cwd: ws.root, toolName, toolArgs });
const patch = (body: string): string => `*** Begin Patch\n${body}\n*** End Patch\n`;

type Expect = "allow" | "deny" | "deny-human";
const CASES: readonly [string, () => Record<string, unknown>, Expect][] = [
  ["bash everyday", () => pre("bash", { command: "terraform plan", description: "plan" }), "allow"],
  ["bash destroy", () => pre("bash", { command: "terraform destroy -auto-approve", description: "x" }), "deny"],
  ["bash with toolArgs as a JSON string", () => pre("bash", JSON.stringify({ command: "terraform destroy" })), "deny"],
  ["create a state file", () => pre("create", { path: `${ws.root}/terraform.tfstate`, file_text: "{}" }), "deny"],
  ["create an ordinary file", () => pre("create", { path: `${ws.root}/notes.md`, file_text: "x" }), "allow"],
  ["edit the hook file", () => pre("edit", { path: `${ws.root}/.github/hooks/infragate.json`, old_str: "a", new_str: "b" }), "deny"],
  ["view .env", () => pre("view", { path: `${ws.root}/.env` }), "deny-human"],
  ["view source", () => pre("view", { path: `${ws.root}/main.tf` }), "allow"],
  ["grep of .env", () => pre("grep", { pattern: "x", path: ".env" }), "deny-human"],
  ["glob without a path: a known tool", () => pre("glob", { pattern: "**/*.tf" }), "allow"],
  ["task: a known tool", () => pre("task", { prompt: "x" }), "allow"],
  ["apply_patch (raw text) adding state", () => pre("apply_patch", patch("*** Add File: terraform.tfstate\n+{}")), "deny"],
  ["apply_patch updating source", () => pre("apply_patch", patch("*** Update File: main.tf\n@@\n-a\n+b")), "allow"],
  ["unknown tool writing state", () => pre("fancy_writer", { path: "terraform.tfstate" }), "deny"],
  ["bash without a command", () => pre("bash", { description: "x" }), "deny"],
  ["no toolName", () => ({ cwd: ws.root, toolArgs: {} }), "deny"],
];

describe("copilot hook answers", () => {
  for (const [name, make, expected] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const run = await runHook("copilot", make(), ws);
      // Exit 0 always: exit 2 would block too but lose the reason.
      expect(run.code).toBe(0);
      if (expected === "allow") {
        // Nothing printed: an explicit "allow" would skip Copilot's own approval.
        expect(run.stdout).toBe("");
        return;
      }
      expect(Object.keys(run.json ?? {}).sort()).toEqual(["permissionDecision", "permissionDecisionReason"]);
      expect(run.json?.permissionDecision).toBe("deny");
      expect(String(run.json?.permissionDecisionReason)).toMatch(/infragate/);
      if (expected === "deny-human") expect(String(run.json?.permissionDecisionReason)).toMatch(/needs a human/);
    });
  }

  it("postToolUse (it carries toolResult) answers nothing", async () => {
    const run = await runHook("copilot", { ...pre("bash", { command: "terraform destroy" }), toolResult: { resultType: "success", textResultForLlm: "" } }, ws);
    expect(run).toMatchObject({ code: 0, stdout: "" });
  });

  it("a crash inside answers the deny JSON", async () => {
    const run = await runHook("copilot", pre("bash", { command: "ls" }), ws, { env: { INFRAGATE_TEST_FAULT: "throw" } });
    expect(run.json?.permissionDecision).toBe("deny");
    expect(String(run.json?.permissionDecisionReason)).toMatch(/internal error/);
  });
});
