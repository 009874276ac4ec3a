/** The state-swap and plan policies compile and validate strictly against the schema. */
import { describe, expect, it } from "vitest";
import { compilePackFromSource, getPackageRoot } from "../../src/policy/pack.js";
import { validatePolicies } from "../../src/policy/validate.js";

describe("state-swap and plan policies", () => {
  it("compile and validate strictly", () => {
    const { pack, problems } = compilePackFromSource(getPackageRoot());
    const mine = (p: { file: string; message: string }): boolean => /state-swap|plan\./.test(`${p.file} ${p.message}`);
    expect(problems.filter(mine)).toEqual([]);
    const ids = Object.keys(pack.policies.texts).filter((k) => /^(state-swap|plan)\./.test(k));
    expect(ids.length).toBeGreaterThanOrEqual(14);
    expect(validatePolicies(pack.schema ?? "", pack.policies).filter(mine)).toEqual([]);
  });
});
