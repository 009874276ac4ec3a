/** The composition helper itself: what it builds is valid bash, and its quoting round-trips. */
import { execFileSync } from "node:child_process";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composedArb, fcOptions } from "./support/arbitraries.js";
import { encodedPipe, render, simple, sq } from "./support/compose.js";
import { BENIGN, DESTRUCTIVE } from "./support/cores.js";

const bash = (args: string[], input?: string): string => execFileSync("bash", args, { encoding: "utf8", ...(input !== undefined ? { input } : {}) });

describe("compose", () => {
  it("single quotes round-trip through bash", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => !s.includes("\0")), (s) => {
        expect(bash(["-c", `printf '%s' ${sq(s)}`])).toBe(s);
      }),
      { ...fcOptions, numRuns: 20 },
    );
  });
  it("every composition is valid bash (bash -n)", () => {
    // One bash reads them all: a function per sample, so one syntax error names its sample.
    const samples = fc.sample(composedArb([...DESTRUCTIVE, ...BENIGN]), { numRuns: 200, seed: fcOptions.seed });
    for (const s of samples) {
      try {
        bash(["-n"], `${s.command}\n`);
      } catch (err) {
        throw new Error(`not valid bash: ${s.core} via [${s.steps.join(", ")}]\n${s.command}\n${String(err)}`);
      }
    }
  });
  it("printf-encoded scripts decode to the original in bash", () => {
    const node = simple("terraform", ["destroy", "-target='a%b\\c'"]);
    for (const hex of [true, false]) {
      for (const mask of [1, 2, 99, 12345]) {
        const text = render(encodedPipe(mask, hex)(node, 0)).replace(/ \| (ba)?sh$/, "");
        expect(bash(["-c", text])).toBe(render(node));
      }
    }
  });
});
