/** OpenCode through infragate's plugin: {event, tool, args, cwd} -> {"decision": "allow"|"deny"}; the plugin
 *  itself (written by the installer) blocks on anything but an explicit allow. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pluginSource } from "../../src/agents/opencode/plugin.js";
import { makeWorkspace, removeWorkspace, runHook, type Workspace } from "./support.js";
import { tempDir } from "../support/temp.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});
afterAll(() => removeWorkspace(ws));

const before = (tool: string, args: unknown): Record<string, unknown> => ({ event: "before", tool, sessionID: "o-1", callID: "c-1", args, cwd: ws.root });

type Expect = "allow" | "deny" | "deny-human";
const CASES: readonly [string, () => Record<string, unknown>, Expect][] = [
  ["bash everyday", () => before("bash", { command: "terraform plan", description: "x" }), "allow"],
  ["bash destroy", () => before("bash", { command: "terraform destroy -auto-approve" }), "deny"],
  ["bash in a workdir writing state", () => before("bash", { command: "echo x > terraform.tfstate", workdir: "infra" }), "deny"],
  ["write state", () => before("write", { filePath: `${ws.root}/terraform.tfstate`, content: "{}" }), "deny"],
  ["write the plugin", () => before("write", { filePath: `${ws.root}/.opencode/plugins/infragate.js`, content: "" }), "deny"],
  ["edit opencode.json", () => before("edit", { filePath: `${ws.root}/opencode.json`, oldString: "a", newString: "b" }), "deny"],
  ["write an ordinary file", () => before("write", { filePath: `${ws.root}/notes.md`, content: "x" }), "allow"],
  ["read .env", () => before("read", { filePath: `${ws.root}/.env` }), "deny-human"],
  ["grep of .env", () => before("grep", { pattern: "x", path: ".env" }), "deny-human"],
  ["glob without a path: a known tool", () => before("glob", { pattern: "**/*.tf" }), "allow"],
  ["task: a known tool", () => before("task", { prompt: "x", description: "y", subagent_type: "general" }), "allow"],
  ["apply_patch adding state", () => before("apply_patch", { patchText: "*** Begin Patch\n*** Add File: terraform.tfstate\n+{}\n*** End Patch\n" }), "deny"],
  ["bash without a command", () => before("bash", {}), "deny"],
  ["not a plugin payload", () => ({ tool: "bash" }), "deny"],
];

describe("opencode hook answers", () => {
  for (const [name, make, expected] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const run = await runHook("opencode", make(), ws);
      expect(run.code).toBe(0);
      expect(run.json?.decision).toBe(expected === "allow" ? "allow" : "deny");
      if (expected !== "allow") expect(String(run.json?.reason)).toMatch(/infragate/);
      if (expected === "deny-human") expect(String(run.json?.reason)).toMatch(/needs a human/);
    });
  }

  it("the after-call event answers nothing", async () => {
    expect(await runHook("opencode", { ...before("bash", { command: "ls" }), event: "after" }, ws)).toMatchObject({ code: 0, stdout: "" });
  });
});

describe("the plugin", () => {
  /** Load the plugin in node (OpenCode runs it in Bun) with a given command, and call tool.execute.before. */
  async function before(command: string): Promise<string> {
    const dir = tempDir("infragate-plugin-");
    try {
      const file = path.join(dir, "plugin.mjs");
      fs.writeFileSync(file, pluginSource(command));
      const mod = (await import(file)) as { InfragateGuard: (ctx: unknown) => Promise<Record<string, (i: unknown, o: unknown) => Promise<void>>> };
      const hooks = await mod.InfragateGuard({ directory: dir });
      const hook = hooks["tool.execute.before"];
      if (!hook) throw new Error("no tool.execute.before");
      try {
        await hook({ tool: "bash", sessionID: "s", callID: "c" }, { args: { command: "ls" } });
        return "ran";
      } catch (err) {
        return `blocked: ${(err as Error).message}`;
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it("parses", () => {
    const dir = tempDir("infragate-plugin-");
    const file = path.join(dir, "p.mjs");
    fs.writeFileSync(file, pluginSource("'/usr/bin/node' '/x/hooks/infragate-hook.mjs' opencode"));
    expect(spawnSync(process.execPath, ["--check", file]).status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("lets a call run only on an explicit allow", async () => {
    expect(await before(`echo '{"decision":"allow"}'`)).toBe("ran");
    expect(await before(`echo '{"decision":"deny","reason":"R1"}'`)).toBe("blocked: R1");
  });

  it("blocks when the hook crashes, is missing, prints nothing or garbage", async () => {
    expect(await before("echo boom >&2; exit 1")).toBe("blocked: infragate's hook failed (exit 1), so infragate blocks this call: boom");
    expect(await before("/nonexistent/infragate-hook")).toMatch(/^blocked: /);
    expect(await before("true")).toMatch(/^blocked: .*exit 0/);
    expect(await before("echo not-json")).toMatch(/^blocked: /);
    expect(await before(`echo '{"decision":"allow"}'; exit 3`)).toMatch(/^blocked: /);
  });
});
