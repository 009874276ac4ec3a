import { readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appendAudit, canonicalJson, entryHash, GENESIS_HASH, readAudit, verifyAudit } from "../../src/audit/index.js";
import { input, logFiles, readLines, removeHome, tempHome, writeLines } from "./helpers.js";

let home: string;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await removeHome(home);
});

async function appendN(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const r = await appendAudit(home, input({ action: `terraform plan -out plan${i}`, time: `2025-01-01T00:00:${String(i).padStart(2, "0")}Z` }));
    expect(r.ok).toBe(true);
  }
}

/** Rewrites one line's content and recomputes its hash, the way a careful forger would. */
function forge(line: string, change: (e: Record<string, unknown>) => void): string {
  const e = JSON.parse(line) as Record<string, unknown>;
  change(e);
  e.hash = entryHash(e);
  return canonicalJson(e);
}

describe("append", () => {
  it("chains entries from the genesis hash with monotonic seq", async () => {
    await appendN(3);
    const [file] = await logFiles(home);
    const entries = (await readLines(home, file as string)).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prev).toBe(GENESIS_HASH);
    expect(entries[1]?.prev).toBe(entries[0]?.hash);
    expect(entries[2]?.prev).toBe(entries[1]?.hash);
    for (const e of entries) expect(entryHash(e)).toBe(e.hash);
  });

  it("stores lines in canonical form and returns seq, hash and file", async () => {
    const r = await appendAudit(home, input());
    expect(r).toMatchObject({ ok: true, seq: 1 });
    if (!r.ok) return;
    const [line] = await readLines(home, r.file);
    const parsed = JSON.parse(line as string) as Record<string, unknown>;
    expect(line).toBe(canonicalJson(parsed));
    expect(parsed.hash).toBe(r.hash);
    expect(parsed.time).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const head = JSON.parse(await readFile(join(home, "audit", "head.json"), "utf8"));
    expect(head).toEqual({ seq: 1, hash: r.hash, file: r.file });
  });

  it("rejects invalid input without throwing", async () => {
    const r = await appendAudit(home, { ...input(), decision: "maybe" as "allow" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/decision/);
  });

  it("repairs a missing head.json from the tail of the log", async () => {
    await appendN(2);
    await unlink(join(home, "audit", "head.json"));
    const r = await appendAudit(home, input());
    expect(r).toMatchObject({ ok: true, seq: 3 });
    expect((await verifyAudit(home)).ok).toBe(true);
  });

  it("keeps chaining from head.json when the tail was truncated, so the gap shows", async () => {
    await appendN(4);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    await writeLines(home, file as string, lines.slice(0, 2));
    expect((await appendAudit(home, input())).ok).toBe(true);
    const v = await verifyAudit(home);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ kind: "prev", line: 3, seq: 5 });
  });

  it("appends after a torn last line without merging into it", async () => {
    await appendN(2);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    const { writeFile } = await import("node:fs/promises");
    await writeFile(join(home, "audit", file as string), `${lines.join("\n")}\n{"v":1,"seq":3,"ti`);
    const r = await appendAudit(home, input());
    expect(r).toMatchObject({ ok: true, seq: 3 });
    const v = await verifyAudit(home);
    // The torn line is reported, the chain itself continues intact around it.
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ kind: "parse", line: 3 });
    expect(v.head?.seq).toBe(3);
  });
});

