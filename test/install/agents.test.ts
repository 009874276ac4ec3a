/** Installers: merge without touching other keys or hooks, idempotent, backups only on change, uninstall restores. */
import fs from "node:fs";
import path from "node:path";
import { parse as parseJsonc } from "jsonc-parser";
import { beforeEach, describe, expect, it } from "vitest";
import { install, uninstall, type InstallOptions } from "../../src/install/index.js";
import { CLAUDE_EFFECT_TOOLS } from "../../src/agents/claude-code/install.js";
import { getPackageRoot } from "../../src/policy/pack.js";
import { tempDir } from "../support/temp.js";

let dir: string;
let opts: InstallOptions;
const ROOT = getPackageRoot();
const LAUNCHER = path.join(ROOT, "hooks", "infragate-hook.cjs");

beforeEach(() => {
  dir = tempDir("infragate-install-");
  opts = { dir, user: false, env: { HOME: path.join(dir, "home") }, now: new Date("2026-11-21T10:00:00Z") };
});

const read = (rel: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(dir, rel), "utf8")) as Record<string, unknown>;
const write = (rel: string, value: unknown): void => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), JSON.stringify(value));
};
/** Backups go under $INFRAGATE_HOME/backups (HOME/.local/state/infragate here), named after the file's absolute path. */
const backupDir = (): string => path.join(dir, "home", ".local", "state", "infragate", "backups");
const backups = (rel: string): string[] => {
  const name = path.join(dir, rel).replace(/[\\/:]+/g, "_");
  return fs.existsSync(backupDir()) ? fs.readdirSync(backupDir()).filter((f) => f.startsWith(`${name}.`)) : [];
};
const besideFile = (rel: string): string[] => fs.readdirSync(path.dirname(path.join(dir, rel))).filter((f) => f.includes("infragate-backup"));

const FILES = { "claude-code": ".claude/settings.json", cursor: ".cursor/hooks.json", gemini: ".gemini/settings.json", codex: ".codex/hooks.json" } as const;
const EVENT = { "claude-code": "PreToolUse", gemini: "BeforeTool", codex: "PreToolUse" } as const;
/** Claude Code has onFailure "block"; Gemini and Codex have no such switch, so the command fails closed itself. */
const SUFFIX = { "claude-code": "", gemini: " || exit 2", codex: " || exit 2" } as const;
const AFTER = { "claude-code": "PostToolUse", gemini: "AfterTool", codex: "PostToolUse" } as const;

const OTHER_GROUP = { matcher: "Bash", hooks: [{ type: "command", command: "/opt/other-guard.sh", timeout: 5 }] };
const ORIGINAL = { model: "x", permissions: { allow: ["Bash(ls)"] }, hooks: { PreToolUse: [OTHER_GROUP], BeforeTool: [OTHER_GROUP], PostToolUse: [OTHER_GROUP] } };

