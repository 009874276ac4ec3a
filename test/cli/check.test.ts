/** `infragate check`: the issue's own acceptance list through the real command (bin/infragate.cjs, the
 *  bundled CLI), its exit codes, and the `--jsonl` batch contract. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCheck } from "../../src/cli/check.js";
import { ensureBuilt, ROOT } from "../e2e/support/build.js";
import { runVerb } from "./run-cli.js";
import { makeWorkspace, tempDir } from "./workspace.js";

const BIN = path.join(ROOT, "bin", "infragate.cjs");

function check(args: string[], cwd: string, input = ""): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, "check", ...args], {
    cwd,
    input,
    encoding: "utf8",
    env: { PATH: process.env.PATH, HOME: process.env.HOME, INFRAGATE_HOME: tempDir("infragate-home-"), NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("infragate check (real process)", () => {
  beforeAll(async () => {
    await ensureBuilt();
  }, 300_000);

  const deny = [
    "terraform destroy",
    "tofu -chdir=prod destroy",
    "TF_CLI_ARGS=-destroy terraform apply -auto-approve",
    "bash -c 'cd infra && terraform destroy'",
    "echo yes | terraform destroy",
    "cp old.tfstate terraform.tfstate",
  ];
  it.each(deny)("denies %s (exit 1)", (command) => {
    const r = check(["--", command], makeWorkspace());
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stdout).toMatch(/^DENY: /);
  });

  it.each([
    ["Write", "terraform.tfstate", "state.write-state-file"],
    ["Write", ".claude/settings.json", "self-protection.hook-config"],
  ])("denies a %s to %s", (tool, file, policy) => {
    const r = check(["--tool", tool, "--file-path", file, "--json"], makeWorkspace());
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: "deny", policies: [policy] });
  });

  it("asks for terraform apply (exit 3)", () => {
    const r = check(["--", "terraform apply"], makeWorkspace());
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^ASK: .*terraform\.apply/s);
  });

  it.each(["terraform plan", "terraform plan -destroy", 'echo "terraform destroy"', "grep -r destroy .", "git status"])("allows %s (exit 0)", (command) => {
    const r = check(["--", command], makeWorkspace());
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toMatch(/^ALLOW/);
  });

  it("names the project script a file effect was reached through, as it does for commands", () => {
    const ws = makeWorkspace({
      "package.json": JSON.stringify({ scripts: { reset: "rm -f terraform.tfstate", clobber: "echo {} > terraform.tfstate" } }),
      Makefile: "clean:\n\trm -f terraform.tfstate\n",
      "terraform.tfstate": "{}",
    });
    const state = path.join(ws, "terraform.tfstate");
    const cases: [string, string][] = [
      ["npm run reset", `npm run reset -> rm -f terraform.tfstate (rm delete ${state})`],
      ["make clean", `make clean -> rm -f terraform.tfstate (rm delete ${state})`],
      ["npm run clobber", `npm run clobber -> echo {} > terraform.tfstate (redirect > write ${state})`],
      ["rm -f terraform.tfstate", `- rm delete ${state}: [state.delete-state-file]`],
    ];
    for (const [command, line] of cases) {
      const r = check(["--", command], ws);
      expect(r.code, r.stdout + r.stderr).toBe(1);
      expect(r.stdout).toContain(line);
    }
  });

  it("quotes and joins several words after --", () => {
    const r = check(["--json", "--", "terraform", "destroy", "-auto-approve"], makeWorkspace());
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).policies).toContain("terraform.destroy");
  });

  it("exits 2 on bad usage, with the help", () => {
    const ws = makeWorkspace();
    expect(check([], ws).code).toBe(2);
    const r = check(["terraform", "destroy"], ws);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("put the command after --");
    expect(check(["--tool", "Bash", "--file-path", "x"], ws).code).toBe(2);
  });
});

describe("infragate check --jsonl", () => {
  it("answers one line per request, in order; a bad line gets a deny with an error and the batch goes on", async () => {
    const root = makeWorkspace();
    const lines = [
      JSON.stringify({ tool: "Bash", command: "terraform plan", cwd: root }),
      "{not json",
      JSON.stringify({ tool: "Bash", command: "terraform destroy", cwd: root }),
      JSON.stringify({ tool: "Write", file_path: "terraform.tfstate", content: "{}", cwd: root }),
      JSON.stringify({ tool: "Edit", file_path: "main.tf", old_string: "a", new_string: "b", cwd: root }),
      JSON.stringify({ tool: "Read", file_path: ".env", cwd: root }),
      JSON.stringify({ tool: "Frobnicate", command: "x" }),
      "",
      JSON.stringify({ tool: "Bash", command: "terraform apply", cwd: root }),
    ];
    const r = await runVerb(runCheck, ["--jsonl"], { cwd: root, stdin: `${lines.join("\n")}\n`, env: { INFRAGATE_HOME: tempDir("infragate-home-") } });
    expect(r.code).toBe(0);
    const answers = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { decision: string; policies?: string[]; error?: string });
    expect(answers.map((a) => a.decision)).toEqual(["allow", "deny", "deny", "deny", "allow", "ask", "deny", "ask"]);
    expect(answers[1]?.error).toMatch(/invalid request/);
    expect(answers[2]?.policies).toContain("terraform.destroy");
    expect(answers[3]?.policies).toContain("state.write-state-file");
    expect(answers[5]?.policies).toContain("secrets.project-secret-read");
    expect(answers[6]?.error).toMatch(/invalid request/);
  });

  it("resolves a relative file_path against the process's cwd when the request gives none", async () => {
    const root = makeWorkspace();
    const r = await runVerb(runCheck, ["--jsonl"], { cwd: root, stdin: `${JSON.stringify({ tool: "Write", file_path: "infra/terraform.tfstate" })}\n`, env: { INFRAGATE_HOME: tempDir("infragate-home-") } });
    expect(JSON.parse(r.stdout.trim())).toMatchObject({ decision: "deny", policies: ["state.write-state-file"] });
  });
});

describe("infragate check --jsonl sessions and --cwd", () => {
  it("links requests that carry the same session; a request without one is independent", async () => {
    const root = makeWorkspace();
    const plan = (session?: string) => JSON.stringify({ tool: "Bash", command: "terraform plan -destroy -out=x.tfplan", cwd: root, ...(session ? { session } : {}) });
    const apply = (session?: string) => JSON.stringify({ tool: "Bash", command: "terraform apply x.tfplan", cwd: root, ...(session ? { session } : {}) });
    const lines = [plan("s1"), apply("s1"), apply("s2"), apply(), plan(), apply()];
    const r = await runVerb(runCheck, ["--jsonl"], { cwd: root, stdin: `${lines.join("\n")}\n`, env: { INFRAGATE_HOME: tempDir("infragate-home-") } });
    const answers = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { decision: string; policies?: string[] });
    expect(answers[1]?.decision).toBe("deny");
    expect(answers[1]?.policies).toContain("plan.destroy-plan");
    for (const i of [2, 3, 5]) expect(answers[i]?.policies ?? [], `line ${i}`).not.toContain("plan.destroy-plan");
  });

  it("resolves a relative --cwd against the process's cwd", async () => {
    const root = makeWorkspace();
    const r = await runVerb(runCheck, ["--cwd", ".", "--json", "--", "rm terraform.tfstate"], { cwd: root, env: { INFRAGATE_HOME: tempDir("infragate-home-") } });
    expect(JSON.parse(r.stdout)).toMatchObject({ decision: "deny", policies: ["state.delete-state-file"] });
  });
});
