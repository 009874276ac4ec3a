/**
 * The state-swap sequence end to end with the REAL Claude Code CLI (offline, fake Messages API, stub
 * terraform on PATH), in bypassPermissions mode. First session: `terraform plan` runs and lets the hook
 * fingerprint the state; `./restore-old-state.sh` is blocked before it runs, because the gate reads the
 * script and sees it copy another lineage's state over terraform.tfstate. Then the script runs anyway, out
 * of the gate's sight (a human, a cron job). Second session: the next `terraform apply` is blocked by the
 * fingerprint, with the lineage change in the reason the model sees; retrying is still blocked;
 * `infragate state accept` is blocked too (a human's verb).
 */
import fs from "node:fs";
import path from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";
import { runClaude, type ClaudeRun } from "./support/claude.js";
import { startFakeAnthropic, type FakeAnthropic, type PlannedCall } from "./support/fake-anthropic.js";
import { makeProject, type E2eProject } from "./support/project.js";

const OLD_STATE = '{"version":4,"terraform_version":"1.11.4","serial":40,"lineage":"0ld0ld00-prod","outputs":{},"resources":[]}\n';
const bash = (command: string): PlannedCall => ({ name: "Bash", input: { command, description: "e2e" } });

interface Step {
  readonly call: PlannedCall;
  readonly expect: "ran" | "blocked";
  readonly stub?: string;
  readonly reason?: RegExp;
}

const FIRST: readonly Step[] = [
  { call: bash("terraform plan"), expect: "ran", stub: "terraform plan" },
  { call: bash("./restore-old-state.sh"), expect: "blocked", reason: /\.\/restore-old-state\.sh -> cp .*\(cp write \S*terraform\.tfstate\): \[state\.write-state-file\]/ },
];

const STEPS: readonly Step[] = [
  { call: bash("terraform apply"), expect: "blocked", reason: /state lineage changed: lineage aaaa serial 1 → lineage 0ld0ld00… serial 40\)?: \[state-swap\.lineage-changed\]/ },
  { call: bash("terraform apply"), expect: "blocked", reason: /state lineage changed: lineage aaaa serial 1 → lineage 0ld0ld00… serial 40/ },
  { call: bash("infragate state accept"), expect: "blocked", reason: /self-protection\.admin-verbs/ },
  { call: bash("terraform plan"), expect: "ran", stub: "terraform plan" },
];

describe("state swap with the real Claude Code CLI (bypassPermissions)", () => {
  let project: E2eProject;
  let api: FakeAnthropic;
  let run: ClaudeRun;
  let ids: string[];
  let first: FakeAnthropic;
  let firstRun: ClaudeRun;
  let firstIds: string[];

  beforeAll(async () => {
    await ensureBuilt();
    project = await makeProject("stateswap");
    const { infragate } = await import("./support/project.js");
    const installed = await infragate(project, ["install", "claude-code", "--json"]);
    expect(installed.code, installed.stderr).toBe(0);
    const old = path.join(project.dir, "..", "old-prod.tfstate");
    fs.writeFileSync(old, OLD_STATE);
    const script = path.join(project.dir, "restore-old-state.sh");
    fs.writeFileSync(script, `#!/bin/sh\ncp '${old}' terraform.tfstate\n`, { mode: 0o755 });
    first = await startFakeAnthropic(FIRST.map((s) => s.call));
    firstRun = await runClaude(project, first.url, "Restore the infrastructure in this project.", "bypassPermissions");
    firstIds = [...first.calls.keys()];
    // Out of the gate's sight: the script runs anyway.
    await execa(script, [], { cwd: project.dir });
    api = await startFakeAnthropic(STEPS.map((s) => s.call));
    run = await runClaude(project, api.url, "Restore the infrastructure in this project.", "bypassPermissions");
    ids = [...api.calls.keys()];
    fs.writeFileSync(path.join(project.dir, "..", "e2e-transcript.json"), JSON.stringify({ results: [...api.results.values()], denials: run.denials, stderr: run.stderr }, null, 2));
  }, 180_000);

  afterAll(async () => {
    await first?.close();
    await api?.close();
  });

  it("first session: plan ran; the script was blocked before it ran, by what it would do", () => {
    expect(firstRun.code, firstRun.stderr).toBe(0);
    expect(firstIds).toHaveLength(FIRST.length);
    expect(firstRun.denials.map((d) => d.tool_use_id)).toEqual([firstIds[1]]);
    expect(first.results.get(firstIds[1] as string)?.content).toMatch(FIRST[1]?.reason as RegExp);
  });

  it("ran the whole plan against the fake API", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(ids).toHaveLength(STEPS.length);
  });

  STEPS.forEach((step, i) => {
    it(`${i + 1}. ${step.expect}: ${JSON.stringify(step.call.input.command)}`, () => {
      const id = ids[i] as string;
      const result = api.results.get(id);
      expect(result, `no tool_result for ${id}`).toBeDefined();
      const denied = run.denials.some((d) => d.tool_use_id === id);
      if (step.expect === "blocked") {
        expect(denied, `permission_denials lacks step ${i + 1}`).toBe(true);
        expect(result?.content).toMatch(/infragate/);
        if (step.reason) expect(result?.content).toMatch(step.reason);
      } else {
        expect(denied, `step ${i + 1} was denied: ${result?.content}`).toBe(false);
      }
    });
  });

  it("the script really swapped the state, and no apply ran", () => {
    expect(project.read("terraform.tfstate")).toBe(OLD_STATE);
    const calls = project.stubCalls();
    expect(calls.filter((c) => c.startsWith("terraform apply"))).toEqual([]);
    expect(calls.filter((c) => c === "terraform plan")).toHaveLength(2);
  });

  it("the baseline under INFRAGATE_HOME still holds the old lineage", () => {
    const dir = path.join(project.infragateHome, "state");
    const records = fs.readdirSync(dir).map((n) => JSON.parse(fs.readFileSync(path.join(dir, n), "utf8")) as { baseline: { states: Record<string, { lineage: string }> } });
    const lineages = records.flatMap((r) => Object.values(r.baseline.states).map((s) => s.lineage));
    expect(lineages).toContain("aaaa");
    expect(lineages).not.toContain("0ld0ld00-prod");
  });
});
