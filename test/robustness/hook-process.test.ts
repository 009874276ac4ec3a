/** Bad input through the REAL hook process (`node dist/cli/bin.js hook <agent>`, and the installed launcher):
 *  raw bytes on stdin, invalid UTF-8, binary garbage, empty input, a 1 MiB command, deep nesting. dist/ is
 *  rebuilt first only when it is older than src/ (test/e2e/support/build.ts). */
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuilt, ROOT } from "../e2e/support/build.js";
import { makeWorkspace, type HookRun, type Workspace } from "../agents/support.js";
import { AGENTS, expectBlock, shellPayload } from "./support/hook.js";

let ws: Workspace;
beforeAll(async () => {
  await ensureBuilt();
  ws = makeWorkspace();
}, 300_000);

const LAUNCHER = path.join(ROOT, "hooks", "infragate-hook.cjs");

async function hook(agent: string, input: Buffer | string, entry: "bin" | "launcher" = "bin"): Promise<[HookRun, number]> {
  const args = entry === "bin" ? [BIN, "hook", agent] : [LAUNCHER, agent];
  const t = Date.now();
  const r = await execa(process.execPath, args, { input, cwd: ws.root, env: ws.env, extendEnv: false, reject: false, timeout: 30_000, stripFinalNewline: false });
  const out = String(r.stdout ?? "");
  let json: Record<string, unknown> | undefined;
  try {
    json = out.trim() ? (JSON.parse(out.trim()) as Record<string, unknown>) : undefined;
  } catch {
    json = undefined;
  }
  return [{ code: r.exitCode ?? -1, stdout: out, stderr: String(r.stderr ?? ""), json }, Date.now() - t];
}

/** Deterministic pseudo-random bytes (no Math.random: a failure must reproduce). */
function garbage(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    b[i] = s >>> 24;
  }
  return b;
}

const RAW: readonly [string, Buffer][] = [
  ["empty stdin", Buffer.alloc(0)],
  ["invalid UTF-8 bytes", Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc])],
  ["64 KiB of binary garbage", garbage(64 * 1024, 7)],
  ["NUL bytes", Buffer.alloc(4096)],
  ["truncated JSON", Buffer.from('{"hook_event_name":"PreToolUse","tool_name":"Bash","tool_input":{"command":"terraform dest')],
  ["JSON followed by garbage", Buffer.concat([Buffer.from('{"tool_name":"Bash","tool_input":{"command":"ls"}}'), garbage(32, 3)])],
];

describe.each(AGENTS)("%s (real process): raw bad input blocks", (agent) => {
  it.each(RAW)("%s", async (_name, input) => {
    const [run, ms] = await hook(agent, input);
    expectBlock(agent, run, /infragate/, ms);
  });
});

describe("claude-code (real process): oversized and deep commands", () => {
  const CASES: readonly [string, string, RegExp][] = [
    ["a 1 MiB command", `echo ${"x".repeat(1024 * 1024)}`, /256 KiB/],
    ["400 levels of eval", `${"eval ".repeat(400)}terraform destroy`, /nesting deeper than 32 levels/],
    ["NUL bytes inside the command", "terra\u0000form destroy", /terraform\.destroy/],
  ];
  it.each(CASES)("%s", async (_name, command, reason) => {
    const [run, ms] = await hook("claude-code", JSON.stringify(shellPayload("claude-code", ws.root, command)));
    expectBlock("claude-code", run, reason, ms);
  });
  it("a valid payload is answered (control): ls is allowed silently", async () => {
    const [run] = await hook("claude-code", JSON.stringify(shellPayload("claude-code", ws.root, "ls")));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("");
  });
});

describe("the installed launcher (hooks/infragate-hook.cjs)", () => {
  it.each(AGENTS)("%s: binary garbage blocks", async (agent) => {
    const [run, ms] = await hook(agent, garbage(1024, 11), "launcher");
    expectBlock(agent, run, /infragate/, ms);
  });
});
