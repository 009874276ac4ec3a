/** Codex PreToolUse: Bash and apply_patch (its files), hookSpecificOutput deny + exit 2; Codex has no ask. */
import { beforeAll, describe, expect, it } from "vitest";
import { readApplyPatch } from "../../src/agents/apply-patch.js";
import { makeWorkspace, permissionDecision, runHook, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});

/** The payload Codex 0.169 sends (verbatim shape from research/agent-e2e.md). */
function payload(tool: string, input: Record<string, unknown>): Record<string, unknown> {
  return {
    session_id: "01a1ffcd-5d1c-7a11-8750-75fa25353a57",
    turn_id: "01a1ffcd-5d3c-7d12-8112-775540771b03",
    transcript_path: `${ws.home}/rollout.jsonl`,
    cwd: ws.root,
    hook_event_name: "PreToolUse",
    model: "gpt-5.1-codex",
    permission_mode: "bypassPermissions",
    tool_name: tool,
    tool_input: input,
    tool_use_id: "call_3",
  };
}

const patch = (body: string): string => `*** Begin Patch\n${body}\n*** End Patch\n`;

type Expect = "allow" | "deny" | "deny-human";
const CASES: readonly [string, string, Record<string, unknown>, Expect][] = [
  ["Bash touch (the e2e probe)", "Bash", { command: "touch PWNED" }, "allow"],
  ["Bash touch at a computed path (ask -> blocked)", "Bash", { command: `touch ${"$"}WORK/PWNED` }, "deny-human"],
  ["Bash sed -i on state", "Bash", { command: "sed -i s/a/b/ terraform.tfstate" }, "deny"],
  ["Bash cat .env (ask -> blocked)", "Bash", { command: "cat .env" }, "deny-human"],
  ["apply_patch update source", "apply_patch", { command: patch("*** Update File: main.tf\n@@\n-a\n+b") }, "allow"],
  ["apply_patch add state", "apply_patch", { command: patch("*** Add File: terraform.tfstate\n+{}") }, "deny"],
  ["apply_patch delete state", "apply_patch", { command: patch("*** Delete File: envs/prod/terraform.tfstate") }, "deny"],
  ["apply_patch move into hook config", "apply_patch", { command: patch("*** Update File: notes.json\n*** Move to: .codex/hooks.json\n@@\n-a\n+b") }, "deny"],
  ["apply_patch in a heredoc", "apply_patch", { command: `apply_patch <<'EOF'\n${patch("*** Add File: .env\n+A=1")}EOF` }, "deny-human"],
  ["apply_patch as argv", "apply_patch", { command: ["apply_patch", patch("*** Add File: terraform.tfstate\n+{}")] }, "deny"],
  ["apply_patch without file headers", "apply_patch", { command: "echo hi" }, "deny"],
  ["Bash running apply_patch on a heredoc (Codex applies it itself)", "Bash", { command: `apply_patch <<'EOF'\n${patch("*** Add File: envs/prod/terraform.tfstate\n+{}")}EOF` }, "deny"],
  ["Bash running apply_patch on source", "Bash", { command: `cd infra && apply_patch <<'EOF'\n${patch("*** Update File: main.tf\n@@\n-a\n+b")}EOF` }, "allow"],
  ["mcp tool", "mcp__docs__search", { q: "x" }, "allow"],
];

describe("codex hook answers", () => {
  for (const [name, tool, input, expected] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const run = await runHook("codex", payload(tool, input), ws);
      if (expected === "allow") {
        expect(run).toMatchObject({ code: 0, stdout: "" });
        return;
      }
      expect(permissionDecision(run)).toBe("deny");
      expect(run.code).toBe(2);
      if (expected === "deny-human") expect(run.stderr).toMatch(/needs a human/);
    });
  }
});

describe("apply_patch reading", () => {
  it("lists adds, updates, deletes and moves", () => {
    const r = readApplyPatch(patch("*** Add File: a.txt\n+x\n*** Update File: b.txt\n*** Move to: c.txt\n@@\n-x\n+y\n*** Delete File: d.txt\n*** Update File: e.txt\n@@\n-x\n+y"));
    expect(r.isPatch).toBe(true);
    expect(r.files).toEqual([
      { op: "write", path: "a.txt", via: "Add File" },
      { op: "delete", path: "b.txt", via: "Update File" },
      { op: "write", path: "c.txt", via: "Move to" },
      { op: "delete", path: "d.txt", via: "Delete File" },
      { op: "write", path: "e.txt", via: "Update File" },
    ]);
  });
  it("is not a patch without headers", () => {
    expect(readApplyPatch("hello").isPatch).toBe(false);
  });
});
