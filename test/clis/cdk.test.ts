import { describe, expect, it } from "vitest";
import { interpretCdk } from "../../src/clis/cdk/index.js";
import type { Operation } from "../../src/clis/types.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}) => command(text, { env, cwd: "/ws/infra" });

function op(text: string): Operation & { context: Record<string, never> } {
  const ops = interpretCdk(cmd(text)).operations;
  expect(ops).toHaveLength(1);
  return ops[0] as Operation & { context: Record<string, never> };
}

const CASES: readonly [string, string, Record<string, unknown>?][] = [
  ["cdk synth", "cdk.read", { operation: "synth" }],
  ["cdk ls", "cdk.read"],
  ["cdk diff MyStack", "cdk.read", { stacks: ["MyStack"] }],
  ["cdk drift", "cdk.read"],
  ["cdk doctor", "cdk.read"],
  ["cdk context --clear", "cdk.read"],
  ["cdk", "cdk.read"],
  ["cdk --version", "cdk.read"],
  ["cdk destroy --help", "cdk.read"],
  ["cdk flags", "cdk.read"],
  ["cdk flags --set --recommended --all", "cdk.other", { operation: "flags --set" }],
  ["cdk refactor --dry-run", "cdk.read"],
  ["cdk refactor", "cdk.other"],
  ["cdk orphan --path MyStack/Bucket", "cdk.other"],
  ["cdk migrate --from-stack --stack-name X", "cdk.other"],
  ["cdk destroy", "cdk.destroy", { autoApprove: false }],
  ["cdk destroy --force MyStack", "cdk.destroy", { autoApprove: true, stacks: ["MyStack"] }],
  ["cdk destroy -f --all", "cdk.destroy", { autoApprove: true }],
  ["cdk --yes destroy", "cdk.destroy", { autoApprove: true }],
  ["cdk -yf destroy", "cdk.destroy", { autoApprove: true }],
  ["cdk destroy --force=false", "cdk.destroy", { autoApprove: false }],
  ["cdk --app 'npx ts-node bin/app.ts' destroy Prod", "cdk.destroy", { stacks: ["Prod"] }],
  ["cdk -a cdk.out destroy", "cdk.destroy", { stacks: [] }],
  ["cdk deploy", "cdk.deploy", { autoApprove: false, hotswap: false }],
  ["cdk deploy --require-approval never", "cdk.deploy", { autoApprove: true }],
  ["cdk deploy --require-approval=never", "cdk.deploy", { autoApprove: true }],
  ["cdk deploy --requireApproval never", "cdk.deploy", { autoApprove: true }],
  ["cdk deploy --require-approval broadening", "cdk.deploy", { autoApprove: false }],
  ["cdk deploy --hotswap", "cdk.deploy", { hotswap: true }],
  ["cdk deploy --hotswap-fallback", "cdk.deploy", { hotswap: true }],
  ["cdk watch", "cdk.deploy", { hotswap: true, operation: "watch" }],
  ["cdk watch --no-hotswap", "cdk.deploy", { hotswap: false }],
  ["cdk deploy --watch", "cdk.deploy", { hotswap: true }],
  ["cdk deploy -R --method direct --all", "cdk.deploy"],
  ["cdk deploy --import-existing-resources", "cdk.deploy"],
  ["cdk bootstrap", "cdk.bootstrap", { adminExecution: true, trust: [] }],
  ["cdk bootstrap --trust 111111111111 --cloudformation-execution-policies arn:aws:iam::aws:policy/AdministratorAccess aws://222222222222/us-east-1", "cdk.bootstrap", { adminExecution: true, trust: ["111111111111"] }],
  ["cdk bootstrap --trust 111111111111 --cloudformation-execution-policies arn:aws:iam::aws:policy/ReadOnlyAccess", "cdk.bootstrap", { adminExecution: false, executionPolicies: ["ReadOnlyAccess"] }],
  ["cdk bootstrap --trust=111,222 --cloudformation-execution-policies=arn:aws:iam::aws:policy/PowerUserAccess,arn:aws:iam::aws:policy/AdministratorAccess", "cdk.bootstrap", { adminExecution: true, trust: ["111", "222"] }],
  ["cdk import MyStack", "cdk.import"],
  ["cdk rollback --force", "cdk.rollback", { autoApprove: true }],
  ["cdk gc", "cdk.gc", { autoApprove: false }],
  ["cdk gc --confirm=false", "cdk.gc", { autoApprove: true }],
  ["cdk gc --no-confirm", "cdk.gc", { autoApprove: true }],
  ["cdk publish-assets", "cdk.other"],
];

describe("interpretCdk", () => {
  for (const [text, action, facts] of CASES) {
    it(`${text} -> ${action}`, () => {
      const o = op(text);
      expect(o.action).toBe(action);
      expect(o.resource).toEqual({ type: "Stack", dir: "/ws/infra" });
      for (const [k, v] of Object.entries(facts ?? {})) {
        if (Array.isArray(v)) expect([...(o.context[k] as unknown as string[])].sort(), k).toEqual([...v].sort());
        else expect(o.context[k], k).toBe(v);
      }
    });
  }

  it("normalises flags: --no-x, camelCase, -R", () => {
    const o = op("cdk deploy --no-rollback --importExistingResources -R");
    expect(o.context.flags).toEqual(expect.arrayContaining(["no-rollback", "import-existing-resources"]));
  });

  it("keeps options as name=value", () => {
    expect(op("cdk deploy -m direct").context.options).toContain("method=direct");
  });
});
