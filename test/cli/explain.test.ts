/** `infragate explain`: facts, requests, matching policies, decision; plain and JSON; no audit entry. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditDir } from "../../src/audit/files.js";
import { runExplain } from "../../src/cli/explain.js";
import type { Explanation } from "../../src/cli/explanation.js";
import { runVerb } from "./run-cli.js";
import { makeWorkspace, tempDir } from "./workspace.js";

function setup(): { root: string; env: Record<string, string> } {
  return { root: makeWorkspace(), env: { INFRAGATE_HOME: tempDir("infragate-home-") } };
}

describe("infragate explain", () => {
  it("shows each simple command, the file effects, the requests and the deciding policy (plain text)", async () => {
    const { root, env } = setup();
    const r = await runVerb(runExplain, ["--", "sudo cp backup.tfstate terraform.tfstate"], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toContain("simple commands (1)");
    expect(r.stdout).toContain('argv      ["cp","backup.tfstate","terraform.tfstate"]');
    expect(r.stdout).toContain("wrappers  sudo (removed)");
    expect(r.stdout).toContain("file effects");
    expect(r.stdout).toMatch(/write\s+\S*terraform\.tfstate\s+via cp/);
    expect(r.stdout).toContain('Action::"file.write"');
    expect(r.stdout).toContain('classes          ["tfstate"]');
    expect(r.stdout).toMatch(/policy\s+state\.write-state-file deny \(decides\)\s+policies\/state\.cedar:\d+/);
    expect(r.stdout).toMatch(/decision\s+DENY by state\.write-state-file/);
  });

  it("--json carries the exact Cedar requests and every matched policy", async () => {
    const { root, env } = setup();
    const r = await runVerb(runExplain, ["--json", "--agent", "claude-code", "--mode", "bypassPermissions", "--", "echo {} > terraform.tfstate"], { cwd: root, env });
    expect(r.code).toBe(1);
    const x = JSON.parse(r.stdout) as Explanation;
    expect(x.decision).toBe("deny");
    expect(x.agent).toEqual({ name: "claude-code", mode: "bypassPermissions" });
    expect(x.commands.map((c) => c.program)).toEqual(["echo"]);
    const write = x.requests.find((q) => q.request.action.id === "file.write");
    expect(write?.request.principal).toEqual({ type: "Agent", id: "claude-code" });
    expect(write?.request.resource).toEqual({ type: "File", id: path.join(root, "terraform.tfstate") });
    expect(write?.request.context).toMatchObject({ tool: "Bash", via: "redirect >" });
    expect(write?.entities.find((e) => e.uid.type === "File")?.attrs).toMatchObject({ classes: ["tfstate"], insideWorkspace: true });
    const ids = write?.matched.map((m) => [m.id, m.says, m.deciding]);
    expect(ids).toContainEqual(["state.write-state-file", "deny", true]);
    // permits that matched are listed too, though a forbid decided
    expect(ids).toContainEqual(["baseline.permit-all", "permit", false]);
  });

  it("shows the project scripts a command was reached through", async () => {
    const { root, env } = setup();
    fs.writeFileSync(path.join(root, "Makefile"), "destroy:\n\t@terraform destroy -auto-approve\n");
    const r = await runVerb(runExplain, ["--", "make destroy"], { cwd: root, env });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("via       make destroy (project scripts followed)");
    expect(r.stdout).toMatch(/decision\s+DENY by terraform\.destroy/);
  });

  it("explains a file tool call (--tool Write --file-path)", async () => {
    const { root, env } = setup();
    const r = await runVerb(runExplain, ["--json", "--tool", "Write", "--file-path", ".claude/settings.json"], { cwd: root, env });
    expect(r.code).toBe(1);
    const x = JSON.parse(r.stdout) as Explanation;
    expect(x.commands).toEqual([]);
    expect(x.policies).toContain("self-protection.hook-config");
  });

  it("shows the environment that matters, set on the line or inherited, without secret values", async () => {
    const { root, env } = setup();
    const r = await runVerb(runExplain, ["--json", "--", "TF_CLI_ARGS=-auto-approve terraform plan"], {
      cwd: root,
      env: { ...env, AWS_PROFILE: "dev", AWS_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", UNRELATED: "x" },
    });
    const x = JSON.parse(r.stdout) as Explanation;
    const cmdEnv = x.commands[0]?.env ?? [];
    expect(cmdEnv).toContainEqual({ name: "TF_CLI_ARGS", value: "-auto-approve", from: "line" });
    expect(cmdEnv).toContainEqual({ name: "AWS_PROFILE", value: "dev", from: "inherited" });
    expect(cmdEnv.map((e) => e.name)).not.toContain("UNRELATED");
    expect(r.stdout).not.toContain("wJalrXUtnFEMI");
  });

  it("writes no audit entry", async () => {
    const { root, env } = setup();
    await runVerb(runExplain, ["--", "ls -la"], { cwd: root, env });
    await runVerb(runExplain, ["--", "rm terraform.tfstate"], { cwd: root, env });
    expect(fs.existsSync(auditDir(env.INFRAGATE_HOME as string))).toBe(false);
  });

  it("exit codes: 0 allow, 2 usage; --help", async () => {
    const { root, env } = setup();
    expect((await runVerb(runExplain, ["--", "git status"], { cwd: root, env })).code).toBe(0);
    expect((await runVerb(runExplain, [], { cwd: root, env })).code).toBe(2);
    expect((await runVerb(runExplain, ["--bogus", "--", "ls"], { cwd: root, env })).code).toBe(2);
    expect((await runVerb(runExplain, ["--tool", "Bash", "--file-path", "x"], { cwd: root, env })).code).toBe(2);
    const help = await runVerb(runExplain, ["--help"], { cwd: root, env });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/no audit entry/);
  });
});
