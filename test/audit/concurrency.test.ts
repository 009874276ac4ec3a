import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, AuditEntrySchema, entryHash, verifyAudit } from "../../src/audit/index.js";
import { compileAudit, FIXTURES } from "./build.js";
import { input, logFiles, rawLog, readLines, removeHome, tempHome } from "./helpers.js";

let build: { root: string; moduleDir: string };
let home: string;

beforeAll(async () => {
  build = await compileAudit();
});
afterAll(async () => {
  if (build) await rm(build.root, { recursive: true, force: true });
});
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await removeHome(home);
});

function run(script: string, args: readonly string[]): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; child: ReturnType<typeof spawn> } {
  const child = spawn(process.execPath, [join(FIXTURES, script), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  return { done, child };
}

describe("concurrent appends from real processes", () => {
  it("24 hook processes at once, 5 appends each, default lock timeout: none fails", async () => {
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, id) => run("append-worker.mjs", [build.moduleDir, home, String(id), "5", String(10 * 1024 * 1024)]).done),
    );
    for (const r of results) expect(JSON.parse(r.stdout)).toMatchObject({ failures: [] });
    expect(await verifyAudit(home)).toMatchObject({ ok: true, entries: 24 * 5 });
  }, 60_000);

  it("8 processes x 50 appends plus 50 in-process appends: no torn line, valid chain, rotation included", async () => {
    const workers = 8;
    const perWorker = 50;
    const maxBytes = 32 * 1024;
    const children = Array.from({ length: workers }, (_, id) =>
      run("append-worker.mjs", [build.moduleDir, home, String(id), String(perWorker), String(maxBytes)]).done,
    );
    const local = Array.from({ length: 50 }, (_, i) => appendAudit(home, input({ agent: "in-process", action: `terraform plan ${i}` }), { maxBytes }));
    const [results, localResults] = await Promise.all([Promise.all(children), Promise.all(local)]);

    for (const r of results) {
      expect(r.stderr).toBe("");
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ failures: [] });
    }
    expect(localResults.every((r) => r.ok)).toBe(true);

    const total = workers * perWorker + 50;
    const v = await verifyAudit(home);
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ ok: true, entries: total, head: { seq: total } });

    const files = await logFiles(home);
    expect(files.length).toBeGreaterThan(1);
    const seqs: number[] = [];
    const perWorkerOrder = new Map<string, number[]>();
    for (const f of files) {
      for (const line of await readLines(home, f)) {
        const raw = JSON.parse(line) as Record<string, unknown>;
        const entry = AuditEntrySchema.parse(raw);
        expect(entryHash(raw)).toBe(entry.hash);
        seqs.push(entry.seq);
        const i = (entry.facts as { i?: number }).i;
        if (typeof i === "number") perWorkerOrder.set(entry.agent, [...(perWorkerOrder.get(entry.agent) ?? []), i]);
      }
    }
    expect(seqs).toEqual(Array.from({ length: total }, (_, k) => k + 1));
    // Each process's own appends land in the order it made them.
    expect(perWorkerOrder.size).toBe(workers);
    for (const order of perWorkerOrder.values()) expect(order).toEqual(Array.from({ length: perWorker }, (_, k) => k));

    // No secret from the workers' commands or facts reached the disk.
    const raw = await rawLog(home);
    expect(raw).not.toMatch(/wJalrXUtnFEMIK7MDENGbPxRfiCYzz/);
    expect(raw).not.toMatch(/hunter2/);
    expect(raw).not.toMatch(/ghp_worker/);
    expect(raw).toContain("terraform apply");
  }, 60_000);

  it("recovers the lock from a holder killed while holding it", async () => {
    const holder = run("lock-holder.mjs", [build.moduleDir, join(home, "audit", "append.lock")]);
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(home, "audit"), { recursive: true });
    await new Promise<void>((resolve) => holder.child.stdout?.on("data", (d: Buffer) => d.toString().includes("locked") && resolve()));
    // While the holder lives, the lock is respected.
    expect((await appendAudit(home, input(), { lockTimeoutMs: 200 })).ok).toBe(false);
    holder.child.kill("SIGKILL");
    await holder.done;
    // Its pid is gone: the lock is stale and broken at once, well before the 10 s age rule.
    const started = Date.now();
    expect((await appendAudit(home, input(), { lockTimeoutMs: 2000 })).ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((await verifyAudit(home)).ok).toBe(true);
  }, 30_000);
});
