import { spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, AuditEntrySchema, entryHash, verifyAudit } from "../../src/audit/index.js";
import { compileAudit, FIXTURES } from "./build.js";
import { input, logFiles, rawLog, readLines, removeHome, tempHome } from "./helpers.js";

let build: { root: string; moduleDir: string };
let home: string;

beforeAll(async () => {
  build = await compileAudit();
}, 240_000);
afterAll(async () => {
  if (build) await rm(build.root, { recursive: true, force: true });
});
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await removeHome(home);
});

/**
 * No timing assumption decides an outcome here: on a loaded machine a process can wait seconds for the
 * lock or for the CPU. Every wait is bounded by a generous limit (WAIT), locks never age out during a
 * test (STALE), and the assertions are on what landed in the log.
 */
const WAIT = 120_000;
const STALE = 10 * 60_000;
const TEST_TIMEOUT = 240_000;

interface Run {
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string }>;
  readonly child: ReturnType<typeof spawn>;
  /** Resolves when the child has printed `text` (whenever it printed it), rejects if it exits first. */
  printed(text: string): Promise<void>;
}

function run(script: string, args: readonly string[]): Run {
  const child = spawn(process.execPath, [join(FIXTURES, script), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: Array<() => void> = [];
  child.stdout?.on("data", (d: Buffer) => {
    stdout += d.toString();
    for (const w of waiters) w();
  });
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  const printed = (text: string): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (stdout.includes(text)) resolve();
      };
      waiters.push(check);
      check();
      void done.then((r) => reject(new Error(`${script} exited (${r.code}) before printing ${text}: ${r.stderr}`)));
    });
  return { done, child, printed };
}

/** The worker's arguments: a generous lock wait, and no stale-age breaking while the test runs. */
function worker(id: number, count: number, maxBytes: number): string[] {
  return [build.moduleDir, home, String(id), String(count), String(maxBytes), String(WAIT), String(STALE)];
}

describe("concurrent appends from real processes", () => {
  it("24 hook processes at once, 5 appends each: every append lands, in one valid chain", async () => {
    const results = await Promise.all(Array.from({ length: 24 }, (_, id) => run("append-worker.mjs", worker(id, 5, 10 * 1024 * 1024)).done));
    for (const r of results) {
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout)).toMatchObject({ failures: [] });
    }
    expect(await verifyAudit(home)).toMatchObject({ ok: true, entries: 24 * 5 });
  }, TEST_TIMEOUT);

  it("8 processes x 50 appends plus 50 in-process appends: no torn line, valid chain, rotation included", async () => {
    const workers = 8;
    const perWorker = 50;
    const maxBytes = 32 * 1024;
    const children = Array.from({ length: workers }, (_, id) =>
      run("append-worker.mjs", worker(id, perWorker, maxBytes)).done,
    );
    const local = Array.from({ length: 50 }, (_, i) =>
      appendAudit(home, input({ agent: "in-process", action: `terraform plan ${i}` }), { maxBytes, lockTimeoutMs: WAIT, staleLockMs: STALE }),
    );
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
  }, TEST_TIMEOUT);

  it("recovers the lock from a holder killed while holding it (by its pid, not by the lock's age)", async () => {
    await mkdir(join(home, "audit"), { recursive: true });
    const holder = run("lock-holder.mjs", [build.moduleDir, join(home, "audit", "append.lock")]);
    await holder.printed("locked");
    // While the holder lives, the lock is respected (and never ages out: STALE is longer than the test).
    expect((await appendAudit(home, input(), { lockTimeoutMs: 200, staleLockMs: STALE })).ok).toBe(false);
    holder.child.kill("SIGKILL");
    await holder.done;
    // Its pid is gone: the lock is stale and broken. The age rule cannot have broken it (STALE), so the
    // pid check did, however long the machine took.
    expect((await appendAudit(home, input(), { lockTimeoutMs: WAIT, staleLockMs: STALE })).ok).toBe(true);
    expect(await verifyAudit(home)).toMatchObject({ ok: true, entries: 1 });
  }, TEST_TIMEOUT);
});
