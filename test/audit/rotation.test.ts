import { stat } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, readAudit, verifyAudit } from "../../src/audit/index.js";
import { chooseLogFile, parseLogFileName } from "../../src/audit/files.js";
import { input, logFiles, readLines, removeHome, tempHome, writeLines } from "./helpers.js";

let home: string;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await removeHome(home);
});

const at = (iso: string) => () => new Date(iso);

describe("rotation", () => {
  it("rotates by size into numbered files and the chain continues across them", async () => {
    for (let i = 0; i < 12; i++) {
      const r = await appendAudit(home, input({ action: `terraform plan ${"x".repeat(200)} ${i}` }), { maxBytes: 2048, now: at("2025-03-01T12:00:00Z") });
      expect(r.ok).toBe(true);
    }
    const files = await logFiles(home);
    expect(files.length).toBeGreaterThan(2);
    expect(files[0]).toBe("audit-2025-03-01.jsonl");
    expect(files).toContain("audit-2025-03-01.1.jsonl");
    for (const f of files) expect((await stat(join(home, "audit", f))).size).toBeLessThanOrEqual(2048);
    // The first entry of each later file links to the last entry of the one before.
    const first = JSON.parse((await readLines(home, files[1] as string))[0] as string) as { prev: string };
    const prevLines = await readLines(home, files[0] as string);
    expect(first.prev).toBe((JSON.parse(prevLines[prevLines.length - 1] as string) as { hash: string }).hash);
    const v = await verifyAudit(home);
    expect(v).toMatchObject({ ok: true, entries: 12 });
    expect(v.files).toEqual(files);
    expect((await readAudit(home)).entries.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("rotates by UTC day", async () => {
    await appendAudit(home, input(), { now: at("2025-03-01T23:59:59Z") });
    await appendAudit(home, input(), { now: at("2025-03-02T00:00:01Z") });
    await appendAudit(home, input(), { now: at("2025-03-02T10:00:00Z") });
    expect(await logFiles(home)).toEqual(["audit-2025-03-01.jsonl", "audit-2025-03-02.jsonl"]);
    expect(await verifyAudit(home)).toMatchObject({ ok: true, entries: 3 });
  });

  it("never writes to a file that sorts before the newest when the clock goes back", async () => {
    await appendAudit(home, input(), { now: at("2025-03-02T10:00:00Z") });
    await appendAudit(home, input(), { now: at("2025-03-01T10:00:00Z") });
    expect(await logFiles(home)).toEqual(["audit-2025-03-02.jsonl"]);
    expect((await verifyAudit(home)).ok).toBe(true);
  });

  it("orders numbered files numerically (.10 after .9)", async () => {
    const names = ["audit-2025-03-01.10.jsonl", "audit-2025-03-01.9.jsonl", "audit-2025-03-01.jsonl", "audit-2025-02-28.3.jsonl"];
    const parsed = names.map((n) => parseLogFileName(n)!);
    const { compareLogFiles } = await import("../../src/audit/files.js");
    expect(parsed.sort(compareLogFiles).map((f) => f.name)).toEqual([
      "audit-2025-02-28.3.jsonl", "audit-2025-03-01.jsonl", "audit-2025-03-01.9.jsonl", "audit-2025-03-01.10.jsonl",
    ]);
    expect(parseLogFileName("audit-2025-03-01.0.jsonl")).toBeUndefined();
    expect(parseLogFileName("head.json")).toBeUndefined();
  });

  it("puts a line bigger than the limit in a file of its own", () => {
    const newest = parseLogFileName("audit-2025-03-01.jsonl");
    expect(chooseLogFile(newest, 0, 5000, new Date("2025-03-01T00:00:00Z"), 1000).name).toBe("audit-2025-03-01.jsonl");
    expect(chooseLogFile(newest, 10, 5000, new Date("2025-03-01T00:00:00Z"), 1000).name).toBe("audit-2025-03-01.1.jsonl");
  });

  it("detects a deleted rotated file and a swapped file order", async () => {
    for (let i = 0; i < 9; i++) await appendAudit(home, input({ action: `x ${"y".repeat(300)}` }), { maxBytes: 2048, now: at("2025-03-01T12:00:00Z") });
    const files = await logFiles(home);
    expect(files.length).toBeGreaterThanOrEqual(3);
    const middle = files[1] as string;
    const saved = await readLines(home, middle);
    const { unlink } = await import("node:fs/promises");
    await unlink(join(home, "audit", middle));
    const v = await verifyAudit(home);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ kind: "prev", file: files[2], line: 1 });
    await writeLines(home, middle, saved);
    expect((await verifyAudit(home)).ok).toBe(true);
  });
});
