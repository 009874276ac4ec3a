/** Bad hook input, in-process (runHookWith): malformed payloads, wrong types, oversized and deeply nested
 *  commands, NUL bytes. Every one is answered in time with a block that says why; limits are named. */
import { beforeAll, describe, expect, it } from "vitest";
import { claudePayload, makeWorkspace, runHook, type Workspace } from "../agents/support.js";
import { AGENTS, expectBlock, shellPayload } from "./support/hook.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});

async function timed(agent: string, stdin: string | object): Promise<[Awaited<ReturnType<typeof runHook>>, number]> {
  const t = Date.now();
  const run = await runHook(agent, stdin, ws);
  return [run, Date.now() - t];
}

const MALFORMED: readonly [string, string][] = [
  ["invalid JSON", "{not json"],
  ["truncated JSON", '{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"terraform des'],
  ["empty stdin", ""],
  ["whitespace only", " \n\t "],
  ["null", "null"],
  ["a number", "42"],
  ["a string", '"terraform destroy"'],
  ["an array", '[{"tool_name":"Bash"}]'],
  ["an empty object", "{}"],
  ["a NUL inside the JSON", '{"tool_name":"Bash",\u0000"tool_input":{"command":"ls"}}'],
  ["a BOM and garbage", "\uFEFF\uFFFD\uFFFD\u0001\u0002"],
  ["duplicate-key trick, last wins", '{"tool_name":"Bash","tool_input":{"command":"terraform destroy","command":5}}'],
];

describe.each(AGENTS)("%s: malformed payloads block", (agent) => {
  it.each(MALFORMED)("%s", async (_name, stdin) => {
    const [run, ms] = await timed(agent, stdin);
    expectBlock(agent, run, /infragate/, ms);
  });
  it("a command that is a number", async () => {
    const [run, ms] = await timed(agent, shellPayload(agent, ws.root, 5));
    expectBlock(agent, run, /infragate/, ms);
  });
  it("a command that is an object", async () => {
    const [run, ms] = await timed(agent, shellPayload(agent, ws.root, { cmd: "terraform destroy" }));
    expectBlock(agent, run, /infragate/, ms);
  });
});

const WRONG_TYPES: readonly [string, Record<string, unknown>][] = [
  ["no tool_input", { hook_event_name: "PreToolUse", tool_name: "Bash" }],
  ["tool_input is a string", { hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: "terraform destroy" }],
  ["tool_name is a number", { hook_event_name: "PreToolUse", tool_name: 5, tool_input: { command: "ls" } }],
  ["tool_name is empty", { hook_event_name: "PreToolUse", tool_name: "", tool_input: { command: "ls" } }],
  ["Bash without command", { hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: {} }],
  ["command is null", { hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: null } }],
  ["Write without file_path", { hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { content: "x" } }],
  ["Write with a numeric file_path", { hook_event_name: "PreToolUse", tool_name: "Write", tool_input: { file_path: 7 } }],
  ["cwd is a number", { hook_event_name: "PreToolUse", tool_name: "Bash", cwd: 5, tool_input: { command: "ls" } }],
  ["permission_mode is an array", { hook_event_name: "PreToolUse", tool_name: "Bash", permission_mode: [], tool_input: { command: "ls" } }],
  ["hook_event_name is a number", { hook_event_name: 7, tool_name: "Bash", tool_input: { command: "ls" } }],
];

describe("claude-code: missing fields and wrong types block", () => {
  it.each(WRONG_TYPES)("%s", async (_name, payload) => {
    const [run, ms] = await timed("claude-code", payload);
    expectBlock("claude-code", run, /infragate/, ms);
  });
});

function bashC(inner: string): string {
  return `bash -c '${inner.split("'").join("'\\''")}'`;
}

/** Commands past a limit; quoting grows exponentially with `bash -c` nesting, so depth uses eval chains,
 *  nested heredocs and $(...) instead (see test/shell/limits.test.ts for the analyser side). */
const LIMITS: readonly [string, string, RegExp][] = [
  ["a 1 MiB command", `echo ${"x".repeat(1024 * 1024)}`, /256 KiB/],
  ["a 1 MiB command naming terraform destroy", `terraform destroy; echo ${"x".repeat(1024 * 1024)}`, /256 KiB/],
  ["300 levels of eval", `${"eval ".repeat(300)}terraform destroy`, /nesting deeper than 32 levels/],
  ["300 levels of eval, benign", `${"eval ".repeat(300)}ls`, /nesting deeper than 32 levels/],
  ["200 nested heredocs to bash", nestedHeredocs(200), /nesting deeper than 32 levels/],
  ["200 nested $(...)", `echo ${"$(".repeat(200)}terraform destroy${")".repeat(200)}`, /nest|depth|parse/i],
  ["bash -c nested until the quoting passes 256 KiB", bashCUntil(300 * 1024), /256 KiB|nesting deeper/],
  ["NUL bytes that hide a program name", "terra\u0000form destroy", /terraform\.destroy[\s\S]*NUL bytes/],
  ["NUL bytes between words", "ls\u0000 terraform destroy", /NUL bytes/],
];

function nestedHeredocs(levels: number): string {
  let s = "terraform destroy";
  for (let i = 0; i < levels; i++) s = `bash <<'E${i}'\n${s}\nE${i}`;
  return s;
}

function bashCUntil(bytes: number): string {
  let s = "terraform destroy";
  while (s.length < bytes) s = bashC(s);
  return s;
}

describe.each(AGENTS)("%s: limits block (or ask a human, where the agent can) and are named", (agent) => {
  it.each(LIMITS)("%s", async (_name, command, reason) => {
    const [run, ms] = await timed(agent, shellPayload(agent, ws.root, command));
    // Cursor's beforeShellExecution can ask a human: an unanalysable line is an ask there, a block elsewhere
    // (bypassPermissions for Claude Code; Gemini and Codex cannot ask).
    if (agent === "cursor" && run.json?.permission === "ask") {
      expect(run.code).toBe(0);
      expect(String(run.json.agent_message)).toMatch(reason);
      return;
    }
    expectBlock(agent, run, reason, ms);
  });
});

describe("claude-code default mode: past a limit a human is asked, never silently allowed", () => {
  it.each(LIMITS)("%s", async (_name, command, reason) => {
    const run = await runHook("claude-code", claudePayload(ws, "Bash", { command }, "default"), ws);
    const h = run.json?.hookSpecificOutput as Record<string, string> | undefined;
    expect(["ask", "deny"]).toContain(h?.permissionDecision);
    expect(h?.permissionDecisionReason).toMatch(reason);
  });
});