describe.each(["claude-code", "gemini", "codex"] as const)("%s installer", (agent) => {
  const file = FILES[agent];
  const event = EVENT[agent];

  it("merges into existing settings, keeping other keys and hooks, with absolute paths", async () => {
    write(file, ORIGINAL);
    const r = await install(agent, opts);
    const s = read(file) as { model: string; hooks: Record<string, { matcher?: string; hooks: { command: string; timeout: number }[] }[]> };
    expect(s.model).toBe("x");
    expect(s.hooks.PostToolUse?.[0]).toEqual(OTHER_GROUP);
    const after = AFTER[agent];
    const ours = (s.hooks[after] ?? []).flatMap((g) => g.hooks).filter((h) => h.command.includes("infragate-hook.cjs"));
    // The post-tool hook (session memory of what ran) has no fail-closed suffix: it blocks nothing.
    expect(ours.map((h) => h.command)).toEqual([`${process.execPath} ${LAUNCHER} ${agent}`]);
    const groups = s.hooks[event] ?? [];
    expect(groups[0]).toEqual(OTHER_GROUP);
    expect(groups).toHaveLength(2);
    const handler = groups[1]?.hooks[0];
    expect(handler?.command).toBe(`${process.execPath} ${LAUNCHER} ${agent}${SUFFIX[agent]}`);
    if (agent === "claude-code") expect(handler).toMatchObject({ onFailure: "block" });
    expect(path.isAbsolute(process.execPath)).toBe(true);
    expect(handler?.timeout).toBe(agent === "gemini" ? 30_000 : 30);
    expect(r.files[0]?.backup).toBeDefined();
    expect(JSON.parse(fs.readFileSync(r.files[0]?.backup as string, "utf8"))).toEqual(ORIGINAL);
  });

  it("is idempotent: a second install changes nothing and makes no backup", async () => {
    write(file, ORIGINAL);
    await install(agent, opts);
    const text = fs.readFileSync(path.join(dir, file), "utf8");
    const r = await install(agent, { ...opts, now: new Date("2026-11-21T11:00:00Z") });
    expect(r.files[0]?.changed).toBe(false);
    expect(fs.readFileSync(path.join(dir, file), "utf8")).toBe(text);
    expect(backups(file)).toHaveLength(1);
    expect(besideFile(file)).toEqual([]);
  });

  it("uninstall restores the original settings", async () => {
    write(file, ORIGINAL);
    await install(agent, opts);
    await uninstall(agent, opts);
    expect(read(file)).toEqual(ORIGINAL);
  });

  it("creates the file when there is none (no backup) and uninstall removes it again", async () => {
    const r = await install(agent, opts);
    expect(r.files[0]).toMatchObject({ changed: true });
    expect(r.files[0]?.backup).toBeUndefined();
    await uninstall(agent, opts);
    expect(fs.existsSync(path.join(dir, file))).toBe(false);
    // the folder the install created is gone too when nothing else is in it
    expect(fs.existsSync(path.dirname(path.join(dir, file)))).toBe(false);
  });

  it("keeps the user's indentation and comments: only infragate's keys change", async () => {
    const text = `{\n    // the team's model\n    "model": "x",\n    "other": [1, 2]\n}\n`;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
    await install(agent, opts);
    const after = fs.readFileSync(path.join(dir, file), "utf8");
    expect(after).toContain(`{\n    // the team's model\n    "model": "x",\n`);
    expect(after).toMatch(/\n {4}"hooks": \{\n {8}"/);
    await uninstall(agent, opts);
    const restored = fs.readFileSync(path.join(dir, file), "utf8");
    expect(restored).toContain("// the team's model");
    expect(parseJsonc(restored)).toEqual({ model: "x", other: [1, 2] });
    expect(besideFile(file)).toEqual([]);
  });


  it("updates a stale infragate entry in place of adding a second one", async () => {
    write(file, { hooks: { [event]: [{ matcher: "Bash", hooks: [{ type: "command", command: "/old/node /old/hooks/infragate-hook.mjs x" }] }] } });
    await install(agent, opts);
    const s = read(file) as { hooks: Record<string, { hooks: { command: string }[] }[]> };
    const commands = (s.hooks[event] ?? []).flatMap((g) => g.hooks.map((h) => h.command));
    expect(commands).toEqual([`${process.execPath} ${LAUNCHER} ${agent}${SUFFIX[agent]}`]);
  });

  it("refuses a settings file that is not JSON, and leaves it alone", async () => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), "{ not json");
    await expect(install(agent, opts)).rejects.toThrow(/not valid JSON/);
    expect(fs.readFileSync(path.join(dir, file), "utf8")).toBe("{ not json");
  });

  it("--user writes the user-level file", async () => {
    const r = await install(agent, { ...opts, user: true });
    expect(r.files[0]?.file.startsWith(path.join(dir, "home"))).toBe(true);
    expect(fs.existsSync(path.join(dir, file))).toBe(false);
  });
});

describe("claude-code matcher", () => {
  it('matches every tool ("*"), so unknown and MCP tools reach the hook', async () => {
    await install("claude-code", opts);
    const s = read(FILES["claude-code"]) as { hooks: { PreToolUse: { matcher: string }[] } };
    expect(s.hooks.PreToolUse[0]?.matcher).toBe("*");
  });
});

describe("cursor installer", () => {
  const file = FILES.cursor;
  const other = { command: "/opt/other.sh", timeout: 3 };

  it("adds a failClosed handler to each gated event, keeps other handlers, writes the rule", async () => {
    write(file, { version: 1, hooks: { beforeShellExecution: [other], afterFileEdit: [other] } });
    const r = await install("cursor", opts);
    const s = read(file) as { version: number; hooks: Record<string, Record<string, unknown>[]> };
    expect(s.version).toBe(1);
    expect(s.hooks.afterFileEdit?.[0]).toEqual(other);
    for (const e of ["afterShellExecution", "afterFileEdit"]) {
      expect((s.hooks[e] ?? []).filter((h) => String(h.command).includes("infragate-hook.cjs"))).toEqual([{ command: `${process.execPath} ${LAUNCHER} cursor`, timeout: 30 }]);
    }
    for (const e of ["beforeShellExecution", "beforeReadFile", "beforeMCPExecution", "preToolUse"]) {
      const ours = (s.hooks[e] ?? []).filter((h) => String(h.command).includes("infragate-hook.cjs"));
      expect(ours).toEqual([{ command: `${process.execPath} ${LAUNCHER} cursor`, timeout: 30, failClosed: true }]);
    }
    expect(s.hooks.beforeShellExecution?.[0]).toEqual(other);
    const rule = fs.readFileSync(path.join(dir, ".cursor/rules/infragate.mdc"), "utf8");
    expect(rule).toMatch(/^---\n[\s\S]*alwaysApply: true\n[\s\S]*---\n/);
    expect(rule).toMatch(/hand it to the human/);
    expect(r.files.map((f) => f.changed)).toEqual([true, true]);
  });

  it("is idempotent and uninstall restores", async () => {
    const original = { version: 1, hooks: { beforeShellExecution: [other] } };
    write(file, original);
    await install("cursor", opts);
    const again = await install("cursor", opts);
    expect(again.files.every((f) => !f.changed)).toBe(true);
    await uninstall("cursor", opts);
    expect(read(file)).toEqual(original);
    expect(fs.existsSync(path.join(dir, ".cursor/rules/infragate.mdc"))).toBe(false);
  });

  it("leaves an edited rule in place on uninstall, with a warning", async () => {
    await install("cursor", opts);
    fs.appendFileSync(path.join(dir, ".cursor/rules/infragate.mdc"), "\nlocal note\n");
    const r = await uninstall("cursor", opts);
    expect(fs.existsSync(path.join(dir, ".cursor/rules/infragate.mdc"))).toBe(true);
    expect(r.warnings.join()).toMatch(/edited after install/);
  });
});

