/** fast-check arbitraries over the compositions, and the run settings shared by every property. */
import fc from "fast-check";
import {
  absolute, backticks, encodedPipe, CD_AWAY, CD_HOME, compose, COMPOUNDS, findExec, launcher, NESTINGS, SPELLINGS, spelled, wrapper, xargs,
  type Core, type Step,
} from "./compose.js";

function envInt(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/** Runs per property: small by default (fast suite), raised by the nightly run (docs/limits.md). */
export const RUNS = envInt("INFRAGATE_PROPERTY_RUNS", 60);
/** Fixed seed unless the nightly run picks one; fast-check prints it with every counterexample. */
export const SEED = envInt("INFRAGATE_PROPERTY_SEED", 20_260_101);
/** Steps per composition. */
export const MAX_STEPS = envInt("INFRAGATE_PROPERTY_DEPTH", 5);

export const fcOptions = { numRuns: RUNS, seed: SEED, endOnFailure: true } as const;
/** A time budget per property, scaled with the runs (the machine may be loaded). */
export const PROPERTY_TIMEOUT_MS = 60_000 + RUNS * 1_500;

const WRAPPERS: readonly (readonly string[])[] = [["sudo"], ["sudo", "-E"], ["env", "X=1"], ["timeout", "5"], ["nohup"], ["nice", "-n", "5"], ["command"]];
const LAUNCHERS: readonly (readonly string[])[] = [["npx"], ["npx", "--yes"], ["bunx"], ["pnpm", "dlx"], ["npm", "exec", "--"]];

interface Labelled {
  readonly label: string;
  readonly step: Step;
}

const pick = <T>(items: readonly T[], label: (t: T, i: number) => string, step: (t: T) => Step): fc.Arbitrary<Labelled> =>
  fc.integer({ min: 0, max: items.length - 1 }).map((i) => ({ label: label(items[i] as T, i), step: step(items[i] as T) }));

function stepArb(cwdSensitive: boolean): fc.Arbitrary<Labelled> {
  const nest = Object.entries(NESTINGS);
  const cds = cwdSensitive ? CD_HOME : [...CD_HOME, ...CD_AWAY];
  return fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: WRAPPERS.length - 1 }), fc.boolean()).map(([i, hoist]) => {
      const w = WRAPPERS[i] as readonly string[];
      return { label: `${w.join(" ")}${hoist ? " (env hoisted)" : ""}`, step: wrapper(w, hoist) };
    }),
    fc.constantFrom<Labelled>({ label: "xargs", step: xargs }, { label: "find -exec", step: findExec }, { label: "backticks", step: backticks }, { label: "absolute", step: absolute }),
    pick(SPELLINGS, (_s, i) => `spelling ${i}`, (s) => spelled(s)),
    pick(LAUNCHERS, (l) => l.join(" "), (l) => launcher(l)),
    pick(nest, ([name]) => name, ([, step]) => step),
    fc.tuple(fc.nat(), fc.boolean()).map(([mask, hex]) => ({ label: `printf-encoded ${hex ? "hex" : "octal"} ${mask}`, step: encodedPipe(mask, hex) })),
    pick(cds, (_c, i) => `cd ${i}`, (c) => c),
    pick(COMPOUNDS, (_c, i) => `compound ${i}`, (c) => c),
  );
}

export interface Composed {
  readonly core: string;
  readonly steps: readonly string[];
  readonly command: string;
}

export function composedArb(cores: readonly Core[]): fc.Arbitrary<Composed> {
  return fc.integer({ min: 0, max: cores.length - 1 }).chain((ci) => {
    const core = cores[ci] as Core;
    return fc.array(stepArb(core.cwdSensitive ?? false), { minLength: 1, maxLength: MAX_STEPS }).map((steps) => ({
      core: core.name,
      steps: steps.map((s) => s.label),
      command: compose(core.node, steps.map((s) => s.step)),
    }));
  });
}
