/**
 * Team rollout: `infragate install claude-code --team` in one clone, committed; another clone at another path
 * gets the settings with git. Before `npm install` its hook blocks with "run npm install"; after it (the
 * packed infragate, installed offline from the tarball by the committed lock file) the very command in the
 * committed settings denies `terraform destroy` and lets `terraform plan` through, run by hand and by the real
 * Claude Code CLI in a third clone.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ROOT, ensureBuilt } from "./support/build.js";
import { runClaude } from "./support/claude.js";
import { startFakeAnthropic } from "./support/fake-anthropic.js";
import { offlineLock } from "./support/offline-lock.js";
import { makeProject } from "./support/project.js";
import { tempDir } from "../support/temp.js";

const TMP = tempDir("infragate-team-");
const GIT_ENV = { GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" };
const env = { PATH: process.env.PATH ?? "", HOME: path.join(TMP, "home"), INFRAGATE_HOME: path.join(TMP, "ig-home"), INFRAGATE_SERVE_AUTOSTART: "0", npm_config_cache: path.join(os.homedir(), ".npm"), ...GIT_ENV };

const run = (file: string, args: readonly string[], cwd: string, input?: string) =>
  execa(file, args, { cwd, env, extendEnv: false, reject: false, ...(input !== undefined ? { input } : {}), timeout: 120_000 });

let origin = "";
let clone = "";
let command = "";

/** The PreToolUse command as Claude Code runs it: sh -c, the payload on stdin, CLAUDE_PROJECT_DIR set. */
function hook(project: string, shell: string) {
  const payload = { session_id: "s", transcript_path: "/dev/null", cwd: project, permission_mode: "bypassPermissions", hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command: shell } };
  return execa("sh", ["-c", command], { cwd: project, env: { ...env, CLAUDE_PROJECT_DIR: project }, extendEnv: false, reject: false, input: JSON.stringify(payload), timeout: 60_000 });
}

beforeAll(async () => {
  await ensureBuilt();
  fs.mkdirSync(env.HOME, { recursive: true });
  const packed = await run("npm", ["pack", "--ignore-scripts", "--pack-destination", TMP], ROOT);
  expect(packed.exitCode, packed.stderr).toBe(0);
  const tarball = path.join(TMP, packed.stdout.trim().split("\n").pop() ?? "");
  // Two clones at different depths, each with the tarball one folder up (the spec in package.json is relative).
  origin = path.join(TMP, "a", "origin");
  clone = path.join(TMP, "b", "deeper", "clone");
  fs.mkdirSync(origin, { recursive: true });
  fs.mkdirSync(path.dirname(clone), { recursive: true });
  for (const project of [origin, clone]) fs.copyFileSync(tarball, path.join(path.dirname(project), "infragate.tgz"));
  const spec = "file:../infragate.tgz";
  fs.writeFileSync(path.join(origin, "package.json"), `${JSON.stringify({ name: "team-infra", version: "1.0.0", private: true, devDependencies: { infragate: spec } }, null, 2)}\n`);
  fs.writeFileSync(path.join(origin, "package-lock.json"), offlineLock(path.join(ROOT, "package-lock.json"), "team-infra", spec, path.join(TMP, "a", "infragate.tgz")));
  fs.writeFileSync(path.join(origin, ".gitignore"), "node_modules/\n");
  fs.writeFileSync(path.join(origin, "main.tf"), 'resource "null_resource" "x" {}\n');
  await run("git", ["init", "-q"], origin);
  const installed = await run(process.execPath, [BIN, "install", "claude-code", "--team", "--dir", origin], origin);
  expect(installed.exitCode, installed.stderr).toBe(0);
  expect(installed.stderr).not.toContain("warning");
  await run("git", ["add", "."], origin);
  const committed = await run("git", ["commit", "-qm", "infragate for the team"], origin);
  expect(committed.exitCode, committed.stderr).toBe(0);
  const cloned = await run("git", ["clone", "-q", origin, clone], TMP);
  expect(cloned.exitCode, cloned.stderr).toBe(0);
  const settings = JSON.parse(fs.readFileSync(path.join(clone, ".claude", "settings.json"), "utf8")) as { hooks: { PreToolUse: { hooks: { command: string; onFailure: string }[] }[] } };
  const handler = settings.hooks.PreToolUse[0]?.hooks[0];
  expect(handler?.onFailure).toBe("block");
  command = handler?.command ?? "";
}, 300_000);

