/** A yargs-parser-like argv scanner for cdk and cdktf (research/iac-semantics.md 2.3, 5):
 *  `--x=v`, `--x v`, `--no-x`, `--x true|false` for booleans, camelCase = kebab-case, short aliases
 *  and short clusters (`-yf`), array options that take every word up to the next option, `--`. */

export interface YargsSpec {
  /** Long options that take one value. */
  readonly valued: ReadonlySet<string>;
  /** Long options that take every following word up to the next option (yargs `type: 'array'`). */
  readonly arrays: ReadonlySet<string>;
  /** Short alias -> long name. A leading `!` makes it a negative alias (`R` -> `!rollback`). */
  readonly short: Readonly<Record<string, string>>;
}

export interface YargsResult {
  readonly positionals: string[];
  /** Long name -> values in order. Booleans get "true" / "false". */
  readonly options: Map<string, string[]>;
}

/** `requireApproval` -> `require-approval`. */
export function kebab(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function add(out: Map<string, string[]>, name: string, value: string): void {
  const list = out.get(name) ?? [];
  list.push(value);
  out.set(name, list);
}

const BOOL_WORD = /^(true|false)$/i;

export function scanYargs(argv: readonly string[], spec: YargsSpec): YargsResult {
  const positionals: string[] = [];
  const options = new Map<string, string[]>();
  const takes = (name: string): "one" | "many" | "none" => (spec.valued.has(name) ? "one" : spec.arrays.has(name) ? "many" : "none");

  const takeValues = (name: string, i: number): number => {
    const mode = takes(name);
    if (mode === "one") {
      const v = argv[i + 1];
      if (v !== undefined) add(options, name, v);
      return v === undefined ? i : i + 1;
    }
    if (mode === "many") {
      let j = i + 1;
      while (j < argv.length && !(argv[j] as string).startsWith("-")) add(options, name, argv[j++] as string);
      return j - 1;
    }
    const next = argv[i + 1];
    if (next !== undefined && BOOL_WORD.test(next)) {
      add(options, name, next.toLowerCase());
      return i + 1;
    }
    add(options, name, "true");
    return i;
  };

  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const body = a.slice(2);
      const eq = body.indexOf("=");
      const rawName = kebab(eq >= 0 ? body.slice(0, eq) : body);
      if (eq >= 0) {
        add(options, rawName, body.slice(eq + 1));
        continue;
      }
      if (rawName.startsWith("no-") && takes(rawName) === "none" && takes(rawName.slice(3)) === "none") {
        add(options, rawName.slice(3), "false");
        continue;
      }
      i = takeValues(rawName, i);
      continue;
    }
    if (a.startsWith("-") && a.length > 1 && !/^-\d/.test(a)) {
      const letters = a.slice(1);
      const eq = letters.indexOf("=");
      for (let k = 0; k < letters.length; k++) {
        const ch = letters[k] as string;
        const mapped = spec.short[ch] ?? ch;
        if (mapped.startsWith("!")) {
          add(options, mapped.slice(1), "false");
          continue;
        }
        const mode = takes(mapped);
        if (eq === k + 1) {
          add(options, mapped, letters.slice(k + 2));
          break;
        }
        if (mode !== "none" && k < letters.length - 1) {
          add(options, mapped, letters.slice(k + 1));
          break;
        }
        if (k === letters.length - 1) i = takeValues(mapped, i);
        else add(options, mapped, "true");
      }
      continue;
    }
    positionals.push(a);
  }
  return { positionals, options };
}

/** The last value of a boolean option: true / false / undefined when absent. */
export function boolOpt(r: YargsResult, name: string): boolean | undefined {
  const vs = r.options.get(name);
  if (!vs || vs.length === 0) return undefined;
  const last = (vs[vs.length - 1] as string).toLowerCase();
  return !(last === "false" || last === "0" || last === "");
}

export function lastOpt(r: YargsResult, name: string): string | undefined {
  const vs = r.options.get(name);
  return vs && vs.length > 0 ? vs[vs.length - 1] : undefined;
}

export function allOpt(r: YargsResult, name: string): string[] {
  return r.options.get(name) ?? [];
}
