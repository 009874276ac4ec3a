/** Properties: a destructive core under any composition of wrappers, nesting, quoting tricks, cd chains and
 *  compound operators is never allowed; a benign command that only mentions the same words is never denied.
 *  Runs per property: INFRAGATE_PROPERTY_RUNS (default 60); seed: INFRAGATE_PROPERTY_SEED (docs/limits.md). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeGate } from "../support/gate.js";
import { composedArb, fcOptions, PROPERTY_TIMEOUT_MS, RUNS, SEED } from "./support/arbitraries.js";
import { render } from "./support/compose.js";
import { BENIGN, DESTRUCTIVE } from "./support/cores.js";

// One workspace per property: decisions are independent (no state file exists, session memory only
// remembers allowed effects, and the properties only assert bounds), so sharing keeps the suite fast.
describe(`compositions (runs=${RUNS}, seed=${SEED})`, () => {
  it(
    "a destructive command is never allowed",
    async () => {
      const gate = makeGate();
      await fc.assert(
        fc.asyncProperty(composedArb(DESTRUCTIVE), async (c) => {
          const r = await gate.shell(c.command);
          expect(r.decision, `${c.core} via [${c.steps.join(", ")}]\n${c.command}\n${r.reason}`).not.toBe("allow");
        }),
        fcOptions,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "a command that only mentions those words as data is never denied",
    async () => {
      const gate = makeGate();
      await fc.assert(
        fc.asyncProperty(composedArb(BENIGN), async (c) => {
          const r = await gate.shell(c.command);
          expect(r.decision, `${c.core} via [${c.steps.join(", ")}]\n${c.command}\n${r.reason}`).not.toBe("deny");
        }),
        fcOptions,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    "bare cores and single steps keep their exact verdict class",
    async () => {
      // Without compositions the verdicts are exact: deny for the destructive cores (ask for .env), allow for data.
      const gate = makeGate();
      for (const core of DESTRUCTIVE) {
        const r = await gate.shell(render(core.node));
        expect(r.decision, `${core.name}: ${r.reason}`).toBe(core.name.includes(".env") ? "ask" : "deny");
      }
      for (const core of BENIGN) {
        const r = await gate.shell(render(core.node));
        expect(r.decision, `${core.name}: ${r.reason}`).toBe("allow");
      }
    },
    PROPERTY_TIMEOUT_MS,
  );
});
