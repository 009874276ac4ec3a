/** `infragate policy validate` names the file and line of every problem in the user's policies, with the
 *  validator's hint where Cedar gives one. */
import { describe, expect, it } from "vitest";
import { runPolicy } from "../../src/cli/policy.js";
import { runVerb } from "./run-cli.js";
import { makeWorkspace } from "./workspace.js";

const SYNTAX_ERROR = '@id("mine.broken")\n@reason("missing the closing brace")\nforbid (principal, action == Action::"file.write", resource)\nwhen { resource.classes.contains("tfstate")\n';
const UNKNOWN_ATTRIBUTE = '// a comment\n\n@id("mine.unknown-attr")\n@reason("File has no flavour")\nforbid (principal, action == Action::"file.write", resource)\nwhen { resource.flavour == "prod" };\n';

describe("infragate policy validate", () => {
  it("reports a syntax error and an unknown attribute with file:line, the hint, and exit 1", async () => {
    const root = makeWorkspace({ ".infragate/policies/a.cedar": SYNTAX_ERROR, ".infragate/policies/b.cedar": UNKNOWN_ATTRIBUTE });
    const r = await runVerb(runPolicy, ["validate"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^\.infragate\/policies\/a\.cedar:\d+: .+/m);
    expect(r.stdout).toMatch(/^\.infragate\/policies\/b\.cedar:3: mine\.unknown-attr: .*attribute `flavour` on entity type `File` not found/m);
    expect(r.stdout).toMatch(/^ {2}hint: did you mean `classes`\?/m);
    expect(r.stdout).toContain("2 problem(s)");
  });

  it("--json carries file, line, message and help", async () => {
    const root = makeWorkspace({ ".infragate/policies/b.cedar": UNKNOWN_ATTRIBUTE });
    const r = await runVerb(runPolicy, ["validate", "--json"], { cwd: root });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { valid: boolean; problems: { file: string; line: number; message: string; help?: string }[] };
    expect(out.valid).toBe(false);
    expect(out.problems).toContainEqual(expect.objectContaining({ file: ".infragate/policies/b.cedar", line: 3, help: "did you mean `classes`?" }));
  });

  it("valid policies: exit 0", async () => {
    const root = makeWorkspace({ ".infragate/policies/ok.cedar": '@id("mine.ok")\n@reason("fine")\nforbid (principal, action == Action::"file.write", resource) when { resource.env == "prod" };\n' });
    const r = await runVerb(runPolicy, ["validate"], { cwd: root });
    expect(r.stdout).toMatch(/^ok: \d+ policies valid/);
    expect(r.code).toBe(0);
  });
});
