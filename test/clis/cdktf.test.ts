import { describe, expect, it } from "vitest";
import { interpretCdktf } from "../../src/clis/cdk/index.js";
import { factsOf } from "../support/facts.js";
import { cmd as command } from "../support/interpreter-table.js";

const cmd = (text: string, env: Record<string, string> = {}) => command(text, { env, cwd: "/ws/cdktf" });

const CASES: readonly [string, string, boolean?, Record<string, string>?][] = [
  ["cdktf synth", "cdk.read"],
  ["cdktf diff", "cdk.read"],
  ["cdktf plan", "cdk.read"],
  ["cdktf list", "cdk.read"],
  ["cdktf get", "cdk.read"],
  ["cdktf output", "cdk.read"],
  ["cdktf --help", "cdk.read"],
  ["cdktf destroy", "cdk.destroy", false],
  ["cdktf destroy --auto-approve", "cdk.destroy", true],
  ["cdktf destroy my-stack", "cdk.destroy", true, { TF_CLI_ARGS: "-auto-approve" }],
  ["cdktf deploy", "cdk.deploy", false],
  ["cdktf apply --auto-approve", "cdk.deploy", true],
  ["cdktf deploy --outputs-file out.json --outputs-file-include-sensitive-outputs", "cdk.deploy", false],
  ["cdktf watch --auto-approve", "cdk.deploy", true],
  ["cdktf output --outputs-file-include-sensitive-outputs", "cdk.secret-read", false],
  ["cdktf something-new", "cdk.other", false],
];

describe("interpretCdktf", () => {
  for (const [text, action, autoApprove, env] of CASES) {
    it(`${text} -> ${action}`, () => {
      const ops = interpretCdktf(cmd(text, env)).operations;
      expect(ops).toHaveLength(1);
      const o = ops[0]!;
      expect(o.action).toBe(action);
      expect(factsOf(o).program).toBe("cdktf");
      if (autoApprove !== undefined) expect(factsOf(o).autoApprove).toBe(autoApprove);
    });
  }

  it("reports TF_CLI_ARGS names", () => {
    const o = interpretCdktf(cmd("cdktf deploy", { TF_CLI_ARGS_apply: "-auto-approve" })).operations[0]!;
    expect(factsOf(o).envNames).toEqual(["TF_CLI_ARGS_apply"]);
    expect(factsOf(o).autoApprove).toBe(true);
  });

  it("flags the sensitive outputs option", () => {
    const o = interpretCdktf(cmd("cdktf deploy --outputs-file-include-sensitive-outputs")).operations[0]!;
    expect(factsOf(o).flags).toContain("outputs-file-include-sensitive-outputs");
  });
});
