/** No regex in src/ can be driven into catastrophic backtracking: each one (every literal, found by a lexer,
 *  and the ones built at run time) runs its slowest generated input (long runs of the characters its classes
 *  accept, near-misses at the end) at 100 KB, in a worker that is stopped when one regex takes too long. */
import path from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { GUARDED_PROGRAMS } from "../../src/clis/registry.js";
import { globToRegExp as configGlob } from "../../src/config/glob.js";
import { compileSegmentGlob } from "../../src/util/segment-glob.js";
import { srcRegexes, type FoundRegex } from "./support/regexes.js";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const FULL = 100 * 1024;
/** Generous: a linear regex takes well under 50 ms on 100 KB even on a loaded machine. */
const LIMIT_MS = 2_000;

interface Entry extends FoundRegex {
  readonly attacks?: readonly { head: string; unit: string; tail: string }[];
}

const DYNAMIC: readonly Entry[] = [
  { where: "src/decide/shell-ops.ts GUARDED_WORD", source: `(?:^|[^A-Za-z0-9_-])(?:${GUARDED_PROGRAMS.join("|")})(?![A-Za-z0-9_-])`, flags: "", attacks: [{ head: "", unit: "terraformx", tail: "" }] },
  { where: "src/config/glob.ts globToRegExp(**/*.tfvars)", ...re(configGlob("**/*.tfvars")), attacks: [{ head: "", unit: "a/", tail: "x" }] },
  { where: "src/config/glob.ts globToRegExp(envs/**/prod-*)", ...re(configGlob("envs/**/prod-*")), attacks: [{ head: "envs/", unit: "prod-/", tail: "" }] },
  // Agent-controlled: the glob of `cp *a*a*...b x` is matched against directory entries (names up to 255 chars).
];

function re(r: RegExp): { source: string; flags: string } {
  return { source: r.source, flags: r.flags };
}

/** Quadratic or worse, in code outside test/robustness's remit: reported (see docs/limits.md), skipped here so
 *  the audit stays fast, and listed as todos. Key: file and pattern (line numbers move). */
const KNOWN: Readonly<Record<string, string>> = {};

function knownKey(e: FoundRegex): string {
  const file = e.where.split(/[: ]/)[0] as string;
  return e.where.includes("globToRegExp") && file.includes("archive-tree") ? `${file} globToRegExp` : `${file} /${e.source}/${e.flags}`;
}

interface Slow {
  readonly where: string;
  readonly pattern: string;
  readonly phase: string;
  readonly input?: string;
  readonly ms?: number;
}

/** Run every regex in a worker; a regex that does not finish in time is recorded and the worker restarted. */
async function audit(entries: readonly Entry[]): Promise<{ slow: Slow[]; times: number[] }> {
  const slow: Slow[] = [];
  const times: number[] = [];
  let start = 0;
  while (start < entries.length) {
    start = await new Promise<number>((resolve, reject) => {
      const worker = new Worker(new URL("./support/redos-worker.mjs", import.meta.url), {
        workerData: { regexes: entries, start, screenSize: 2_000, fullSize: FULL },
      });
      let current = start;
      let phase = "screen";
      let input: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      const arm = (ms: number): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const e = entries[current] as Entry;
          slow.push({ where: e.where, pattern: `/${e.source}/${e.flags}`, phase, ...(input ? { input } : {}) });
          void worker.terminate();
          resolve(current + 1);
        }, ms);
      };
      worker.on("message", (m: { i?: number; phase?: string; input?: string; result?: { ms: number; input: string }; done?: boolean }) => {
        if (m.done) {
          clearTimeout(timer);
          void worker.terminate();
          resolve(entries.length);
        } else if (m.result) {
          times.push(m.result.ms);
          if (m.result.ms > LIMIT_MS) slow.push({ where: entries[m.i as number]?.where ?? "", pattern: entries[m.i as number]?.source ?? "", phase: "full", input: m.result.input, ms: m.result.ms });
        } else if (m.phase === "full") {
          phase = "full";
          input = m.input;
          arm(LIMIT_MS * 2);
        } else if (m.i !== undefined) {
          current = m.i;
          phase = "screen";
          input = undefined;
          arm(LIMIT_MS * 5);
        }
      });
      worker.on("error", (err) => {
        clearTimeout(timer);
        reject(err);
      });
    });
  }
  return { slow, times };
}

describe("regex audit", () => {
  const literals = srcRegexes(ROOT);
  it("finds the regex literals of src/", () => {
    expect(literals.length).toBeGreaterThan(200);
    for (const r of literals) expect(() => new RegExp(r.source, r.flags), r.where).not.toThrow();
  });
  it(`every regex finishes its slowest 100 KB input within ${LIMIT_MS} ms`, async () => {
    const entries = [...literals, ...DYNAMIC].filter((e) => KNOWN[knownKey(e)] === undefined);
    const { slow, times } = await audit(entries);
    console.log(`regex audit: ${times.length + slow.length} regexes, slowest full run ${Math.max(...times).toFixed(1)} ms`);
    expect(slow, JSON.stringify(slow, null, 2)).toEqual([]);
  }, 300_000);
  it("every known slow regex still exists (remove fixed ones from KNOWN)", () => {
    const keys = new Set([...literals, ...DYNAMIC].map(knownKey));
    for (const k of Object.keys(KNOWN)) expect(keys.has(k), k).toBe(true);
  });
  for (const [k, why] of Object.entries(KNOWN)) it.todo(`ReDoS outside this suite's remit: ${k}: ${why}`);

  it("matches agent-given segment globs without a regex (src/util/segment-glob.ts), even *a*a*...*b on a long name", () => {
    const matches = compileSegmentGlob(`${"*a".repeat(12)}*b`);
    const t0 = performance.now();
    expect(matches("a".repeat(255))).toBe(false);
    expect(matches(`${"a".repeat(254)}b`)).toBe(true);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
