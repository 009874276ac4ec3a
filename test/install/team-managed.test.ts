/** install --team (settings meant to be committed) and --managed (the agent's system-wide settings), and the
 *  install verb's usage errors. test/e2e/team-rollout.test.ts runs a --team install across two clones. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runInstall } from "../../src/cli/install.js";
import { install, uninstall, type InstallOptions } from "../../src/install/index.js";
import { getPackageRoot } from "../../src/policy/pack.js";
import { tempDir } from "../support/temp.js";

let dir: string;
let opts: InstallOptions;

beforeEach(() => {
  dir = tempDir("infragate-team-");
  opts = { dir, user: false, env: { HOME: path.join(dir, "home") } };
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const json = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
const commands = (file: string): string[] => JSON.stringify(json(file)).match(/"command":"(?:[^"\\]|\\.)*"/g) ?? [];

describe("install --team", () => {
  it("writes a command with no path of this machine, that fails closed with 'run npm install'", async () => {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ devDependencies: { infragate: "^0.1.0" } }));
    const r = await install("claude-code", { ...opts, team: true });
    expect(r.warnings).toEqual([]);
    const cmds = commands(path.join(dir, ".claude", "settings.json"));
    expect(cmds.length).toBeGreaterThan(0);
    for (const c of cmds) {
      expect(c).not.toContain(dir);
      expect(c).not.toContain(getPackageRoot());
      expect(c).not.toContain(process.execPath);
      expect(c).toContain("CLAUDE_PROJECT_DIR");
      expect(c).toContain("run npm install");
    }
  });

  it("Gemini and Codex team commands keep their '|| exit 2'", async () => {
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ devDependencies: { infragate: "^0.1.0" } }));
    await install("gemini", { ...opts, team: true });
    await install("codex", { ...opts, team: true });
    for (const f of [".gemini/settings.json", ".codex/hooks.json"]) expect(commands(path.join(dir, f))[0]).toMatch(/\|\| exit 2"$/);
  });

  it("warns when infragate is not a dependency of the repository", async () => {
    const r = await install("claude-code", { ...opts, team: true });
    expect(r.warnings.join()).toContain("npm install --save-dev infragate");
  });

  it("is not for git, --user or --http", async () => {
    await expect(install("git", { ...opts, team: true })).rejects.toThrow(/--team/);
    await expect(install("claude-code", { ...opts, team: true, user: true })).rejects.toThrow(/--team/);
  });
});

describe("install --managed", () => {
  it("Claude Code: the hook in managed settings, allowManagedHooksOnly with --managed-only; uninstall removes it", async () => {
    const file = path.join(dir, "etc", "claude-code", "managed-settings.json");
    await install("claude-code", { ...opts, managed: { file, only: true } });
    const s = json(file) as { allowManagedHooksOnly?: boolean; hooks?: { PreToolUse?: { hooks: { onFailure?: string }[] }[] } };
    expect(s.allowManagedHooksOnly).toBe(true);
    expect(s.hooks?.PreToolUse?.[0]?.hooks[0]?.onFailure).toBe("block");
    expect(fs.existsSync(path.join(dir, ".claude"))).toBe(false);
    await uninstall("claude-code", { ...opts, managed: { file } });
    expect(JSON.stringify(fs.existsSync(file) ? json(file) : {})).not.toContain("infragate-hook");
  });

  it("Gemini's system settings and Cursor's enterprise hooks; Codex has none", async () => {
    const gem = path.join(dir, "etc", "gemini-cli", "settings.json");
    const cur = path.join(dir, "etc", "cursor", "hooks.json");
    await install("gemini", { ...opts, managed: { file: gem } });
    await install("cursor", { ...opts, managed: { file: cur } });
    expect(commands(gem)[0]).toContain("infragate-hook.cjs");
    expect(JSON.stringify(json(cur))).toContain('"failClosed":true');
    await expect(install("codex", { ...opts, managed: {} })).rejects.toThrow(/no system-wide hook settings/);
  });
});

describe("infragate install: usage", () => {
  const cli = async (args: string[], cwd: string) => {
    let out = "";
    let err = "";
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (err += t), readStdin: async () => "", cwd, env: { HOME: path.join(dir, "home"), INFRAGATE_HOME: path.join(dir, "ig") } };
    const code = await runInstall(args, io);
    return { code, out, err };
  };

  it.each([
    [["claude"], "unknown agent 'claude'; did you mean claude-code?"],
    [["cursr"], "unknown agent 'cursr'; did you mean cursor?"],
    [[], "which agent?"],
    [["claude-code", "gemini"], "one agent at a time"],
    [["claude-code", "--nope"], "unknown option --nope"],
  ])("%j -> %s, without the whole help", async (args, message) => {
    const r = await cli(args, dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toContain("options:");
  });

  it("--dir of a folder that does not exist fails and creates nothing", async () => {
    const missing = path.join(dir, "nope");
    const r = await cli(["claude-code", "--dir", missing], dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is not a directory");
    expect(fs.existsSync(missing)).toBe(false);
  });

  it("from a subfolder of a repository installs at its root", async () => {
    fs.mkdirSync(path.join(dir, ".git"));
    fs.mkdirSync(path.join(dir, "infra", "prod"), { recursive: true });
    const r = await cli(["claude-code"], path.join(dir, "infra", "prod"));
    expect(r.code, r.err).toBe(0);
    expect(fs.existsSync(path.join(dir, ".claude", "settings.json"))).toBe(true);
    expect(fs.existsSync(path.join(dir, "infra", "prod", ".claude"))).toBe(false);
  });
});
