/** The az grammar (knack on argparse): `az GROUP [GROUP...] COMMAND --arg value ...`. The command path is
 *  the leading words (az arguments are options: positionals are rare); options are `--name value`,
 *  `--name=value`, short `-n value` (every short option but -y / -h takes a value), and argparse accepts any
 *  unique prefix of a long option (`--mo Complete` is `--mode Complete`, Azure/azure-cli#580, #22479). The
 *  options the policies read are expanded from their prefixes; a prefix that is ambiguous for the real
 *  command would be an argparse error, so the call would not run. */

const GLOBAL_VALUED = new Set(["output", "query", "subscription"]);
const BOOL_LONG = new Set(["yes", "no-wait", "debug", "verbose", "only-show-errors", "help", "admin", "overwrite", "force", "recursive", "dryrun", "dry-run", "no-prompt", "expose-token", "no-logs", "all", "purge-protection"]);
const BOOL_SHORT = new Set(["y", "h"]);
const SHORT_NAMES: Readonly<Record<string, string>> = { y: "yes", h: "help", o: "output", f: "file" };

/** Long options whose unique prefixes are expanded (the ones the facts and policies read). */
const READ_OPTIONS = [
  "mode", "yes", "admin", "file", "action-on-unmanage", "role", "source-address-prefixes", "source-address-prefix",
  "destination-port-ranges", "destination-port-range", "access", "direction", "protocol", "public-access", "method",
  "allow-blob-public-access", "container-name", "name", "account-name", "blob-url", "destination", "source",
  "pattern", "delete-backup-data", "subscription", "port", "expose-token", "destination-path", "delete-snapshots",
  "start-ip-address", "end-ip-address",
];

export interface AzArgv {
  readonly words: readonly string[];
  readonly options: ReadonlyMap<string, readonly string[]>;
  readonly order: readonly string[];
}

export function expandOption(name: string): string {
  if (READ_OPTIONS.includes(name) || BOOL_LONG.has(name) || GLOBAL_VALUED.has(name)) return name;
  if (name.length < 2) return name;
  const hits = [...new Set([...READ_OPTIONS, ...BOOL_LONG, ...GLOBAL_VALUED])].filter((n) => n.startsWith(name));
  return hits.length === 1 ? (hits[0] as string) : name;
}

/** A word that is an option's value: not an option (a lone `-` is stdin/stdout, `-1` a number). */
function isValue(w: string): boolean {
  return !w.startsWith("-") || w === "-" || /^-\d/.test(w);
}

export function splitAzArgv(argv: readonly string[]): AzArgv {
  const words: string[] = [];
  const options = new Map<string, string[]>();
  const order: string[] = [];
  const add = (name: string, values: string[]): void => {
    options.set(name, [...(options.get(name) ?? []), ...values]);
    order.push(name);
  };
  let seenOption = false;
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w.startsWith("--") && w.length > 2) {
      seenOption = true;
      const body = w.slice(2);
      const eq = body.indexOf("=");
      const name = expandOption(eq >= 0 ? body.slice(0, eq) : body);
      if (eq >= 0) add(name, [body.slice(eq + 1)]);
      else if (BOOL_LONG.has(name)) add(name, []);
      else {
        // Values up to the next option (nargs='+' lists: --source-address-prefixes a b).
        const vs: string[] = [];
        while (i + 1 < argv.length && isValue(argv[i + 1] as string)) vs.push(argv[++i] as string);
        add(name, vs);
      }
      continue;
    }
    if (/^-[A-Za-z]/.test(w)) {
      seenOption = true;
      const c = w[1] as string;
      const name = SHORT_NAMES[c] ?? c;
      if (BOOL_SHORT.has(c)) add(name, []);
      else if (w.length > 2) add(name, [w.slice(2)]);
      else {
        const next = argv[i + 1];
        if (next !== undefined && isValue(next)) {
          add(name, [next]);
          i++;
        } else add(name, []);
      }
      continue;
    }
    if (!seenOption) words.push(w);
    else add("", [w]);
  }
  return { words, options, order };
}

export function optValue(a: AzArgv, ...names: string[]): string | undefined {
  for (const n of names) {
    const vs = a.options.get(n);
    if (vs && vs.length > 0) return vs[vs.length - 1];
  }
  return undefined;
}

export function optValues(a: AzArgv, ...names: string[]): string[] {
  return names.flatMap((n) => [...(a.options.get(n) ?? [])]);
}

export function hasOpt(a: AzArgv, ...names: string[]): boolean {
  return names.some((n) => a.options.has(n));
}