describe("verifyAudit", () => {
  it("passes an untouched log and an empty one", async () => {
    expect(await verifyAudit(home)).toMatchObject({ ok: true, entries: 0, problems: [] });
    await appendN(5);
    const v = await verifyAudit(home);
    expect(v).toMatchObject({ ok: true, entries: 5, problems: [] });
    expect(v.head?.seq).toBe(5);
  });

  it("detects an edited field", async () => {
    await appendN(5);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    lines[2] = (lines[2] as string).replace('"decision":"allow"', '"decision":"deny"');
    await writeLines(home, file as string, lines);
    const v = await verifyAudit(home);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ kind: "hash", file, line: 3, seq: 3 });
    expect(v.problems[0]?.message).toMatch(/edited/);
  });

  it("detects an edit whose hash was recomputed, at the next entry", async () => {
    await appendN(5);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    lines[1] = forge(lines[1] as string, (e) => {
      e.decision = "allow";
      e.reason = "nothing to see";
    });
    await writeLines(home, file as string, lines);
    const v = await verifyAudit(home);
    expect(v.problems[0]).toMatchObject({ kind: "prev", line: 3, seq: 3 });
  });

  it("detects a deleted line", async () => {
    await appendN(5);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    lines.splice(2, 1);
    await writeLines(home, file as string, lines);
    const v = await verifyAudit(home);
    expect(v.ok).toBe(false);
    expect(v.problems).toHaveLength(1);
    expect(v.problems[0]).toMatchObject({ kind: "prev", line: 3, seq: 4 });
    expect(v.problems[0]?.message).toMatch(/seq goes from 2 to 4 \(1 missing\)/);
  });

  it("detects two reordered lines", async () => {
    await appendN(5);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    [lines[1], lines[2]] = [lines[2] as string, lines[1] as string];
    await writeLines(home, file as string, lines);
    const v = await verifyAudit(home);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toMatchObject({ kind: "prev", line: 2, seq: 3 });
  });

  it("detects a forged line inserted with a recomputed hash, at the entry after it", async () => {
    await appendN(4);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    const forged = forge(lines[1] as string, (e) => {
      e.seq = 3;
      e.prev = (JSON.parse(lines[1] as string) as { hash: string }).hash;
      e.action = "terraform destroy -auto-approve";
      e.decision = "allow";
    });
    lines.splice(2, 0, forged);
    await writeLines(home, file as string, lines);
    const v = await verifyAudit(home);
    expect(v.ok).toBe(false);
    // The forged line itself links correctly; the original seq 3 after it does not.
    expect(v.problems[0]).toMatchObject({ kind: "prev", line: 4, seq: 3 });
  });

  it("detects deleted leading entries", async () => {
    await appendN(3);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    await writeLines(home, file as string, lines.slice(1));
    const v = await verifyAudit(home);
    expect(v.problems[0]).toMatchObject({ kind: "genesis", line: 1, seq: 2 });
  });

  it("detects an unknown member and a non-JSON line", async () => {
    await appendN(3);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    lines[0] = (lines[0] as string).replace('{"action"', '{"note":"x","action"');
    lines[1] = "garbage";
    await writeLines(home, file as string, lines);
    const v = await verifyAudit(home);
    expect(v.problems.map((p) => p.kind)).toEqual(["schema", "parse", "prev"]);
  });

  describe("anchored head", () => {
    it("holds when the anchor is the last entry or an earlier one", async () => {
      await appendN(3);
      const v3 = await verifyAudit(home);
      const anchor = v3.head?.hash as string;
      expect(await verifyAudit(home, { head: anchor })).toMatchObject({ ok: true, anchor: { found: true, seq: 3, entriesAfter: 0 } });
      await appendN(2);
      expect(await verifyAudit(home, { head: anchor })).toMatchObject({ ok: true, anchor: { found: true, seq: 3, entriesAfter: 2 } });
    });

    it("detects truncation of the end, which the chain alone cannot see", async () => {
      await appendN(5);
      const anchor = (await verifyAudit(home)).head?.hash as string;
      const [file] = await logFiles(home);
      const lines = await readLines(home, file as string);
      await writeLines(home, file as string, lines.slice(0, 3));
      await unlink(join(home, "audit", "head.json"));
      const unanchored = await verifyAudit(home);
      expect(unanchored.ok).toBe(true);
      const v = await verifyAudit(home, { head: anchor });
      expect(v.ok).toBe(false);
      expect(v.anchor).toEqual({ hash: anchor, found: false });
      expect(v.problems[0]).toMatchObject({ kind: "anchor" });
      expect(v.problems[0]?.message).toMatch(/truncated or rewritten/);
    });

    it("uses head.json as a local anchor", async () => {
      await appendN(5);
      const [file] = await logFiles(home);
      const lines = await readLines(home, file as string);
      await writeLines(home, file as string, lines.slice(0, 3));
      const v = await verifyAudit(home);
      expect(v.problems).toEqual([expect.objectContaining({ kind: "head-file", seq: 5 })]);
    });

    it("rejects a malformed anchor", async () => {
      await expect(verifyAudit(home, { head: "abc" })).rejects.toThrow(/64/);
    });
  });
});

describe("readAudit", () => {
  it("filters by decision, agent, time and keeps the newest N", async () => {
    await appendAudit(home, input({ time: "2025-01-01T10:00:00Z", decision: "allow", agent: "cursor" }));
    await appendAudit(home, input({ time: "2025-01-02T10:00:00Z", decision: "deny", agent: "claude-code" }));
    await appendAudit(home, input({ time: "2025-01-03T10:00:00Z", decision: "deny", agent: "cursor" }));
    await appendAudit(home, input({ time: "2025-01-04T10:00:00Z", decision: "ask", agent: "cursor" }));
    const seqs = async (f: Parameters<typeof readAudit>[1]) => (await readAudit(home, f)).entries.map((e) => e.seq);
    expect(await seqs({})).toEqual([1, 2, 3, 4]);
    expect(await seqs({ decision: "deny" })).toEqual([2, 3]);
    expect(await seqs({ agent: "cursor" })).toEqual([1, 3, 4]);
    expect(await seqs({ since: "2025-01-02T10:00:00Z", until: "2025-01-04T00:00:00Z" })).toEqual([2, 3]);
    expect(await seqs({ agent: "cursor", limit: 2 })).toEqual([3, 4]);
    expect(await seqs({ limit: 0 })).toEqual([]);
    await expect(readAudit(home, { since: "yesterday" })).rejects.toThrow(/since/);
  });

  it("counts unreadable lines instead of failing", async () => {
    await appendN(2);
    const [file] = await logFiles(home);
    const lines = await readLines(home, file as string);
    await writeLines(home, file as string, [lines[0] as string, "{oops", lines[1] as string]);
    expect(await readAudit(home)).toMatchObject({ invalidLines: 1, entries: [{ seq: 1 }, { seq: 2 }] });
  });
});