afterAll(() => {
  if (!process.env.KEEP_E2E) fs.rmSync(TMP, { recursive: true, force: true });
});

describe("install claude-code --team, committed in one clone, in another clone", () => {
  it("names no path of the machine that installed it", () => {
    expect(command).not.toContain(TMP);
    expect(command).not.toContain(ROOT);
    expect(command).toContain("$d/node_modules/infragate/hooks/infragate-hook.cjs");
  });

  it("blocks every call with 'run npm install' before npm install", async () => {
    const r = await hook(clone, "terraform plan");
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain(`infragate is not installed in ${clone}: run npm install`);
  });

  it("after npm install (offline, from the tarball), denies terraform destroy and lets terraform plan through", async () => {
    const ci = await run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], clone);
    expect(ci.exitCode, ci.stderr).toBe(0);
    expect(fs.existsSync(path.join(clone, "node_modules", "infragate", "hooks", "infragate-hook.cjs"))).toBe(true);
    const destroy = await hook(clone, "terraform destroy -auto-approve");
    expect(destroy.exitCode, destroy.stderr).toBe(2);
    expect(`${destroy.stdout}${destroy.stderr}`).toContain("terraform.destroy");
    const plan = await hook(clone, "terraform plan");
    expect(plan.exitCode, plan.stderr).toBe(0);
    expect(plan.stdout).not.toContain('"deny"');
  }, 180_000);

  it("the agent in that clone cannot remove the installation its hooks run", async () => {
    for (const shell of ["rm -rf node_modules", "npm uninstall infragate", "node node_modules/infragate/bin/infragate.cjs uninstall claude-code"]) {
      const r = await hook(clone, shell);
      expect(r.exitCode, shell).toBe(2);
      expect(`${r.stdout}${r.stderr}`, shell).toMatch(/self-protection\./);
    }
  }, 120_000);

  it("the real Claude Code in a third clone (after npm ci): terraform destroy is denied, terraform plan runs", async () => {
    const project = await makeProject("team-claude");
    try {
      // The project becomes a clone of origin: the committed settings, package.json and lock file.
      fs.rmSync(path.join(project.dir, "main.tf"));
      const pulled = await run("git", ["pull", "-q", origin, "HEAD"], project.dir);
      expect(pulled.exitCode, pulled.stderr).toBe(0);
      fs.copyFileSync(path.join(TMP, "a", "infragate.tgz"), path.join(path.dirname(project.dir), "infragate.tgz"));
      const ci = await run("npm", ["ci", "--offline", "--no-audit", "--no-fund"], project.dir);
      expect(ci.exitCode, ci.stderr).toBe(0);
      const bash = (command: string) => ({ name: "Bash", input: { command, description: "e2e" } });
      const api = await startFakeAnthropic([bash("terraform destroy -auto-approve"), bash("terraform plan")]);
      try {
        const claude = await runClaude(project, api.url, "Work.", "bypassPermissions");
        const [destroyId] = [...api.calls.keys()];
        expect(api.results.get(destroyId as string)?.content, claude.stderr).toMatch(/terraform\.destroy/);
        expect(project.stubCalls()).toEqual(["terraform plan"]);
      } finally {
        await api.close();
      }
    } finally {
      if (!process.env.KEEP_E2E) fs.rmSync(path.dirname(project.dir), { recursive: true, force: true });
    }
  }, 240_000);
});
