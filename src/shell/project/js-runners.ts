/** Runners that package.json scripts use to run other scripts or commands: npm-run-all (`run-s`, `run-p`),
 *  concurrently, turbo, lerna, cross-env. Each is rewritten as the commands it runs and walked like them. */
import type { Ctx, Inv, RWord } from "../model.js";
import { compileSegmentGlob } from "../../util/segment-glob.js";
import { chainLabel, findUp, quoteWord, runFresh, type Emit } from "./run.js";
import { loadPackage } from "./package-json.js";

const CONCURRENTLY_VALUES = new Set(["-n", "--names", "-c", "--prefix-colors", "-p", "--prefix", "-l", "--prefix-length", "-t", "--timestamp-format", "-s", "--success", "--restart-tries", "--restart-after", "--max-processes", "-m", "--default-input-target", "--name-separator", "--handle-input", "--pad-prefix"]);
const RUN_ALL_VALUES = new Set(["--max-parallel", "--npm-path", "-l", "--print-label"]);
const TURBO_VALUES = new Set(["--filter", "-F", "--scope", "--ignore", "--since", "--concurrency", "--cache-dir", "--output-logs", "--log-order", "--env-mode", "--graph", "--profile", "--cache"]);

/** Script names a npm-run-all pattern matches (`build:*`, `lint:**`), from the package.json found upward. */
function scriptNames(ctx: Ctx, cwd: string, pattern: string): string[] {
  if (!pattern.includes("*")) return [pattern];
  const found = findUp(ctx, cwd, ["package.json"]);
  const pkg = found ? loadPackage(ctx, found.dir) : undefined;
  if (!pkg?.ok) return [];
  const match = compileSegmentGlob(pattern.replaceAll(":", "/").replaceAll("**", "*"));
  return Object.keys(pkg.pkg.scripts).filter((n) => match(n.replaceAll(":", "/")));
}

/** The words that are not options (skipping the values of `valued` options); `--` ends the options. */
function operands(w: readonly RWord[], valued: ReadonlySet<string>): { operands: RWord[]; afterDashDash: RWord[] } {
  const out: RWord[] = [];
  for (let i = 1; i < w.length; i++) {
    const v = (w[i] as RWord).value;
    if (v === "--") return { operands: out, afterDashDash: w.slice(i + 1) };
    if (v.startsWith("-")) {
      if (valued.has(v)) i++;
      continue;
    }
    out.push(w[i] as RWord);
  }
  return { operands: out, afterDashDash: [] };
}

function walk(inv: Inv, ctx: Ctx, emit: Emit, lines: readonly string[], wrapper: string, link = true): boolean {
  if (lines.length === 0) return false;
  runFresh(inv, ctx, emit, { source: lines.join("\n"), label: link ? chainLabel(inv.text) : "", wrapper, cwd: inv.cwd });
  return true;
}

const asScript = (name: RWord, args: readonly RWord[]): string => ["npm", "run", quoteWord(name), ...(args.length ? ["--", ...args.map(quoteWord)] : [])].join(" ");

export function followJsRunner(program: string, inv: Inv, ctx: Ctx, emit: Emit): boolean {
  const w = inv.words;
  switch (program) {
    case "run-s":
    case "run-p":
    case "npm-run-all": {
      const { operands: names, afterDashDash } = operands(w, RUN_ALL_VALUES);
      const lines = names.flatMap((n) => (n.unresolved ? [asScript(n, [])] : scriptNames(ctx, inv.cwd, n.value).map((s) => asScript({ value: s, unresolved: false }, afterDashDash))));
      return walk(inv, ctx, emit, lines, program);
    }
    case "concurrently": {
      const { operands: cmds } = operands(w, CONCURRENTLY_VALUES);
      const lines = cmds.map((c) => {
        if (c.unresolved) return quoteWord(c);
        const m = /^(npm|yarn|pnpm|bun):(.+)$/.exec(c.value);
        return m ? `${m[1]} run ${quoteWord({ value: m[2] as string, unresolved: false })}` : c.value;
      });
      return walk(inv, ctx, emit, lines, "concurrently");
    }
    case "turbo":
    case "lerna": {
      // `turbo run build`, `turbo build`, `lerna run build --scope x`: the script in every (or the filtered) workspace.
      const { operands: ops, afterDashDash } = operands(w, TURBO_VALUES);
      const first = ops[0]?.value;
      if (first === undefined || (program === "lerna" && first !== "run")) return false;
      const tasks = (first === "run" ? ops.slice(1) : ops).filter((t) => !t.unresolved);
      const filters = w.flatMap((x, i) => (/^--(filter|scope)(=|$)/.test(x.value) ? [x.value.includes("=") ? x.value.slice(x.value.indexOf("=") + 1) : (w[i + 1]?.value ?? "")] : []));
      const select = filters.length > 0 ? filters.map((f) => `-w ${quoteWord({ value: f, unresolved: false })}`).join(" ") : "-ws";
      const lines = tasks.map((t) => `npm run ${quoteWord(t)} ${select}${afterDashDash.length ? ` -- ${afterDashDash.map(quoteWord).join(" ")}` : ""}`);
      return walk(inv, ctx, emit, lines, program);
    }
    case "cross-env":
    case "cross-env-shell": {
      let i = 1;
      const assigns: string[] = [];
      for (; i < w.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test((w[i] as RWord).value); i++) {
        const v = (w[i] as RWord).value;
        const eq = v.indexOf("=");
        assigns.push(`${v.slice(0, eq)}=${quoteWord({ value: v.slice(eq + 1), unresolved: (w[i] as RWord).unresolved })}`);
      }
      const rest = w.slice(i);
      if (rest.length === 0) return false;
      const line = program === "cross-env-shell" ? `${assigns.length ? `export ${assigns.join(" ")}; ` : ""}${rest.map((r) => r.value).join(" ")}` : [...assigns, ...rest.map(quoteWord)].join(" ");
      return walk(inv, ctx, emit, [line], program, false);
    }
    default:
      return false;
  }
}
