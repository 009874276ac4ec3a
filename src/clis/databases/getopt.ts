/** getopt_long in order: every option with its value, as given (psql runs -c and -f in that order). */
import type { OptionSpec } from "../file-tools/args.js";

export interface OrderedOption {
  readonly name: string;
  readonly value: string | undefined;
}

export function orderedOptions(args: readonly string[], spec: OptionSpec): OrderedOption[] {
  const out: OrderedOption[] = [];
  const shortValued = spec.shortValued ?? "";
  const longValued = new Set(spec.longValued ?? []);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") break;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = a.slice(2, eq < 0 ? undefined : eq);
      if (eq >= 0) out.push({ name, value: a.slice(eq + 1) });
      else out.push({ name, value: longValued.has(name) ? args[++i] : undefined });
      continue;
    }
    if (!a.startsWith("-") || a.length < 2) continue;
    for (let j = 1; j < a.length; j++) {
      const ch = a[j] ?? "";
      if (shortValued.includes(ch)) {
        const rest = a.slice(j + 1);
        out.push({ name: ch, value: rest.length > 0 ? rest : args[++i] });
        break;
      }
      out.push({ name: ch, value: undefined });
    }
  }
  return out;
}

/** Values of the options named, in the order given. */
export function valuesOf(opts: readonly OrderedOption[], ...names: string[]): string[] {
  return opts.filter((o) => names.includes(o.name) && o.value !== undefined).map((o) => o.value as string);
}
