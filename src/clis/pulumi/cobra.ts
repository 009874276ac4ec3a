/** A cobra/pflag argv scanner, shared by pulumi, kubectl and helm (research/iac-semantics.md 2.3):
 *  `--x`, `--x=v`, `--x v` for valued flags, short flags and clusters (`-yf`, `-nkube-system`, `-n=x`),
 *  flags interspersed with positionals, `--` ends the flags. Flags with an optional value (pflag
 *  NoOptDefVal, such as kubectl `--dry-run`) take a value only with `=`. */

export interface CobraSpec {
  /** Long names that take a value. */
  readonly valued: ReadonlySet<string>;
  /** Long names whose value is optional (only `--x=v` gives one). */
  readonly optional?: ReadonlySet<string>;
  /** Short letter -> long name. Letters not listed are kept as the letter itself. */
  readonly short: Readonly<Record<string, string>>;
}

export interface CobraResult {
  readonly positionals: string[];
  /** Long name (or unmapped letter) -> values in order; a boolean without a value gets "true". */
  readonly flags: Map<string, string[]>;
  /** Words after `--`. */
  readonly afterDash: string[];
}

function add(out: Map<string, string[]>, name: string, value: string): void {
  out.set(name, [...(out.get(name) ?? []), value]);
}

export function scanCobra(argv: readonly string[], spec: CobraSpec): CobraResult {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const takesNext = (name: string): boolean => spec.valued.has(name) && !spec.optional?.has(name);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") return { positionals, flags, afterDash: argv.slice(i + 1) };
    if (a.startsWith("--") && a.length > 2) {
      const body = a.slice(2);
      const eq = body.indexOf("=");
      if (eq >= 0) add(flags, body.slice(0, eq), body.slice(eq + 1));
      else if (takesNext(body) && i + 1 < argv.length) add(flags, body, argv[++i] as string);
      else add(flags, body, spec.optional?.has(body) ? "" : "true");
      continue;
    }
    if (a.startsWith("-") && a.length > 1) {
      const letters = a.slice(1);
      for (let k = 0; k < letters.length; k++) {
        const name = spec.short[letters[k] as string] ?? (letters[k] as string);
        const restOf = letters.slice(k + 1);
        if (restOf.startsWith("=")) {
          add(flags, name, restOf.slice(1));
          break;
        }
        if (takesNext(name)) {
          if (restOf !== "") add(flags, name, restOf);
          else if (i + 1 < argv.length) add(flags, name, argv[++i] as string);
          break;
        }
        add(flags, name, spec.optional?.has(name) ? "" : "true");
      }
      continue;
    }
    positionals.push(a);
  }
  return { positionals, flags, afterDash: [] };
}

const FALSE = new Set(["false", "0", "f", "F", "FALSE", "False"]);

/** A boolean flag (any of the names) is on: its last value is not false. */
export function flagOn(r: CobraResult, ...names: string[]): boolean {
  let on = false;
  for (const n of names) {
    const vs = r.flags.get(n);
    if (vs && vs.length > 0 && !FALSE.has(vs[vs.length - 1] as string)) on = true;
  }
  return on;
}

export function flagValue(r: CobraResult, ...names: string[]): string | undefined {
  for (const n of names) {
    const vs = r.flags.get(n);
    if (vs && vs.length > 0) return vs[vs.length - 1];
  }
  return undefined;
}

export function flagValues(r: CobraResult, ...names: string[]): string[] {
  return names.flatMap((n) => r.flags.get(n) ?? []);
}

/** Booleans that are on (long names), and "name=value" for every other value (cut at 200 chars). */
export function flagFacts(r: CobraResult, valued: ReadonlySet<string>): { flags: string[]; options: string[] } {
  const flags: string[] = [];
  const options: string[] = [];
  for (const [name, vs] of r.flags) {
    if (!valued.has(name)) {
      if (flagOn(r, name)) flags.push(name);
      continue;
    }
    for (const v of vs) options.push(`${name}=${v.length > 200 ? v.slice(0, 200) : v}`);
  }
  return { flags, options };
}

/** Truthy environment values as Go's strconv.ParseBool and pulumi's IsTruthy read them. */
export function envTruthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|t|true|y|yes|on)$/i.test(v.trim());
}
