/** The engine answers some requests without Cedar and hands Cedar only the policies whose scope can match.
 *  Both must give exactly full Cedar's answer (every policy, no shortcut). The case tables check this on
 *  every case (test/support/policy-table.ts); here it is checked on generated commands and file actions. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeGate } from "../support/gate.js";

const programs = ["terraform", "tofu", "terragrunt", "cdk", "cdktf", "aws", "pulumi", "kubectl", "helm", "git", "cp", "rm", "tar", "sed", "cat", "npm", "ls", "infragate", "python3"];
const words = [
  "plan", "apply", "destroy", "state", "push", "rm", "mv", "pull", "list", "workspace", "select", "delete", "init", "output", "import",
  "deploy", "synth", "diff", "bootstrap", "up", "preview", "stack", "s3", "ls", "rb", "ec2", "run-instances", "iam", "attach-role-policy",
  "get", "secret", "secrets", "uninstall", "install", "status", "commit", "checkout", "--", "-rf", "-i", "xzf", "-c", "accept",
  "-auto-approve", "-destroy", "--force", "-f", "--yes", "-y", "--recursive", "--all", "-A", "--dry-run", "-target=a.b", "-lock=false",
  "terraform.tfstate", ".env", "main.tf", ".claude/settings.json", "prod.tfvars", "d.plan", "s3://bucket", "ns", "pv", "x", "-m", "msg",
];
const prefixes = ["", "sudo ", "env TF_CLI_ARGS=-destroy ", "TF_WORKSPACE=prod ", "echo yes | ", "bash -c ", "cd infra && "];

const command = fc
  .tuple(fc.constantFrom(...prefixes), fc.constantFrom(...programs), fc.array(fc.constantFrom(...words), { maxLength: 5 }))
  .map(([prefix, program, args]) => {
    const line = [program, ...args].join(" ");
    return prefix === "bash -c " ? `bash -c '${line}'` : `${prefix}${line}`;
  });

const fileAction = fc.record({
  tool: fc.constantFrom("Write", "Edit", "Read", "Delete") as fc.Arbitrary<"Write" | "Edit" | "Read" | "Delete">,
  path: fc.constantFrom("src/app.ts", "terraform.tfstate", ".env", ".env.example", "main.tf", ".terraform/environment", "prod.tfvars", ".claude/settings.json", ".infragate/config.json", "plan.tfplan", "README.md", ".terraform.lock.hcl", "secrets/db.pem"),
});

const runs = Number(process.env.INFRAGATE_PROPERTY_RUNS ?? 60);

describe("scope shortcut and scope filter equal full Cedar evaluation", () => {
  const configs = [{}, { config: { mode: "allow-list" as const }, userPolicies: '@id("mine.git")\npermit (principal, action, resource == Program::"git");' }];
  for (const opts of configs) {
    const gate = makeGate(opts);
    const label = "config" in opts ? "allow-list mode" : "block-list mode";

    it(`on generated shell commands (${label})`, async () => {
      await fc.assert(
        fc.asyncProperty(command, async (line) => {
          const result = await gate.shell(line);
          for (const request of gate.requestsOf(result)) {
            const quick = gate.fast.authorize(request);
            const full = gate.fast.authorizeFull(request);
            expect({ line, action: request.action.id, decision: quick.decision, policies: quick.policies }).toEqual({
              line,
              action: request.action.id,
              decision: full.decision,
              policies: full.policies,
            });
          }
        }),
        { numRuns: runs, seed: 20261121 },
      );
    });

    it(`on generated file actions (${label})`, async () => {
      await fc.assert(
        fc.asyncProperty(fileAction, async ({ tool, path }) => {
          const result = await gate.file(tool, path);
          for (const request of gate.requestsOf(result)) {
            expect(gate.fast.authorize(request).decision).toBe(gate.fast.authorizeFull(request).decision);
            expect(gate.fast.authorize(request).policies).toEqual(gate.fast.authorizeFull(request).policies);
          }
        }),
        { numRuns: Math.min(runs, 40), seed: 20261121 },
      );
    });
  }

  it("answers everyday commands and plain file edits without Cedar", async () => {
    const gate = makeGate();
    const before = { ...gate.fast.stats };
    for (const line of ["git status", "npm test", "ls -la", "terraform plan", "aws s3 ls"]) {
      const result = await gate.shell(line);
      for (const request of gate.requestsOf(result)) expect(gate.fast.authorize(request).decision).toBe("allow");
    }
    const edit = await gate.file("Edit", "src/app.ts");
    for (const request of gate.requestsOf(edit)) expect(gate.fast.authorize(request).decision).toBe("allow");
    expect(gate.fast.stats.cedar - before.cedar).toBe(0);
    expect(gate.fast.stats.shortcut - before.shortcut).toBeGreaterThan(0);
  });
});
