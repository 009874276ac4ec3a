/** `infragate doctor` passes a good install and catches broken ones: missing hook files, Cursor without
 *  failClosed, a hook that does not deny, a non-executable git hook. The canaries run the real hook. */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { formatDoctor, runDoctor } from "../../src/cli/doctor.js";
import type { DoctorReport } from "../../src/doctor/index.js";
import { runVerb } from "../cli/run-cli.js";
import { binCommand, buildPackage, claudeSettings, cursorHooks, goodManaged, launcherCommand, packageRoot, sandbox, type Sandbox } from "./fixtures.js";

beforeAll(buildPackage, 180_000);

async function doctor(sb: Sandbox, extra: string[] = [], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; report: DoctorReport }> {
  const args = ["--dir", sb.dir, "--managed-settings", sb.managed, ...extra];
  const json = await runVerb(runDoctor, [...args, "--json"], { cwd: sb.dir, env: { ...sb.env, ...env } });
  const report = JSON.parse(json.stdout) as DoctorReport;
  return { code: json.code, stdout: formatDoctor(sb.dir, report, false), report };
}

const find = (r: DoctorReport, area: string, status: string, pattern: RegExp): boolean =>
  r.checks.some((c) => c.area === area && c.status === status && pattern.test(c.title));

// The tests share nothing (each has its own sandbox, doctor reads no process-wide state) and mostly wait for
// the canary hook processes they start: they run concurrently, with a generous limit for a loaded machine.
describe("infragate doctor", { timeout: 240_000, concurrent: true }, () => {
  it("passes a good install: hooks present, canaries denied by policy, fail-closed switches set", async () => {
    const sb = await sandbox();
    sb.write(".claude/settings.json", claudeSettings(launcherCommand("claude-code")));
    sb.write(".cursor/hooks.json", cursorHooks(launcherCommand("cursor")));
    sb.write(".gemini/settings.json", { hooks: { BeforeTool: [{ matcher: ".*", hooks: [{ type: "command", command: `${binCommand("gemini")} || exit 2`, timeout: 30000 }] }] } });
    sb.write(sb.managed, goodManaged(launcherCommand("claude-code")));
    const hook = sb.write(".git/hooks/pre-commit", `#!/bin/sh\n${launcherCommand("git")} || exit $?\n`);
    fs.chmodSync(hook, 0o755);
    const { code, stdout, report } = await doctor(sb);
    expect(report.checks.filter((c) => c.status === "fail"), stdout).toEqual([]);
    expect(code).toBe(0);
    expect(find(report, "claude-code", "pass", /denies the canary \(Write .*terraform\.tfstate\) by state\.write-state-file/)).toBe(true);
    expect(find(report, "cursor", "pass", /denies the canary \(read .*\.aws\/credentials\) by secrets\.credentials/)).toBe(true);
    expect(find(report, "cursor", "pass", /denies the canary \(cp backup\.tfstate terraform\.tfstate\)/)).toBe(true);
    expect(find(report, "gemini", "pass", /denies the canary \(write_file/)).toBe(true);
    expect(find(report, "git", "pass", /stops a commit of terraform\.tfstate/)).toBe(true);
    expect(find(report, "claude-code", "pass", /managed settings hold the infragate hook/)).toBe(true);
    expect(find(report, "policies", "pass", /valid against the schema/)).toBe(true);
    expect(find(report, "audit", "pass", /audit log/)).toBe(true);
    expect(report.managedSnippet).toBeUndefined();
    expect(stdout).toMatch(/^pass {2}claude-code {2}hook installed for PreToolUse/m);
    expect(stdout).not.toMatch(/\u001b\[/);
    // the canaries used a throwaway $INFRAGATE_HOME: nothing was audited in the real one
    expect(fs.readdirSync(sb.state)).toEqual([]);
  });

  it("catches a hook pointing at a missing file and Cursor without failClosed: exit 1", async () => {
    const sb = await sandbox();
    sb.write(".claude/settings.json", claudeSettings(`'${process.execPath}' '/nonexistent/infragate/hooks/infragate-hook.mjs' claude-code`));
    sb.write(".cursor/hooks.json", cursorHooks(launcherCommand("cursor"), { timeout: 30 }));
    const { code, stdout, report } = await doctor(sb);
    expect(code).toBe(1);
    expect(find(report, "claude-code", "fail", /cannot run: \/nonexistent\/infragate\/hooks\/infragate-hook\.mjs does not exist/)).toBe(true);
    expect(find(report, "cursor", "fail", /failClosed is not true for preToolUse/)).toBe(true);
    expect(stdout).toMatch(/^FAIL {2}claude-code/m);
    expect(stdout).toMatch(/FAILED: \d+ pass, \d+ warn, \d+ fail/);
  });

  it("fails a hook that would let calls through when it cannot start: no onFailure (Claude Code), no '|| exit 2' (Gemini, Codex)", async () => {
    const sb = await sandbox();
    sb.write(".claude/settings.json", claudeSettings(launcherCommand("claude-code"), 30, null));
    sb.write(".gemini/settings.json", { hooks: { BeforeTool: [{ matcher: ".*", hooks: [{ type: "command", command: launcherCommand("gemini"), timeout: 30000 }] }] } });
    sb.write(".codex/hooks.json", { hooks: { PreToolUse: [{ hooks: [{ type: "command", command: `${launcherCommand("codex")} || exit 2`, timeout: 30 }] }] } });
    const { code, report } = await doctor(sb, ["--no-canary"]);
    expect(code).toBe(1);
    expect(find(report, "claude-code", "fail", /lacks "onFailure": "block"/)).toBe(true);
    expect(find(report, "gemini", "fail", /does not end in '\|\| exit 2'/)).toBe(true);
    expect(find(report, "gemini", "warn", /no AfterTool hook: session memory/)).toBe(true);
    expect(report.checks.some((c) => c.area === "codex" && c.status === "fail")).toBe(false);
  });

  it("catches switches that turn hooks off: Claude disableAllHooks, Gemini hooksConfig.enabled false", async () => {
    const sb = await sandbox();
    sb.write(".claude/settings.local.json", { disableAllHooks: true });
    sb.write(".gemini/settings.json", { hooksConfig: { enabled: false } });
    const { code, report } = await doctor(sb, ["--no-canary"]);
    expect(code).toBe(1);
    expect(find(report, "claude-code", "fail", /disableAllHooks is true/)).toBe(true);
    expect(find(report, "gemini", "fail", /hooksConfig\.enabled: false/)).toBe(true);
  });

  it("catches a hook that exists but lets the canary through, and a missing timeout", async () => {
    const sb = await sandbox();
    const fake = sb.write("tools/infragate-fake.sh", "#!/bin/sh\ncat >/dev/null\nexit 0\n");
    fs.chmodSync(fake, 0o755);
    sb.write(".claude/settings.json", claudeSettings(fake, null));
    const { code, report } = await doctor(sb);
    expect(code).toBe(1);
    expect(find(report, "claude-code", "fail", /did not deny the canary/)).toBe(true);
    expect(find(report, "claude-code", "warn", /no timeout set for PreToolUse/)).toBe(true);
  });

  it("checks the git hook where core.hooksPath points, and fails a non-executable one", async () => {
    const sb = await sandbox();
    await execa("git", ["config", "core.hooksPath", ".githooks"], { cwd: sb.dir });
    const hook = sb.write(".githooks/pre-commit", `#!/bin/sh\n${launcherCommand("git")} || exit $?\n`);
    fs.chmodSync(hook, 0o644);
    const bad = await doctor(sb, ["--no-canary"]);
    expect(find(bad.report, "git", "fail", /not executable/)).toBe(true);
    fs.chmodSync(hook, 0o755);
    const good = await doctor(sb);
    expect(find(good.report, "git", "pass", /pre-commit hook installed/)).toBe(true);
    expect(good.report.checks.find((c) => c.area === "git" && c.status === "pass")?.detail?.[0]).toBe(path.join(sb.dir, ".githooks", "pre-commit"));
    expect(find(good.report, "git", "pass", /stops a commit/)).toBe(true);
  });

  it("prints the managed-settings snippet when Claude Code's hook is not tamper-proof", async () => {
    const sb = await sandbox();
    sb.write(".claude/settings.json", claudeSettings(launcherCommand("claude-code")));
    const { stdout, report } = await doctor(sb, ["--no-canary"]);
    expect(find(report, "claude-code", "warn", /not in managed settings/)).toBe(true);
    expect(find(report, "claude-code", "warn", /bypassPermissions mode is allowed/)).toBe(true);
    const snippet = JSON.parse(report.managedSnippet ?? "{}") as Record<string, any>;
    expect(snippet.allowManagedHooksOnly).toBe(true);
    expect(snippet.permissions.disableBypassPermissionsMode).toBe("disable");
    expect(snippet.hooks.PreToolUse[0].hooks[0].command).toBe(launcherCommand("claude-code"));
    expect(stdout).toContain('"allowManagedHooksOnly": true');
  });

  it("warns about standing power without printing secrets", async () => {
    const sb = await sandbox();
    sb.write(".aws/credentials", "[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n[sso]\naws_access_key_id = ASIAXXXXXXXXEXAMPLE\n", sb.home);
    const { stdout, report } = await doctor(sb, ["--no-canary"], { AWS_ACCESS_KEY_ID: "AKIAJ7777EXAMPLEKEY1", AWS_SECRET_ACCESS_KEY: "secretsecretsecret", AWS_PROFILE: "prod-admin" });
    expect(find(report, "environment", "warn", /long-lived AWS access key is in the environment \(AWS_ACCESS_KEY_ID=AKIAJ777\.\.\.\)/)).toBe(true);
    expect(find(report, "environment", "warn", /credentials \[default\] \(AKIAIOSF\.\.\.\)/)).toBe(true);
    expect(find(report, "environment", "warn", /AWS_PROFILE=prod-admin looks like production/)).toBe(true);
    expect(report.checks.filter((c) => c.area === "environment" && /ASIA/.test(c.title))).toEqual([]);
    for (const secret of ["AKIAIOSFODNN7EXAMPLE", "AKIAJ7777EXAMPLEKEY1", "wJalrXUtnFEMI", "secretsecretsecret"]) expect(stdout).not.toContain(secret);
  });

  it("fails on broken user policies and on a tampered audit log", async () => {
    const sb = await sandbox();
    sb.write(".infragate/policies/bad.cedar", '@id("x")\n@reason("y")\nforbid (principal, action, resource) when { resource.nope };\n');
    sb.write("audit/audit-2026-01-01.jsonl", '{"seq":1,"not":"an entry"}\n', sb.state);
    const { code, report } = await doctor(sb, ["--no-canary"]);
    expect(code).toBe(1);
    expect(find(report, "policies", "fail", /policy or config problem/)).toBe(true);
    expect(find(report, "audit", "fail", /does not verify/)).toBe(true);
    expect(find(report, "hooks", "fail", /no agent hook is installed/)).toBe(true);
  });

  it("--help, bad usage", async () => {
    const sb = await sandbox();
    const help = await runVerb(runDoctor, ["--help"], { cwd: sb.dir });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--managed-settings");
    expect((await runVerb(runDoctor, ["--what"], { cwd: sb.dir })).code).toBe(2);
    const missing = await runVerb(runDoctor, ["--dir", path.join(sb.dir, "nope")], { cwd: sb.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("is not a directory");
  });

  it("exits 1 when nothing is installed", async () => {
    const sb = await sandbox();
    const { code, report } = await doctor(sb, ["--no-canary"]);
    expect(find(report, "hooks", "fail", /no agent hook is installed/)).toBe(true);
    expect(code).toBe(1);
  });
});

describe("infragate doctor after the real installers", { timeout: 120_000 }, () => {
  it("passes what 'infragate install' writes for every agent and git (Codex trust is a warning)", async () => {
    const { install, INSTALL_TARGETS } = await import("../../src/install/index.js");
    const sb = await sandbox();
    for (const agent of INSTALL_TARGETS) await install(agent, { dir: sb.dir, user: false, env: sb.env, root: packageRoot() });
    const { code, stdout, report } = await doctor(sb);
    expect(report.checks.filter((c) => c.status === "fail"), stdout).toEqual([]);
    expect(code).toBe(0);
    for (const agent of ["claude-code", "cursor", "gemini", "codex"]) expect(find(report, agent, "pass", /denies the canary/), `${agent}\n${stdout}`).toBe(true);
    expect(find(report, "git", "pass", /stops a commit/)).toBe(true);
    expect(find(report, "codex", "warn", /not trusted/)).toBe(true);
    expect(find(report, "claude-code", "pass", /hook installed for .*\(project settings \(this machine's paths\)\)/), stdout).toBe(true);
  });
});
