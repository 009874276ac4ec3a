/** The git pre-commit hook: install honours core.hooksPath and husky, chains an existing hook; the check blocks. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { CHAINED } from "../../src/install/git.js";
import { install, uninstall } from "../../src/install/index.js";
import { ensureBuilt } from "../e2e/support/build.js";
import { tempDir } from "../support/temp.js";

type Git = (...args: string[]) => Promise<{ code: number; out: string }>;

async function repo(): Promise<{ dir: string; env: Record<string, string>; git: Git; gitWith: (extra: Record<string, string>) => Git }> {
  const dir = tempDir("infragate-git-");
  const home = tempDir("infragate-git-home-");
  const env = { PATH: process.env.PATH ?? "", HOME: os.homedir(), INFRAGATE_HOME: home, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" };
  const gitWith = (extra: Record<string, string>): Git => async (...args: string[]) => {
    const r = await execa("git", args, { cwd: dir, env: { ...env, ...extra }, extendEnv: false, reject: false });
    return { code: r.exitCode ?? -1, out: `${r.stdout}\n${r.stderr}` };
  };
  const git = gitWith({});
  await git("init", "-q");
  return { dir, env, git, gitWith };
}

const opts = (dir: string) => ({ dir, user: false, env: { HOME: os.homedir() } });

describe("install git", () => {
  it("writes an executable .git/hooks/pre-commit with absolute paths; twice = no change; uninstall removes it", async () => {
    const { dir } = await repo();
    const r = await install("git", opts(dir));
    const hook = path.join(dir, ".git", "hooks", "pre-commit");
    expect(r.files[0]).toMatchObject({ file: hook, changed: true });
    expect(fs.statSync(hook).mode & 0o111).not.toBe(0);
    expect(fs.readFileSync(hook, "utf8")).toContain(`${process.execPath} `);
    expect((await install("git", opts(dir))).files[0]?.changed).toBe(false);
    await uninstall("git", opts(dir));
    expect(fs.existsSync(hook)).toBe(false);
  });

  it("chains an existing hook and restores it on uninstall", async () => {
    const { dir } = await repo();
    const hook = path.join(dir, ".git", "hooks", "pre-commit");
    fs.writeFileSync(hook, "#!/bin/sh\necho mine\n", { mode: 0o755 });
    const r = await install("git", opts(dir));
    expect(r.notes.join()).toMatch(/kept as/);
    expect(fs.readFileSync(path.join(dir, ".git", "hooks", CHAINED), "utf8")).toBe("#!/bin/sh\necho mine\n");
    expect(fs.readFileSync(hook, "utf8")).toContain(CHAINED);
    await uninstall("git", opts(dir));
    expect(fs.readFileSync(hook, "utf8")).toBe("#!/bin/sh\necho mine\n");
    expect(fs.existsSync(path.join(dir, ".git", "hooks", CHAINED))).toBe(false);
  });

  it("honours core.hooksPath", async () => {
    const { dir, git } = await repo();
    await git("config", "core.hooksPath", "githooks");
    const r = await install("git", opts(dir));
    expect(r.files[0]?.file).toBe(path.join(dir, "githooks", "pre-commit"));
  });

  it("adds a block to husky's .husky/pre-commit and removes only that block", async () => {
    const { dir, git } = await repo();
    fs.mkdirSync(path.join(dir, ".husky", "_"), { recursive: true });
    fs.writeFileSync(path.join(dir, ".husky", "pre-commit"), "npx lint-staged\n");
    await git("config", "core.hooksPath", ".husky/_");
    const r = await install("git", opts(dir));
    expect(r.files[0]?.file).toBe(path.join(dir, ".husky", "pre-commit"));
    const text = fs.readFileSync(path.join(dir, ".husky", "pre-commit"), "utf8");
    expect(text).toMatch(/infragate-hook\.cjs git \|\| exit \$\?/);
    expect(text.endsWith("npx lint-staged\n")).toBe(true);
    expect((await install("git", opts(dir))).files[0]?.changed).toBe(false);
    await uninstall("git", opts(dir));
    expect(fs.readFileSync(path.join(dir, ".husky", "pre-commit"), "utf8")).toBe("npx lint-staged\n");
  });
});

describe("the pre-commit check through real git commits", () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 180_000);

  it("blocks state files, secrets and hook config; lets an ordinary commit through", async () => {
    const { dir, git } = await repo();
    await install("git", opts(dir));
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    put("main.tf", 'resource "null_resource" "x" {}\n');
    put(".terraform.lock.hcl", "# lock\n");
    put(".env.example", "TOKEN=\n");
    await git("add", ".");
    const ok = await git("commit", "-qm", "ordinary");
    expect(ok.code, ok.out).toBe(0);

    put("terraform.tfstate", "{}\n");
    put(".env", "TOKEN=abc\n");
    put("id_rsa", "x\n");
    put("vars.tf", 'key = "AKIAQWERTYUIOPASDFGH"\nexample = "AKIAIOSFODNN7EXAMPLE"\n-----BEGIN OPENSSH PRIVATE KEY-----\n');
    await git("add", ".");
    const blocked = await git("commit", "-qm", "bad");
    expect(blocked.code).not.toBe(0);
    for (const what of ["terraform.tfstate", "state.write-state-file", ".env", "secrets.project-secret-write", "id_rsa", "vars.tf:1: aws-access-key-id", "vars.tf:3: private-key", "commit.private-key"]) {
      expect(blocked.out).toContain(what);
    }
    expect(blocked.out).not.toContain("AKIAQWERTYUIOPASDFGH");
    expect(blocked.out).not.toMatch(/vars\.tf:2/);
    expect((await git("log", "--oneline")).out.trim().split("\n")).toHaveLength(1);
  });

  it("a human commits .infragate/ policies and hook files without --no-verify; the same commit from an agent's shell is stopped", async () => {
    const { dir, git, gitWith } = await repo();
    await install("git", opts(dir));
    const put = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    put(".infragate/policies/team.cedar", 'forbid (principal, action == Action::"terraform.destroy", resource);\n');
    put(".claude/settings.json", "{}\n");
    await git("add", ".");
    const agent = await gitWith({ CLAUDECODE: "1" })("commit", "-qm", "from the agent's shell");
    expect(agent.code).not.toBe(0);
    expect(agent.out).toContain("self-protection.guard-config");
    expect(agent.out).toContain("claude-code's shell (CLAUDECODE is set)");
    const human = await git("commit", "-qm", "team guard config");
    expect(human.code, human.out).toBe(0);
    expect((await git("log", "--oneline")).out.trim().split("\n")).toHaveLength(1);
  });
});
