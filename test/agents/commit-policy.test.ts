/** policies/commit.cedar and the file policies as the pre-commit check applies them: staged files and diffs -> findings. */
import { beforeAll, describe, expect, it } from "vitest";
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
