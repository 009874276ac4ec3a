/** A broken workspace or home: odd state files, a policy with a syntax error, an invalid config, an unwritable
 *  INFRAGATE_HOME. The hook still answers in time, and what it cannot check or record is not let through. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { claudePayload, makeWorkspace, runHook, type Workspace } from "../agents/support.js";
import { expectBlock } from "./support/hook.js";

async function check(ws: Workspace, command: string, mode = "bypassPermissions", env: Record<string, string> = {}) {
  const t = Date.now();
  const run = await runHook("claude-code", claudePayload(ws, "Bash", { command }, mode), ws, { env });
  return { run, ms: Date.now() - t };
}

/** An ~80 MiB terraform state: valid JSON, many resources. */
function writeHugeState(file: string): void {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, '{"version":4,"terraform_version":"1.9.0","serial":3,"lineage":"l-1","outputs":{},"resources":[');
  const chunk = Array.from({ length: 1000 }, (_, i) => `{"mode":"managed","type":"t","name":"n${i}","instances":[{"attributes":{"pad":"${"p".repeat(800)}"}}]}`).join(",");
  for (let i = 0; i < 95; i++) fs.writeSync(fd, (i ? "," : "") + chunk);
  fs.writeSync(fd, "]}");
  fs.closeSync(fd);
}

const STATES: readonly [string, (file: string) => void][] = [
  ["a directory where terraform.tfstate should be", (f) => fs.mkdirSync(f)],
  ["an 80 MiB sparse terraform.tfstate (NULs)", (f) => {
    fs.writeFileSync(f, "");
    fs.truncateSync(f, 80 * 1024 * 1024);
  }],
  ["an ~80 MiB generated terraform.tfstate", writeHugeState],
  ["a truncated terraform.tfstate", (f) => fs.writeFileSync(f, '{"version":4,"serial":3,"lineage":"l-1","resou')],
  ["a dangling symlink terraform.tfstate", (f) => fs.symlinkSync("/nonexistent/state", f)],
  ["a terraform.tfstate symlink loop", (f) => fs.symlinkSync(path.basename(f), f)],
];

describe("odd state files when terraform apply is checked", () => {
  it.each(STATES)("%s", async (_name, make) => {
    const ws = makeWorkspace();
    make(path.join(ws.root, "terraform.tfstate"));
    const { run, ms } = await check(ws, "terraform apply");
    expectBlock("claude-code", run, /terraform\.apply/, ms);
    expect(run.stderr).not.toMatch(/internal error/);
    // The everyday read-only command beside it is still allowed.
    expect((await check(ws, "terraform plan")).run.code).toBe(0);
  }, 60_000);
});

function writeFile(root: string, rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe("broken configuration fails closed, naming the file", () => {
  const CASES: readonly [string, string, string, RegExp][] = [
    ["a user policy with a syntax error", ".infragate/policies/bad.cedar", "permit(principal, action, resource) when { ;", /bad\.cedar:1/],
    ["config.json that is not JSON", ".infragate/config.json", "{ mode: ", /config\.json is not valid JSON/],
    ["config.json with wrong types", ".infragate/config.json", '{"mode": 42, "stacks": "x"}', /config\.json is invalid/],
    ["config.json that is binary", ".infragate/config.json", "\u0000\u00ff\u0001garbage", /config\.json/],
  ];
  it.each(CASES)("%s", async (_name, rel, text, reason) => {
    const ws = makeWorkspace();
    writeFile(ws.root, rel, text);
    for (const command of ["ls", "terraform plan"]) {
      const { run, ms } = await check(ws, command, "default");
      expectBlock("claude-code", run, reason, ms);
      expect(run.stderr).toMatch(/infragate\.config/);
    }
  });
  // The hook validates user policies against the schema (src/runtime/validate-user.ts): a forbid on a misspelt
  // action would otherwise load and silently never match.
  it("a user policy that fails schema validation (misspelt action) blocks like a syntax error", async () => {
    const ws = makeWorkspace();
    writeFile(ws.root, ".infragate/policies/typo.cedar", '@id("mine.no-destroy")\n@reason("no")\nforbid (principal, action == Action::"terraform.destory", resource);\n');
    const { run, ms } = await check(ws, "ls", "default");
    expectBlock("claude-code", run, /typo\.cedar:1/, ms);
    expect(run.stderr).toMatch(/infragate\.config/);
  });
  it("config.json that is a directory", async () => {
    const ws = makeWorkspace();
    fs.mkdirSync(path.join(ws.root, ".infragate", "config.json"), { recursive: true });
    const { run, ms } = await check(ws, "ls", "default");
    expectBlock("claude-code", run, /config\.json/, ms);
  });
});

describe("an unwritable INFRAGATE_HOME (a path under a regular file)", () => {
  function brokenHome(ws: Workspace): Record<string, string> {
    const file = path.join(ws.home, "not-a-dir");
    fs.writeFileSync(file, "x");
    return { INFRAGATE_HOME: path.join(file, "home") };
  }
  it.each(["terraform apply", "echo hi > notes.md"])("blocks %s: it could not be recorded", async (command) => {
    const ws = makeWorkspace();
    const { run, ms } = await check(ws, command, "default", brokenHome(ws));
    expectBlock("claude-code", run, /audit log could not be written[\s\S]*ENOTDIR/, ms);
  });
  it("a denied action stays denied (its own reason)", async () => {
    const ws = makeWorkspace();
    const { run } = await check(ws, "cp old.tfstate terraform.tfstate", "default", brokenHome(ws));
    expectBlock("claude-code", run, /state\.write-state-file/);
  });
  it("a Write tool call is blocked too", async () => {
    const ws = makeWorkspace();
    const run = await runHook("claude-code", claudePayload(ws, "Write", { file_path: "notes.md", content: "x" }, "default"), ws, { env: brokenHome(ws) });
    expectBlock("claude-code", run, /audit log could not be written/);
  });
  it("an MCP call is blocked too: an MCP tool can change anything", async () => {
    const ws = makeWorkspace();
    const run = await runHook("claude-code", claudePayload(ws, "mcp__db__delete_rows", { table: "users" }, "default"), ws, { env: brokenHome(ws) });
    expectBlock("claude-code", run, /audit log could not be written/);
  });
  it.each(["ls", "terraform plan", "git status"])("lets the read-only %s through (nothing to record as a change)", async (command) => {
    const ws = makeWorkspace();
    const { run } = await check(ws, command, "default", brokenHome(ws));
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
  });
});
