/** docs/policies.md: every example's files are written into a temporary workspace, validated, and its case
 *  table run; the explain excerpt must appear in the real output; the guide's claims about facts hold. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runExplain } from "../../src/cli/explain.js";
import { runPolicy } from "../../src/cli/policy.js";
import { runPolicyTest } from "../../src/cli/policy-test.js";
import { getPackageRoot } from "../../src/policy/pack.js";
import { runVerb } from "../cli/run-cli.js";
import { makeWorkspace, tempDir } from "../cli/workspace.js";

interface Block {
  readonly info: string;
  readonly body: string;
}
interface Example {
  readonly name: string;
  readonly blocks: Block[];
}

const GUIDE = fs.readFileSync(path.join(getPackageRoot(), "docs", "policies.md"), "utf8");

function examples(text: string): Example[] {
  const out: Example[] = [];
  let current: Example | undefined;
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const marker = /^<!-- example: (.+) -->$/.exec(line);
    if (marker) {
      current = { name: marker[1] as string, blocks: [] };
      out.push(current);
      continue;
    }
    const fence = /^```(\S*)(.*)$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    for (i++; i < lines.length && lines[i] !== "```"; i++) body.push(lines[i] as string);
    if (current) current.blocks.push({ info: `${fence[1]}${fence[2]}`, body: `${body.join("\n")}\n` });
  }
  return out;
}

const attr = (info: string, name: string): string | undefined => new RegExp(`${name}="([^"]*)"|${name}=(\\S+)`).exec(info)?.slice(1).find((x) => x !== undefined);

function workspaceFor(ex: Example): string {
  const files: Record<string, string> = {};
  for (const b of ex.blocks) {
    const file = attr(b.info, "file");
    if (file) files[file] = b.body;
  }
  return makeWorkspace(files);
}

const all = examples(GUIDE);

describe("docs/policies.md", { timeout: 120_000 }, () => {
  it("has the examples the guide promises, each with a policy and a case table", () => {
    expect(all.map((e) => e.name)).toEqual(["prod", "prod-databases", "budget", "allow-list", "mcp"]);
    for (const ex of all) {
      const files = ex.blocks.map((b) => attr(b.info, "file") ?? "");
      expect(files.some((f) => f.endsWith(".cedar")), ex.name).toBe(true);
      expect(files.some((f) => f.endsWith(".test.yaml")), ex.name).toBe(true);
    }
  });

  for (const ex of all) {
    it(`example "${ex.name}": the policies validate and the case table passes`, async () => {
      const root = workspaceFor(ex);
      const validate = await runVerb(runPolicy, ["validate"], { cwd: root });
      expect(validate.stdout).toMatch(/^ok: /);
      expect(validate.code).toBe(0);
      const test = await runVerb(runPolicyTest, [], { cwd: root });
      expect(test.stdout).toMatch(/^PASS: (\d+)\/\1 cases pass/m);
      expect(test.code).toBe(0);
      for (const b of ex.blocks) {
        const args = attr(b.info, "explain");
        if (!args) continue;
        fs.mkdirSync(path.join(root, "infra", "prod", "network"), { recursive: true });
        const r = await runVerb(runExplain, args.split(" "), { cwd: root, env: { INFRAGATE_HOME: tempDir() } });
        const out = r.stdout.split(root).join("/repo").split("\n").map((l) => l.trim());
        for (const want of b.body.split("\n").map((l) => l.trim()).filter((l) => l.length > 0)) expect(out, want).toContain(want);
      }
    });
  }

  it("the claim about facts holds: spellings of a destroy are the same destroy", async () => {
    const root = makeWorkspace();
    for (const command of ["terraform   destroy", "tf destroy", "sudo -E terraform destroy", "TF_CLI_ARGS=-destroy terraform apply"]) {
      const r = await runVerb(runExplain, ["--json", "--", command], { cwd: root, env: { INFRAGATE_HOME: tempDir() } });
      expect((JSON.parse(r.stdout) as { policies: string[] }).policies, command).toContain("terraform.destroy");
    }
  });
});
