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
  ["hook config", [".cursor/hooks.json"], "", "deny", "self-protection.hook-config"],
  ["guard config", [".infragate/config.json"], "", "deny", "self-protection.guard-config"],
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
