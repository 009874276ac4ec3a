/**
 * End to end with the REAL Claude Code CLI and `install claude-code --http`: PreToolUse is an HTTP hook to the
 * warm decision service, started by the installed SessionStart hook. In bypassPermissions mode the service's
 * deny is honoured and allowed calls run; with the service down (and nothing to start it) every call is
 * blocked ("onFailure": "block"), and the stub CLIs never run.
 */
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { runClaude } from "./support/claude.js";
import { startFakeAnthropic, type FakeAnthropic } from "./support/fake-anthropic.js";
import { infragate, makeProject, type E2eProject } from "./support/project.js";

const bash = (command: string) => ({ name: "Bash", input: { command, description: "e2e" } });

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const addr = s.address();
  await new Promise((r) => s.close(r));
  if (addr === null || typeof addr === "string") throw new Error("no port");
  return addr.port;
}

describe("Claude Code (real CLI) with HTTP hooks to infragate serve", () => {
  let project: E2eProject;
  const apis: FakeAnthropic[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("claude-http");
    const r = await infragate(project, ["install", "claude-code", "--http", "--port", String(await freePort())]);
    expect(r.code, r.stderr).toBe(0);
    expect(project.read(".claude/settings.local.json")).toContain('"type": "http"');
  }, 60_000);

  afterAll(async () => {
    await infragate(project, ["serve", "--stop"]);
    for (const api of apis) await api.close();
    fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("the SessionStart hook starts the service; its deny stops terraform destroy in bypass mode; plan runs", async () => {
    expect((await infragate(project, ["serve", "--status"])).code).toBe(1);
    const api = await startFakeAnthropic([bash("terraform destroy -auto-approve"), bash("terraform plan")]);
    apis.push(api);
    const run = await runClaude(project, api.url, "Work on the infrastructure.", "bypassPermissions");
    expect(run.code, run.stderr).toBe(0);
    const [destroy, plan] = [...api.calls.keys()];
    expect(api.results.get(destroy ?? "")?.content).toMatch(/terraform\.destroy/);
    expect(run.denials.map((d) => d.tool_use_id)).toEqual([destroy]);
    expect(api.results.get(plan ?? "")?.is_error).not.toBe(true);
    expect(project.stubCalls()).toEqual(["terraform plan"]);
    const status = await infragate(project, ["serve", "--status"]);
    expect(status.code).toBe(0);
    // both tool calls were answered by the service over HTTP, no hook process ran
    expect(Number(/(\d+) decisions/.exec(status.stdout)?.[1])).toBeGreaterThanOrEqual(2);
  }, 180_000);

  it("with the service down and nothing to start it, every call is blocked and nothing runs", async () => {
    await infragate(project, ["serve", "--stop"]);
    const until = Date.now() + 5000;
    while (Date.now() < until && (await infragate(project, ["serve", "--status"])).code === 0) await new Promise((r) => setTimeout(r, 100));
    const file = path.join(project.dir, ".claude", "settings.local.json");
    const settings: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!settings || typeof settings !== "object" || !("hooks" in settings) || !settings.hooks || typeof settings.hooks !== "object") throw new Error("no hooks");
    delete (settings.hooks as Record<string, unknown>).SessionStart;
    fs.writeFileSync(file, JSON.stringify(settings, null, 2));
    fs.rmSync(project.callLog, { force: true });
    const api = await startFakeAnthropic([bash("terraform plan"), bash("terraform destroy -auto-approve")]);
    apis.push(api);
    const run = await runClaude(project, api.url, "Work.", "bypassPermissions");
    const ids = [...api.calls.keys()];
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(api.results.get(id)?.is_error, JSON.stringify(api.results.get(id))).toBe(true);
    expect(run.denials).toHaveLength(2);
    expect(project.stubCalls()).toEqual([]);
  }, 180_000);
});
