// Group commit: appends of one process that queue together share one lock, one write and one fdatasync; with
// setGroupCommit (the decision service) a group also waits, briefly, for the appends of decisions in flight.
// The assertions are on what landed and on the number of commits, never on how long anything took.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, auditCommits, setGroupCommit, verifyAudit } from "../../src/audit/index.js";
import { input, readLines, removeHome, tempHome, logFiles } from "./helpers.js";

let home: string;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  setGroupCommit(undefined);
  await removeHome(home);
});

async function seqs(): Promise<number[]> {
  const [file] = await logFiles(home);
  if (file === undefined) return [];
  return (await readLines(home, file)).map((l) => (JSON.parse(l) as { seq: number }).seq);
}

describe("group commit", () => {
  it("appends made one after another are one commit each", async () => {
    const before = auditCommits();
    for (let i = 0; i < 3; i++) expect((await appendAudit(home, input({ action: `a${i}` }))).ok).toBe(true);
    expect(auditCommits() - before).toBe(3);
    expect(await seqs()).toEqual([1, 2, 3]);
  });

  it("waits for the decisions in flight, then commits them all at once, in one valid chain", async () => {
    const inFlight = 20;
    setGroupCommit({ expected: () => inFlight, maxDelayMs: 60_000 });
    const before = auditCommits();
    // Queued from separate turns of the event loop, as requests of a service arrive.
    const results = await Promise.all(
      Array.from({ length: inFlight }, (_, i) => new Promise((r) => setTimeout(r, i)).then(() => appendAudit(home, input({ action: `decision ${i}` })))),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(auditCommits() - before).toBe(1);
    expect(await seqs()).toEqual(Array.from({ length: inFlight }, (_, i) => i + 1));
    expect((await verifyAudit(home)).ok).toBe(true);
  });

  it("commits after the delay when the expected appends never come", async () => {
    // A decision in flight that ends without an append (or an expectation that is wrong) must not hold
    // the others back for longer than the delay.
    setGroupCommit({ expected: () => 50, maxDelayMs: 20 });
    const before = auditCommits();
    const results = await Promise.all([0, 1, 2].map((i) => appendAudit(home, input({ action: `b${i}` }))));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(auditCommits() - before).toBeGreaterThanOrEqual(1);
    expect(await seqs()).toEqual([1, 2, 3]);
  });

  it("a head.json of another size (an older version's) is overwritten whole, and chaining continues from it", async () => {
    expect((await appendAudit(home, input())).ok).toBe(true);
    const headFile = join(home, "audit", "head.json");
    const head = JSON.parse(await readFile(headFile, "utf8")) as { seq: number; hash: string; file: string };
    // The older format: the bare JSON line, shorter than the padded one written now.
    await writeFile(headFile, `${JSON.stringify(head)}\n`);
    expect((await appendAudit(home, input({ action: "second" }))).ok).toBe(true);
    const text = await readFile(headFile, "utf8");
    expect((JSON.parse(text) as { seq: number }).seq).toBe(2);
    expect(text.endsWith("\n")).toBe(true);
    expect(await seqs()).toEqual([1, 2]);
    expect((await verifyAudit(home)).ok).toBe(true);
  });
});
