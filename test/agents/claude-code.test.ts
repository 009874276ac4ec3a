/** Claude Code: payload -> answer (stdout JSON, stderr, exit code) through the real gate. */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { claudePayload, makeWorkspace, permissionDecision, runHook, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
  fs.mkdirSync(path.join(ws.root, "infra"), { recursive: true });
  fs.writeFileSync(path.join(ws.root, "infra", "terraform.tfstate"), "{}");
  fs.writeFileSync(path.join(ws.root, "infra", "main.tf"), "");
});

type Expect = "deny" | "ask" | "allow" | "silent";
const CASES: readonly [string, string, Record<string, unknown>, Expect, string?][] = [
  ["Bash everyday command", "Bash", { command: "ls -la && git status" }, "allow"],
  ["Bash sed -i on state", "Bash", { command: "sed -i s/a/b/ terraform.tfstate" }, "deny"],
  ["Bash heredoc into state", "Bash", { command: "cat > terraform.tfstate <<EOF\n{}\nEOF" }, "deny"],
  ["Bash redirect into hook config", "Bash", { command: "echo '{}' > .claude/settings.json" }, "deny"],
  ["PowerShell redirect into state (parsed as bash)", "PowerShell", { command: "echo x > terraform.tfstate" }, "deny"],
  ["Write state", "Write", { file_path: "terraform.tfstate", content: "{}" }, "deny"],
  ["Write hook config", "Write", { file_path: ".claude/settings.json", content: "{}" }, "deny"],
  ["Write ordinary file", "Write", { file_path: "src/a.ts", content: "x" }, "allow"],
  ["Edit .env (default mode)", "Edit", { file_path: ".env", old_string: "a", new_string: "b" }, "ask"],
  ["Edit .env (bypassPermissions: no human to ask)", "Edit", { file_path: ".env", old_string: "a", new_string: "b" }, "deny", "bypassPermissions"],
  ["MultiEdit (legacy) on state", "MultiEdit", { file_path: "terraform.tfstate", edits: [{ old_string: "a", new_string: "b" }] }, "deny"],
  ["NotebookEdit ordinary notebook", "NotebookEdit", { notebook_path: "n.ipynb", new_source: "x" }, "allow"],
  ["NotebookEdit in .infragate", "NotebookEdit", { notebook_path: ".infragate/n.ipynb", new_source: "x" }, "deny"],
  ["Read .env", "Read", { file_path: ".env" }, "ask"],
  ["Read source", "Read", { file_path: "main.tf" }, "allow"],
  ["Grep inside a state file", "Grep", { pattern: "password", path: "terraform.tfstate" }, "ask"],
  ["Grep without path searches the workspace, state included", "Grep", { pattern: "x" }, "ask"],
  ["Grep with a glob selecting state", "Grep", { pattern: "password", path: "infra", glob: "*.{tfstate,tfvars}" }, "ask"],
  ["Grep with a type that leaves state out", "Grep", { pattern: "x", type: "ts" }, "allow"],
  ["Grep with a glob over source", "Grep", { pattern: "x", glob: "*.tf" }, "allow"],
  ["MCP tool that reads", "mcp__github__get_issue", { owner: "o", repo: "r", issue_number: 1 }, "allow"],
  ["MCP tool that changes something infragate cannot read", "mcp__github__create_issue", { title: "x" }, "ask"],
  ["MCP write_file on state", "mcp__filesystem__write_file", { path: "terraform.tfstate", content: "{}" }, "deny"],
  ["Glob without a path: a known tool (tool.use, baseline.known-tool)", "Glob", { pattern: "**/*.tf" }, "allow"],
  ["Glob in a folder: a read of the folder", "Glob", { pattern: "*.tf", path: "infra" }, "allow"],
  ["Glob of .env: the same answer as a Read of it", "Glob", { pattern: "*", path: ".env" }, "ask"],
  ["LS of a state file", "LS", { path: "terraform.tfstate" }, "ask"],
  ["WebFetch: a known tool", "WebFetch", { url: "https://example.com", prompt: "x" }, "allow"],
  ["Agent: a known tool", "Agent", { prompt: "x", description: "y", subagent_type: "general" }, "allow"],
  ["TodoWrite: a known tool", "TodoWrite", { todos: [] }, "allow"],
  ["unknown tool writing state", "FancyWriter", { file_path: "terraform.tfstate", data: "x" }, "deny"],
  ["unknown tool with a path to hook config", "Patcher", { path: ".claude/settings.local.json" }, "deny"],
  ["unknown tool running a command", "Runner", { cmd: ["sed", "-i", "s/a/b/", "terraform.tfstate"] }, "deny"],
  ["unknown tool, nothing recognisable", "Mystery", { foo: 1 }, "ask"],
  ["Bash without command", "Bash", { description: "x" }, "deny"],
  ["Write without file_path", "Write", { content: "x" }, "deny"],
];

describe("claude-code hook answers", () => {
  for (const [name, tool, input, expected, mode] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const run = await runHook("claude-code", claudePayload(ws, tool, input, mode ?? "default"), ws);
      if (expected === "allow" || expected === "silent") {
        expect(run.code).toBe(0);
        expect(run.stdout).toBe("");
        return;
      }
      expect(permissionDecision(run)).toBe(expected);
      const reason = (run.json?.hookSpecificOutput as Record<string, string>).permissionDecisionReason ?? "";
      expect(reason.length).toBeGreaterThan(20);
      if (expected === "deny") {
        expect(run.code).toBe(2);
        expect(run.stderr.trim()).toBe(reason.trim());
      } else {
        expect(run.code).toBe(0);
      }
      if (mode === "bypassPermissions") expect(reason).toMatch(/needs a human/);
    });
  }

  it("never answers permissionDecision allow", async () => {
    const run = await runHook("claude-code", claudePayload(ws, "Bash", { command: "npm test" }), ws);
    expect(run.stdout).not.toMatch(/"allow"/);
  });

  it("uses CLAUDE_PROJECT_DIR when the payload has no cwd", async () => {
    const { cwd: _cwd, ...payload } = claudePayload(ws, "Write", { file_path: "terraform.tfstate", content: "{}" }) as Record<string, unknown>;
    const run = await runHook("claude-code", payload, ws, { env: { CLAUDE_PROJECT_DIR: ws.root }, cwd: "/" });
    expect(permissionDecision(run)).toBe("deny");
    expect(run.stderr).toContain(`${ws.root}/terraform.tfstate`);
  });

  it("stays silent for events other than PreToolUse", async () => {
    const run = await runHook("claude-code", { ...claudePayload(ws, "Bash", { command: "terraform destroy" }), hook_event_name: "PostToolUse" }, ws);
    expect(run).toMatchObject({ code: 0, stdout: "" });
  });

  it("terraform destroy is denied (needs the terraform interpreter)", async () => {
    const run = await runHook("claude-code", claudePayload(ws, "Bash", { command: "terraform destroy -auto-approve" }, "bypassPermissions"), ws);
    expect(permissionDecision(run)).toBe("deny");
    expect(run.code).toBe(2);
  });
});
