/**
 * The real Claude Code CLI after the installation its hook points at was removed (hook file missing, as after
 * `npm uninstall -g infragate`): with the installed "onFailure": "block" every call is blocked; the same
 * settings without it let the call run (what the switch is for).
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { runClaude } from "./support/claude.js";
import { startFakeAnthropic, type FakeAnthropic } from "./support/fake-anthropic.js";
import { copyPackage } from "./support/package-copy.js";
import { makeProject, type E2eProject } from "./support/project.js";

const bash = (command: string) => ({ name: "Bash", input: { command, description: "e2e" } });

describe("Claude Code (real CLI): a removed installation blocks", () => {
  let project: E2eProject;
  let pkg: string;
  const apis: FakeAnthropic[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("claude-removed");
    pkg = copyPackage();
    const r = await execa(process.execPath, [path.join(pkg, "dist", "cli", "bin.js"), "install", "claude-code"], { cwd: project.dir, env: project.env(), extendEnv: false, reject: false });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(project.read(".claude/settings.json")).toContain(pkg);
    fs.rmSync(pkg, { recursive: true, force: true });
  }, 60_000);

  afterAll(async () => {
    for (const api of apis) await api.close();
    fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
  });

  it("with onFailure block (as installed): terraform plan and destroy are blocked and never ran", async () => {
    const api = await startFakeAnthropic([bash("terraform destroy -auto-approve"), bash("terraform plan")]);
    apis.push(api);
    const run = await runClaude(project, api.url, "Work.", "bypassPermissions");
    const ids = [...api.calls.keys()];
    expect(ids).toHaveLength(2);
    for (const id of ids) {
      const result = api.results.get(id);
      expect(result?.is_error, JSON.stringify(result)).toBe(true);
      expect(result?.content).toMatch(/onFailure/);
    }
    expect(run.denials.map((d) => d.tool_use_id).sort()).toEqual(ids.sort());
    expect(project.stubCalls()).toEqual([]);
  }, 180_000);

  it("control: the same hook without onFailure lets the call run (Claude Code treats exit 1 as non-blocking)", async () => {
    const file = path.join(project.dir, ".claude", "settings.json");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/,\s*"onFailure": "block"/, ""));
    const api = await startFakeAnthropic([bash("terraform plan")]);
    apis.push(api);
    await runClaude(project, api.url, "Work.", "bypassPermissions");
    expect(project.stubCalls()).toEqual(["terraform plan"]);
  }, 180_000);
});
