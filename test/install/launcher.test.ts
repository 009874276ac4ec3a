/** The launchers agents run (hooks/infragate-hook.cjs, installed now; hooks/infragate-hook.mjs, named by installs of
 *  earlier versions): each answers through dist/, and blocks when infragate cannot even be loaded. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, ROOT } from "../e2e/support/build.js";
import { tempDir } from "../support/temp.js";

const env = () => ({ PATH: process.env.PATH ?? "", HOME: os.homedir(), INFRAGATE_HOME: tempDir("infragate-launcher-"), INFRAGATE_SERVE_AUTOSTART: "0" });

describe.each(["infragate-hook.cjs", "infragate-hook.mjs"])("hooks/%s", (name) => {
  const LAUNCHER = path.join(ROOT, "hooks", name);

  beforeAll(async () => {
    await ensureBuilt();
  }, 180_000);

  it("denies a state write through the built CLI (exit 2, JSON deny)", async () => {
    const dir = tempDir("infragate-launcher-ws-");
    const payload = { hook_event_name: "PreToolUse", cwd: dir, tool_name: "Write", tool_input: { file_path: `${dir}/terraform.tfstate`, content: "{}" } };
    const r = await execa(process.execPath, [LAUNCHER, "claude-code"], { input: JSON.stringify(payload), env: env(), extendEnv: false, reject: false });
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).hookSpecificOutput.permissionDecision).toBe("deny");
  });

  it("ends the process at the deadline even when the decision hangs", async () => {
    const payload = { hook_event_name: "BeforeTool", tool_name: "run_shell_command", tool_input: { command: "ls" } };
    const started = Date.now();
    const r = await execa(process.execPath, [LAUNCHER, "gemini", "--deadline-ms", "300"], { input: JSON.stringify(payload), env: { ...env(), INFRAGATE_TEST_FAULT: "hang" }, extendEnv: false, reject: false });
    expect(r.exitCode).toBe(2);
    expect(JSON.parse(r.stdout).decision).toBe("deny");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each(["claude-code", "cursor", "gemini", "codex", "git"])("blocks for %s when dist/ is missing", async (agent) => {
    const copy = tempDir("infragate-nodist-");
    fs.mkdirSync(path.join(copy, "hooks"));
    fs.copyFileSync(LAUNCHER, path.join(copy, "hooks", name));
    const r = await execa(process.execPath, [path.join(copy, "hooks", name), agent], { input: "{}", env: env(), extendEnv: false, reject: false });
    expect(r.exitCode).toBe(agent === "git" ? 1 : 2);
    expect(r.stderr).toMatch(/infragate could not start/);
    if (agent !== "git") expect(r.stdout).toMatch(/deny/);
  });
});
