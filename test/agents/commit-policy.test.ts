/** policies/commit.cedar and the file policies as the pre-commit check applies them: staged files and diffs -> findings. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditDir } from "../../src/audit/files.js";
import { checkStaged, formatFindings } from "../../src/git-hook/check.js";
import { makeWorkspace, type Workspace } from "./support.js";

let ws: Workspace;
beforeAll(() => {
  ws = makeWorkspace();
});

const diffOf = (file: string, lines: string[]): string => [`diff --git a/${file} b/${file}`, `--- a/${file}`, `+++ b/${file}`, `@@ -0,0 +1,${lines.length} @@`, ...lines.map((l) => `+${l}`)].join("\n");

type Case = [string, string[], string, "deny" | "ask" | "allow", string?];
const CASES: readonly Case[] = [
  ["state file", ["terraform.tfstate"], "", "deny", "state.write-state-file"],
  ["state backup", ["envs/prod/terraform.tfstate.backup"], "", "deny", "state.write-state-file"],
  [".terraform/ content", [".terraform/modules/modules.json"], "", "ask", "state.terraform-dir"],
  ["plan file", ["prod.tfplan"], "", "ask", "state.plan-file"],
  ["tfvars", ["prod.tfvars"], "", "ask", "secrets.project-secret-write"],
  [".env", [".env.local"], "", "ask", "secrets.project-secret-write"],
  ["private key file", ["deploy/id_ed25519"], "", "ask", "secrets.project-secret-write"],
  ["a human commits hook config", [".cursor/hooks.json", ".claude/settings.json", ".husky/pre-commit"], "", "allow"],
  ["a human commits guard config", [".infragate/config.json", ".infragate/policies/team.cedar"], "", "allow"],
  ["private key in a diff", ["a.txt"], diffOf("a.txt", ["-----BEGIN EC PRIVATE KEY-----"]), "deny", "commit.private-key"],
  ["access key in a diff", ["a.tf"], diffOf("a.tf", ['access_key = "ASIAQWERTYUIOPASDFGH"']), "deny", "commit.cloud-credential"],
  ["placeholder key in a diff", ["README.md"], diffOf("README.md", ["AKIAIOSFODNN7EXAMPLE"]), "allow"],
  ["ordinary sources, lock file, example env", ["main.tf", ".terraform.lock.hcl", ".env.example", "README.md"], diffOf("main.tf", ['resource "x" "y" {}']), "allow"],
  ["a dotfiles repository's shell startup file", [".bashrc", "zsh/.zshrc"], "", "allow"],
  ["every staged file reaches Cedar: a plan among ordinary files", ["src/app.ts", "out/prod.tfplan"], "", "ask", "state.plan-file"],
];

describe("commit check case table", () => {
  for (const [name, files, diff, expected, policy] of CASES) {
    it(`${name} -> ${expected}`, async () => {
      const findings = await checkStaged(ws.root, files, diff, ws.env);
      const answer = formatFindings(findings);
      if (expected === "allow") {
        expect(findings).toEqual([]);
        expect(answer.exitCode).toBe(0);
        return;
      }
      expect(findings.map((f) => f.decision)).toContain(expected);
      expect(findings.map((f) => f.reason).join("\n")).toContain(policy as string);
      expect(answer.exitCode).toBe(1);
    });
  }
});

/** A commit from an agent's shell (its marker in the environment) is stopped where a human's goes through. */
const AGENT_CASES: readonly [string, Record<string, string>, string[], string][] = [
  ["Claude Code", { CLAUDECODE: "1" }, [".infragate/config.json"], "self-protection.guard-config"],
  ["Claude Code", { CLAUDECODE: "1" }, [".claude/settings.json"], "self-protection.hook-config"],
  ["Codex", { CODEX_THREAD_ID: "t-1" }, [".infragate/policies/team.cedar"], "self-protection.guard-config"],
  ["Copilot", { COPILOT_CLI: "1" }, [".github/hooks/hooks.json"], "self-protection.hook-config"],
  ["Gemini", { GEMINI_CLI: "1" }, [".gemini/settings.json"], "self-protection.hook-config"],
  ["Cursor", { CURSOR_AGENT: "1" }, [".cursor/hooks.json"], "self-protection.hook-config"],
];

describe("agents do not commit guard config", () => {
  for (const [agent, extra, files, policy] of AGENT_CASES) {
    it(`${agent} (${Object.keys(extra).join()}) commits ${files.join()} -> deny by ${policy}`, async () => {
      const env = { ...ws.env, ...extra };
      const findings = await checkStaged(ws.root, files, "", env);
      expect(findings.map((f) => f.decision)).toEqual(["deny"]);
      expect(findings[0]?.reason).toContain(policy);
    });
  }

  it("the message speaks to the human committing, and names the agent's marker to an agent", async () => {
    const human = formatFindings(await checkStaged(ws.root, ["terraform.tfstate"], "", ws.env));
    expect(human.stderr).toContain("stopped for every committer");
    expect(human.stderr).not.toContain("shell (");
    const env = { ...ws.env, CLAUDECODE: "1" };
    const agent = formatFindings(await checkStaged(ws.root, [".infragate/config.json"], "", env), { agent: "claude-code", name: "CLAUDECODE", value: "1", verified: "e2e" });
    expect(agent.stderr).toContain("claude-code's shell (CLAUDECODE is set)");
    expect(agent.stderr).not.toContain("--no-verify");
  });

  it("a state file or a secret is stopped for a human too", async () => {
    expect((await checkStaged(ws.root, [".infragate/config.json", "terraform.tfstate"], "", ws.env)).map((f) => f.decision)).toEqual(["deny"]);
    expect((await checkStaged(ws.root, ["a.txt"], diffOf("a.txt", ["-----BEGIN EC PRIVATE KEY-----"]), ws.env)).map((f) => f.decision)).toEqual(["deny"]);
  });
});

describe("the commit check is the pipeline", () => {
  const made: Workspace[] = [];
  afterAll(() => {
    for (const w of made) for (const dir of [w.root, w.home]) fs.rmSync(dir, { recursive: true, force: true });
  });
  const fresh = (): Workspace => {
    const w = makeWorkspace();
    made.push(w);
    return w;
  };

  it("an invalid config blocks the commit (as it blocks every agent action)", async () => {
    const broken = fresh();
    fs.mkdirSync(path.join(broken.root, ".infragate"));
    fs.writeFileSync(path.join(broken.root, ".infragate", "config.json"), "{ not json");
    const findings = await checkStaged(broken.root, ["README.md"], "", broken.env);
    expect(findings.map((f) => f.decision)).toEqual(["deny"]);
    expect(findings[0]?.reason).toContain("infragate.config");
  });

  it("writes one audit record per commit check", async () => {
    const w = fresh();
    await checkStaged(w.root, ["terraform.tfstate"], "", w.env);
    const log = fs.readdirSync(auditDir(w.env.INFRAGATE_HOME as string)).filter((f) => f.endsWith(".jsonl"));
    const lines = log.flatMap((f) => fs.readFileSync(path.join(auditDir(w.env.INFRAGATE_HOME as string), f), "utf8").trim().split("\n"));
    expect(lines.filter((l) => l.includes('"agent":"git"'))).toHaveLength(1);
  });
});
