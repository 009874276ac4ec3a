/** A tiny argument reader: `--flag`, `--name value`, `--name=value`, and words after `--`. */
export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly values: ReadonlyMap<string, string>;
  readonly positionals: readonly string[];
  /** Words after a bare `--`, untouched. */
  readonly rest: readonly string[] | undefined;
  readonly unknown: readonly string[];
  /** Options that take a value but were given none (at the end, or before `--` or another option); they
   *  are in `unknown` too. */
  readonly missing: readonly string[];
}

export function parseArgs(args: readonly string[], spec: { flags?: readonly string[]; values?: readonly string[] }): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const positionals: string[] = [];
  const unknown: string[] = [];
  const missing: string[] = [];
  let rest: string[] | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "--") {
      rest = args.slice(i + 1);
      break;
    }
    if (a.startsWith("--") || (a.startsWith("-") && a.length === 2)) {
      const eq = a.indexOf("=");
      const name = (eq >= 0 ? a.slice(0, eq) : a).replace(/^-+/, "");
      if (spec.values?.includes(name)) {
        const next = args[i + 1];
        if (eq < 0 && (next === undefined || next === "--" || (next.startsWith("--") && next.length > 2))) {
          // also unknown, so that every verb that checks `unknown` still stops; `missing` says why
          missing.push(a);
          unknown.push(a);
        }
        else values.set(name, eq >= 0 ? a.slice(eq + 1) : (args[++i] as string));
      } else if (spec.flags?.includes(name) && eq < 0) {
        flags.add(name);
      } else {
        unknown.push(a);
      }
      continue;
    }
    positionals.push(a);
  }
  return { flags, values, positionals, rest, unknown, missing };
}
