/** `infragate policy test`: user case tables beside their policies, a diff on failure, exit codes for CI. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPolicyTest } from "../../src/cli/policy-test.js";
import { runVerb } from "./run-cli.js";
import { makeWorkspace } from "./workspace.js";

const PROD_POLICY = `
@id("prod.no-state-edits-in-prod")
@reason("no writes under a prod stack")
forbid (principal, action == Action::"file.write", resource)
when { resource.env == "prod" };
`;

const CONFIG = JSON.stringify({ stacks: [{ path: "infra/prod/**", env: "prod" }] });

const PASSING = `
- name: writing under prod is denied
  tool: Write
  file_path: infra/prod/main.tf
  expect: deny
  policies: [prod.no-state-edits-in-prod]
- tool: Write
  file_path: infra/dev/main.tf
  expect: allow
- command: cp backup.tfstate terraform.tfstate
  files: {backup.tfstate: "{}"}
  expect: deny
  policies: [state.write-state-file]
- tool: Read
  file_path: ~/.aws/credentials
  expect: deny
  policies: [secrets.credentials]
`;

function workspace(table: string, name = "prod.test.yaml"): string {
  return makeWorkspace({
    ".infragate/config.json": CONFIG,
    ".infragate/policies/prod.cedar": PROD_POLICY,
    [`.infragate/policies/${name}`]: table,
  });
}

describe("infragate policy test", () => {
  it("runs .infragate/policies/*.test.yaml against the pack plus the user's policies and config: exit 0", async () => {
    const root = workspace(PASSING);
    const r = await runVerb(runPolicyTest, [], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("PASS: 4/4 cases pass in 1 table(s)");
    expect(r.code).toBe(0);
    // the case's files went to a temporary copy, not the real tree
    expect(fs.existsSync(path.join(root, "backup.tfstate"))).toBe(false);
  });

  it("reports a failing case with a diff of expected and actual, and the reason: exit 1", async () => {
    const root = workspace(`
- name: a wrong expectation
  tool: Write
  file_path: infra/prod/main.tf
  expect: allow
- command: rm terraform.tfstate
  expect: deny
  policies: [some.other-policy]
`);
    const r = await runVerb(runPolicyTest, [], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL .infragate/policies/prod.test.yaml #1 "a wrong expectation"');
    expect(r.stdout).toContain("  - expected  allow");
    expect(r.stdout).toContain("  + actual    deny by prod.no-state-edits-in-prod");
    expect(r.stdout).toMatch(/reason\s+infragate blocked this action/);
    expect(r.stdout).toContain("why       policies: expected some.other-policy among the deciding policies, got state.delete-state-file");
    expect(r.stdout).toContain("FAIL: 0/2 cases pass");
  });

  it("takes FILES, JSON tables, and --json", async () => {
    const root = workspace("[]", "unused.test.json");
    const table = path.join(root, "cases.json");
    fs.writeFileSync(table, JSON.stringify({ cases: [{ tool: "Bash", command: "git status", expect: "allow" }, { tool: "Write", file_path: ".infragate/config.json", expect: "deny" }] }));
    const r = await runVerb(runPolicyTest, ["--json", "cases.json"], { cwd: root });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { passed: number; failed: number; tables: { results: { actual: { policies: string[] } }[] }[] };
    expect(report).toMatchObject({ passed: 2, failed: 0, problems: 0 });
    expect(report.tables[0]?.results[1]?.actual.policies).toContain("self-protection.guard-config");
  });

  it("a table's config replaces the workspace's (here: allow-list mode)", async () => {
    const root = makeWorkspace({
      ".infragate/policies/allow.cedar": '@id("allow.git")\n@reason("git is fine")\npermit (principal, action == Action::"shell.exec", resource == Program::"git");\n',
      ".infragate/policies/allow.test.yaml": 'config: {mode: allow-list}\ncases:\n  - {command: git status, expect: allow}\n  - {command: ls, expect: deny}\n',
    });
    const r = await runVerb(runPolicyTest, [], { cwd: root });
    expect(r.stdout).toContain("PASS: 2/2");
    expect(r.code).toBe(0);
  });

  it("a broken table is a failure with the problem named", async () => {
    const root = workspace("- command: ls\n  expect: maybe\n- command: ls\n  expect: allow\n  polices: [x]\n");
    const r = await runVerb(runPolicyTest, [], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ERROR .infragate\/policies\/prod.test.yaml: case 1: .*expect/s);
    expect(r.stdout).toMatch(/case 2: unknown field\(s\) polices/);
  });

  it("no tables: exit 1; bad usage: exit 2; --help", async () => {
    const root = makeWorkspace();
    const none = await runVerb(runPolicyTest, [], { cwd: root });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("no case tables found");
    expect((await runVerb(runPolicyTest, ["--nope"], { cwd: root })).code).toBe(2);
    expect((await runVerb(runPolicyTest, ["--pack", "x.yaml"], { cwd: root })).code).toBe(2);
    const help = await runVerb(runPolicyTest, ["--help"], { cwd: root });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("expect: deny");
  });
});
