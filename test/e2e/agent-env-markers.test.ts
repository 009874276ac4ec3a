/**
 * Which environment variable each real agent CLI sets in the shell it runs commands in: the marker the git
 * pre-commit check reads to tell a commit from an agent's shell from a human's (src/git-hook/agent-env.ts).
 * Each agent runs `env > agent-env.txt` through its shell tool, offline against a scripted API, with no hook
 * installed. Skipped visibly where an agent's binary is not installed.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runClaude } from "./support/claude.js";
import { codexBinary, runCodex } from "./support/codex.js";
import { copilotInstalled, runCopilot } from "./support/copilot.js";
import { startFakeAnthropic } from "./support/fake-anthropic.js";
import { startFakeChat } from "./support/fake-chat.js";
import { startFakeResponses } from "./support/fake-responses.js";
import { makeProject, type E2eProject } from "./support/project.js";
import { AGENT_ENV_MARKERS } from "../../src/git-hook/agent-env.js";

const DUMP = "env > agent-env.txt";
const projects: E2eProject[] = [];

async function project(name: string): Promise<E2eProject> {
  const p = await makeProject(`markers-${name}`);
  projects.push(p);
  return p;
}

function dumped(p: E2eProject): Record<string, string> {
  const text = fs.readFileSync(path.join(p.dir, "agent-env.txt"), "utf8");
  return Object.fromEntries(text.split("\n").filter((l) => l.includes("=")).map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]));
}

function marker(agent: string): { name: string; value?: string } {
  const m = AGENT_ENV_MARKERS.find((x) => x.agent === agent);
  if (!m) throw new Error(`no marker for ${agent}`);
  return m;
}

afterAll(() => {
  if (!process.env.KEEP_E2E) for (const p of projects) fs.rmSync(path.dirname(p.dir), { recursive: true, force: true });
});

describe("agent shell markers (real CLIs)", () => {
  it("Claude Code sets CLAUDECODE=1", async () => {
    const p = await project("claude");
    const api = await startFakeAnthropic([{ name: "Bash", input: { command: DUMP, description: "e2e" } }]);
    try {
      await runClaude(p, api.url, "Work.", "bypassPermissions");
    } finally {
      await api.close();
    }
    const m = marker("claude-code");
    expect(dumped(p)[m.name]).toBe(m.value);
  }, 180_000);

  const codex = codexBinary();
  (codex ? it : it.skip)(`Codex sets its marker${codex ? "" : " [SKIPPED: no Codex binary]"}`, async () => {
    const p = await project("codex");
    const api = await startFakeResponses([{ name: "exec_command", args: { cmd: DUMP, login: false } }]);
    try {
      await runCodex(codex as string, p, api.url, "Work.");
    } finally {
      await api.close();
    }
    const m = marker("codex");
    const env = dumped(p);
    expect(env[m.name], Object.keys(env).filter((k) => /codex/i.test(k)).join(",")).toBe(m.value ?? env[m.name]);
    expect(env[m.name]).toBeDefined();
  }, 180_000);

  (copilotInstalled() ? it : it.skip)(`Copilot CLI sets its marker${copilotInstalled() ? "" : " [SKIPPED: no Copilot CLI]"}`, async () => {
    const p = await project("copilot");
    const api = await startFakeChat([{ name: "bash", args: { command: DUMP, description: "e2e" } }]);
    try {
      await runCopilot(p, api.url, "Work.");
    } finally {
      await api.close();
    }
    const m = marker("copilot");
    const env = dumped(p);
    expect(env[m.name], Object.keys(env).filter((k) => /copilot|github/i.test(k)).join(",")).toBeDefined();
  }, 180_000);
});
