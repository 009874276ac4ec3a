import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit } from "../../src/audit/index.js";
import { runAudit, runAuditHead, runAuditShow, runAuditVerify, type AuditVerb } from "../../src/audit/cli.js";
import { input, logFiles, readLines, removeHome, tempHome, writeLines } from "./helpers.js";

let home: string;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await removeHome(home);
});

async function call(verb: AuditVerb, args: string[], env: Record<string, string | undefined> = { INFRAGATE_HOME: home }) {
  let stdout = "";
  let stderr = "";
  const code = await verb(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env });
  return { code, stdout, stderr };
}

async function seed(): Promise<void> {
  await appendAudit(home, input({ time: "2025-01-01T10:00:00Z", decision: "allow", action: "terraform plan" }));
  await appendAudit(home, input({ time: "2025-01-02T10:00:00Z", decision: "deny", agent: "cursor", action: "terraform destroy -auto-approve", policies: ["terraform.destroy"] }));
  await appendAudit(home, input({ time: "2025-01-03T10:00:00Z", decision: "ask", action: "terraform apply", policies: ["terraform.apply"] }));
}

describe("audit verify", () => {
  it("exits 0 on a valid log and 1 naming the broken entry", async () => {
    await seed();
    const ok = await call(runAuditVerify, []);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit log OK: 3 entries in 1 file/);
    expect(ok.stdout).toMatch(/head: seq 3 [0-9a-f]{64}/);

    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    lines[1] = (lines[1] as string).replace('"decision":"deny"', '"decision":"allow"');
    await writeLines(home, file as string, lines);
    const broken = await call(runAuditVerify, []);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN/);
    expect(broken.stdout).toContain(`[hash] ${file}:2 (seq 2): stored hash does not match its content: the entry was edited`);

    const json = await call(runAuditVerify, ["--json"]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, problems: [{ kind: "hash", file, line: 2, seq: 2 }] });
  });

  it("checks an anchored head from `audit head`", async () => {
    await seed();
    const head = JSON.parse((await call(runAuditHead, ["--json"])).stdout) as { seq: number; hash: string };
    expect(head.seq).toBe(3);
    await appendAudit(home, input());
    const later = await call(runAuditVerify, ["--head", head.hash]);
    expect(later.code).toBe(0);
    expect(later.stdout).toContain(`anchor ${head.hash} found at seq 3 (1 entries after it)`);

    const [file] = await logFiles(home);
    await writeLines(home, file as string, (await readLines(home, file as string)).slice(0, 2));
    const truncated = await call(runAuditVerify, [`--head=${head.hash}`]);
    expect(truncated.code).toBe(1);
    expect(truncated.stdout).toMatch(/\[anchor\] the anchored head [0-9a-f]{64} is not in the log: the log was truncated or rewritten/);
  });

  it("exits 2 on bad usage", async () => {
    expect((await call(runAuditVerify, ["--head", "xyz"])).code).toBe(2);
    expect((await call(runAuditVerify, ["--head"])).code).toBe(2);
    expect((await call(runAuditVerify, ["--bogus"])).code).toBe(2);
    expect((await call(runAuditVerify, ["--json=1"])).code).toBe(2);
    const noHome = await call(runAuditVerify, [], {});
    expect(noHome.code).toBe(2);
    expect(noHome.stderr).toMatch(/INFRAGATE_HOME/);
  });
});

describe("audit head", () => {
  it("prints the head, also of an empty log", async () => {
    const empty = await call(runAuditHead, []);
    expect(empty).toMatchObject({ code: 0, stdout: `seq 0 ${"0".repeat(64)} (empty log)\n` });
    await seed();
    const r = await call(runAuditHead, []);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^seq 3 [0-9a-f]{64}\n$/);
  });
});

describe("audit show", () => {
  it("prints a table and JSON lines, with filters", async () => {
    await seed();
    const table = await call(runAuditShow, []);
    expect(table.code).toBe(0);
    const rows = table.stdout.trim().split("\n");
    expect(rows[0]).toMatch(/^SEQ\s+TIME\s+DECISION\s+AGENT\s+TOOL\s+ACTION\s+POLICIES$/);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/^2\s+2025-01-02T10:00:00Z\s+deny\s+cursor\s+Bash\s+terraform destroy -auto-approve\s+terraform.destroy$/);

    const denies = await call(runAuditShow, ["--decision", "deny", "--json"]);
    const parsed = denies.stdout.trim().split("\n").map((l) => JSON.parse(l) as { seq: number });
    expect(parsed.map((e) => e.seq)).toEqual([2]);

    const lastTwo = await call(runAuditShow, ["--limit", "2", "--json"]);
    expect(lastTwo.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([2, 3]);

    const since = await call(runAuditShow, ["--since", "2025-01-02T00:00:00Z", "--until=2025-01-03T00:00:00Z", "--agent", "cursor", "--json"]);
    expect(since.stdout.trim().split("\n")).toHaveLength(1);

    expect((await call(runAuditShow, ["--decision", "deny", "--agent", "nobody"])).stdout).toBe("no entries\n");
  });

  it("exits 2 on bad filters", async () => {
    expect((await call(runAuditShow, ["--decision", "maybe"])).code).toBe(2);
    expect((await call(runAuditShow, ["--since", "yesterday"])).code).toBe(2);
    expect((await call(runAuditShow, ["--limit", "-1"])).code).toBe(2);
    expect((await call(runAuditShow, ["extra"])).code).toBe(2);
  });

  it("warns about unreadable lines", async () => {
    await seed();
    const [file] = await logFiles(home);
    await writeLines(home, file as string, [...(await readLines(home, file as string)), "{torn"]);
    const r = await call(runAuditShow, ["--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/1 line\(s\) could not be read/);
  });
});

describe("help and dispatch", () => {
  it.each([["verify"], ["head"], ["show"]])("audit %s --help", async (verb) => {
    const r = await call(runAudit, [verb, "--help"], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`usage: infragate audit ${verb}`);
  });

  it("lists the verbs and rejects unknown ones", async () => {
    expect((await call(runAudit, ["--help"])).stdout).toMatch(/verify.*\n.*head.*\n.*show/);
    const bad = await call(runAudit, ["frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown verb 'frobnicate'/);
    expect((await call(runAudit, [])).code).toBe(2);
    expect((await call(runAudit, ["verify"])).code).toBe(0);
  });
});