describe("plugin and pre-commit manifests", () => {
  it("hooks/hooks.json runs the launcher through ${CLAUDE_PLUGIN_ROOT} for every tool", () => {
    const h = JSON.parse(fs.readFileSync(path.join(ROOT, "hooks", "hooks.json"), "utf8")) as { hooks: { PreToolUse: { matcher: string; hooks: { command: string; timeout: number }[] }[] } };
    const group = h.hooks.PreToolUse[0];
    expect(group?.matcher).toBe("*");
    expect(group?.hooks[0]?.command).toBe('node "${CLAUDE_PLUGIN_ROOT}/hooks/infragate-hook.cjs" claude-code');
    expect(group?.hooks[0]?.timeout).toBe(30);
    // The same handlers as `infragate install claude-code` writes: fail closed, and session memory of what ran.
    expect(group?.hooks[0]).toMatchObject({ onFailure: "block" });
    const raw = JSON.parse(fs.readFileSync(path.join(ROOT, "hooks", "hooks.json"), "utf8")) as { hooks: Record<string, { matcher: string }[]> };
    expect(raw.hooks.PostToolUse?.[0]?.matcher).toBe(CLAUDE_EFFECT_TOOLS);
    const plugin = JSON.parse(fs.readFileSync(path.join(ROOT, ".claude-plugin", "plugin.json"), "utf8")) as { name: string };
    expect(plugin.name).toBe("infragate");
  });

  it(".pre-commit-hooks.yaml declares the node hook", () => {
    const text = fs.readFileSync(path.join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    expect(text).toMatch(/entry: infragate hook git/);
    expect(text).toMatch(/language: node/);
    expect(text).toMatch(/pass_filenames: false/);
  });
});

describe("copilot installer", () => {
  const file = ".github/hooks/infragate.json";

  it("writes preToolUse and postToolUse command hooks (bash, timeoutSec 40); idempotent; uninstall removes the file", async () => {
    const r = await install("copilot", opts);
    const s = read(file) as { version: number; hooks: Record<string, Record<string, unknown>[]> };
    expect(s.version).toBe(1);
    for (const e of ["preToolUse", "postToolUse"]) expect(s.hooks[e]).toEqual([{ type: "command", bash: `${process.execPath} ${LAUNCHER} copilot`, timeoutSec: 40 }]);
    expect(r.files[0]?.changed).toBe(true);
    expect((await install("copilot", opts)).files[0]?.changed).toBe(false);
    await uninstall("copilot", opts);
    expect(fs.existsSync(path.join(dir, file))).toBe(false);
  });

  it("--user writes ~/.copilot/hooks/infragate.json", async () => {
    const r = await install("copilot", { ...opts, user: true });
    expect(r.files[0]?.file).toBe(path.join(dir, "home", ".copilot", "hooks", "infragate.json"));
  });
});

describe("opencode installer", () => {
  it("writes the plugin and the files that keep OpenCode from npm-installing; keeps the user's package.json; uninstall removes what it wrote", async () => {
    fs.mkdirSync(path.join(dir, ".opencode"), { recursive: true });
    fs.writeFileSync(path.join(dir, ".opencode", "package.json"), '{"dependencies":{"left-pad":"1"}}');
    const r = await install("opencode", opts);
    const plugin = fs.readFileSync(path.join(dir, ".opencode", "plugins", "infragate.js"), "utf8");
    expect(plugin).toContain(JSON.stringify(`${process.execPath} ${LAUNCHER} opencode`));
    expect(plugin).toMatch(/"tool\.execute\.before"/);
    expect(fs.readFileSync(path.join(dir, ".opencode", "package.json"), "utf8")).toBe('{"dependencies":{"left-pad":"1"}}');
    expect(JSON.parse(fs.readFileSync(path.join(dir, ".opencode", "package-lock.json"), "utf8"))).toMatchObject({ lockfileVersion: 3 });
    expect(r.files.filter((f) => f.changed).map((f) => path.relative(dir, f.file)).sort()).toEqual([".opencode/node_modules/.infragate", ".opencode/package-lock.json", ".opencode/plugins/infragate.js"]);
    expect((await install("opencode", opts)).files.every((f) => !f.changed)).toBe(true);
    await uninstall("opencode", opts);
    expect(fs.existsSync(path.join(dir, ".opencode", "plugins", "infragate.js"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".opencode", "package-lock.json"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".opencode", "package.json"))).toBe(true);
  });
});
